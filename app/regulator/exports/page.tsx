/**
 * Regulators: export a period of the audit trail as a verifiable bundle (ADR 0008), and the
 * recent exports with their progress, downloads and the command that verifies them.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { listExports } from "../../../lib/audit/export/jobs";
import { actorFor, requirePageUser } from "../../../lib/auth/with-session";
import { getTranslator } from "../../../lib/i18n/server";
import { EVENT_TYPES } from "../../../lib/regulator/activity";
import { parseWorkspaceFilter } from "../../../lib/regulator/query";
import { getContainer } from "../../../lib/server/container";
import { ExportForm } from "../_components/ExportForm";
import { ExportStatus } from "../_components/ExportStatus";
import { typeLabel } from "../_components/labels";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("regulator.exports.meta") };
}

export default async function ExportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("regulator", "/regulator/exports");
  const [{ t, locale }, container, params] = await Promise.all([getTranslator(), getContainer(), searchParams]);
  const now = container.deps.now();
  // The workspace's filter, so that "Export this period" carries what the regulator was looking at;
  // without one, yesterday to now.
  const filter = parseWorkspaceFilter({ from: new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10), ...params }, now);
  const exports = await listExports(container.deps, actorFor(user, "regulator"));
  const dateTime = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
  const types = EVENT_TYPES.map((type) => ({ value: type, label: typeLabel(type, t) }));

  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <p>
        <Link href="/regulator">← {t("regulator.exports.back")}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold text-brand-800">{t("regulator.exports.title")}</h1>
      <p className="mt-2">{t("regulator.exports.intro")}</p>

      <ExportForm initial={filter.form} today={now.toISOString().slice(0, 10)} types={types} />

      <section aria-labelledby="ex-list-h" className="mt-8">
        <h2 id="ex-list-h" className="text-xl font-semibold">
          {t("regulator.exports.list.heading")}
        </h2>
        {exports.length === 0 ? (
          <p className="mt-3 rounded-lg border-2 border-line bg-white p-4">{t("regulator.exports.list.empty")}</p>
        ) : (
          <ol className="mt-3 space-y-3 p-0">
            {exports.map((job) => {
              const filters = [
                ...(job.filters.types ?? []).map((type) => typeLabel(type, t)),
                ...(job.filters.nodeId ? [job.filters.nodeId] : []),
                ...(job.filters.decision ? [t(`regulator.decision.${job.filters.decision}`)] : []),
              ];
              return (
                <li key={job.id} className="list-none rounded-lg border-2 border-line bg-white p-4">
                  <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                    <dt className="font-semibold">{t("regulator.exports.list.period")}</dt>
                    <dd>
                      {dateTime(job.period.from)} – {dateTime(job.period.to)}
                    </dd>
                    <dt className="font-semibold">{t("regulator.exports.list.filters")}</dt>
                    <dd>{filters.length > 0 ? filters.join(", ") : t("regulator.exports.list.none")}</dd>
                    <dt className="font-semibold">{t("regulator.exports.list.requested")}</dt>
                    <dd>{dateTime(job.requestedAt)}</dd>
                  </dl>
                  <ExportStatus initial={job} />
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </div>
  );
}
