import type { MessageKey, Translate } from "../../../lib/i18n/translate";

/** The words for an event type; a type these pages do not know yet is shown as it is. */
export function typeLabel(type: string, t: Translate): string {
  const key = `regulator.type.${type.replace(/\./g, "_")}` as MessageKey;
  const label = t(key);
  return label === key ? type : label;
}

/** The link to one entry: the store finds entries by time, so the link carries it. */
export function entryHref(entry: { id: string; at: string }): string {
  return `/regulator/entries/${entry.id}?at=${encodeURIComponent(entry.at)}`;
}
