/**
 * The regulator workspace: a period and filters (a GET form, so every view has a link), charts
 * of consent changes per day, decisions per node and deny rates, each with its numbers in a
 * table, and the matching audit entries, newest first and paged.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { actorFor, requirePageUser } from "../../lib/auth/with-session";
import { getTranslator } from "../../lib/i18n/server";
import type { MessageKey } from "../../lib/i18n/translate";
import { EVENT_TYPES, MAX_SCANNED, listEntries } from "../../lib/regulator/activity";
import { pageHref, parseWorkspaceFilter } from "../../lib/regulator/query";
import { getContainer } from "../../lib/server/container";
import { ConsentsChart, DecisionsChart, DenyRateChart, Patterns, TableRegion } from "./_components/charts";
import { entryHref, typeLabel } from "./_components/labels";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("regulator.meta") };
}


const cell = "border-2 border-line p-2 align-top";
const field = "min-h-11 w-full rounded-md border-2 border-line bg-white px-2";

export default async function RegulatorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("regulator", "/regulator");
  const [{ t, locale }, container, params] = await Promise.all([getTranslator(), getContainer(), searchParams]);
  const filter = parseWorkspaceFilter(params, container.deps.now());
  const result = await listEntries(container.deps, actorFor(user, "regulator"), filter.query);
  const dateTime = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
  const nodeOptions = [...new Set([...result.nodeIds, ...(filter.form.node ? [filter.form.node] : [])])].sort();
  const offset = filter.query.cursor ? Number(filter.query.cursor.slice(1)) : 0;
  const limit = filter.query.limit ?? 50;
  const newer = offset > 0 ? `o${Math.max(0, offset - limit)}` : null;
  const fieldNames: Record<string, MessageKey> = {
    from: "regulator.filter.from",
    to: "regulator.filter.to",
    type: "regulator.filter.type",
    decision: "regulator.filter.decision",
    cursor: "regulator.entries.pages",
  };

  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <Patterns />
      <h1 className="text-3xl font-bold text-brand-800">{t("regulator.title")}</h1>
      <p className="mt-2">{t("regulator.intro")}</p>

      <section aria-labelledby="rg-filter-h" className="mt-6 rounded-lg border-2 border-line bg-white p-4">
        <h2 id="rg-filter-h" className="text-xl font-semibold">
          {t("regulator.filter.heading")}
        </h2>
        {filter.invalid.length > 0 ? (
          <p role="status" className="mt-2 text-red-800">
            {t("regulator.filter.invalid", { fields: filter.invalid.map((f) => t(fieldNames[f]!)).join(", ") })}
          </p>
        ) : null}
        <form method="get" action="/regulator" className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <label className="flex min-w-0 flex-col gap-1">
            <span className="font-semibold">{t("regulator.filter.from")}</span>
            <input type="date" name="from" defaultValue={filter.form.from} className={field} />
          </label>
          <label className="flex min-w-0 flex-col gap-1">
            <span className="font-semibold">{t("regulator.filter.to")}</span>
            <input type="date" name="to" defaultValue={filter.form.to} className={field} />
          </label>
          <label className="flex min-w-0 flex-col gap-1">
            <span className="font-semibold">{t("regulator.filter.type")}</span>
            <select name="type" defaultValue={filter.form.type} className={field}>
              <option value="">{t("regulator.filter.any")}</option>
              {EVENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {typeLabel(type, t)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex min-w-0 flex-col gap-1">
            <span className="font-semibold">{t("regulator.filter.node")}</span>
            <select name="node" defaultValue={filter.form.node} className={field}>
              <option value="">{t("regulator.filter.any")}</option>
              {nodeOptions.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <label className="flex min-w-0 flex-col gap-1">
            <span className="font-semibold">{t("regulator.filter.decision")}</span>
            <select name="decision" defaultValue={filter.form.decision} className={field}>
              <option value="">{t("regulator.filter.any")}</option>
              <option value="PERMIT">{t("regulator.decision.PERMIT")}</option>
              <option value="DENY">{t("regulator.decision.DENY")}</option>
            </select>
          </label>
          <div className="flex flex-wrap items-end gap-3">
            <button type="submit" className="btn-primary">
              {t("regulator.filter.apply")}
            </button>
            <Link href="/regulator" className="inline-flex min-h-11 items-center">
              {t("regulator.filter.reset")}
            </Link>
            <Link href={pageHref("/regulator/exports", filter.form, null)} className="inline-flex min-h-11 items-center">
              {t("regulator.exports.link")}
            </Link>
          </div>
        </form>
      </section>

      {result.truncated ? (
        <p role="status" className="mt-6 rounded-lg border-2 border-amber-700 bg-amber-50 p-4">
          {t("regulator.truncated", { max: MAX_SCANNED.toLocaleString(locale), time: result.readUntil ? `${dateTime(result.readUntil)} UTC` : "" })}
        </p>
      ) : null}

      <ConsentsChart summary={result.summary} t={t} locale={locale} />
      <DecisionsChart summary={result.summary} t={t} />
      <DenyRateChart summary={result.summary} t={t} locale={locale} />

      <section aria-labelledby="rg-entries-h" className="mt-8 min-w-0">
        <h2 id="rg-entries-h" className="text-2xl font-semibold">
          {t("regulator.entries.heading")}
        </h2>
        <p className="mt-2" data-testid="entries-count">
          {t("regulator.entries.count", { total: result.total.toLocaleString(locale), scanned: result.scanned.toLocaleString(locale) })}
        </p>
        {result.items.length === 0 ? (
          <p className="mt-3 rounded-lg border-2 border-line bg-white p-4">{t("regulator.entries.empty")}</p>
        ) : (
          <>
            <p className="mt-1 text-sm text-muted">{t("regulator.entries.showing", { first: offset + 1, last: offset + result.items.length })}</p>
            <TableRegion label={t("regulator.tableRegion", { name: t("regulator.entries.heading") })}>
              <table className="w-full min-w-[40rem] border-collapse bg-white text-left text-sm">
                <caption className="sr-only">{t("regulator.entries.heading")}</caption>
                <thead>
                  <tr>
                    {(
                      [
                        "regulator.entries.time",
                        "regulator.entries.type",
                        "regulator.entries.node",
                        "regulator.entries.decision",
                        "regulator.entries.reasons",
                        "regulator.entries.subject",
                      ] as const
                    ).map((k) => (
                      <th key={k} scope="col" className={cell}>
                        {t(k)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((e) => (
                    <tr key={e.id}>
                      <th scope="row" className={`${cell} whitespace-nowrap font-normal`}>
                        <Link href={entryHref(e)}>
                          <time dateTime={e.at}>{dateTime(e.at)}</time>
                        </Link>
                      </th>
                      <td className={cell}>{typeLabel(e.type, t)}</td>
                      <td className={cell}>{e.nodeId ?? t("regulator.entries.none")}</td>
                      <td className={cell}>{e.decision ? t(`regulator.decision.${e.decision}`) : t("regulator.entries.none")}</td>
                      <td className={`${cell} font-mono text-xs`}>{e.reasons.length ? e.reasons.join(", ") : t("regulator.entries.none")}</td>
                      <td className={cell}>{e.aboutSubject ? t("regulator.entries.yes") : t("regulator.entries.no")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </>
        )}
        {newer || result.cursor ? (
          <nav aria-label={t("regulator.entries.pages")} className="mt-4 flex flex-wrap gap-4">
            {newer !== null ? <Link href={pageHref("/regulator", filter.form, newer === "o0" ? null : newer)}>← {t("regulator.entries.newer")}</Link> : null}
            {result.cursor ? <Link href={pageHref("/regulator", filter.form, result.cursor)}>{t("regulator.entries.older")} →</Link> : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
