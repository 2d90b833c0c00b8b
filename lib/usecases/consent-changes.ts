/**
 * The citizen's consent use cases: grant, amend, withdraw, opt out. Each validates its input
 * with the shared schema, computes the next state with the pure transitions in lib/consent,
 * and writes the change with its typed audit event in one atomic store call.
 */
import { z } from "zod";
import { auditEvent, type Actor, type AuditEvent } from "../audit/events";
import {
  amend,
  ConsentMethod,
  FormReference,
  grant,
  optOut,
  withdraw,
  type Consent,
  type ConsentChange,
  type Transition,
  type TransitionError,
} from "../consent/consent";
import { ConsentScope } from "../consent/scope";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { requireSubject, type SubjectActor, type UseCaseDeps } from "./deps";

export const GrantConsentInput = z.object({
  scope: ConsentScope,
  form: FormReference,
  method: ConsentMethod.default("web"),
});
export type GrantConsentInput = z.input<typeof GrantConsentInput>;

export const AmendConsentInput = GrantConsentInput.extend({
  /** The version the citizen was looking at: a change made meanwhile is not overwritten. */
  expectedVersion: z.number().int().min(1),
});
export type AmendConsentInput = z.input<typeof AmendConsentInput>;

export const WithdrawConsentInput = z.object({
  expectedVersion: z.number().int().min(1),
  method: ConsentMethod.default("web"),
});
export type WithdrawConsentInput = z.input<typeof WithdrawConsentInput>;

export const OptOutInput = z.object({
  /** Null when the citizen has never given consent. */
  expectedVersion: z.number().int().min(1).nullable(),
  method: ConsentMethod.default("web"),
});
export type OptOutInput = z.input<typeof OptOutInput>;

/**
 * The form the citizen saw must be the latest published version, in a language it has, with
 * exactly the published text: a consent records proof of the words agreed to.
 */
async function checkFormShown(deps: UseCaseDeps, ref: FormReference): Promise<void> {
  const form = await deps.stores.forms.get(ref.formId, ref.version);
  if (!form) throw new AppError("FORM_NOT_FOUND");
  const expectedHash = form.textHashes[ref.language];
  if (!expectedHash) throw new AppError("FORM_LANGUAGE_NOT_AVAILABLE");
  if (expectedHash !== ref.textHash) throw new AppError("FORM_TEXT_MISMATCH");
  const latest = await deps.stores.forms.latest(ref.formId);
  if (latest && latest.version !== ref.version) throw new AppError("FORM_VERSION_OUTDATED");
}

function raise(error: TransitionError): never {
  throw new AppError(error.code);
}

function checkExpected(current: Consent | null, expectedVersion: number | null): void {
  if ((current?.version ?? null) !== expectedVersion) throw new AppError("CONFLICT");
}

async function commit(deps: UseCaseDeps, previous: Consent | null, t: Transition, audit: (c: Consent, ch: ConsentChange) => AuditEvent) {
  if (!t.ok) raise(t.error);
  await deps.stores.consents.commitChange({
    consent: t.consent,
    change: t.change,
    expectedVersion: previous?.version ?? 0,
    audit: audit(t.consent, t.change),
  });
  return t.consent;
}

const eventBase = (deps: UseCaseDeps, actor: SubjectActor, at: Date) => ({
  id: deps.newId(),
  at,
  actor,
  subjectKey: actor.subjectKey,
});

export async function grantConsent(deps: UseCaseDeps, actor: Actor, input: unknown): Promise<Consent> {
  const subject = requireSubject(actor);
  const { scope, form, method } = parseInput(GrantConsentInput, input);
  await checkFormShown(deps, form);
  const now = deps.now();
  const current = await deps.stores.consents.getBySubject(subject.subjectKey);
  const t = grant(current, scope, form, { id: deps.newId(), subjectKey: subject.subjectKey, now, method });
  return commit(deps, current, t, (c) =>
    auditEvent("consent.granted", {
      ...eventBase(deps, subject, now),
      data: { consentId: c.id, consentVersion: c.version, scope, form },
    }),
  );
}

export async function amendConsent(deps: UseCaseDeps, actor: Actor, input: unknown): Promise<Consent> {
  const subject = requireSubject(actor);
  const { scope, form, method, expectedVersion } = parseInput(AmendConsentInput, input);
  await checkFormShown(deps, form);
  const now = deps.now();
  const current = await deps.stores.consents.getBySubject(subject.subjectKey);
  if (!current) throw new AppError("CONSENT_NOT_FOUND");
  checkExpected(current, expectedVersion);
  const t = amend(current, scope, form, { id: current.id, subjectKey: subject.subjectKey, now, method });
  return commit(deps, current, t, (c) =>
    auditEvent("consent.amended", {
      ...eventBase(deps, subject, now),
      // amend() only succeeds on an active consent, which always has a scope.
      data: { consentId: c.id, consentVersion: c.version, scope, previousScope: current.scope!, form },
    }),
  );
}

export async function withdrawConsent(deps: UseCaseDeps, actor: Actor, input: unknown): Promise<Consent> {
  const subject = requireSubject(actor);
  const { expectedVersion, method } = parseInput(WithdrawConsentInput, input);
  const now = deps.now();
  const current = await deps.stores.consents.getBySubject(subject.subjectKey);
  if (!current) throw new AppError("CONSENT_NOT_FOUND");
  checkExpected(current, expectedVersion);
  const t = withdraw(current, { id: current.id, subjectKey: subject.subjectKey, now, method });
  return commit(deps, current, t, (c) =>
    auditEvent("consent.withdrawn", { ...eventBase(deps, subject, now), data: { consentId: c.id, consentVersion: c.version } }),
  );
}

export async function optOutOfSecondaryUse(deps: UseCaseDeps, actor: Actor, input: unknown): Promise<Consent> {
  const subject = requireSubject(actor);
  const { expectedVersion, method } = parseInput(OptOutInput, input);
  const now = deps.now();
  const current = await deps.stores.consents.getBySubject(subject.subjectKey);
  checkExpected(current, expectedVersion);
  const t = optOut(current, { id: current?.id ?? deps.newId(), subjectKey: subject.subjectKey, now, method });
  return commit(deps, current, t, (c) =>
    auditEvent("consent.opted_out", { ...eventBase(deps, subject, now), data: { consentId: c.id, consentVersion: c.version } }),
  );
}
