/**
 * The portal's languages. Adding an EU language is one catalogue file in messages/ (the
 * compiler and tests/unit/i18n.test.ts check it is complete) and one text in the consent form.
 */
export const LOCALES = ["en", "de", "fr", "es", "it"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "donum_lang";

/** Each language's name in that language, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
  es: "Español",
  it: "Italiano",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * Picks the language: an explicit choice (cookie) first, then the browser's Accept-Language
 * preferences in q order, then English.
 */
export function negotiateLocale(cookie: string | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(cookie)) return cookie;
  const prefs = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { lang: tag.toLowerCase().split("-")[0] ?? "", weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((p) => p.lang && p.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return prefs.map((p) => p.lang).find(isLocale) ?? DEFAULT_LOCALE;
}
