/**
 * What a consent allows and what it does not, at a glance, in the words of the form the
 * citizen read. Plain component (no hooks): used by the review step and by "My consent".
 */
import type { FormText } from "../../lib/consent/form";
import type { ConsentScope } from "../../lib/consent/scope";
import { summariseScope } from "../../lib/consent/scope-summary";
import type { Translate } from "../../lib/i18n/translate";

interface Props {
  scope: ConsentScope;
  choices: FormText["choices"];
  t: Translate;
  locale: string;
  headingLevel?: "h2" | "h3";
}

function Row({ label, items }: { label: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <div className="py-2">
      <dt className="text-sm font-semibold text-muted">{label}</dt>
      <dd>
        <ul className="mt-1 list-none space-y-1 p-0">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </dd>
    </div>
  );
}

export function ScopeOverview({ scope, choices, t, locale, headingLevel = "h2" }: Props) {
  const s = summariseScope(scope);
  const H = headingLevel;
  const until = s.allowed.validUntil
    ? t("consent.review.untilDate", { date: new Date(s.allowed.validUntil).toLocaleDateString(locale, { dateStyle: "long", timeZone: "UTC" }) })
    : t("consent.review.untilWithdrawn");
  const research =
    s.allowed.research === "DS" ? [choices.research.DS, ...s.allowed.diseases.map((d) => choices.diseases[d])] : [choices.research[s.allowed.research]];
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <section aria-labelledby="scope-allowed" className="rounded-lg border-2 border-brand-700 bg-white p-4">
        <H id="scope-allowed" className="flex items-center gap-2 text-lg font-semibold text-brand-800">
          <span aria-hidden="true" className="inline-flex h-6 w-6 items-center justify-center rounded-full bg-brand-700 text-white">
            ✓
          </span>
          {t("consent.review.permitted")}
        </H>
        <dl className="mt-2 divide-y divide-line">
          <Row label={t("consent.review.data")} items={s.allowed.dataCategories.map((c) => choices.dataCategories[c])} />
          <Row label={t("consent.review.research")} items={research} />
          <Row label={t("consent.review.ai")} items={s.allowed.aiUses.length ? s.allowed.aiUses.map((u) => choices.aiUses[u]) : [t("consent.review.noAi")]} />
          <Row label={t("consent.review.recipients")} items={s.allowed.recipientTypes.map((r) => choices.recipientTypes[r])} />
          <Row label={t("consent.review.where")} items={[choices.geography[scope.geography]]} />
          <Row label={t("consent.review.until")} items={[until]} />
          <Row
            label={t("consent.choose.conditions")}
            items={[
              ...(s.allowed.mayRecontact ? [t("consent.review.recontact")] : []),
              ...(scope.conditions.wantsFindings ? [t("consent.review.findings")] : []),
            ]}
          />
        </dl>
      </section>
      <section aria-labelledby="scope-not-allowed" className="rounded-lg border-2 border-line bg-surface p-4">
        <H id="scope-not-allowed" className="flex items-center gap-2 text-lg font-semibold text-ink">
          <span aria-hidden="true" className="inline-flex h-6 w-6 items-center justify-center rounded-full bg-muted text-white">
            ✕
          </span>
          {t("consent.review.notPermitted")}
        </H>
        <dl className="mt-2 divide-y divide-line">
          <Row label={t("consent.review.data")} items={s.notAllowed.dataCategories.map((c) => choices.dataCategories[c])} />
          <Row label={t("consent.review.research")} items={s.notAllowed.broaderResearch.map((l) => choices.research[l])} />
          <Row label={t("consent.review.ai")} items={s.notAllowed.aiUses.map((u) => choices.aiUses[u])} />
          <Row label={t("consent.review.recipients")} items={s.notAllowed.recipientTypes.map((r) => choices.recipientTypes[r])} />
          <Row label={t("consent.review.where")} items={s.notAllowed.outsideAdequacy ? [choices.geography.EU_EEA_ADEQUACY] : []} />
          <Row label={t("consent.choose.conditions")} items={s.notAllowed.recontact ? [t("consent.review.noRecontact")] : []} />
        </dl>
      </section>
    </div>
  );
}
