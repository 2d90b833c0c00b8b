import type { Metadata } from "next";
import Link from "next/link";
import { actorFor, requirePageUser } from "../../../lib/auth/with-session";
import { getTranslator } from "../../../lib/i18n/server";
import { DEFAULT_FORM_ID } from "../../../lib/consent/forms";
import type { FormText } from "../../../lib/consent/form";
import { isDiseaseCode, isRecipientType, isResearchLevel } from "../../../lib/consent/vocabulary";
import { getContainer } from "../../../lib/server/container";
import { textFor } from "../_lib/form-text";
import { listLookupsWithProofs } from "../../../lib/usecases/lookups";
import { integrateIfStale } from "../../../lib/audit/log/runtime";
import { ProofCheck } from "../../_components/ProofCheck";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("meta.lookups") };
}

/** "DS:MONDO:0008903" → the form's words for disease-specific research and that cancer. */
function purposeLabel(purpose: string, choices: FormText["choices"] | null): string {
  if (!choices) return purpose;
  const [level, ...rest] = purpose.split(":");
  const disease = rest.join(":");
  if (!isResearchLevel(level)) return purpose;
  return disease && isDiseaseCode(disease) ? `${choices.research[level]} — ${choices.diseases[disease]}` : choices.research[level];
}

export default async function LookupsPage() {
  const user = await requirePageUser("citizen", "/me/lookups");
  const [{ t, locale }, container] = await Promise.all([getTranslator(), getContainer()]);
  // Bring the signed checkpoint up to date first, so that a lookup made a moment ago has its proof.
  await integrateIfStale(container).catch((error: unknown) => {
    container.log.error("log integration failed", { error: error instanceof Error ? error : String(error) });
  });
  // The citizen's own entries only: the subject comes from the session, and the page takes no entry id.
  const { items, checkpoint } = await listLookupsWithProofs(container.deps, actorFor(user, "citizen"));
  const form = await container.stores.forms.latest(DEFAULT_FORM_ID);
  const choices = form ? textFor(form, locale).text.choices : null;
  const dateTime = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <p>
        <Link href="/me">← {t("me.title")}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold text-brand-800">{t("lookups.title")}</h1>
      <p className="mt-2">{t("lookups.intro")}</p>
      {items.length === 0 ? (
        <p className="mt-6 rounded-lg border-2 border-line bg-white p-4">{t("lookups.empty")}</p>
      ) : (
        <ol className="mt-6 space-y-3 p-0">
          {items.map((l, i) => (
            <li key={`${l.at}-${i}`} className="list-none rounded-lg border-2 border-line bg-white p-4">
              <p className={`font-semibold ${l.decision === "PERMIT" ? "text-brand-800" : "text-red-800"}`}>
                {l.decision === "PERMIT" ? t("lookups.permit") : t("lookups.deny")}
              </p>
              <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                <dt className="font-semibold">{t("lookups.time")}</dt>
                <dd>{dateTime(l.at)}</dd>
                <dt className="font-semibold">{t("lookups.organisation")}</dt>
                <dd>
                  {l.organisation ?? l.nodeId}
                  {l.country ? ` (${l.country})` : ""}
                </dd>
                <dt className="font-semibold">{t("lookups.purpose")}</dt>
                <dd>{purposeLabel(l.purpose, choices)}</dd>
                <dt className="font-semibold">{t("lookups.recipient")}</dt>
                <dd>
                  {l.recipient.organisation} ({choices && isRecipientType(l.recipient.type) ? choices.recipientTypes[l.recipient.type] : l.recipient.type},{" "}
                  {l.recipient.country})
                </dd>
              </dl>
              <details className="mt-3 border-t-2 border-line pt-2">
                <summary className="cursor-pointer font-semibold text-brand-700">{t("proof.summary")}</summary>
                {l.proof.status === "included" && checkpoint ? (
                  <>
                    <p className="mt-2 text-sm">{t("proof.intro")}</p>
                    <ProofCheck entryJson={l.entryJson} proof={l.proof} checkpoint={checkpoint} checkpointTime={dateTime(checkpoint.timestamp)} />
                  </>
                ) : (
                  <p className="mt-2 text-sm">{t("proof.pending")}</p>
                )}
              </details>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
