/**
 * Consent forms: a consent records the hash of exactly the text the citizen was shown, in their
 * language. The hash must change with any word of that text and with nothing else, and a stored
 * form whose texts or hashes were altered must be detected.
 */
import { createHash } from "node:crypto";
import { canonicalJson, Sha256Ref } from "../../lib/canonical-json";
import {
  ConsentFormDraft,
  ConsentFormVersion,
  FORM_MODULES,
  formTextHash,
  publishForm,
  verifyFormHashes,
  type FormText,
} from "../../lib/consent/form";
import { AI_USES, DATA_CATEGORIES, GEOGRAPHIES, RECIPIENT_TYPES, RESEARCH_LEVELS } from "../../lib/consent/vocabulary";
import { formDraft, formText, T0 } from "../support/fixtures";

const trilingual = () => formDraft({ texts: { en: formText("en"), de: formText("de"), fr: formText("fr") } });

function withWordChanged(text: FormText): FormText {
  const t = structuredClone(text);
  t.modules.withdrawal.fullText = t.modules.withdrawal.fullText.replace("full", "brief");
  return t;
}

describe("publishForm", () => {
  it("computes one hash per language, each of the sha256:<hex> form", () => {
    const published = publishForm(trilingual(), T0);
    expect(Object.keys(published.textHashes).sort()).toEqual(["de", "en", "fr"]);
    for (const hash of Object.values(published.textHashes)) expect(hash).toMatch(Sha256Ref);
    expect(new Set(Object.values(published.textHashes)).size).toBe(3);
    expect(published.publishedAt).toBe(T0.toISOString());
    expect(ConsentFormVersion.safeParse(published).success).toBe(true);
  });

  it("the hash is the SHA-256 of the canonical JSON of the form's identity, organisation and text", () => {
    const draft = formDraft();
    const expected = createHash("sha256")
      .update(canonicalJson({ formId: draft.formId, version: draft.version, organisation: draft.organisation, text: draft.texts.en }))
      .digest("hex");
    expect(publishForm(draft, T0).textHashes.en).toBe(`sha256:${expected}`);
  });

  it("changing one word in one language changes only that language's hash", () => {
    const before = publishForm(trilingual(), T0);
    const draft = trilingual();
    draft.texts.de = withWordChanged(draft.texts.de!);
    const after = publishForm(draft, T0);
    expect(after.textHashes.de).not.toBe(before.textHashes.de);
    expect(after.textHashes.en).toBe(before.textHashes.en);
    expect(after.textHashes.fr).toBe(before.textHashes.fr);
  });

  it("changing the label beside one choice changes the hash: the labels are part of what was agreed", () => {
    const draft = formDraft();
    const text = structuredClone(draft.texts.en!);
    text.choices.aiUses.AI_TRAINING = "Train AI models (including commercial ones)";
    expect(formTextHash(draft, text)).not.toBe(formTextHash(draft, draft.texts.en!));
  });

  it("the same text under another form version or organisation has another hash", () => {
    const draft = formDraft();
    const text = draft.texts.en!;
    const base = formTextHash(draft, text);
    expect(formTextHash({ ...draft, version: 2 }, text)).not.toBe(base);
    expect(formTextHash({ ...draft, formId: "other-form" }, text)).not.toBe(base);
    expect(formTextHash({ ...draft, organisation: { ...draft.organisation, name: "Another DAO" } }, text)).not.toBe(base);
  });

  it("the publication time does not change the hashes", () => {
    expect(publishForm(trilingual(), T0).textHashes).toEqual(
      publishForm(trilingual(), new Date("2030-01-01T00:00:00Z")).textHashes,
    );
  });
});

describe("verifyFormHashes", () => {
  const published = () => publishForm(trilingual(), T0);

  it("accepts a form as published", () => {
    expect(verifyFormHashes(published())).toBe(true);
  });

  it("accepts a form that went through JSON (as stored or exported)", () => {
    expect(verifyFormHashes(JSON.parse(JSON.stringify(published())) as ConsentFormVersion)).toBe(true);
  });

  const tampered: [string, (f: ConsentFormVersion) => void][] = [
    ["one word of one text changed", (f) => (f.texts.fr = withWordChanged(f.texts.fr!))],
    ["a choice label changed", (f) => (f.texts.en!.choices.geography.EU_EEA_ADEQUACY = "Anywhere")],
    ["the organisation changed", (f) => (f.organisation.name = "Someone Else")],
    ["the version changed", (f) => (f.version = 2)],
    ["a hash missing", (f) => delete f.textHashes.de],
    ["an extra hash", (f) => (f.textHashes.it = f.textHashes.en!)],
    ["a text missing", (f) => delete f.texts.de],
    ["a hash replaced by another language's hash", (f) => (f.textHashes.de = f.textHashes.en!)],
    ["hashes swapped between languages", (f) => ([f.textHashes.de, f.textHashes.fr] = [f.textHashes.fr!, f.textHashes.de!])],
    ["a hash for another language instead of one of the texts", (f) => {
      f.textHashes.it = f.textHashes.de!;
      delete f.textHashes.de;
    }],
  ];

  it.each(tampered)("detects %s", (_name, tamper) => {
    const f = published();
    tamper(f);
    expect(verifyFormHashes(f)).toBe(false);
  });
});

describe("the draft schema", () => {
  const parse = (draft: unknown) => ConsentFormDraft.safeParse(draft);

  it("accepts the fixture draft", () => {
    expect(parse(formDraft()).success).toBe(true);
  });

  it.each(FORM_MODULES.map((m) => [m]))("rejects a text without the %s module", (module) => {
    const text = formText("en") as unknown as { modules: Record<string, unknown> };
    delete text.modules[module];
    expect(parse(formDraft({ texts: { en: text as unknown as FormText } })).success).toBe(false);
  });

  it.each(["", "   "])("rejects an empty module summary (%j)", (summary) => {
    const text = formText("en");
    text.modules.rights.summary = summary;
    expect(parse(formDraft({ texts: { en: text } })).success).toBe(false);
  });

  it("rejects a default language that has no text", () => {
    const result = parse(formDraft({ texts: { en: formText("en") }, defaultLanguage: "de" }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain("defaultLanguage");
  });

  it("rejects a draft with no texts at all", () => {
    expect(parse(formDraft({ texts: {} })).success).toBe(false);
  });

  it("rejects a language code that is not ISO 639-1 lower case", () => {
    expect(parse(formDraft({ texts: { EN: formText("en") }, defaultLanguage: "EN" })).success).toBe(false);
    expect(parse(formDraft({ texts: { eng: formText("en") }, defaultLanguage: "eng" })).success).toBe(false);
  });

  type ChoiceGroup = "dataCategories" | "research" | "aiUses" | "recipientTypes" | "geography";
  const labelled: [ChoiceGroup, string][] = [
    ...DATA_CATEGORIES.map((c) => ["dataCategories", c] as [ChoiceGroup, string]),
    ...RESEARCH_LEVELS.map((c) => ["research", c] as [ChoiceGroup, string]),
    ...AI_USES.map((c) => ["aiUses", c] as [ChoiceGroup, string]),
    ...RECIPIENT_TYPES.map((c) => ["recipientTypes", c] as [ChoiceGroup, string]),
    ...GEOGRAPHIES.map((c) => ["geography", c] as [ChoiceGroup, string]),
  ];

  it.each(labelled)("rejects a text without a label for the %s choice %s", (group, code) => {
    const text = formText("en");
    delete (text.choices[group] as Record<string, string>)[code];
    expect(parse(formDraft({ texts: { en: text } })).success).toBe(false);
  });

  it.each(labelled)("rejects a text with a blank label for the %s choice %s", (group, code) => {
    const text = formText("en");
    (text.choices[group] as Record<string, string>)[code] = " ";
    expect(parse(formDraft({ texts: { en: text } })).success).toBe(false);
  });

  it.each(["mayRecontact", "wantsFindings"] as const)("rejects a text without the %s label", (condition) => {
    const text = formText("en") as unknown as { choices: Record<string, unknown> };
    delete text.choices[condition];
    expect(parse(formDraft({ texts: { en: text as unknown as FormText } })).success).toBe(false);
  });

  it("rejects a second language that lacks a label, even when the default language is complete", () => {
    const de = formText("de");
    delete (de.choices.aiUses as Record<string, string>).AI_VALIDATION;
    expect(parse(formDraft({ texts: { en: formText("en"), de } })).success).toBe(false);
  });

  it("rejects an organisation without a valid contact e-mail", () => {
    const draft = formDraft();
    expect(parse({ ...draft, organisation: { ...draft.organisation, contactEmail: "not-an-email" } }).success).toBe(false);
  });
});
