import { Icon, type IconName } from "./Icon";

type Point = { icon: IconName; title: string; detail: string };

const points: readonly Point[] = [
  {
    icon: "seal",
    title: "Signed decisions",
    detail:
      "Every yes or no that Donum gives a hospital is digitally signed. It cannot be changed afterwards without the change showing, and the hospital can check it on its own.",
  },
  {
    icon: "chain",
    title: "A tamper-evident public audit trail",
    detail:
      "Every change to your consent and every answer Donum gives is recorded in a log built so that any later edit or deletion would be detected. Regulators export it and verify it themselves.",
  },
  {
    icon: "key",
    title: "Your national ID is never stored",
    detail:
      "When your ID number reaches Donum it is turned at once into a keyed pseudonym — a code that cannot be turned back into your number. The number itself is never stored, logged or shown.",
  },
];

/** Why a citizen can trust Donum: the guarantees, in plain words. */
export function TrustPoints() {
  return (
    <ul className="grid gap-3 md:grid-cols-3">
      {points.map((p) => (
        <li key={p.title} className="rounded-xl border border-line bg-white p-5">
          <span className="flex h-10 w-10 items-center justify-center rounded-lg bg-brand-100 text-brand-700">
            <Icon name={p.icon} />
          </span>
          <strong className="mt-3 block text-lg font-semibold text-ink">{p.title}</strong>
          <span className="mt-1 block text-muted">{p.detail}</span>
        </li>
      ))}
    </ul>
  );
}
