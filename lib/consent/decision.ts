/**
 * decide(): may this release happen? A pure function of (consent, request, time).
 *
 * Rules, in the order a reader should check them:
 *  - PERMIT only when the consent is active at `now` and every dimension of the request is
 *    covered; otherwise DENY, naming every unmet dimension (deny wins).
 *  - Anything unexpected — no consent, a request or consent that does not parse, an
 *    exception — is a DENY with a reason. The function never throws and never fails open.
 */
import { z } from "zod";
import { Consent, effectiveStatus } from "./consent";
import type { ConsentScope, ResearchScope } from "./scope";
import {
  AiUse,
  CountryCode,
  DataCategory,
  DiseaseCode,
  diseaseCovered,
  geographyAllows,
  RecipientType,
} from "./vocabulary";

// Strict objects: a field the decision does not understand (a misspelt `aiUse`, an extra
// restriction) must not be dropped silently and read as the most permissive default.
export const RequestedPurpose = z.discriminatedUnion("code", [
  z.strictObject({ code: z.literal("GRU") }),
  z.strictObject({ code: z.literal("HMB") }),
  z.strictObject({ code: z.literal("DS"), disease: DiseaseCode }),
]);
export type RequestedPurpose = z.infer<typeof RequestedPurpose>;

export const DecisionRequest = z.strictObject({
  dataCategories: z.array(DataCategory).min(1).max(32),
  purpose: RequestedPurpose,
  /** Set when the data will train or validate an AI model; null for other research. */
  aiUse: AiUse.nullable().default(null),
  recipient: z.strictObject({
    organisation: z.string().trim().min(1).max(200),
    type: RecipientType,
    country: CountryCode,
  }),
  /** The project intends to re-contact the person. */
  requiresRecontact: z.boolean().default(false),
});
export type DecisionRequest = z.infer<typeof DecisionRequest>;
export type DecisionRequestInput = z.input<typeof DecisionRequest>;

export const DENY_REASONS = [
  "NO_CONSENT",
  "CONSENT_WITHDRAWN",
  "CONSENT_EXPIRED",
  "OPTED_OUT",
  "CONSENT_NOT_YET_VALID",
  "DATA_CATEGORY_NOT_COVERED",
  "PURPOSE_NOT_COVERED",
  "AI_USE_NOT_COVERED",
  "RECIPIENT_TYPE_NOT_COVERED",
  "GEOGRAPHY_NOT_COVERED",
  "RECONTACT_NOT_ALLOWED",
  "INVALID_REQUEST",
  "INVALID_CONSENT",
  "EVALUATION_ERROR",
] as const;
export const DenyReasonCode = z.enum(DENY_REASONS);
export type DenyReasonCode = z.infer<typeof DenyReasonCode>;

export const DenyReason = z.object({
  code: DenyReasonCode,
  /** The requested values that the consent does not cover, where that is meaningful. */
  values: z.array(z.string()).optional(),
});
export type DenyReason = z.infer<typeof DenyReason>;

export const Decision = z.discriminatedUnion("decision", [
  z.object({
    decision: z.literal("PERMIT"),
    reasons: z.array(DenyReason).length(0),
    consentId: z.uuid(),
    consentVersion: z.number().int().min(1),
    formVersion: z.number().int().min(1),
    evaluatedAt: z.iso.datetime({ offset: true }),
  }),
  z.object({
    decision: z.literal("DENY"),
    reasons: z.array(DenyReason).min(1),
    consentId: z.uuid().nullable(),
    consentVersion: z.number().int().min(1).nullable(),
    formVersion: z.number().int().min(1).nullable(),
    evaluatedAt: z.iso.datetime({ offset: true }),
  }),
]);
export type Decision = z.infer<typeof Decision>;

function purposeCovered(granted: ResearchScope, requested: RequestedPurpose): boolean {
  switch (granted.level) {
    case "GRU":
      return true;
    case "HMB":
      return requested.code === "HMB" || requested.code === "DS";
    case "DS":
      return requested.code === "DS" && granted.diseases.some((d) => diseaseCovered(d, requested.disease));
    default:
      return false;
  }
}

function scopeReasons(scope: ConsentScope, req: DecisionRequest): DenyReason[] {
  const reasons: DenyReason[] = [];
  const missing = req.dataCategories.filter((c) => !scope.dataCategories.includes(c));
  if (missing.length > 0) reasons.push({ code: "DATA_CATEGORY_NOT_COVERED", values: [...new Set(missing)] });
  if (!purposeCovered(scope.research, req.purpose)) {
    const p = req.purpose;
    reasons.push({ code: "PURPOSE_NOT_COVERED", values: [p.code === "DS" ? `DS:${p.disease}` : p.code] });
  }
  if (req.aiUse !== null && !scope.aiUses.includes(req.aiUse)) {
    reasons.push({ code: "AI_USE_NOT_COVERED", values: [req.aiUse] });
  }
  if (!scope.recipientTypes.includes(req.recipient.type)) {
    reasons.push({ code: "RECIPIENT_TYPE_NOT_COVERED", values: [req.recipient.type] });
  }
  if (!geographyAllows(scope.geography, req.recipient.country)) {
    reasons.push({ code: "GEOGRAPHY_NOT_COVERED", values: [req.recipient.country] });
  }
  if (req.requiresRecontact && !scope.conditions.mayRecontact) reasons.push({ code: "RECONTACT_NOT_ALLOWED" });
  return reasons;
}

function deny(consent: Consent | null, now: Date, reasons: DenyReason[]): Decision {
  return {
    decision: "DENY",
    reasons,
    consentId: consent?.id ?? null,
    consentVersion: consent?.version ?? null,
    formVersion: consent?.form?.version ?? null,
    evaluatedAt: now.toISOString(),
  };
}

function evaluate(consentInput: unknown, requestInput: unknown, now: Date): Decision {
  const parsedRequest = DecisionRequest.safeParse(requestInput);
  if (!parsedRequest.success) return deny(null, now, [{ code: "INVALID_REQUEST" }]);
  if (consentInput === null || consentInput === undefined) return deny(null, now, [{ code: "NO_CONSENT" }]);
  const parsedConsent = Consent.safeParse(consentInput);
  if (!parsedConsent.success) return deny(null, now, [{ code: "INVALID_CONSENT" }]);
  const consent = parsedConsent.data;

  switch (effectiveStatus(consent, now)) {
    case "withdrawn":
      return deny(consent, now, [{ code: "CONSENT_WITHDRAWN" }]);
    case "opted_out":
      return deny(consent, now, [{ code: "OPTED_OUT" }]);
    case "expired":
      return deny(consent, now, [{ code: "CONSENT_EXPIRED" }]);
    case "active":
      break;
    default:
      return deny(consent, now, [{ code: "INVALID_CONSENT" }]);
  }
  if (consent.scope === null || consent.form === null) return deny(consent, now, [{ code: "INVALID_CONSENT" }]);
  if (now.getTime() < Date.parse(consent.updatedAt)) return deny(consent, now, [{ code: "CONSENT_NOT_YET_VALID" }]);

  const reasons = scopeReasons(consent.scope, parsedRequest.data);
  if (reasons.length > 0) return deny(consent, now, reasons);
  return {
    decision: "PERMIT",
    reasons: [],
    consentId: consent.id,
    consentVersion: consent.version,
    formVersion: consent.form.version,
    evaluatedAt: now.toISOString(),
  };
}

/** The times whose toISOString() has the four-digit year that `evaluatedAt` requires. */
const MIN_TIME = Date.parse("0000-01-01T00:00:00.000Z");
const MAX_TIME = Date.parse("9999-12-31T23:59:59.999Z");

export function decide(consent: Consent | null | unknown, request: unknown, now: Date): Decision {
  let at = new Date(0);
  try {
    // Read the clock once, into a plain Date: a Date subclass or Proxy can then neither throw
    // while the denial is being built nor give two different times within one decision.
    const t = now instanceof Date ? Date.prototype.getTime.call(now) : Number.NaN;
    if (!(t >= MIN_TIME && t <= MAX_TIME)) return deny(null, at, [{ code: "EVALUATION_ERROR" }]);
    at = new Date(t);
    return evaluate(consent, request, at);
  } catch {
    return deny(null, at, [{ code: "EVALUATION_ERROR" }]);
  }
}
