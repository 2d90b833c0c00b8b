/** Builders of valid domain objects for tests; override what a test is about. */
import { randomBytes, randomUUID } from "node:crypto";
import { auditEvent, type Actor } from "../../lib/audit/events";
import { grant, type Consent, type FormReference } from "../../lib/consent/consent";
import { publishForm, FORM_MODULES, type ConsentFormDraft, type FormText } from "../../lib/consent/form";
import type { ConsentScope } from "../../lib/consent/scope";
import {
  AI_USES,
  DATA_CATEGORIES,
  DISEASE_CODES,
  GEOGRAPHIES,
  RECIPIENT_TYPES,
  RESEARCH_LEVELS,
} from "../../lib/consent/vocabulary";
import type { ImagingNode } from "../../lib/nodes/node";

export const T0 = new Date("2026-06-01T10:00:00.000Z");

export function subjectKey(): string {
  return randomBytes(32).toString("hex");
}

export function scope(overrides: Partial<ConsentScope> = {}): ConsentScope {
  return {
    dataCategories: ["imaging.ct", "imaging.mr", "report.radiology"],
    research: { level: "HMB" },
    aiUses: ["AI_TRAINING"],
    recipientTypes: ["public", "non_profit"],
    geography: "EU_EEA",
    validUntil: null,
    conditions: { mayRecontact: false, wantsFindings: true },
    ...overrides,
  };
}

export function formRef(overrides: Partial<FormReference> = {}): FormReference {
  return { formId: "test-form", version: 1, language: "en", textHash: `sha256:${"a".repeat(64)}`, ...overrides };
}

export function activeConsent(overrides: Partial<Consent> = {}, at: Date = T0): Consent {
  const t = grant(null, scope(), formRef(), { id: randomUUID(), subjectKey: subjectKey(), now: at, method: "web" });
  if (!t.ok) throw new Error("fixture grant failed");
  return { ...t.consent, ...overrides };
}

const label = (codes: readonly string[], prefix: string) => Object.fromEntries(codes.map((c) => [c, `${prefix} ${c}`]));

export function formText(lang = "en"): FormText {
  return {
    title: `Test form (${lang})`,
    introduction: "A form used in tests.",
    modules: Object.fromEntries(
      FORM_MODULES.map((m) => [m, { heading: m, summary: `${m} in short`, fullText: `${m} in full` }]),
    ) as FormText["modules"],
    choices: {
      dataCategories: label(DATA_CATEGORIES, "data") as FormText["choices"]["dataCategories"],
      research: label(RESEARCH_LEVELS, "research") as FormText["choices"]["research"],
      diseases: label(DISEASE_CODES, "disease") as FormText["choices"]["diseases"],
      aiUses: label(AI_USES, "ai") as FormText["choices"]["aiUses"],
      recipientTypes: label(RECIPIENT_TYPES, "recipient") as FormText["choices"]["recipientTypes"],
      geography: label(GEOGRAPHIES, "where") as FormText["choices"]["geography"],
      mayRecontact: "You may contact me again.",
      wantsFindings: "Tell me about findings relevant to my health.",
    },
    declaration: "I agree.",
  };
}

export function formDraft(overrides: Partial<ConsentFormDraft> = {}): ConsentFormDraft {
  return {
    formId: "test-form",
    version: 1,
    material: false,
    organisation: {
      name: "Test Organisation",
      registration: "DAO-TEST-1",
      address: "1 Test Street, Brussels, Belgium",
      contactEmail: "contact@example.org",
      dpoEmail: "dpo@example.org",
      website: "https://example.org",
    },
    texts: { en: formText("en") },
    defaultLanguage: "en",
    ...overrides,
  };
}

export const form = (overrides: Partial<ConsentFormDraft> = {}, at: Date = T0) => publishForm(formDraft(overrides), at);

export const operator: Actor = { kind: "operator", id: "operator-test" };

export function formPublishedEvent(f: ReturnType<typeof form>, at: Date = T0) {
  return auditEvent("form.published", {
    id: randomUUID(),
    at,
    actor: operator,
    subjectKey: null,
    data: { formId: f.formId, version: f.version, material: f.material, textHashes: f.textHashes },
  });
}

export function node(overrides: Partial<ImagingNode> = {}): ImagingNode {
  return {
    id: `node-${randomBytes(4).toString("hex")}`,
    organisation: "Hospital Test",
    country: "BE",
    organisationType: "public",
    status: "active",
    keys: [
      {
        kid: "k1",
        jwk: { kty: "EC", crv: "P-256", x: "A".repeat(43), y: "B".repeat(43) },
        status: "active",
        addedAt: T0.toISOString(),
      },
    ],
    version: 1,
    createdAt: T0.toISOString(),
    updatedAt: T0.toISOString(),
    ...overrides,
  };
}

export function nodeRegisteredEvent(n: ImagingNode, at: Date = T0) {
  return auditEvent("node.registered", {
    id: randomUUID(),
    at,
    actor: operator,
    subjectKey: null,
    data: {
      nodeId: n.id,
      organisation: n.organisation,
      country: n.country,
      organisationType: n.organisationType,
      keyIds: n.keys.map((k) => k.kid),
    },
  });
}
