import { Icon, type IconName } from "./Icon";

type Control = { icon: IconName; title: string; detail: string };

/** Everything a citizen decides, in the order they meet it on the consent form. */
const controls: readonly Control[] = [
  {
    icon: "layers",
    title: "Which kinds of data",
    detail:
      "Scans by type — CT, MR, PET, mammography, ultrasound, X-ray (radiography), digital pathology — and the reports that go with them.",
  },
  {
    icon: "search",
    title: "For which research",
    detail: "Any research, health research only, or only research on the cancers you choose.",
  },
  {
    icon: "chip",
    title: "Whether AI may learn from it",
    detail: "Say yes or no to training AI models on your data, and separately to testing (validating) them with it.",
  },
  {
    icon: "people",
    title: "Who may receive it",
    detail: "Public research bodies, not-for-profit organisations, companies — any mix you choose.",
  },
  {
    icon: "globe",
    title: "Where it may go",
    detail: "Inside the EU and EEA only, or also to countries the EU recognises as protecting data as well as it does.",
  },
  {
    icon: "clock",
    title: "For how long",
    detail: "Until you withdraw, or until a date you pick.",
  },
  {
    icon: "undo",
    title: "Withdraw at any time, in one step",
    detail: "One action, and no new release is allowed: every request is checked against your latest choice. It cannot undo releases made before.",
  },
  {
    icon: "ban",
    title: "Opt out of all secondary use",
    detail: "Say no to any reuse of your health data for research, innovation or policy — a right the European Health Data Space gives you.",
  },
  {
    icon: "eye",
    title: "See who looked you up",
    detail: "Every time a hospital asked whether it may share your data, and the answer it got.",
  },
  {
    icon: "receipt",
    title: "Download a signed receipt",
    detail: "A copy of exactly what you agreed to, in the words and language you were shown, that anyone can check.",
  },
];

export function ControlList() {
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {controls.map((c) => (
        <li key={c.title} className="flex gap-4 rounded-xl border border-line bg-white p-4">
          <span className="flex h-10 w-10 shrink-0 items-center justify-center rounded-lg bg-brand-100 text-brand-700">
            <Icon name={c.icon} />
          </span>
          <span>
            <strong className="block font-semibold text-ink">{c.title}</strong>
            <span className="mt-1 block text-muted">{c.detail}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
