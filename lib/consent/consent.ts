/**
 * A citizen's consent: the current choice and its append-only history. One consent record per
 * subject; each change bumps `version` (optimistic concurrency) and appends one history entry.
 * The transitions below are pure: they compute the next state or return why they cannot.
 */
import { z } from "zod";
import { Sha256Ref } from "../canonical-json";
import { ConsentScope } from "./scope";
import { FormId } from "./form";
import { Language } from "./vocabulary";

export const SubjectKey = z.string().regex(/^[0-9a-f]{64}$/, "64 hex characters (HMAC-SHA256)");
export type SubjectKey = z.infer<typeof SubjectKey>;

export const ConsentStatus = z.enum(["active", "withdrawn", "opted_out"]);
export type ConsentStatus = z.infer<typeof ConsentStatus>;

/** Exactly which text the citizen saw when they made a change. */
export const FormReference = z.object({
  formId: FormId,
  version: z.number().int().min(1),
  language: Language,
  textHash: z.string().regex(Sha256Ref),
});
export type FormReference = z.infer<typeof FormReference>;

/** How the change was expressed. */
export const ConsentMethod = z.enum(["web", "operator-assisted"]);
export type ConsentMethod = z.infer<typeof ConsentMethod>;

export const ConsentAction = z.enum(["granted", "amended", "withdrawn", "opted_out"]);
export type ConsentAction = z.infer<typeof ConsentAction>;

export const ConsentChange = z.object({
  version: z.number().int().min(1),
  action: ConsentAction,
  status: ConsentStatus,
  at: z.iso.datetime({ offset: true }),
  /** The scope after the change; null once withdrawn or opted out. */
  scope: ConsentScope.nullable(),
  /** The form shown for this change; null for a withdrawal or opt-out made without one. */
  form: FormReference.nullable(),
  method: ConsentMethod,
});
export type ConsentChange = z.infer<typeof ConsentChange>;

export const Consent = z.object({
  id: z.uuid(),
  subjectKey: SubjectKey,
  version: z.number().int().min(1),
  status: ConsentStatus,
  scope: ConsentScope.nullable(),
  /** The form the current scope was agreed on (kept after withdrawal, for the record). */
  form: FormReference.nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Consent = z.infer<typeof Consent>;

/** Status as of `now`: an active consent past its end date is expired. */
export type EffectiveStatus = ConsentStatus | "expired";
export function effectiveStatus(consent: Consent, now: Date): EffectiveStatus {
  if (consent.status !== "active") return consent.status;
  const until = consent.scope?.validUntil;
  if (until && Date.parse(until) <= now.getTime()) return "expired";
  return "active";
}

export type TransitionError =
  | { code: "CONSENT_ALREADY_ACTIVE" }
  | { code: "CONSENT_NOT_ACTIVE"; status: EffectiveStatus }
  | { code: "CONSENT_NOT_FOUND" }
  | { code: "ALREADY_OPTED_OUT" }
  | { code: "VALID_UNTIL_IN_PAST" };

export type Transition = { ok: true; consent: Consent; change: ConsentChange } | { ok: false; error: TransitionError };

interface ChangeInput {
  id: string;
  subjectKey: SubjectKey;
  now: Date;
  method: ConsentMethod;
}

function next(
  prev: Consent | null,
  input: ChangeInput,
  action: ConsentAction,
  status: ConsentStatus,
  scope: ConsentScope | null,
  form: FormReference | null,
): Transition {
  const at = input.now.toISOString();
  const version = (prev?.version ?? 0) + 1;
  const consent: Consent = {
    id: prev?.id ?? input.id,
    // A consent never changes hands: an existing record keeps its subject whatever the caller says.
    subjectKey: prev?.subjectKey ?? input.subjectKey,
    version,
    status,
    scope,
    form: form ?? prev?.form ?? null,
    createdAt: prev?.createdAt ?? at,
    updatedAt: at,
  };
  return { ok: true, consent, change: { version, action, status, at, scope, form, method: input.method } };
}

function validUntilInFuture(scope: ConsentScope, now: Date): boolean {
  return scope.validUntil === null || Date.parse(scope.validUntil) > now.getTime();
}

/** Give consent: first time, or again after a withdrawal, expiry or opt-out. */
export function grant(prev: Consent | null, scope: ConsentScope, form: FormReference, input: ChangeInput): Transition {
  if (prev && effectiveStatus(prev, input.now) === "active") return { ok: false, error: { code: "CONSENT_ALREADY_ACTIVE" } };
  if (!validUntilInFuture(scope, input.now)) return { ok: false, error: { code: "VALID_UNTIL_IN_PAST" } };
  return next(prev, input, "granted", "active", scope, form);
}

/** Change the scope of an active consent (also how a citizen renews on a new form version). */
export function amend(prev: Consent | null, scope: ConsentScope, form: FormReference, input: ChangeInput): Transition {
  if (!prev) return { ok: false, error: { code: "CONSENT_NOT_FOUND" } };
  const status = effectiveStatus(prev, input.now);
  if (status !== "active") return { ok: false, error: { code: "CONSENT_NOT_ACTIVE", status } };
  if (!validUntilInFuture(scope, input.now)) return { ok: false, error: { code: "VALID_UNTIL_IN_PAST" } };
  return next(prev, input, "amended", "active", scope, form);
}

/** Withdraw: one step, no scope needed, allowed from any state in which consent was given. */
export function withdraw(prev: Consent | null, input: ChangeInput): Transition {
  if (!prev) return { ok: false, error: { code: "CONSENT_NOT_FOUND" } };
  const status = effectiveStatus(prev, input.now);
  if (status !== "active" && status !== "expired") return { ok: false, error: { code: "CONSENT_NOT_ACTIVE", status } };
  return next(prev, input, "withdrawn", "withdrawn", null, null);
}

/** EHDS Art. 71 opt-out of all secondary use: allowed with or without a prior consent. */
export function optOut(prev: Consent | null, input: ChangeInput): Transition {
  if (prev?.status === "opted_out") return { ok: false, error: { code: "ALREADY_OPTED_OUT" } };
  return next(prev, input, "opted_out", "opted_out", null, null);
}
