/**
 * Every language is complete, and every message is used: a missing key, an unused key, a
 * placeholder lost in translation or a catalogue left in English fails here.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { FIRST_FORMS } from "../../lib/consent/forms";
import { LOCALES, negotiateLocale } from "../../lib/i18n/locales";
import { CATALOGUES } from "../../lib/i18n/messages";
import { createTranslator } from "../../lib/i18n/translate";

const ROOT = join(__dirname, "..", "..");

function flatten(node: unknown, prefix = ""): Record<string, string> {
  if (typeof node === "string") return { [prefix]: node };
  return Object.entries(node as Record<string, unknown>).reduce<Record<string, string>>(
    (acc, [k, v]) => ({ ...acc, ...flatten(v, prefix ? `${prefix}.${k}` : k) }),
    {},
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "messages" ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const english = flatten(CATALOGUES.en);
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const code = [...sourceFiles(join(ROOT, "app")), ...sourceFiles(join(ROOT, "lib"))].map((f) => readFileSync(f, "utf8")).join("\n");

describe("message catalogues", () => {
  it.each(LOCALES)("%s has exactly the English keys, none empty, with the same placeholders", (locale) => {
    const messages = flatten(CATALOGUES[locale]);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    for (const [key, value] of Object.entries(messages)) {
      expect({ key, empty: value.trim() === "" }).toEqual({ key, empty: false });
      expect({ key, placeholders: placeholders(value) }).toEqual({ key, placeholders: placeholders(english[key]!) });
    }
  });

  it.each(LOCALES.filter((l) => l !== "en"))("%s is translated, not a copy of English", (locale) => {
    const messages = flatten(CATALOGUES[locale]);
    const same = Object.keys(english).filter((k) => messages[k] === english[k] && english[k]!.length > 3);
    // A few words are the same in both languages (names, "OK"); a copied catalogue is not.
    expect(same.length / Object.keys(english).length).toBeLessThan(0.05);
  });

  it("uses every key somewhere in the code, and the code uses no key that does not exist", () => {
    // Keys built at run time (t(`consent.step.${s}`)) are matched by their literal prefix.
    const dynamicPrefixes = [...code.matchAll(/`([a-zA-Z]+(?:\.[a-zA-Z]+)*\.)\$\{/g)].map((m) => m[1]!);
    const unused = Object.keys(english).filter((key) => !code.includes(`"${key}"`) && !dynamicPrefixes.some((p) => key.startsWith(p)));
    expect(unused).toEqual([]);
    const used = [...code.matchAll(/\bt\("([a-zA-Z]+(?:\.[a-zA-Z_]+)+)"/g)].map((m) => m[1]!);
    expect(used.filter((key) => !(key in english))).toEqual([]);
  });

  it.each(LOCALES)("has the consent form in %s", (locale) => {
    for (const form of FIRST_FORMS) expect(Object.keys(form.texts)).toContain(locale);
  });

  it("interpolates placeholders and shows the key for a missing message rather than a blank", () => {
    const t = createTranslator("en");
    expect(t("consent.stepCounter", { current: 2, total: 4 })).toBe("Step 2 of 4");
    expect(t("no.such.key" as never)).toBe("no.such.key");
  });
});

describe("language negotiation", () => {
  it.each([
    [undefined, "de-DE,de;q=0.9,en;q=0.8", "de"],
    [undefined, "pt-PT,pt;q=0.9,it;q=0.5", "it"],
    [undefined, "fr;q=0.4,es;q=0.8", "es"],
    [undefined, "ja", "en"],
    [undefined, null, "en"],
    [undefined, "de;q=0", "en"],
    ["fr", "de-DE", "fr"],
    ["xx", "es", "es"],
  ] as const)("cookie %s + Accept-Language %s → %s", (cookie, header, expected) => {
    expect(negotiateLocale(cookie, header)).toBe(expected);
  });
});
