/** Reading a citizen's own consent and its history. */
import type { Actor } from "../audit/events";
import { effectiveStatus, type Consent, type ConsentChange, type EffectiveStatus } from "../consent/consent";
import { requireSubject, type UseCaseDeps } from "./deps";

export interface CurrentConsent {
  consent: Consent | null;
  /** Status as of now: an active consent past its end date reads as expired. */
  status: EffectiveStatus | "none";
  /** A material form version was published after the one this consent was given on. */
  reconsentRequired: boolean;
  latestFormVersion: number | null;
}

export async function getCurrentConsent(deps: UseCaseDeps, actor: Actor, formId: string): Promise<CurrentConsent> {
  const subject = requireSubject(actor);
  const consent = await deps.stores.consents.getBySubject(subject.subjectKey);
  const versions = await deps.stores.forms.list(formId);
  const latest = versions.at(-1) ?? null;
  if (!consent) return { consent: null, status: "none", reconsentRequired: false, latestFormVersion: latest?.version ?? null };
  const status = effectiveStatus(consent, deps.now());
  const given = consent.form?.version ?? 0;
  const reconsentRequired =
    status === "active" && consent.form?.formId === formId && versions.some((v) => v.version > given && v.material);
  return { consent, status, reconsentRequired, latestFormVersion: latest?.version ?? null };
}

export async function getConsentHistory(deps: UseCaseDeps, actor: Actor): Promise<ConsentChange[]> {
  const subject = requireSubject(actor);
  return deps.stores.consents.getHistory(subject.subjectKey);
}
