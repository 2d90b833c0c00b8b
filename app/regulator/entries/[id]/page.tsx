/** One audit entry in full, as a regulator sees it (no subject key; see lib/regulator/activity.ts). */
import type { Metadata } from "next";
import Link from "next/link";
import { actorFor, requirePageUser } from "../../../../lib/auth/with-session";
import { getTranslator } from "../../../../lib/i18n/server";
import type { MessageKey } from "../../../../lib/i18n/translate";
import { integrateIfStale } from "../../../../lib/audit/log/runtime";
import { getEntryWithProof } from "../../../../lib/regulator/entry-proof";
import { ProofCheck } from "../../../_components/ProofCheck";
import { getContainer } from "../../../../lib/server/container";
import { typeLabel } from "../../_components/labels";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("regulator.entry.meta") };
}

export default async function RegulatorEntryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const user = await requirePageUser("regulator", `/regulator/entries/${encodeURIComponent(id)}`);
  const [{ t, locale }, container, query] = await Promise.all([getTranslator(), getContainer(), searchParams]);
  const at = Array.isArray(query.at) ? (query.at[0] ?? "") : (query.at ?? "");
  // Bring the signed checkpoint up to date first, so that a recent entry has its proof.
  await integrateIfStale(container).catch((error: unknown) => {
    container.log.error("log integration failed", { error: error instanceof Error ? error : String(error) });
  });
  const found = await getEntryWithProof(container.deps, actorFor(user, "regulator"), id, at);
  const entry = found?.entry ?? null;
  const dateTime = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: "long", timeStyle: "medium", timeZone: "UTC" }) + " UTC";
  const none = t("regulator.entries.none");

  const rows: [string, string][] = entry
    ? [
        [t("regulator.entries.time"), dateTime(entry.at)],
        [t("regulator.entries.type"), typeLabel(entry.type, t)],
        [t("regulator.entry.seq"), entry.seq === null ? t("regulator.entry.pending") : String(entry.seq)],
        [t("regulator.entry.actor"), t(`regulator.actorKind.${entry.actorKind}` as MessageKey)],
        [t("regulator.entries.node"), entry.nodeId ?? none],
        [t("regulator.entries.subject"), entry.aboutSubject ? t("regulator.entries.yes") : t("regulator.entries.no")],
        ...(entry.decision
          ? ([
              [t("regulator.entries.decision"), t(`regulator.decision.${entry.decision}`)],
              [t("regulator.entries.reasons"), entry.reasons.length ? entry.reasons.join(", ") : none],
            ] as [string, string][])
          : []),
        ...(entry.request
          ? ([
              [t("regulator.entry.purpose"), entry.request.purpose],
              [t("regulator.entry.recipient"), `${entry.request.recipient.organisation} (${entry.request.recipient.type}, ${entry.request.recipient.country})`],
              [t("regulator.entry.categories"), entry.request.dataCategories.join(", ")],
              [t("regulator.entry.permit"), entry.request.permitReference ?? none],
              [t("regulator.entry.batch"), entry.request.batch ? t("regulator.entry.batchItem", { id: entry.request.batch.id, index: entry.request.batch.index }) : none],
            ] as [string, string][])
          : []),
        [t("regulator.entry.id"), entry.id],
      ]
    : [];

  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <p>
        <Link href="/regulator">← {t("regulator.entry.back")}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold text-brand-800">{t("regulator.entry.title")}</h1>
      {entry ? (
        <dl className="mt-6 grid gap-x-6 gap-y-2 rounded-lg border-2 border-line bg-white p-4 sm:grid-cols-[max-content_1fr]">
          {rows.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="font-semibold">{term}</dt>
              <dd className="mb-2 break-words sm:mb-0">{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="mt-6 rounded-lg border-2 border-line bg-white p-4">{t("regulator.entry.notFound")}</p>
      )}
      {found ? (
        <section aria-labelledby="entry-proof" className="mt-6 rounded-lg border-2 border-line bg-white p-4">
          <h2 id="entry-proof" className="text-xl font-semibold text-brand-800">
            {t("proof.heading")}
          </h2>
          {found.proof.status === "included" && found.checkpoint ? (
            <>
              <p className="mt-2 text-sm">{t("proof.regulatorIntro")}</p>
              {found.entryJson === null ? <p className="mt-2 text-sm">{t("proof.withheld")}</p> : null}
              <ProofCheck entryJson={found.entryJson} proof={found.proof} checkpoint={found.checkpoint} checkpointTime={dateTime(found.checkpoint.timestamp)} />
            </>
          ) : (
            <p className="mt-2" data-testid="proof-pending">
              {t("proof.pending")}
            </p>
          )}
        </section>
      ) : null}
    </div>
  );
}
