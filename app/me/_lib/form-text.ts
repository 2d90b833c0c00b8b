/** The form text to show: the citizen's language if the form has it, else the form's default. */
import type { ConsentFormVersion, FormText } from "../../../lib/consent/form";
import type { Locale } from "../../../lib/i18n/locales";

export function textFor(form: ConsentFormVersion, locale: Locale): { text: FormText; language: string; fallback: boolean } {
  const own = form.texts[locale];
  if (own) return { text: own, language: locale, fallback: false };
  return { text: form.texts[form.defaultLanguage]!, language: form.defaultLanguage, fallback: true };
}
