/**
 * The first published consent form: it parses, it hashes, it reads plainly, it leaves no choice
 * unlabelled, and the claims its text makes about what a consent permits hold in decide().
 */
import { randomUUID } from "node:crypto";
import { Sha256Ref } from "../../lib/canonical-json";
import { grant, optOut, withdraw, type Consent } from "../../lib/consent/consent";
import { decide, type DecisionRequestInput } from "../../lib/consent/decision";
import {
  ConsentFormDraft,
  FORM_MODULES,
  formTextHash,
  publishForm,
  verifyFormHashes,
  type FormText,
} from "../../lib/consent/form";
import { cancerImagingFormV1 } from "../../lib/consent/forms/cancer-imaging-v1";
import { DEFAULT_FORM_ID, FIRST_FORMS } from "../../lib/consent/forms";
import type { ConsentScope } from "../../lib/consent/scope";
import {
  ADEQUACY_COUNTRIES,
  AI_USES,
  DATA_CATEGORIES,
  DISEASES,
  DUO_IDS,
  EU_EEA_COUNTRIES,
  GEOGRAPHIES,
  RECIPIENT_TYPES,
  RESEARCH_LEVELS,
} from "../../lib/consent/vocabulary";
import { scope as scopeFixture, subjectKey, T0 } from "../support/fixtures";

const form = cancerImagingFormV1;
const en = form.texts.en as FormText;

// ---- simple text measures -------------------------------------------------------------------

/** Words: whitespace-separated tokens that contain a letter or a digit. */
function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** Sentences: split after . ! or ? followed by white space (summaries avoid abbreviations). */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => words(s).length > 0);
}

function averageSentenceLength(texts: string[]): number {
  const all = texts.flatMap(sentences);
  return all.reduce((n, s) => n + words(s).length, 0) / all.length;
}

/** Every string in a value, with its path, for whole-text checks. */
function strings(value: unknown, path = ""): Array<[string, string]> {
  if (typeof value === "string") return [[path, value]];
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  }
  return [];
}

const wholeText = strings(en)
  .map(([, s]) => s)
  .join("\n");

// ---- the form as published --------------------------------------------------------------------

describe("cancer-imaging consent form v1: shape and hash", () => {
  it("parses as a ConsentFormDraft, unchanged (no key is stripped or defaulted)", () => {
    expect(ConsentFormDraft.parse(form)).toEqual(form);
  });

  it("is the first, non-material, English version of the default form", () => {
    expect(form.formId).toBe("cancer-imaging-altruism");
    expect(form.version).toBe(1);
    expect(form.material).toBe(false);
    expect(form.defaultLanguage).toBe("en");
    expect(Object.keys(form.texts)).toEqual(["en", "de", "fr", "es", "it"]); // translations: form-v1-languages.test.ts
    expect(DEFAULT_FORM_ID).toBe(form.formId);
    expect(FIRST_FORMS).toContain(form);
    expect(FIRST_FORMS.map((f) => f.formId)).toContain(DEFAULT_FORM_ID);
  });

  it("publishes with a sha256 per language that verifyFormHashes accepts", () => {
    const published = publishForm(form, T0);
    expect(Object.keys(published.textHashes)).toEqual(["en", "de", "fr", "es", "it"]);
    expect(published.textHashes.en).toMatch(Sha256Ref);
    expect(verifyFormHashes(published)).toBe(true);
  });

  it("detects any edit of the published text", () => {
    const published = publishForm(form, T0);
    const tampered = structuredClone(published);
    tampered.texts.en!.modules.withdrawal.summary += " ";
    expect(verifyFormHashes(tampered)).toBe(false);
  });

  it("has a stable text hash, independent of the publication time", () => {
    // This hash is what every consent given on this form records as the text the citizen saw.
    // Editing ANY text of this form (or its organisation block) changes it: that is not a fix to
    // make here. Publish a new version of the form instead (cancer-imaging-v2.ts, material if it
    // changes what a consent permits), and leave version 1 and this expectation as they are.
    const hash = formTextHash(form, en);
    expect(hash).toBe("sha256:20be418d8f169f6e3397b0537eb057fdbb8330a6eff050b598094db757bb1d30");
    expect(publishForm(form, new Date("2030-01-01T00:00:00Z")).textHashes.en).toBe(hash);
  });
});

// ---- plain language -------------------------------------------------------------------------

describe("cancer-imaging consent form v1: plain language first", () => {
  it.each(FORM_MODULES)("%s: the summary is short (at most 60 words)", (m) => {
    expect(words(en.modules[m].summary).length).toBeLessThanOrEqual(60);
  });

  it.each(FORM_MODULES)("%s: the full text is substantially longer than the summary", (m) => {
    const { summary, fullText } = en.modules[m];
    expect(words(fullText).length).toBeGreaterThanOrEqual(3 * words(summary).length);
    expect(words(fullText).length).toBeGreaterThanOrEqual(100);
  });

  it.each(FORM_MODULES)("%s: the summary speaks to the reader in short sentences", (m) => {
    const { summary } = en.modules[m];
    expect(summary).toMatch(/\b(you|your)\b/i);
    expect(averageSentenceLength([summary])).toBeLessThanOrEqual(20);
  });

  it("the summaries together average at most 20 words a sentence", () => {
    const avg = averageSentenceLength(FORM_MODULES.map((m) => en.modules[m].summary));
    expect(avg).toBeLessThanOrEqual(20);
  });

  it("full texts separate paragraphs with one blank line and no stray white space", () => {
    for (const [path, s] of strings(en)) {
      expect({ path, ok: s === s.trim() && !/\n{3,}/.test(s) && !/ {2,}/.test(s) }).toEqual({ path, ok: true });
    }
  });

  it("contains no placeholder text", () => {
    // English text and organisation only: a case-insensitive TODO would match Spanish "todo".
    // The translations are checked in form-v1-languages.test.ts.
    const all = strings({ ...form, texts: { en } });
    for (const [path, s] of all) {
      expect({ path, placeholder: /\b(TODO|TBD|FIXME|XXX|lorem|ipsum)\b|\{\{|\[\s*\]|<[a-z]+>/i.test(s) }).toEqual({
        path,
        placeholder: false,
      });
    }
  });
});

// ---- completeness -----------------------------------------------------------------------------

describe("cancer-imaging consent form v1: every choice is labelled", () => {
  const cases: Array<[string, readonly string[], Record<string, string>]> = [
    ["data category", DATA_CATEGORIES, en.choices.dataCategories],
    ["research level", RESEARCH_LEVELS, en.choices.research],
    ["AI use", AI_USES, en.choices.aiUses],
    ["recipient type", RECIPIENT_TYPES, en.choices.recipientTypes],
    ["geography", GEOGRAPHIES, en.choices.geography],
  ];

  it.each(cases)("every %s has exactly one distinct, non-empty label", (_what, codes, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...codes].sort());
    for (const code of codes) expect(labels[code]?.trim().length ?? 0).toBeGreaterThan(3);
    expect(new Set(Object.values(labels)).size).toBe(codes.length);
  });

  it("labels the two conditions and has a declaration of explicit consent", () => {
    expect(en.choices.mayRecontact.length).toBeGreaterThan(10);
    expect(en.choices.wantsFindings.length).toBeGreaterThan(10);
    expect(en.declaration).toMatch(/explicit consent/);
    expect(en.declaration).toMatch(/withdraw/);
  });

  it("names every disease a citizen can restrict research to, and the DUO code of every level", () => {
    const purposes = en.modules.purposes.fullText;
    for (const { label } of Object.values(DISEASES)) expect(purposes).toContain(label);
    for (const level of RESEARCH_LEVELS) {
      expect(purposes).toContain(DUO_IDS[level]);
      expect(purposes).toContain(`code ${level}`);
    }
  });

  it("names exactly the adequacy countries decide() accepts (a change to that list needs a new form version)", () => {
    const names: Record<string, string> = {
      AD: "Andorra",
      AR: "Argentina",
      FO: "the Faroe Islands",
      GG: "Guernsey",
      IL: "Israel",
      IM: "the Isle of Man",
      JP: "Japan",
      JE: "Jersey",
      NZ: "New Zealand",
      KR: "the Republic of Korea",
      CH: "Switzerland",
      GB: "the United Kingdom",
      UY: "Uruguay",
    };
    expect([...ADEQUACY_COUNTRIES].sort()).toEqual(Object.keys(names).sort());
    const location = en.modules.processingLocation.fullText;
    for (const name of Object.values(names)) expect(location).toContain(name);
    for (const code of ["IS", "LI", "NO"]) expect(EU_EEA_COUNTRIES.has(code)).toBe(true);
    for (const name of ["Iceland", "Liechtenstein", "Norway"]) expect(location).toContain(name);
  });

  it("gives the organisation's contacts, with addresses under a domain reserved for examples", () => {
    const { contactEmail, dpoEmail, website } = form.organisation;
    for (const address of [contactEmail, dpoEmail]) expect(address).toMatch(/@donum\.example\.org$/);
    expect(new URL(website).hostname).toBe("donum.example.org");
    const organisation = en.modules.organisation.fullText;
    expect(organisation).toContain(contactEmail);
    expect(organisation).toContain(dpoEmail);
    expect(organisation).toContain(website);
    expect(organisation).toContain("BE-DAO-2026-0001");
    expect(form.organisation.registration).toContain("BE-DAO-2026-0001");
    expect(en.modules.rights.fullText).toContain(dpoEmail);
    expect(en.modules.withdrawal.fullText).toContain(contactEmail);
  });
});

// ---- what the text promises -------------------------------------------------------------------

describe("cancer-imaging consent form v1: withdrawal and the EHDS opt-out", () => {
  it("says withdrawal is possible at any time, in one step, for free", () => {
    expect(en.introduction).toMatch(/withdraw your consent at any time/);
    expect(en.modules.withdrawal.summary).toMatch(/withdraw your consent at any time, in one step, for free/);
    expect(en.modules.withdrawal.fullText).toMatch(/at any time/);
  });

  it("is honest that withdrawal cannot undo what was already done", () => {
    expect(en.modules.withdrawal.summary).toMatch(/cannot be undone/);
    expect(en.modules.withdrawal.fullText).toMatch(/does not affect the lawfulness/);
    expect(en.modules.withdrawal.fullText).toMatch(/cannot recall or delete data that has already been released/);
  });

  it("explains the EHDS opt-out as a separate right", () => {
    const text = en.modules.withdrawal.fullText;
    expect(text).toMatch(/Article 71 of the European Health Data Space Regulation \(Regulation \(EU\) 2025\/327\)/);
    expect(text).toMatch(/opt out/);
    expect(text).toMatch(/separate right/);
  });

  it("cites the legal frame: DGA Art. 25, GDPR Art. 7 and 9(2)(a)", () => {
    expect(en.introduction).toMatch(/Article 25 of the Data Governance Act \(Regulation \(EU\) 2022\/868\)/);
    expect(en.introduction).toMatch(/9\(2\)\(a\)/);
    expect(wholeText).toMatch(/Article 7\(3\) GDPR/);
  });

  it("covers the rights a citizen has, the receipt and the lookup view", () => {
    const text = en.modules.rights.fullText;
    for (const art of ["Article 15", "Article 16", "Article 17", "Article 18", "Article 20", "Article 21", "Article 77"]) {
      expect(text).toContain(art);
    }
    expect(text).toMatch(/receipt/);
    expect(text).toMatch(/Who looked me up/);
    expect(text).toMatch(/supervisory authority/);
  });
});

/**
 * The form tells citizens what each choice permits. These cases pin those sentences to decide():
 * if decide() changes, the text is wrong, and the fix is a new form version, not an edit.
 */
describe("cancer-imaging consent form v1: the text says what decide() enforces", () => {
  const AT = T0;
  const LATER = new Date(T0.getTime() + 60_000);
  const published = publishForm(form, T0);
  const formRef = { formId: form.formId, version: form.version, language: "en", textHash: published.textHashes.en! };

  function consentWith(overrides: Partial<ConsentScope>): Consent {
    const t = grant(null, scopeFixture(overrides), formRef, { id: randomUUID(), subjectKey: subjectKey(), now: AT, method: "web" });
    if (!t.ok) throw new Error("grant failed");
    return t.consent;
  }

  function request(overrides: Partial<DecisionRequestInput> = {}): DecisionRequestInput {
    return {
      dataCategories: ["imaging.ct"],
      purpose: { code: "HMB" },
      aiUse: null,
      recipient: { organisation: "University Hospital", type: "public", country: "BE" },
      requiresRecontact: false,
      ...overrides,
    };
  }

  const verdict = (c: Consent, r: DecisionRequestInput, now = LATER) => decide(c, r, now).decision;

  it("a broader research level includes the narrower ones; DS covers only the chosen cancers", () => {
    const gru = consentWith({ research: { level: "GRU" } });
    const hmb = consentWith({ research: { level: "HMB" } });
    const breast = consentWith({ research: { level: "DS", diseases: ["MONDO:0007254"] } });
    const anyCancer = consentWith({ research: { level: "DS", diseases: ["MONDO:0004992"] } });
    const ds = (disease: string) => request({ purpose: { code: "DS", disease } as DecisionRequestInput["purpose"] });

    expect(verdict(gru, request({ purpose: { code: "GRU" } }))).toBe("PERMIT");
    expect(verdict(gru, ds("MONDO:0008903"))).toBe("PERMIT");
    expect(verdict(hmb, request({ purpose: { code: "GRU" } }))).toBe("DENY");
    expect(verdict(hmb, ds("MONDO:0008903"))).toBe("PERMIT");
    expect(verdict(breast, ds("MONDO:0007254"))).toBe("PERMIT");
    expect(verdict(breast, ds("MONDO:0008903"))).toBe("DENY"); // another cancer
    expect(verdict(breast, ds("MONDO:0004992"))).toBe("DENY"); // cancer in general
    expect(verdict(breast, request({ purpose: { code: "HMB" } }))).toBe("DENY");
    expect(verdict(anyCancer, ds("MONDO:0005105"))).toBe("PERMIT"); // "cancer (any)" covers every listed cancer
  });

  it("research consent alone never allows AI; training and validation are separate", () => {
    const none = consentWith({ aiUses: [] });
    const training = consentWith({ aiUses: ["AI_TRAINING"] });
    expect(verdict(none, request({ aiUse: "AI_TRAINING" }))).toBe("DENY");
    expect(verdict(none, request({ aiUse: "AI_VALIDATION" }))).toBe("DENY");
    expect(verdict(training, request({ aiUse: "AI_TRAINING" }))).toBe("PERMIT");
    expect(verdict(training, request({ aiUse: "AI_VALIDATION" }))).toBe("DENY");
    // AI use is on top of the research level, not instead of it.
    const dsTraining = consentWith({ aiUses: ["AI_TRAINING"], research: { level: "DS", diseases: ["MONDO:0007254"] } });
    expect(verdict(dsTraining, request({ aiUse: "AI_TRAINING", purpose: { code: "HMB" } }))).toBe("DENY");
  });

  it("every kind of data in a release must have been chosen", () => {
    const c = consentWith({ dataCategories: ["imaging.ct", "report.radiology"] });
    expect(verdict(c, request({ dataCategories: ["imaging.ct", "report.radiology"] }))).toBe("PERMIT");
    expect(verdict(c, request({ dataCategories: ["imaging.ct", "genomics"] }))).toBe("DENY");
  });

  it("without commercial companies, no commercial company receives data", () => {
    const c = consentWith({ recipientTypes: ["public", "non_profit"] });
    const to = (type: "public" | "non_profit" | "commercial") =>
      request({ recipient: { organisation: "X", type, country: "BE" } });
    expect(verdict(c, to("non_profit"))).toBe("PERMIT");
    expect(verdict(c, to("commercial"))).toBe("DENY");
  });

  it("geography concerns the recipient's country; EU/EEA is covered by both options", () => {
    const euOnly = consentWith({ geography: "EU_EEA" });
    const adequacy = consentWith({ geography: "EU_EEA_ADEQUACY" });
    const inCountry = (country: string) => request({ recipient: { organisation: "X", type: "public", country } });
    expect(verdict(euOnly, inCountry("NO"))).toBe("PERMIT");
    expect(verdict(euOnly, inCountry("CH"))).toBe("DENY");
    expect(verdict(adequacy, inCountry("NO"))).toBe("PERMIT");
    expect(verdict(adequacy, inCountry("CH"))).toBe("PERMIT");
    expect(verdict(adequacy, inCountry("US"))).toBe("DENY"); // not included, as the text says
    expect(verdict(adequacy, inCountry("CA"))).toBe("DENY");
  });

  it("projects that plan to re-contact need the citizen's permission; findings change no decision", () => {
    const no = consentWith({ conditions: { mayRecontact: false, wantsFindings: true } });
    const yes = consentWith({ conditions: { mayRecontact: true, wantsFindings: false } });
    expect(verdict(no, request({ requiresRecontact: true }))).toBe("DENY");
    expect(verdict(no, request({ requiresRecontact: false }))).toBe("PERMIT");
    expect(verdict(yes, request({ requiresRecontact: true }))).toBe("PERMIT");
  });

  it("a consent until a date ends on that date", () => {
    const until = new Date(T0.getTime() + 24 * 3600_000);
    const c = consentWith({ validUntil: until.toISOString() });
    expect(verdict(c, request(), new Date(until.getTime() - 1))).toBe("PERMIT");
    expect(verdict(c, request(), until)).toBe("DENY");
  });

  it("withdrawal and opt-out answer no from the next check", () => {
    const c = consentWith({});
    expect(verdict(c, request())).toBe("PERMIT");
    const w = withdraw(c, { id: c.id, subjectKey: c.subjectKey, now: LATER, method: "web" });
    if (!w.ok) throw new Error("withdraw failed");
    expect(verdict(w.consent, request(), LATER)).toBe("DENY");
    const o = optOut(consentWith({}), { id: randomUUID(), subjectKey: subjectKey(), now: LATER, method: "web" });
    if (!o.ok) throw new Error("opt-out failed");
    expect(verdict(o.consent, request(), LATER)).toBe("DENY");
  });
});
