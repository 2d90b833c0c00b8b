import { ControlList } from "./_components/ControlList";
import { HowItWorks } from "./_components/HowItWorks";
import { Icon, type IconName } from "./_components/Icon";
import { Section } from "./_components/Section";
import { GetStarted } from "./_components/GetStarted";
import { TrustPoints } from "./_components/TrustPoints";

/** What data altruism means under the EU Data Governance Act, in three words and a sentence each. */
const altruism: readonly { icon: IconName; title: string; detail: string }[] = [
  { icon: "heart", title: "Voluntary", detail: "Only if you say yes. You can say no, or stop later, without giving a reason." },
  { icon: "receipt", title: "Without payment", detail: "You give your data as a gift: nobody pays you for it." },
  {
    icon: "people",
    title: "For the general interest",
    detail: "For research that benefits everyone — here, better diagnosis and treatment of cancer.",
  },
];

/** The landing page: static, plain-language, phone first. */
export default function HomePage() {
  return (
    <>
      <div className="on-dark bg-brand-800 px-4 py-12 text-white sm:px-6 sm:py-16">
        <div className="mx-auto max-w-5xl">
          <p className="text-sm font-semibold uppercase tracking-wider text-brand-200">
            Data altruism for cancer research
          </p>
          <h1 className="mt-3 max-w-3xl text-3xl font-bold leading-tight tracking-tight sm:text-5xl">
            Help cancer research with your medical scans — on your terms
          </h1>
          <p className="mt-5 max-w-2xl text-lg text-brand-200 sm:text-xl">
            Donum lets you decide whether the scans and reports that hospitals already hold about you may be used
            to improve cancer care, and how. It is voluntary and unpaid, and you can change your mind at any time.
          </p>
          <GetStarted />
        </div>
      </div>

      <Section
        id="what-is-data-altruism"
        title="What is data altruism?"
        intro={
          <p>
            Data altruism means choosing to share data about yourself for the good of society. The EU Data
            Governance Act sets the rules: organisations that collect data this way must be registered, work on a
            not-for-profit basis and tell you clearly what your data will be used for.
          </p>
        }
      >
        <ul className="grid gap-3 sm:grid-cols-3">
          {altruism.map((a) => (
            <li key={a.title} className="flex gap-3 rounded-xl border border-line bg-white p-4 sm:block">
              <Icon name={a.icon} className="h-6 w-6 shrink-0 text-brand-700" />
              <span>
                <strong className="block font-semibold text-ink sm:mt-2">{a.title}</strong>
                <span className="block text-muted">{a.detail}</span>
              </span>
            </li>
          ))}
        </ul>
      </Section>

      <Section
        id="how-it-works"
        title="What happens to your scans"
        intro={
          <p>
            Donum is part of a European federation of hospitals that makes cancer imaging available for research.
            Donum itself never holds your scans: it holds your choices.
          </p>
        }
      >
        <HowItWorks />
      </Section>

      <Section
        id="what-you-control"
        title="What you control"
        intro={<p>You decide every part of it, and you can change any choice later.</p>}
      >
        <ControlList />
      </Section>

      <Section
        id="trust"
        title="How Donum earns your trust"
        intro={
          <p>
            Promises are not enough. These safeguards let hospitals, regulators and you check that Donum does what
            it says, instead of taking its word for it.
          </p>
        }
      >
        <TrustPoints />
      </Section>
    </>
  );
}
