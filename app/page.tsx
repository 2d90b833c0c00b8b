import { ControlList } from "./_components/ControlList";
import { HowItWorks } from "./_components/HowItWorks";
import { Icon, type IconName } from "./_components/Icon";
import { Section } from "./_components/Section";
import { GetStarted } from "./_components/GetStarted";
import { TrustPoints } from "./_components/TrustPoints";
import { getTranslator } from "../lib/i18n/server";

/** What data altruism means under the EU Data Governance Act, in three words and a sentence each. */
const altruism = [
  { icon: "heart", id: "voluntary" },
  { icon: "receipt", id: "unpaid" },
  { icon: "people", id: "generalInterest" },
] as const satisfies readonly { icon: IconName; id: string }[];

/** The landing page: static, plain-language, phone first. */
export default async function HomePage() {
  const { t } = await getTranslator();
  return (
    <>
      <div className="on-dark bg-brand-800 px-4 py-12 text-white sm:px-6 sm:py-16">
        <div className="mx-auto max-w-5xl">
          <p className="text-sm font-semibold uppercase tracking-wider text-brand-200">{t("home.eyebrow")}</p>
          <h1 className="mt-3 max-w-3xl text-3xl font-bold leading-tight tracking-tight sm:text-5xl">{t("home.title")}</h1>
          <p className="mt-5 max-w-2xl text-lg text-brand-200 sm:text-xl">{t("home.lead")}</p>
          <GetStarted t={t} />
        </div>
      </div>

      <Section id="what-is-data-altruism" title={t("home.altruism.title")} intro={<p>{t("home.altruism.intro")}</p>}>
        <ul className="grid gap-3 sm:grid-cols-3">
          {altruism.map((a) => (
            <li key={a.id} className="flex gap-3 rounded-xl border border-line bg-white p-4 sm:block">
              <Icon name={a.icon} className="h-6 w-6 shrink-0 text-brand-700" />
              <span>
                <strong className="block font-semibold text-ink sm:mt-2">{t(`home.altruism.items.${a.id}.title`)}</strong>
                <span className="block text-muted">{t(`home.altruism.items.${a.id}.detail`)}</span>
              </span>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="how-it-works" title={t("home.howItWorks.title")} intro={<p>{t("home.howItWorks.intro")}</p>}>
        <HowItWorks t={t} />
      </Section>

      <Section id="what-you-control" title={t("home.control.title")} intro={<p>{t("home.control.intro")}</p>}>
        <ControlList t={t} />
      </Section>

      <Section id="trust" title={t("home.trust.title")} intro={<p>{t("home.trust.intro")}</p>}>
        <TrustPoints t={t} />
      </Section>
    </>
  );
}
