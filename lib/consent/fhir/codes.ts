/**
 * Code systems, extension URLs and codings of the FHIR export. HL7, DICOM, DUO and MONDO codes
 * are used where they exist; Donum's own choices (data categories, recipient types, AI uses,
 * geography) get Donum code systems under DONUM_FHIR_BASE, one place to change if the base moves.
 */
import {
  ADEQUACY_COUNTRIES,
  DISEASES,
  DUO_IDS,
  EU_EEA_COUNTRIES,
  type AiUse,
  type DataCategory,
  type DiseaseCode,
  type Geography,
  type RecipientType,
  type ResearchLevel,
} from "../vocabulary";
import type { FhirCodeableConcept, FhirCoding } from "./types";

export const DONUM_FHIR_BASE = "https://donum.eu/fhir";

export const SYSTEMS = {
  consentScope: "http://terminology.hl7.org/CodeSystem/consentscope",
  consentCategory: "http://terminology.hl7.org/CodeSystem/consentcategorycodes",
  loinc: "http://loinc.org",
  v3ActCode: "http://terminology.hl7.org/CodeSystem/v3-ActCode",
  v3ParticipationType: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
  dicom: "http://dicom.nema.org/resources/ontology/DCM",
  duo: "http://purl.obolibrary.org/obo/duo.owl",
  mondo: "http://purl.obolibrary.org/obo/mondo.owl",
  iso3166: "urn:iso:std:iso:3166",
  dataCategory: `${DONUM_FHIR_BASE}/CodeSystem/data-category`,
  aiUse: `${DONUM_FHIR_BASE}/CodeSystem/ai-use`,
  recipientType: `${DONUM_FHIR_BASE}/CodeSystem/recipient-type`,
  geography: `${DONUM_FHIR_BASE}/CodeSystem/geography`,
  action: `${DONUM_FHIR_BASE}/CodeSystem/action`,
  consentStatus: `${DONUM_FHIR_BASE}/CodeSystem/consent-status`,
} as const;

export const EXTENSIONS = {
  /** On a Reference: the recipient type the reference stands for (a class of organisations). */
  recipientType: `${DONUM_FHIR_BASE}/StructureDefinition/recipient-type`,
  /** Modifier, on a deny provision: it applies to processing outside the listed area. */
  processingOutside: `${DONUM_FHIR_BASE}/StructureDefinition/processing-outside`,
  /** On the permit provision: a DUO data-use modifier implied by the scope (informative). */
  duoModifier: `${DONUM_FHIR_BASE}/StructureDefinition/duo-data-use-modifier`,
  /** On the permit provision: the citizen wants to be told of findings (informative). */
  wantsFindings: `${DONUM_FHIR_BASE}/StructureDefinition/wants-findings`,
  /** On the source attachment: Donum's SHA-256 text hash ("sha256:<hex>"). */
  formTextHash: `${DONUM_FHIR_BASE}/StructureDefinition/form-text-hash`,
  /** On the resource: Donum's own status at export time (active, expired, withdrawn, opted_out). */
  consentStatus: `${DONUM_FHIR_BASE}/StructureDefinition/consent-status`,
} as const;

/** ELI URIs of the regulations a consent is given under. */
export const REGULATIONS = {
  dga: "http://data.europa.eu/eli/reg/2022/868/oj",
  ehds: "http://data.europa.eu/eli/reg/2025/327/oj",
} as const;

const concept = (coding: FhirCoding): FhirCodeableConcept => ({ coding: [coding] });

export const SCOPE_RESEARCH = concept({ system: SYSTEMS.consentScope, code: "research", display: "Research" });

export const CATEGORIES: FhirCodeableConcept[] = [
  concept({ system: SYSTEMS.loinc, code: "57016-8", display: "Privacy policy acknowledgment Document" }),
  concept({ system: SYSTEMS.consentCategory, code: "research", display: "Research Information Access" }),
];

export const POLICY_OPT_IN_WITH_RESTRICTIONS = concept({
  system: SYSTEMS.v3ActCode,
  code: "OPTINR",
  display: "opt-in with restrictions",
});
/** The display is R4 v3-ActCode's own, typo included. */
export const POLICY_OPT_OUT = concept({ system: SYSTEMS.v3ActCode, code: "OPTOUT", display: "op-out" });

export const ROLE_INFORMATION_RECIPIENT = concept({
  system: SYSTEMS.v3ParticipationType,
  code: "IRCP",
  display: "information recipient",
});

export const ACTION_RECONTACT = concept({ system: SYSTEMS.action, code: "recontact", display: "Re-contact the data subject" });

const CATEGORY_DISPLAY: Record<DataCategory, string> = {
  "imaging.ct": "CT imaging",
  "imaging.mr": "MR imaging",
  "imaging.pet": "PET imaging",
  "imaging.mammography": "Mammography",
  "imaging.ultrasound": "Ultrasound imaging",
  "imaging.radiography": "Radiography",
  "imaging.digital-pathology": "Digital pathology (whole-slide images)",
  "report.radiology": "Radiology reports",
  "report.pathology": "Pathology reports",
  "clinical.history": "Clinical history",
  "clinical.treatment-outcomes": "Treatment and outcomes",
  genomics: "Genomics",
};

/** DICOM PS3.16 CID 29 acquisition modalities; radiography is both CR and DX. */
const DICOM_MODALITIES: Partial<Record<DataCategory, Array<[code: string, display: string]>>> = {
  "imaging.ct": [["CT", "Computed Tomography"]],
  "imaging.mr": [["MR", "Magnetic Resonance"]],
  "imaging.pet": [["PT", "Positron emission tomography (PET)"]],
  "imaging.mammography": [["MG", "Mammography"]],
  "imaging.ultrasound": [["US", "Ultrasound"]],
  "imaging.radiography": [
    ["CR", "Computed Radiography"],
    ["DX", "Digital Radiography"],
  ],
  "imaging.digital-pathology": [["SM", "Slide Microscopy"]],
};

/** The Donum code of a category, then its DICOM modality codes, if it has any. */
export function categoryCodings(category: DataCategory): FhirCoding[] {
  const donum: FhirCoding = { system: SYSTEMS.dataCategory, code: category, display: CATEGORY_DISPLAY[category] };
  const dicom = (DICOM_MODALITIES[category] ?? []).map(([code, display]) => ({ system: SYSTEMS.dicom, code, display }));
  return [donum, ...dicom];
}

const DUO_DISPLAY: Record<ResearchLevel, string> = {
  GRU: "general research use",
  HMB: "health or medical or biomedical research",
  DS: "disease specific research",
};

export const duoCoding = (level: ResearchLevel): FhirCoding => ({
  system: SYSTEMS.duo,
  code: DUO_IDS[level],
  display: DUO_DISPLAY[level],
});

export const mondoCoding = (disease: DiseaseCode): FhirCoding => ({
  system: SYSTEMS.mondo,
  code: disease,
  display: DISEASES[disease].label,
});

const AI_DISPLAY: Record<AiUse, string> = { AI_TRAINING: "AI model training", AI_VALIDATION: "AI model validation" };
export const aiUseCoding = (use: AiUse): FhirCoding => ({ system: SYSTEMS.aiUse, code: use, display: AI_DISPLAY[use] });

const RECIPIENT_DISPLAY: Record<RecipientType, string> = {
  public: "Public research bodies",
  non_profit: "Not-for-profit bodies",
  commercial: "Commercial companies",
};
export const recipientDisplay = (type: RecipientType): string => RECIPIENT_DISPLAY[type];
export const recipientTypeCoding = (type: RecipientType): FhirCoding => ({
  system: SYSTEMS.recipientType,
  code: type,
  display: RECIPIENT_DISPLAY[type],
});

const GEOGRAPHY_DISPLAY: Record<Geography, string> = {
  EU_EEA: "EU/EEA only",
  EU_EEA_ADEQUACY: "EU/EEA and countries with a general GDPR adequacy decision",
};
export const geographyCoding = (geography: Geography): FhirCoding => ({
  system: SYSTEMS.geography,
  code: geography,
  display: GEOGRAPHY_DISPLAY[geography],
});

/** The countries a geography allows, sorted: the same sets geographyAllows() reads. */
export function geographyCountries(geography: Geography): string[] {
  const countries = [...EU_EEA_COUNTRIES, ...(geography === "EU_EEA_ADEQUACY" ? ADEQUACY_COUNTRIES : [])];
  return countries.sort();
}
