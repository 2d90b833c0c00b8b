/**
 * The consent form: versioned and modular as the DGA Art. 25 European data-altruism consent
 * form. Each version carries its text per language and the SHA-256 of each text, so that a
 * consent can prove exactly which words, in which language, the citizen agreed to.
 */
import { z } from "zod";
import { sha256Canonical, Sha256Ref } from "../canonical-json";
import {
  AI_USES,
  DATA_CATEGORIES,
  DISEASE_CODES,
  GEOGRAPHIES,
  Language,
  RECIPIENT_TYPES,
  RESEARCH_LEVELS,
} from "./vocabulary";
import { FORM_MODULES, type FormModuleId } from "./form-modules";

export { FORM_MODULES, type FormModuleId } from "./form-modules";

const nonEmpty = z.string().trim().min(1);
const labels = <const T extends readonly [string, ...string[]]>(codes: T) =>
  z.object(Object.fromEntries(codes.map((c) => [c, nonEmpty])) as { [K in T[number]]: typeof nonEmpty });

export const FormModuleText = z.object({
  heading: nonEmpty,
  /** Plain language, shown first. */
  summary: nonEmpty,
  /** The full legal text, one tap away. */
  fullText: nonEmpty,
});

/** Everything a citizen reads in one language. Its canonical hash is the "text hash". */
export const FormText = z.object({
  title: nonEmpty,
  introduction: nonEmpty,
  modules: z.object(
    Object.fromEntries(FORM_MODULES.map((m) => [m, FormModuleText])) as {
      [K in FormModuleId]: typeof FormModuleText;
    },
  ),
  /** The words shown beside each choice; part of what was agreed to, so part of the hash. */
  choices: z.object({
    dataCategories: labels(DATA_CATEGORIES),
    research: labels(RESEARCH_LEVELS),
    /** The cancers offered for disease-specific (DS) research, in this language. */
    diseases: labels(DISEASE_CODES),
    aiUses: labels(AI_USES),
    recipientTypes: labels(RECIPIENT_TYPES),
    geography: labels(GEOGRAPHIES),
    mayRecontact: nonEmpty,
    wantsFindings: nonEmpty,
  }),
  /** The affirmative statement next to the button that gives consent. */
  declaration: nonEmpty,
});
export type FormText = z.infer<typeof FormText>;

export const Organisation = z.object({
  name: nonEmpty,
  /** Entry in the public register of recognised data altruism organisations (DGA Art. 17). */
  registration: nonEmpty,
  address: nonEmpty,
  contactEmail: z.email(),
  dpoEmail: z.email(),
  website: z.url(),
});

export const FormId = z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, "lower-case letters, digits and dashes");

/** A form version as an operator drafts it; the hashes are computed on publication. */
export const ConsentFormDraft = z.object({
  formId: FormId,
  version: z.number().int().min(1),
  /** Material: existing consents must be renewed before they cover the new terms. */
  material: z.boolean(),
  organisation: Organisation,
  texts: z
    .record(Language, FormText)
    .refine((t) => Object.keys(t).length > 0, "at least one language is required"),
  defaultLanguage: Language,
}).refine((f) => f.texts[f.defaultLanguage] !== undefined, {
  message: "the default language must have a text",
  path: ["defaultLanguage"],
});
export type ConsentFormDraft = z.infer<typeof ConsentFormDraft>;

export const ConsentFormVersion = z.object({
  formId: FormId,
  version: z.number().int().min(1),
  material: z.boolean(),
  organisation: Organisation,
  texts: z.record(Language, FormText),
  defaultLanguage: Language,
  textHashes: z.record(Language, z.string().regex(Sha256Ref)),
  publishedAt: z.iso.datetime({ offset: true }),
});
export type ConsentFormVersion = z.infer<typeof ConsentFormVersion>;

/** The hash that a consent records: over the organisation and the text in one language. */
export function formTextHash(form: Pick<ConsentFormDraft, "formId" | "version" | "organisation">, text: FormText): string {
  return sha256Canonical({ formId: form.formId, version: form.version, organisation: form.organisation, text });
}

export function publishForm(draft: ConsentFormDraft, publishedAt: Date): ConsentFormVersion {
  const textHashes = Object.fromEntries(
    Object.entries(draft.texts).map(([lang, text]) => [lang, formTextHash(draft, text)]),
  );
  return { ...draft, textHashes, publishedAt: publishedAt.toISOString() };
}

/** True when the stored hashes match the texts (a store or an export was not altered). */
export function verifyFormHashes(form: ConsentFormVersion): boolean {
  const langs = Object.keys(form.texts);
  if (langs.length !== Object.keys(form.textHashes).length) return false;
  return langs.every((lang) => form.textHashes[lang] === formTextHash(form, form.texts[lang]!));
}
