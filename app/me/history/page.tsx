import type { Metadata } from "next";
import Link from "next/link";
import { actorFor, requirePageUser } from "../../../lib/auth/with-session";
import type { ConsentChange } from "../../../lib/consent/consent";
import { DEFAULT_FORM_ID } from "../../../lib/consent/forms";
import type { FormText } from "../../../lib/consent/form";
import type { ConsentScope } from "../../../lib/consent/scope";
import { diffScopes, type ScopeDimension } from "../../../lib/consent/scope-summary";
import { getTranslator } from "../../../lib/i18n/server";
import type { MessageKey, Translate } from "../../../lib/i18n/translate";
import { getContainer } from "../../../lib/server/container";
import { getConsentHistory } from "../../../lib/usecases/consent-reads";
import { textFor } from "../_lib/form-text";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("meta.history") };
}

const DIMENSION_KEYS: Record<ScopeDimension, MessageKey> = {
  dataCategories: "consent.review.data",
  research: "consent.review.research",
  aiUses: "consent.review.ai",
  recipientTypes: "consent.review.recipients",
  geography: "consent.review.where",
  validUntil: "consent.review.until",
  conditions: "consent.choose.conditions",
};

/** The words for one scope dimension, from the form the citizen read. */
function describe(scope: ConsentScope | null, dimension: ScopeDimension, choices: FormText["choices"], t: Translate, locale: string): string[] {
  if (!scope) return [t("history.nothing")];
  switch (dimension) {
    case "dataCategories":
      return scope.dataCategories.map((c) => choices.dataCategories[c]);
    case "research":
      return scope.research.level === "DS"
        ? [choices.research.DS, ...scope.research.diseases.map((d) => choices.diseases[d])]
        : [choices.research[scope.research.level]];
    case "aiUses":
      return scope.aiUses.length ? scope.aiUses.map((u) => choices.aiUses[u]) : [t("consent.review.noAi")];
    case "recipientTypes":
      return scope.recipientTypes.map((r) => choices.recipientTypes[r]);
    case "geography":
      return [choices.geography[scope.geography]];
    case "validUntil":
      return [
        scope.validUntil
          ? t("consent.review.untilDate", { date: new Date(scope.validUntil).toLocaleDateString(locale, { dateStyle: "long", timeZone: "UTC" }) })
          : t("consent.review.untilWithdrawn"),
      ];
    case "conditions":
      return [scope.conditions.mayRecontact ? t("consent.review.recontact") : t("consent.review.noRecontact"), ...(scope.conditions.wantsFindings ? [t("consent.review.findings")] : [])];
  }
}

function pick(history: ConsentChange[], v: string | string[] | undefined, fallback: number): ConsentChange | undefined {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return history.find((h) => h.version === (Number.isInteger(n) ? n : fallback));
}

export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("citizen", "/me/history");
  const [{ t, locale }, container, params] = await Promise.all([getTranslator(), getContainer(), searchParams]);
  const history = await getConsentHistory(container.deps, actorFor(user, "citizen"));
  const latestForm = await container.stores.forms.latest(DEFAULT_FORM_ID);
  const dateTime = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }) + " UTC";

  const from = pick(history, params.from, Math.max(1, history.length - 1));
  const to = pick(history, params.to, history.length);
  const compareForm = to?.form ? await container.stores.forms.get(to.form.formId, to.form.version) : latestForm;
  const choices = compareForm ? textFor(compareForm, locale).text.choices : null;

  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <p>
        <Link href="/me">← {t("me.title")}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold text-brand-800">{t("history.title")}</h1>
      <p className="mt-2">{t("history.intro")}</p>

      {history.length === 0 ? (
        <p className="mt-6 rounded-lg border-2 border-line bg-white p-4">{t("history.empty")}</p>
      ) : (
        <>
          <ol className="mt-6 space-y-3 p-0">
            {history.map((h) => (
              <li key={h.version} className="list-none rounded-lg border-2 border-line bg-white p-4">
                <h2 className="text-lg font-semibold">
                  {t(`history.action.${h.action}`)} · {t("history.version", { version: h.version })}
                </h2>
                <p className="text-sm text-muted">{dateTime(h.at)}</p>
                {h.form ? (
                  <dl className="mt-2 text-sm">
                    <dt className="font-semibold">{t("history.form", { formId: h.form.formId, version: h.form.version, language: h.form.language })}</dt>
                    <dd className="break-all font-mono">
                      <span className="sr-only">{t("history.textHash")}: </span>
                      {h.form.textHash}
                    </dd>
                  </dl>
                ) : null}
              </li>
            ))}
          </ol>

          {history.length > 1 && from && to && choices ? (
            <section aria-labelledby="compare" className="mt-8">
              <h2 id="compare" className="text-2xl font-semibold">
                {t("history.compare")}
              </h2>
              <form method="get" className="mt-3 flex flex-wrap items-end gap-3">
                <label className="flex flex-col gap-1">
                  <span className="font-semibold">{t("history.compareFrom")}</span>
                  <select name="from" defaultValue={from.version} className="min-h-11 rounded-md border-2 border-line bg-white px-2">
                    {history.map((h) => (
                      <option key={h.version} value={h.version}>
                        {t("history.version", { version: h.version })} — {t(`history.action.${h.action}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="flex flex-col gap-1">
                  <span className="font-semibold">{t("history.compareTo")}</span>
                  <select name="to" defaultValue={to.version} className="min-h-11 rounded-md border-2 border-line bg-white px-2">
                    {history.map((h) => (
                      <option key={h.version} value={h.version}>
                        {t("history.version", { version: h.version })} — {t(`history.action.${h.action}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="submit" className="btn-secondary">
                  {t("history.compareButton")}
                </button>
              </form>
              <div className="mt-4 overflow-x-auto">
                <table className="w-full border-collapse bg-white text-left text-sm">
                  <caption className="sr-only">{t("history.compare")}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="border-2 border-line p-2" />
                      <th scope="col" className="border-2 border-line p-2">
                        {t("history.version", { version: from.version })}
                      </th>
                      <th scope="col" className="border-2 border-line p-2">
                        {t("history.version", { version: to.version })}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {diffScopes(from.scope, to.scope).map((d) => (
                      <tr key={d.dimension} className={d.changed ? "bg-amber-50" : undefined}>
                        <th scope="row" className="border-2 border-line p-2 align-top">
                          {t(DIMENSION_KEYS[d.dimension])}
                          <span className="block text-xs font-normal text-muted">{d.changed ? t("history.changed") : t("history.unchanged")}</span>
                        </th>
                        <td className="border-2 border-line p-2 align-top">{describe(from.scope, d.dimension, choices, t, locale).join("; ")}</td>
                        <td className="border-2 border-line p-2 align-top">{describe(to.scope, d.dimension, choices, t, locale).join("; ")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
