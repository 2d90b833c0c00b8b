/** Message lookup with {placeholder} interpolation. Pure: works on server and client. */
import type { Locale } from "./locales";
import { CATALOGUES, type Messages } from "./messages";

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every message key, e.g. "consent.review.title". */
export type MessageKey = Leaves<Messages>;
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

export function interpolate(template: string, vars: Vars = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function createTranslator(locale: Locale): Translate {
  const messages = CATALOGUES[locale];
  // Catalogues are complete by construction (type-checked, and tested); a miss is a bug, shown
  // as the key rather than as a blank.
  return (key, vars) => interpolate(lookup(messages, key) ?? key, vars);
}
