/**
 * The controlled vocabularies a consent is scoped by. Everything that a citizen can choose
 * and a node can ask for is one of these codes; anything else is rejected (and, in a
 * decision, denied).
 */
import { z } from "zod";

/** Data categories: imaging by modality, reports, clinical data, genomics. */
export const DATA_CATEGORIES = [
  "imaging.ct",
  "imaging.mr",
  "imaging.pet",
  "imaging.mammography",
  "imaging.ultrasound",
  "imaging.radiography",
  "imaging.digital-pathology",
  "report.radiology",
  "report.pathology",
  "clinical.history",
  "clinical.treatment-outcomes",
  "genomics",
] as const;
export const DataCategory = z.enum(DATA_CATEGORIES);
export type DataCategory = z.infer<typeof DataCategory>;

/**
 * Research purposes as GA4GH Data Use Ontology (DUO) permission codes, broadest first:
 * GRU (DUO:0000042) ⊃ HMB (DUO:0000006) ⊃ DS (DUO:0000007, restricted to named diseases).
 */
export const RESEARCH_LEVELS = ["GRU", "HMB", "DS"] as const;
export const ResearchLevel = z.enum(RESEARCH_LEVELS);
export type ResearchLevel = z.infer<typeof ResearchLevel>;

export const DUO_IDS: Record<ResearchLevel, string> = {
  GRU: "DUO:0000042",
  HMB: "DUO:0000006",
  DS: "DUO:0000007",
};

/** AI uses are explicit, separate choices: research consent alone does not cover them. */
export const AI_USES = ["AI_TRAINING", "AI_VALIDATION"] as const;
export const AiUse = z.enum(AI_USES);
export type AiUse = z.infer<typeof AiUse>;

/**
 * Recipient types. DUO expresses the restrictions as NPU (DUO:0000045, not-for-profit use
 * only) and NCU (DUO:0000046, non-commercial use only); see duoRestrictions() in fhir.ts.
 */
export const RECIPIENT_TYPES = ["public", "non_profit", "commercial"] as const;
export const RecipientType = z.enum(RECIPIENT_TYPES);
export type RecipientType = z.infer<typeof RecipientType>;

export const GEOGRAPHIES = ["EU_EEA", "EU_EEA_ADEQUACY"] as const;
export const Geography = z.enum(GEOGRAPHIES);
export type Geography = z.infer<typeof Geography>;

/** EU member states and the EEA EFTA states (ISO 3166-1 alpha-2). */
export const EU_EEA_COUNTRIES: ReadonlySet<string> = new Set([
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
  "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
  "IS", "LI", "NO",
]);

/**
 * Countries with a general GDPR Art. 45 adequacy decision. Decisions limited to a sector or
 * to certified organisations (Canada's PIPEDA scope, the EU–US Data Privacy Framework) are
 * deliberately left out: Donum cannot check certification, and a decision never fails open.
 */
export const ADEQUACY_COUNTRIES: ReadonlySet<string> = new Set([
  "AD", "AR", "FO", "GG", "IL", "IM", "JP", "JE", "NZ", "KR", "CH", "GB", "UY",
]);

export const CountryCode = z.string().regex(/^[A-Z]{2}$/, "ISO 3166-1 alpha-2 country code, upper case");

export function geographyAllows(geography: Geography, country: string): boolean {
  if (EU_EEA_COUNTRIES.has(country)) return true;
  return geography === "EU_EEA_ADEQUACY" && ADEQUACY_COUNTRIES.has(country);
}

/**
 * Cancers a citizen can restrict research to (DUO "DS"), as MONDO codes, the ontology DUO
 * uses for diseases. "cancer" is the root: consent for it covers every cancer listed here.
 */
export const DISEASES = {
  "MONDO:0004992": { label: "cancer (any)", parent: null },
  "MONDO:0008903": { label: "lung cancer", parent: "MONDO:0004992" },
  "MONDO:0007254": { label: "breast cancer", parent: "MONDO:0004992" },
  "MONDO:0008315": { label: "prostate cancer", parent: "MONDO:0004992" },
  "MONDO:0005575": { label: "colorectal cancer", parent: "MONDO:0004992" },
  "MONDO:0005192": { label: "pancreatic cancer", parent: "MONDO:0004992" },
  "MONDO:0007256": { label: "hepatocellular carcinoma", parent: "MONDO:0004992" },
  "MONDO:0001657": { label: "brain cancer", parent: "MONDO:0004992" },
  "MONDO:0008170": { label: "ovarian cancer", parent: "MONDO:0004992" },
  "MONDO:0005105": { label: "melanoma", parent: "MONDO:0004992" },
  "MONDO:0005062": { label: "lymphoma", parent: "MONDO:0004992" },
} as const satisfies Record<string, { label: string; parent: string | null }>;
export type DiseaseCode = keyof typeof DISEASES;
export const DISEASE_CODES = Object.keys(DISEASES) as [DiseaseCode, ...DiseaseCode[]];
export const DiseaseCode = z.enum(DISEASE_CODES);

/** True when research on `requested` falls within consent given for `granted`. */
export function diseaseCovered(granted: DiseaseCode, requested: DiseaseCode): boolean {
  let current: DiseaseCode | null = requested;
  // The catalogue is a shallow tree; the bound guards against a cycle introduced by mistake.
  for (let depth = 0; current !== null && depth < 16; depth++) {
    if (current === granted) return true;
    current = DISEASES[current].parent as DiseaseCode | null;
  }
  return false;
}

export const isResearchLevel = (v: unknown): v is ResearchLevel => ResearchLevel.safeParse(v).success;
export const isRecipientType = (v: unknown): v is RecipientType => RecipientType.safeParse(v).success;
export const isDiseaseCode = (v: unknown): v is DiseaseCode => DiseaseCode.safeParse(v).success;

export const LANGUAGES = ["en", "de", "fr", "es", "it"] as const;
export const Language = z.string().regex(/^[a-z]{2}$/, "ISO 639-1 language code, lower case");
