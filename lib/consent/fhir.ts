/**
 * A Donum consent as an HL7 FHIR R4 (4.0.1) Consent resource. Pure: no I/O, and the only
 * ambient input, the time, can be passed in.
 *
 * The mapping, and why:
 *  - status: what a FHIR consumer must enforce at `now`. active → "active"; withdrawn and
 *    expired (active past validUntil) → "inactive" ("terminated or replaced"): the citizen's
 *    data-altruism consent no longer authorises anything. An EHDS opt-out → "active" with
 *    policyRule OPTOUT and a root "deny": an opt-out is a directive in force that consumers must
 *    enforce, which is how R4 itself models one (its example consent-example-Out is an active
 *    OPTOUT). R4's "rejected" means "rejected by the executing party" and, like every status but
 *    active, tells consumers to disregard the resource and fall back to their default policy,
 *    which for EHDS secondary use is to permit: an opt-out exported as "rejected" would fail open.
 *    Donum's own status (including "expired") is kept in the consent-status extension.
 *  - policyRule: v3-ActCode OPTINR ("opt-in with restrictions": the citizen assents to the
 *    terms with their own choices) for a given consent, OPTOUT for an opt-out. The R4 binding is
 *    extensible and its code system (consentpolicycodes) has nothing for the DGA or EHDS. The DUO
 *    code of the research level is a purpose, not a regulation, so it goes in provision.purpose.
 *  - provision: see ./fhir/provision.ts for an active (or expired) consent. A withdrawn or
 *    opted-out consent has no scope; its provision is a bare root "deny", so that even a reader
 *    that wrongly ignored the status would find nothing permitted (a policyRule with no
 *    provision would read as an unrestricted opt-in). R4's prose says the root provision has no
 *    type (it is "an exception to the base policy"); Donum sets it anyway, as is common in R4
 *    implementations and as R5 made explicit (Consent.decision), because an implicit root
 *    permit/deny is exactly what a reader could get wrong. The schema allows it.
 *  - patient: subject keys are pseudonymous secrets (HMAC of the national identifier: anyone
 *    holding one can link records across exports, and with the pepper confirm a guessed
 *    identity), so the export never contains one. Unless the caller passes the reference it
 *    already holds, the patient is a display-only Reference of type Patient. toFhirConsent()
 *    refuses to return a resource that contains the subject key anywhere.
 *  - source and policy: the form version, language and text hash the citizen agreed to. The
 *    policy URI urn:donum:form:<formId>:v<version>:<language> names that exact text. R4's
 *    Attachment.hash is the base64 SHA-1 of the attachment's bytes; Donum's hash is SHA-256 over
 *    the canonical JSON of organisation and text, so it travels in the form-text-hash extension
 *    of sourceAttachment, never in Attachment.hash. An opt-out rests on EHDS Art. 71, not on a
 *    form, so it cites the regulation and no form.
 */
import { effectiveStatus, type Consent, type EffectiveStatus, type FormReference } from "./consent";
import {
  CATEGORIES,
  EXTENSIONS,
  POLICY_OPT_IN_WITH_RESTRICTIONS,
  POLICY_OPT_OUT,
  REGULATIONS,
  SCOPE_RESEARCH,
  SYSTEMS,
} from "./fhir/codes";
import { permitProvision } from "./fhir/provision";
import type { FhirAttachment, FhirConsent, FhirConsentPolicy, FhirConsentStatus, FhirReference } from "./fhir/types";

export type * from "./fhir/types";
export { duoRestrictions, DUO_MODIFIERS, type DuoModifier, type DuoRestriction } from "./fhir/provision";
export { DONUM_FHIR_BASE, EXTENSIONS, REGULATIONS, SYSTEMS } from "./fhir/codes";

export interface FhirExportOptions {
  /** The data-altruism organisation that manages the consent. */
  organisation: { name: string; reference?: string };
  /** A reference to the patient the caller already holds, e.g. "Patient/123". Never a subject key. */
  patientReference?: string;
  /** The time the status is evaluated at; defaults to the current time. */
  now?: Date;
}

export const FHIR_STATUS: Record<EffectiveStatus, FhirConsentStatus> = {
  active: "active",
  expired: "inactive",
  withdrawn: "inactive",
  opted_out: "active",
};

const STATUS_DISPLAY: Record<EffectiveStatus, string> = {
  active: "Active",
  expired: "Expired",
  withdrawn: "Withdrawn",
  opted_out: "Opted out of secondary use (EHDS Art. 71)",
};

export const formPolicyUri = (form: FormReference): string =>
  `urn:donum:form:${form.formId}:v${form.version}:${form.language}`;

function sourceAttachment(form: FormReference): FhirAttachment {
  return {
    language: form.language,
    title: `Donum consent form ${form.formId}, version ${form.version} (${form.language})`,
    extension: [{ url: EXTENSIONS.formTextHash, valueString: form.textHash }],
  };
}

const ANONYMOUS_PATIENT: FhirReference = {
  type: "Patient",
  display: "Data subject (pseudonymous; not identified in this export)",
};

export function toFhirConsent(consent: Consent, options: FhirExportOptions): FhirConsent {
  const now = options.now ?? new Date();
  // An invalid time would make every consent look unexpired; refuse rather than export "active".
  if (Number.isNaN(now.getTime())) throw new TypeError("toFhirConsent: invalid `now`");
  const status = effectiveStatus(consent, now);
  const optedOut = status === "opted_out";
  const form = optedOut ? null : consent.form;
  const { name, reference } = options.organisation;

  const policy: FhirConsentPolicy[] = [
    ...(form ? [reference ? { authority: reference, uri: formPolicyUri(form) } : { uri: formPolicyUri(form) }] : []),
    { uri: optedOut ? REGULATIONS.ehds : REGULATIONS.dga },
  ];

  // decide() permits only an active consent with both a scope and a form; expired ones keep their
  // (ended) permit for the record, under status "inactive".
  const permits = (status === "active" || status === "expired") && consent.scope !== null && consent.form !== null;

  const resource: FhirConsent = {
    resourceType: "Consent",
    id: consent.id,
    meta: { versionId: String(consent.version), lastUpdated: consent.updatedAt },
    extension: [
      {
        url: EXTENSIONS.consentStatus,
        valueCoding: { system: SYSTEMS.consentStatus, code: status, display: STATUS_DISPLAY[status] },
      },
    ],
    status: FHIR_STATUS[status],
    scope: SCOPE_RESEARCH,
    category: CATEGORIES,
    patient: options.patientReference ? { reference: options.patientReference } : ANONYMOUS_PATIENT,
    dateTime: consent.updatedAt,
    organization: [reference ? { reference, type: "Organization", display: name } : { type: "Organization", display: name }],
    ...(form ? { sourceAttachment: sourceAttachment(form) } : {}),
    policy,
    policyRule: optedOut ? POLICY_OPT_OUT : POLICY_OPT_IN_WITH_RESTRICTIONS,
    provision: permits && consent.scope ? permitProvision(consent.scope, consent.updatedAt) : { type: "deny" },
  };

  if (JSON.stringify(resource).includes(consent.subjectKey)) {
    throw new Error("toFhirConsent: refusing to export a Consent that contains the subject key");
  }
  // A copy, so that a caller editing the resource cannot change the shared code constants.
  return structuredClone(resource);
}
