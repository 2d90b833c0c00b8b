/**
 * A published consent-form version, in full, for anyone: the notice a receipt points to. The
 * fingerprint shown is the one recorded in every consent given on this text.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FORM_MODULES } from "../../../../../lib/consent/form";
import { LOCALE_NAMES, isLocale } from "../../../../../lib/i18n/locales";
import { getTranslator } from "../../../../../lib/i18n/server";
import { getContainer } from "../../../../../lib/server/container";

type Params = Promise<{ formId: string; version: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("meta.form") };
}

export default async function FormVersionPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ formId, version }, query, { t, locale }, container] = await Promise.all([params, searchParams, getTranslator(), getContainer()]);
  const n = Number(version);
  if (!Number.isInteger(n) || n < 1 || !/^[a-z0-9-]{3,64}$/.test(formId)) notFound();
  const form = await container.stores.forms.get(formId, n);
  if (!form) notFound();
  const asked = Array.isArray(query.lang) ? query.lang[0] : query.lang;
  const language = asked && form.texts[asked] ? asked : form.texts[locale] ? locale : form.defaultLanguage;
  const text = form.texts[language]!;

  return (
    <article lang={language} className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("formPage.title", { title: text.title, version: form.version })}</h1>
      <p className="mt-1 text-sm text-muted">
        {t("formPage.published", { date: new Date(form.publishedAt).toLocaleDateString(locale, { dateStyle: "long", timeZone: "UTC" }) })}
      </p>
      {form.material ? <p className="mt-3 rounded-md border-2 border-amber-700 bg-amber-50 p-3">{t("formPage.material")}</p> : null}
      <p className="mt-4">{text.introduction}</p>
      {FORM_MODULES.map((m) => (
        <section key={m} aria-labelledby={`module-${m}`} className="mt-6">
          <h2 id={`module-${m}`} className="text-xl font-semibold">
            {text.modules[m].heading}
          </h2>
          <p className="mt-1 font-semibold">{text.modules[m].summary}</p>
          {text.modules[m].fullText.split("\n\n").map((para, i) => (
            <p key={i} className="mt-2">
              {para}
            </p>
          ))}
        </section>
      ))}
      <blockquote className="mt-6 rounded-lg border-l-4 border-brand-700 bg-white p-4">{text.declaration}</blockquote>
      <dl className="mt-6 text-sm">
        <dt className="font-semibold">{t("formPage.organisation")}</dt>
        <dd>
          {form.organisation.name} · {form.organisation.registration}
        </dd>
        <dt className="mt-2 font-semibold">{t("formPage.textHash")}</dt>
        <dd className="break-all font-mono">{form.textHashes[language]}</dd>
      </dl>
      <nav aria-label={t("formPage.languages")} className="mt-6">
        <h2 className="text-sm font-semibold">{t("formPage.languages")}</h2>
        <ul className="mt-1 flex flex-wrap gap-3 p-0">
          {Object.keys(form.texts)
            .filter((l) => l !== language)
            .map((l) => (
              <li key={l} className="list-none">
                <Link href={`/consent/form/${form.formId}/${form.version}?lang=${l}`} lang={l} hrefLang={l}>
                  {isLocale(l) ? LOCALE_NAMES[l] : l}
                </Link>
              </li>
            ))}
        </ul>
      </nav>
    </article>
  );
}
