type Step = { title: string; detail: string };

const steps: readonly Step[] = [
  {
    title: "Your scans stay at the hospital",
    detail:
      "Hospitals in the federation keep their imaging on their own imaging nodes: CT, MR, PET, mammography, ultrasound, X-ray (radiography) and digital pathology scans, with their reports.",
  },
  {
    title: "Researchers ask for pseudonymised data",
    detail:
      "Researchers and developers of AI tools use it to improve how cancer is found and treated. Your name and ID numbers are replaced by a code; the data is still protected as personal data under the GDPR.",
  },
  {
    title: "Your consent is checked first, every time",
    detail:
      "Before releasing anything, the hospital asks Donum whether your choices allow this release, for this purpose, to this recipient. If you have not said yes, the answer is no.",
  },
  {
    title: "The hospital keeps the signed answer",
    detail:
      "Donum signs every answer. The hospital keeps it as evidence of why data was — or was not — released.",
  },
];

/** The path from a hospital's scanner to a research project, as numbered steps. */
export function HowItWorks() {
  return (
    <ol className="grid gap-3 md:grid-cols-2">
      {steps.map((s, i) => (
        <li key={s.title} className="flex gap-4 rounded-xl border border-line bg-white p-4">
          {/* The <ol> already numbers the steps for assistive technology; this is the visual number. */}
          <span
            aria-hidden="true"
            className="flex h-10 w-10 shrink-0 items-center justify-center rounded-full bg-brand-700 text-lg font-semibold text-white"
          >
            {i + 1}
          </span>
          <span>
            <strong className="block font-semibold text-ink">{s.title}</strong>
            <span className="mt-1 block text-muted">{s.detail}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
