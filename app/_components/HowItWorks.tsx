import type { Translate } from "../../lib/i18n/translate";

/** The steps, in order; their words are in the catalogue under home.howItWorks.steps. */
const steps = ["scansStay", "pseudonymised", "consentChecked", "signedAnswer"] as const;

/** The path from a hospital's scanner to a research project, as numbered steps. */
export function HowItWorks({ t }: { t: Translate }) {
  return (
    <ol className="grid gap-3 md:grid-cols-2">
      {steps.map((s, i) => (
        <li key={s} className="flex gap-4 rounded-xl border border-line bg-white p-4">
          {/* The <ol> already numbers the steps for assistive technology; this is the visual number. */}
          <span
            aria-hidden="true"
            className="flex h-10 w-10 shrink-0 items-center justify-center rounded-full bg-brand-700 text-lg font-semibold text-white"
          >
            {i + 1}
          </span>
          <span>
            <strong className="block font-semibold text-ink">{t(`home.howItWorks.steps.${s}.title`)}</strong>
            <span className="mt-1 block text-muted">{t(`home.howItWorks.steps.${s}.detail`)}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
