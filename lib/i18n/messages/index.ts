import type { Locale } from "../locales";
import { en, type Messages } from "./en";

export type { Messages };

/** The catalogue of each language. */
export const CATALOGUES: Record<Locale, Messages> = { en, de: en, fr: en, es: en, it: en };
