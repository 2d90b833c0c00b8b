/**
 * What changed between two versions of a consent form, per language: which modules and which
 * parts of them, which choice labels, the title, introduction and declaration; languages added
 * and removed; organisation fields. Pure: used by the operator CLI and, later, the operator page.
 */
import { FORM_MODULES, type ConsentFormDraft, type ConsentFormVersion, type FormModuleId, type FormText } from "../consent/form";

/** The parts of a form that a diff looks at (a draft or a published version). */
export type FormContent = Pick<ConsentFormDraft, "formId" | "version" | "material" | "organisation" | "texts" | "defaultLanguage">;

export const MODULE_PARTS = ["heading", "summary", "fullText"] as const;
export type ModulePart = (typeof MODULE_PARTS)[number];

/** The groups of labels shown beside the choices (FormText.choices). */
export type ChoiceGroup = keyof FormText["choices"];
export const CHOICE_GROUPS: readonly ChoiceGroup[] = [
  "dataCategories",
  "research",
  "diseases",
  "aiUses",
  "recipientTypes",
  "geography",
  "mayRecontact",
  "wantsFindings",
];

export const TEXT_FIELDS = ["title", "introduction", "declaration"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export interface ModuleChange {
  module: FormModuleId;
  parts: ModulePart[];
}

export interface ChoiceChange {
  group: ChoiceGroup;
  /** The codes whose labels changed, were added or removed; empty for a single-label group (mayRecontact, wantsFindings). */
  codes: string[];
}

export interface LanguageDiff {
  language: string;
  fields: TextField[];
  modules: ModuleChange[];
  choices: ChoiceChange[];
}

export interface FormDiff {
  formId: string;
  /** Null when there is no previous version (the first version of a form). */
  fromVersion: number | null;
  toVersion: number;
  languagesAdded: string[];
  languagesRemoved: string[];
  /** Languages present in both versions, in alphabetical order, each with what changed (possibly nothing). */
  languages: LanguageDiff[];
  organisationFields: string[];
  defaultLanguage: { from: string; to: string } | null;
  /** True when nothing a citizen reads differs (the material flag is not content). */
  unchanged: boolean;
}

const sorted = (xs: Iterable<string>) => [...xs].sort();

function changedKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return sorted(new Set([...Object.keys(a), ...Object.keys(b)])).filter((k) => a[k] !== b[k]);
}

export function diffTexts(language: string, before: FormText, after: FormText): LanguageDiff {
  const fields = TEXT_FIELDS.filter((f) => before[f] !== after[f]);
  const modules: ModuleChange[] = [];
  for (const module of FORM_MODULES) {
    const parts = MODULE_PARTS.filter((p) => before.modules[module]?.[p] !== after.modules[module]?.[p]);
    if (parts.length > 0) modules.push({ module, parts });
  }
  const choices: ChoiceChange[] = [];
  for (const group of CHOICE_GROUPS) {
    const a: unknown = before.choices[group];
    const b: unknown = after.choices[group];
    if (typeof a === "string" || typeof b === "string") {
      if (a !== b) choices.push({ group, codes: [] });
      continue;
    }
    const codes = changedKeys((a ?? {}) as Record<string, unknown>, (b ?? {}) as Record<string, unknown>);
    if (codes.length > 0) choices.push({ group, codes });
  }
  return { language, fields, modules, choices };
}

export const languageDiffIsEmpty = (d: LanguageDiff) => d.fields.length === 0 && d.modules.length === 0 && d.choices.length === 0;

/** Differences from `previous` (null: none yet) to `next`. */
export function diffForms(previous: FormContent | null, next: FormContent): FormDiff {
  const nextLangs = sorted(Object.keys(next.texts));
  if (!previous) {
    return {
      formId: next.formId,
      fromVersion: null,
      toVersion: next.version,
      languagesAdded: nextLangs,
      languagesRemoved: [],
      languages: [],
      organisationFields: [],
      defaultLanguage: null,
      unchanged: false,
    };
  }
  const prevLangs = sorted(Object.keys(previous.texts));
  const languagesAdded = nextLangs.filter((l) => !prevLangs.includes(l));
  const languagesRemoved = prevLangs.filter((l) => !nextLangs.includes(l));
  const languages = nextLangs
    .filter((l) => prevLangs.includes(l))
    .map((l) => diffTexts(l, previous.texts[l]!, next.texts[l]!));
  const organisationFields = changedKeys(previous.organisation, next.organisation);
  const defaultLanguage =
    previous.defaultLanguage === next.defaultLanguage ? null : { from: previous.defaultLanguage, to: next.defaultLanguage };
  const unchanged =
    languagesAdded.length === 0 &&
    languagesRemoved.length === 0 &&
    organisationFields.length === 0 &&
    defaultLanguage === null &&
    languages.every(languageDiffIsEmpty);
  return {
    formId: next.formId,
    fromVersion: previous.version,
    toVersion: next.version,
    languagesAdded,
    languagesRemoved,
    languages,
    organisationFields,
    defaultLanguage,
    unchanged,
  };
}

/**
 * The draft a published version was made from (hashes and publication time removed), keys in
 * the order an operator reads them: the starting point of the next version.
 */
export function draftOf(version: ConsentFormVersion): ConsentFormDraft {
  return {
    formId: version.formId,
    version: version.version,
    material: version.material,
    defaultLanguage: version.defaultLanguage,
    organisation: version.organisation,
    texts: version.texts,
  };
}
