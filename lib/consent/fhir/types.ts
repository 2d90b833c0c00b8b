/**
 * The subset of FHIR R4 (4.0.1) that a Donum consent export uses, typed exactly: every element
 * here exists in R4 with this name and cardinality, and nothing else can be set. Optional
 * elements are left out rather than set to null or [] (FHIR JSON forbids both).
 */

export interface FhirCoding {
  system: string;
  code: string;
  display?: string;
}

export interface FhirCodeableConcept {
  coding: FhirCoding[];
  text?: string;
}

/** An extension carries exactly one of a value or nested extensions (invariant ext-1). */
export type FhirExtension = { url: string } & (
  | { valueCoding: FhirCoding }
  | { valueString: string }
  | { valueBoolean: boolean }
  | { extension: FhirExtension[] }
);

export interface FhirReference {
  /** Literal reference, e.g. "Patient/123" or an absolute URL. */
  reference?: string;
  /** The resource type of the target, e.g. "Organization". */
  type?: string;
  display?: string;
  extension?: FhirExtension[];
}

export interface FhirPeriod {
  start?: string;
  end?: string;
}

export interface FhirAttachment {
  language?: string;
  title?: string;
  extension?: FhirExtension[];
}

export interface FhirConsentPolicy {
  authority?: string;
  uri: string;
}

export interface FhirConsentActor {
  role: FhirCodeableConcept;
  reference: FhirReference;
}

export type FhirProvisionType = "permit" | "deny";

export interface FhirConsentProvision {
  type: FhirProvisionType;
  extension?: FhirExtension[];
  /** Extensions a reader must understand or else refuse the resource (here: the geography rule). */
  modifierExtension?: FhirExtension[];
  period?: FhirPeriod;
  actor?: FhirConsentActor[];
  action?: FhirCodeableConcept[];
  purpose?: FhirCoding[];
  class?: FhirCoding[];
  provision?: FhirConsentProvision[];
}

/** R4 consent-state-codes. */
export type FhirConsentStatus = "draft" | "proposed" | "active" | "rejected" | "inactive" | "entered-in-error";

export interface FhirConsent {
  resourceType: "Consent";
  id: string;
  meta: { versionId: string; lastUpdated: string };
  extension: FhirExtension[];
  status: FhirConsentStatus;
  scope: FhirCodeableConcept;
  category: FhirCodeableConcept[];
  patient: FhirReference;
  dateTime: string;
  organization: FhirReference[];
  sourceAttachment?: FhirAttachment;
  policy: FhirConsentPolicy[];
  policyRule: FhirCodeableConcept;
  provision: FhirConsentProvision;
}
