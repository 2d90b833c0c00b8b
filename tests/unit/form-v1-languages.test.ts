/**
 * The translations of the first consent form (de, fr, es, it). A consent records the hash of the
 * text shown in the citizen's language, so each translation is published text in its own right:
 * it parses, keeps the structure of the English text paragraph for paragraph, leaves nothing in
 * English, keeps every code, address, number and cross-reference, and has a pinned hash.
 */
import { Sha256Ref } from "../../lib/canonical-json";
import { FORM_MODULES, FormText, formTextHash, publishForm, verifyFormHashes } from "../../lib/consent/form";
import { cancerImagingFormV1 } from "../../lib/consent/forms/cancer-imaging-v1";
import { textDe } from "../../lib/consent/forms/cancer-imaging-v1.de";
import { textEs } from "../../lib/consent/forms/cancer-imaging-v1.es";
import { textFr } from "../../lib/consent/forms/cancer-imaging-v1.fr";
import { textIt } from "../../lib/consent/forms/cancer-imaging-v1.it";
import { ADEQUACY_COUNTRIES, DUO_IDS, RESEARCH_LEVELS } from "../../lib/consent/vocabulary";
import { T0 } from "../support/fixtures";

const form = cancerImagingFormV1;
const en = form.texts.en as FormText;

const TRANSLATIONS = { de: textDe, fr: textFr, es: textEs, it: textIt } as const;
type Lang = keyof typeof TRANSLATIONS;
const LANGS = Object.keys(TRANSLATIONS) as Lang[];

// ---- helpers ----------------------------------------------------------------------------------

/** Words: whitespace-separated tokens that contain a letter or a digit (as in form-v1.test.ts). */
function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** Every string in a value, with its path (keys joined by " > ": some keys contain dots). */
function strings(value: unknown, path: string[] = []): Array<[string, string]> {
  if (typeof value === "string") return [[path.join(" > "), value]];
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => strings(v, [...path, k]));
  }
  return [];
}

/** The string at a path given by strings(). */
function at(text: FormText, path: string): string {
  const value = path.split(" > ").reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], text);
  if (typeof value !== "string") throw new Error(`no string at ${path}`);
  return value;
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const URL_ = /https?:\/\/[^\s"«»“”„]+?(?=[.,;:)]?(?:\s|$))/g;

/** What must come through translation unchanged: addresses, identifiers, codes, act numbers. */
function invariants(s: string): string[] {
  return [
    ...(s.match(EMAIL) ?? []),
    ...(s.match(URL_) ?? []),
    ...(s.match(/\b(?:DUO|MONDO):\d{7}\b/g) ?? []),
    ...(s.match(/\bBE-DAO-\d{4}-\d{4}\b/g) ?? []),
    ...(s.match(/\b\d{4}\/\d{3}\b/g) ?? []), // regulation numbers, e.g. 2016/679
    ...(s.match(/\b(?:GRU|HMB|DS|DUO|GA4GH)\b/g) ?? []),
  ];
}

const numbers = (s: string): string[] => [...new Set(s.match(/\d+/g) ?? [])].sort();

/** Names that stay in English in every language, removed before looking for untranslated text. */
const KEPT_NAMES = [form.organisation.name, "GA4GH Data Use Ontology"];
function withoutNames(s: string): string {
  let out = s.replace(EMAIL, " ").replace(URL_, " ").replace(/\bBE-DAO-\d{4}-\d{4}\b/g, " ");
  for (const name of KEPT_NAMES) out = out.split(name).join(" ");
  return out;
}

/**
 * Frequent English function words that are not words of German, French, Spanish or Italian
 * (so "in", "an", "on", "will", "has" and "data" are deliberately absent).
 */
const ENGLISH =
  /(?<![\p{L}\p{N}])(the|and|your|you|we|our|of|to|for|with|that|this|these|is|are|be|been|from|which|who|may|must|can|not|or|at|by|have|it|its|any|does)(?![\p{L}\p{N}])/giu;

/** Placeholders. The markers are matched in capitals only: Spanish "todo" means "all". */
const PLACEHOLDER = /\b(TODO|TBD|FIXME|XXX)\b|\{\{|\[\s*\]|<[a-z]+>/;
const FILLER = /\b(lorem|ipsum)\b/i;

const paragraphCount = (s: string) => s.split("\n\n").length;

/** What each translation must say in its own language. */
const EXPECTED: Record<
  Lang,
  {
    altruism: string;
    dga: string;
    gdpr: string;
    ehds: string;
    lookupView: string;
    countries: Record<string, string>;
    eea: string[];
    excluded: string[];
  }
> = {
  de: {
    altruism: "Datenaltruismus",
    dga: "Daten-Governance-Rechtsakt",
    gdpr: "DSGVO",
    ehds: "Europäischen Gesundheitsdatenraum",
    lookupView: "„Wer hat nach mir gefragt?“",
    countries: {
      AD: "Andorra",
      AR: "Argentinien",
      FO: "Färöer",
      GG: "Guernsey",
      IL: "Israel",
      IM: "Insel Man",
      JP: "Japan",
      JE: "Jersey",
      NZ: "Neuseeland",
      KR: "Republik Korea",
      CH: "Schweiz",
      GB: "Vereinigte Königreich",
      UY: "Uruguay",
    },
    eea: ["Island", "Liechtenstein", "Norwegen"],
    excluded: ["Kanada", "Vereinigten Staaten"],
  },
  fr: {
    altruism: "altruisme en matière de données",
    dga: "acte sur la gouvernance des données",
    gdpr: "RGPD",
    ehds: "espace européen des données de santé",
    lookupView: "«\u00a0Qui s’est renseigné sur moi\u00a0»",
    countries: {
      AD: "Andorre",
      AR: "Argentine",
      FO: "îles Féroé",
      GG: "Guernesey",
      IL: "Israël",
      IM: "île de Man",
      JP: "Japon",
      JE: "Jersey",
      NZ: "Nouvelle-Zélande",
      KR: "République de Corée",
      CH: "Suisse",
      GB: "Royaume-Uni",
      UY: "Uruguay",
    },
    eea: ["Islande", "Liechtenstein", "Norvège"],
    excluded: ["Canada", "États-Unis"],
  },
  es: {
    altruism: "altruismo de datos",
    dga: "Reglamento de Gobernanza de Datos",
    gdpr: "RGPD",
    ehds: "Espacio Europeo de Datos de Salud",
    lookupView: "«Quién ha preguntado por mí»",
    countries: {
      AD: "Andorra",
      AR: "Argentina",
      FO: "Islas Feroe",
      GG: "Guernsey",
      IL: "Israel",
      IM: "Isla de Man",
      JP: "Japón",
      JE: "Jersey",
      NZ: "Nueva Zelanda",
      KR: "República de Corea",
      CH: "Suiza",
      GB: "Reino Unido",
      UY: "Uruguay",
    },
    eea: ["Islandia", "Liechtenstein", "Noruega"],
    excluded: ["Canadá", "Estados Unidos"],
  },
  it: {
    altruism: "altruismo dei dati",
    dga: "atto sulla governance dei dati",
    gdpr: "GDPR",
    ehds: "spazio europeo dei dati sanitari",
    lookupView: "«Chi ha chiesto di me»",
    countries: {
      AD: "Andorra",
      AR: "Argentina",
      FO: "Isole Fær Øer",
      GG: "Guernsey",
      IL: "Israele",
      IM: "Isola di Man",
      JP: "Giappone",
      JE: "Jersey",
      NZ: "Nuova Zelanda",
      KR: "Repubblica di Corea",
      CH: "Svizzera",
      GB: "Regno Unito",
      UY: "Uruguay",
    },
    eea: ["Islanda", "Liechtenstein", "Norvegia"],
    excluded: ["Canada", "Stati Uniti"],
  },
};

// ---- the form carries the translations --------------------------------------------------------

describe("cancer-imaging consent form v1: translations", () => {
  it("carries English and the four translations, each as exported", () => {
    expect(Object.keys(form.texts)).toEqual(["en", "de", "fr", "es", "it"]);
    for (const lang of LANGS) expect(form.texts[lang]).toBe(TRANSLATIONS[lang]);
  });
});

describe.each(LANGS)("cancer-imaging consent form v1 (%s)", (lang) => {
  const text = TRANSLATIONS[lang];
  const all = strings(text);
  const expected = EXPECTED[lang];

  // -- shape --

  it("parses as a FormText, unchanged", () => {
    expect(FormText.parse(text)).toEqual(text);
  });

  it("has exactly the strings of the English text, each translated (none copied over)", () => {
    expect(all.map(([path]) => path)).toEqual(strings(en).map(([path]) => path));
    for (const [path, s] of all) expect({ path, same: s === at(en, path) }).toEqual({ path, same: false });
  });

  it("keeps the paragraphs of the English text, with no stray white space", () => {
    for (const [path, s] of strings(en)) {
      const t = at(text, path);
      expect({ path, paragraphs: paragraphCount(t) }).toEqual({ path, paragraphs: paragraphCount(s) });
      const clean =
        t === t.trim() && !/\n{3,}/.test(t) && !/ {2,}/.test(t) && t.split("\n\n").every((p) => p.length > 0 && p.trim() === p);
      expect({ path, clean }).toEqual({ path, clean: true });
    }
  });

  // -- plain language first --

  it.each(FORM_MODULES)("%s: the summary is short (at most 70 words)", (m) => {
    expect(words(text.modules[m].summary).length).toBeLessThanOrEqual(70);
  });

  it.each(FORM_MODULES)("%s: the full text is substantially longer than the summary", (m) => {
    const { summary, fullText } = text.modules[m];
    expect(words(fullText).length).toBeGreaterThanOrEqual(3 * words(summary).length);
    expect(words(fullText).length).toBeGreaterThanOrEqual(100);
  });

  // -- nothing left out, nothing left in English --

  it("leaves no English behind (outside names, addresses and URLs)", () => {
    for (const [path, s] of all) {
      const found = [...withoutNames(s).matchAll(ENGLISH)].map((m) => m[0]);
      expect({ path, found }).toEqual({ path, found: [] });
    }
  });

  it("contains no placeholder text", () => {
    for (const [path, s] of all) {
      const placeholder = PLACEHOLDER.test(s) || FILLER.test(s);
      expect({ path, placeholder }).toEqual({ path, placeholder: false });
    }
  });

  it("keeps every address, URL, code and act number of the English text, in the same place", () => {
    for (const [path, s] of strings(en)) {
      const t = at(text, path);
      const missing = [...new Set(invariants(s))].filter((token) => !t.includes(token));
      expect({ path, missing }).toEqual({ path, missing: [] });
    }
    // The disease codes are the keys of the labels: the same in every language.
    expect(Object.keys(text.choices.diseases)).toEqual(Object.keys(en.choices.diseases));
  });

  it("cites the same numbers (articles, paragraphs, registration) as the English text, string by string", () => {
    for (const [path, s] of strings(en)) {
      expect({ path, numbers: numbers(at(text, path)) }).toEqual({ path, numbers: numbers(s) });
    }
  });

  it("refers to the other parts of the form by their headings in this language", () => {
    for (const [path, s] of strings(en)) {
      for (const [, quoted] of s.matchAll(/"([^"]+)"/g)) {
        const m = FORM_MODULES.find((id) => en.modules[id].heading === quoted);
        if (m) expect({ path, refersTo: at(text, path).includes(text.modules[m].heading) }).toEqual({ path, refersTo: true });
      }
    }
  });

  // -- terminology --

  it("uses the official terms of the acts in this language", () => {
    expect(`${text.title}\n${text.introduction}`).toContain(expected.altruism);
    expect(text.introduction).toContain(expected.dga);
    expect(text.introduction).toContain(expected.gdpr);
    expect(text.modules.withdrawal.fullText).toContain(expected.ehds);
    expect(text.modules.recipients.fullText).toContain(expected.ehds);
  });

  it("names the 'who looked me up' view the same way wherever it is mentioned", () => {
    expect(text.modules.recipients.fullText).toContain(expected.lookupView);
    expect(text.modules.rights.fullText).toContain(expected.lookupView);
  });

  it("names every research level with its DUO code, and labels every choice distinctly", () => {
    for (const level of RESEARCH_LEVELS) {
      expect(text.modules.purposes.fullText).toContain(DUO_IDS[level]);
      expect(text.choices.research[level]).toMatch(new RegExp(`\\b${level}\\b`));
    }
    for (const labels of [
      text.choices.dataCategories,
      text.choices.research,
      text.choices.diseases,
      text.choices.aiUses,
      text.choices.recipientTypes,
      text.choices.geography,
    ]) {
      expect(new Set(Object.values(labels)).size).toBe(Object.keys(labels).length);
    }
  });

  it("names exactly the adequacy countries, the EEA countries and the excluded ones", () => {
    expect(Object.keys(expected.countries).sort()).toEqual([...ADEQUACY_COUNTRIES].sort());
    const location = text.modules.processingLocation.fullText;
    for (const name of [...Object.values(expected.countries), ...expected.eea, ...expected.excluded]) {
      expect({ name, named: location.includes(name) }).toEqual({ name, named: true });
    }
    for (const name of expected.eea) {
      expect(text.modules.processingLocation.summary).toContain(name);
      expect(text.choices.geography.EU_EEA).toContain(name);
    }
  });
});

// ---- hashes -----------------------------------------------------------------------------------

describe("cancer-imaging consent form v1: text hashes of the translations", () => {
  it("publishes one verified hash per language, all different", () => {
    const published = publishForm(form, T0);
    expect(Object.keys(published.textHashes)).toEqual(["en", "de", "fr", "es", "it"]);
    for (const hash of Object.values(published.textHashes)) expect(hash).toMatch(Sha256Ref);
    expect(new Set(Object.values(published.textHashes)).size).toBe(5);
    expect(verifyFormHashes(published)).toBe(true);
  });

  it("has a stable text hash in every language", () => {
    // Each hash is what every consent given in that language on this form records as the text the
    // citizen saw. Editing ANY word, space or punctuation mark of a translation (or the form's
    // organisation block) changes it: that is not a fix to make here. Publish a new version of the
    // form instead (cancer-imaging-v2, material if it changes what a consent permits), and leave
    // version 1 and these expectations as they are.
    const hashes = Object.fromEntries(LANGS.map((lang) => [lang, formTextHash(form, TRANSLATIONS[lang])]));
    expect(hashes.de).toBe("sha256:8a6dda579c7544e783022cbde319d71c1846ca1a3cfcf92fd2108f1d0072682b");
    expect(hashes.fr).toBe("sha256:3b1648a5138d2525e657514d7de26da87dbd290e288691ad8ca220ee249677a7");
    expect(hashes.es).toBe("sha256:fb02695f47528b0b6811a54f8b69ba43229108cc82eebef7293248f795591626");
    expect(hashes.it).toBe("sha256:138a4cd7d32cb083a9bf01829f76cfb974e847874fd3d2af5d5e87cdb55efe6f");
    expect(formTextHash(form, en)).toBe("sha256:20be418d8f169f6e3397b0537eb057fdbb8330a6eff050b598094db757bb1d30");
  });
});
