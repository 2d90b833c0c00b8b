import type { Translate } from "../../lib/i18n/translate";
import { Icon, type IconName } from "./Icon";

/** Everything a citizen decides, in the order they meet it on the consent form; words under home.control.items. */
const controls = [
  { icon: "layers", id: "dataKinds" },
  { icon: "search", id: "research" },
  { icon: "chip", id: "ai" },
  { icon: "people", id: "recipients" },
  { icon: "globe", id: "where" },
  { icon: "clock", id: "period" },
  { icon: "undo", id: "withdraw" },
  { icon: "ban", id: "optOut" },
  { icon: "eye", id: "lookups" },
  { icon: "receipt", id: "receipt" },
] as const satisfies readonly { icon: IconName; id: string }[];

export function ControlList({ t }: { t: Translate }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {controls.map((c) => (
        <li key={c.id} className="flex gap-4 rounded-xl border border-line bg-white p-4">
          <span className="flex h-10 w-10 shrink-0 items-center justify-center rounded-lg bg-brand-100 text-brand-700">
            <Icon name={c.icon} />
          </span>
          <span>
            <strong className="block font-semibold text-ink">{t(`home.control.items.${c.id}.title`)}</strong>
            <span className="mt-1 block text-muted">{t(`home.control.items.${c.id}.detail`)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
