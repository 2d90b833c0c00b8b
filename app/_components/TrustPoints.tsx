import type { Translate } from "../../lib/i18n/translate";
import { Icon, type IconName } from "./Icon";

/** The guarantees; their words are in the catalogue under home.trust.points. */
const points = [
  { icon: "seal", id: "signedDecisions" },
  { icon: "chain", id: "auditTrail" },
  { icon: "key", id: "nationalId" },
] as const satisfies readonly { icon: IconName; id: string }[];

/** Why a citizen can trust Donum: the guarantees, in plain words. */
export function TrustPoints({ t }: { t: Translate }) {
  return (
    <ul className="grid gap-3 md:grid-cols-3">
      {points.map((p) => (
        <li key={p.id} className="rounded-xl border border-line bg-white p-5">
          <span className="flex h-10 w-10 items-center justify-center rounded-lg bg-brand-100 text-brand-700">
            <Icon name={p.icon} />
          </span>
          <strong className="mt-3 block text-lg font-semibold text-ink">{t(`home.trust.points.${p.id}.title`)}</strong>
          <span className="mt-1 block text-muted">{t(`home.trust.points.${p.id}.detail`)}</span>
        </li>
      ))}
    </ul>
  );
}
