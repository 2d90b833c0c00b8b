import type { Locale } from "../locales";
import { de } from "./de";
import { en, type Messages } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import { it } from "./it";

export type { Messages };

/** The catalogue of each language. */
export const CATALOGUES: Record<Locale, Messages> = { en, de, fr, es, it };
