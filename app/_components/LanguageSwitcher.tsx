/**
 * The visible language switcher: a plain form with a server action, so it works by keyboard and
 * without JavaScript. The choice is kept in a cookie and wins over the browser's preference.
 */
import { cookies } from "next/headers";
import { isLocale, LOCALE_COOKIE, LOCALE_NAMES, LOCALES, type Locale } from "../../lib/i18n/locales";
import type { Translate } from "../../lib/i18n/translate";

async function setLanguage(formData: FormData): Promise<void> {
  "use server";
  const lang = formData.get("lang");
  if (!isLocale(lang)) return;
  (await cookies()).set(LOCALE_COOKIE, lang, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true });
}

export function LanguageSwitcher({ locale, t }: { locale: Locale; t: Translate }) {
  return (
    <form action={setLanguage} className="flex items-center gap-2">
      <label htmlFor="language-select" className="text-sm font-semibold">
        {t("common.language")}
      </label>
      {/* Keyed by language: after the action React resets the form to its defaults, so the select must be the new page's. */}
      <select key={locale} id="language-select" name="lang" defaultValue={locale} className="min-h-11 rounded-md border-2 border-line bg-white px-2">
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
      <button type="submit" className="btn-secondary">
        {t("common.changeLanguage")}
      </button>
    </form>
  );
}
