/**
 * Operator tooling for consent-form versions (lib/forms-admin): the diff between two versions,
 * the materiality heuristic that refuses to let a scope change pass as non-material, and the
 * re-verification of stored versions.
 */
import { publishForm, type ConsentFormDraft, type ConsentFormVersion } from "../../lib/consent/form";
import { diffForms, draftOf, type FormDiff } from "../../lib/forms-admin/diff";
import { formatDiff, formatMateriality, formatVersionList, shortHash } from "../../lib/forms-admin/format";
import { assessMateriality, type MaterialityVerdict } from "../../lib/forms-admin/materiality";
import { checkStoredVersions, failedChecks } from "../../lib/forms-admin/verify";
import { formDraft, formText, T0 } from "../support/fixtures";

const v1 = (): ConsentFormDraft => formDraft({ texts: { en: formText("en"), de: formText("de") } });

/** Version 2 = version 1 with one edit applied. */
function next(edit: (d: ConsentFormDraft) => void, material = false): ConsentFormDraft {
  const d = structuredClone(v1());
  d.version = 2;
  d.material = material;
  edit(d);
  return d;
}

type Expected = Partial<Pick<FormDiff, "languagesAdded" | "languagesRemoved" | "organisationFields" | "defaultLanguage" | "unchanged">> & {
  /** Per language, the changes as "field:x", "module:<id>:<parts>", "choices:<group>:<codes>". */
  changes?: Record<string, string[]>;
};

function flatten(diff: FormDiff): Record<string, string[]> {
  return Object.fromEntries(
    diff.languages.map((l) => [
      l.language,
      [
        ...l.fields.map((f) => `field:${f}`),
        ...l.modules.map((m) => `module:${m.module}:${m.parts.join(",")}`),
        ...l.choices.map((c) => `choices:${c.group}:${c.codes.join(",")}`),
      ],
    ]),
  );
}

describe("diffForms", () => {
  const cases: [string, ConsentFormDraft, Expected][] = [
    ["an identical text", next(() => {}), { unchanged: true, changes: { de: [], en: [] } }],
    [
      "one module summary in one language",
      next((d) => (d.texts.en!.modules.objectives.summary = "Why, in other words.")),
      { unchanged: false, changes: { de: [], en: ["module:objectives:summary"] } },
    ],
    [
      "heading and full text of a module",
      next((d) => {
        d.texts.de!.modules.retention.heading = "Aufbewahrung";
        d.texts.de!.modules.retention.fullText = "Zehn Jahre.";
      }),
      { changes: { de: ["module:retention:heading,fullText"], en: [] } },
    ],
    [
      "title, introduction and declaration",
      next((d) => {
        d.texts.en!.title = "New title";
        d.texts.en!.introduction = "New introduction";
        d.texts.en!.declaration = "I agree, again.";
      }),
      { changes: { de: [], en: ["field:title", "field:introduction", "field:declaration"] } },
    ],
    [
      "labels of two research choices",
      next((d) => {
        d.texts.en!.choices.research.GRU = "Any research";
        d.texts.en!.choices.research.DS = "Only the cancers I pick";
      }),
      { changes: { de: [], en: ["choices:research:DS,GRU"] } },
    ],
    [
      "a single-label choice",
      next((d) => (d.texts.de!.choices.mayRecontact = "Sie dürfen mich kontaktieren.")),
      { changes: { de: ["choices:mayRecontact:"], en: [] } },
    ],
    [
      "a language added",
      next((d) => (d.texts.fr = formText("fr"))),
      { languagesAdded: ["fr"], languagesRemoved: [], unchanged: false, changes: { de: [], en: [] } },
    ],
    [
      "a language removed",
      next((d) => delete d.texts.de),
      { languagesAdded: [], languagesRemoved: ["de"], unchanged: false, changes: { en: [] } },
    ],
    [
      "organisation fields",
      next((d) => {
        d.organisation.dpoEmail = "privacy@example.org";
        d.organisation.address = "2 Test Street, Brussels, Belgium";
      }),
      { organisationFields: ["address", "dpoEmail"], unchanged: false },
    ],
    ["the default language", next((d) => (d.defaultLanguage = "de")), { defaultLanguage: { from: "en", to: "de" }, unchanged: false }],
  ];

  it.each(cases)("%s", (_name, draft, expected) => {
    const diff = diffForms(publishForm(v1(), T0), draft);
    expect(diff.fromVersion).toBe(1);
    expect(diff.toVersion).toBe(2);
    const { changes, ...fields } = expected;
    expect(diff).toMatchObject(fields);
    if (changes) expect(flatten(diff)).toEqual(changes);
  });

  it("the first version of a form has nothing to compare with", () => {
    const diff = diffForms(null, v1());
    expect(diff).toMatchObject({ fromVersion: null, toVersion: 1, languagesAdded: ["de", "en"], languages: [], unchanged: false });
    expect(formatDiff(diff)[0]).toContain("first version");
  });

  it("the material flag alone is not a content change", () => {
    expect(diffForms(v1(), next(() => {}, true)).unchanged).toBe(true);
  });
});

describe("assessMateriality", () => {
  type Case = [name: string, draft: ConsentFormDraft, verdict: MaterialityVerdict, scope: string[]];
  const cases: Case[] = [
    ["no change, not material", next(() => {}), "non-material", []],
    ["objectives summary, not material", next((d) => (d.texts.en!.modules.objectives.summary = "x")), "non-material", []],
    ["retention full text, not material", next((d) => (d.texts.en!.modules.retention.fullText = "x")), "non-material", []],
    ["withdrawal and rights, not material", next((d) => {
      d.texts.de!.modules.withdrawal.summary = "x";
      d.texts.de!.modules.rights.heading = "y";
    }), "non-material", []],
    ["mayRecontact and wantsFindings labels, not material", next((d) => {
      d.texts.en!.choices.mayRecontact = "x";
      d.texts.en!.choices.wantsFindings = "y";
    }), "non-material", []],
    ["title and declaration, not material", next((d) => {
      d.texts.en!.title = "x";
      d.texts.en!.declaration = "y";
    }), "non-material", []],
    ["a language added, not material", next((d) => (d.texts.fr = formText("fr"))), "non-material", []],
    ["a language removed, not material", next((d) => delete d.texts.de), "non-material", []],
    ["organisation address, not material", next((d) => (d.organisation.address = "Elsewhere 1, Brussels")), "non-material", []],
    ["purposes summary, not material", next((d) => (d.texts.en!.modules.purposes.summary = "x")), "non-material-but-scope-changed", ["en:purposes"]],
    ["dataCategories full text, not material", next((d) => (d.texts.de!.modules.dataCategories.fullText = "x")), "non-material-but-scope-changed", ["de:dataCategories"]],
    ["recipients heading, not material", next((d) => (d.texts.en!.modules.recipients.heading = "x")), "non-material-but-scope-changed", ["en:recipients"]],
    ["processingLocation summary, not material", next((d) => (d.texts.en!.modules.processingLocation.summary = "x")), "non-material-but-scope-changed", ["en:processingLocation"]],
    ["research choice label, not material", next((d) => (d.texts.en!.choices.research.HMB = "x")), "non-material-but-scope-changed", ["en:purposes"]],
    ["disease choice label, not material", next((d) => {
      const diseases = d.texts.de!.choices.diseases as Record<string, string>;
      diseases[Object.keys(diseases)[0]!] = "x";
    }), "non-material-but-scope-changed", ["de:purposes"]],
    ["AI use label, not material", next((d) => (d.texts.en!.choices.aiUses.AI_TRAINING = "x")), "non-material-but-scope-changed", ["en:purposes"]],
    ["data-category label, not material", next((d) => (d.texts.en!.choices.dataCategories["imaging.ct"] = "x")), "non-material-but-scope-changed", ["en:dataCategories"]],
    ["recipient-type label, not material", next((d) => (d.texts.en!.choices.recipientTypes.commercial = "x")), "non-material-but-scope-changed", ["en:recipients"]],
    ["geography label, not material", next((d) => (d.texts.de!.choices.geography.EU_EEA_ADEQUACY = "x")), "non-material-but-scope-changed", ["de:processingLocation"]],
    ["purposes in both languages, not material", next((d) => {
      d.texts.en!.modules.purposes.summary = "x";
      d.texts.de!.modules.purposes.summary = "y";
    }), "non-material-but-scope-changed", ["de:purposes", "en:purposes"]],
    ["purposes summary, material", next((d) => (d.texts.en!.modules.purposes.summary = "x"), true), "material", ["en:purposes"]],
    ["geography label, material", next((d) => (d.texts.en!.choices.geography.EU_EEA = "x"), true), "material", ["en:processingLocation"]],
    ["no change, material", next(() => {}, true), "material", []],
  ];

  it.each(cases)("%s → %s", (_name, draft, verdict, scope) => {
    const a = assessMateriality(diffForms(publishForm(v1(), T0), draft), draft.material);
    expect(a.verdict).toBe(verdict);
    expect(a.requiresOverride).toBe(verdict === "non-material-but-scope-changed");
    expect(a.declaredMaterial).toBe(draft.material);
    expect(a.scopeChanges.map((c) => `${c.language}:${c.area}`).sort()).toEqual([...scope].sort());
  });

  it("a first version needs no override whatever its flag", () => {
    for (const material of [true, false]) {
      const a = assessMateriality(diffForms(null, { ...v1(), material }), material);
      expect(a).toMatchObject({ verdict: "first-version", requiresOverride: false, scopeChanges: [] });
    }
  });

  it("the warning for a scope change marked not material names each change and the override", () => {
    const draft = next((d) => (d.texts.en!.choices.research.GRU = "Any research whatsoever"));
    const lines = formatMateriality(assessMateriality(diffForms(v1(), draft), false)).join("\n");
    expect(lines).toContain("WARNING");
    expect(lines).toContain('en: choices "research" (GRU)');
    expect(lines).toContain("--force-non-material");
  });
});

describe("draftOf", () => {
  it("is the draft a version was published from, so that it publishes to the same hashes", () => {
    const published = publishForm(v1(), T0);
    const draft = draftOf(published);
    expect(draft).toEqual(v1());
    expect(publishForm(draft, T0)).toEqual(published);
  });
});

describe("checkStoredVersions", () => {
  type Stored = ConsentFormVersion[];
  const stored = (): Stored => [publishForm(v1(), T0), publishForm(next((d) => (d.texts.en!.title = "Second")), T0)];

  it("passes versions as published", () => {
    expect(failedChecks(checkStoredVersions("test-form", stored()))).toEqual([]);
  });

  it.each([
    ["a text altered in one language", (s: Stored): void => void (s[1]!.texts.de!.modules.purposes.summary = "x"), 2, ["de"]],
    ["a hash altered", (s: Stored): void => void (s[0]!.textHashes.en = `sha256:${"0".repeat(64)}`), 1, ["en"]],
    ["the organisation altered (it is in every hash)", (s: Stored): void => void (s[0]!.organisation.name = "Other"), 1, ["de", "en"]],
    ["a hash for a language without text", (s: Stored): void => void delete s[1]!.texts.de, 2, ["de"]],
  ] as const)("finds %s and names the version and language", (_name, tamper, version, languages) => {
    const s = stored();
    tamper(s);
    const failed = failedChecks(checkStoredVersions("test-form", s));
    expect(failed.map((c) => c.version)).toEqual([version]);
    expect(failed[0]!.problems.map((p) => p.language)).toEqual(languages);
  });

  it("finds a row that is no longer a valid form version, and a missing version", () => {
    const s: unknown[] = stored();
    (s[0] as { texts: unknown }).texts = "gone";
    expect(failedChecks(checkStoredVersions("test-form", s)).map((c) => c.version)).toEqual([1]);
    expect(failedChecks(checkStoredVersions("test-form", [stored()[1]])).map((c) => c.problems[0]!.message)).toEqual([
      expect.stringContaining("expected version 1"),
    ]);
  });
});

describe("formatVersionList", () => {
  it("shows each version with short hashes and marks the latest", () => {
    const [a, b] = [publishForm(v1(), T0), publishForm(next(() => {}, true), T0)];
    const lines = formatVersionList("test-form", [a, b]);
    expect(lines[0]).toBe("test-form: 2 versions (* = latest)");
    expect(lines[2]).toMatch(/^\s+1\s+2026-06-01T10:00:00Z\s+no\s+de en\s+de [0-9a-f]{12}\s+en [0-9a-f]{12}$/);
    expect(lines[3]).toMatch(/^\s+\*\s+2\s+2026-06-01T10:00:00Z\s+yes\s/);
    expect(lines[3]).toContain(`en ${shortHash(b.textHashes.en!)}`);
  });
});
