/**
 * The materiality heuristic. A version marked not material lets every existing consent cover
 * it without the citizen seeing it again; that is right for a typo fix and wrong for a change
 * to what a consent permits. The modules and choice labels that describe a consent's scope
 * (purposes, data categories, recipients, processing location) are the ones to watch: when any
 * of them changes in a version marked not material, the operator must confirm explicitly.
 *
 * A heuristic, not a judgement: it cannot tell a comma from a new purpose. It only makes sure
 * that nobody publishes a scope change as non-material without having been told.
 */
import type { FormModuleId } from "../consent/form";
import type { ChoiceGroup, FormDiff } from "./diff";

/** The modules that describe what a consent permits. */
export const SCOPE_MODULES: readonly FormModuleId[] = ["purposes", "dataCategories", "recipients", "processingLocation"];

/** Choice labels, by the scope module they belong to. mayRecontact and wantsFindings are conditions, not scope. */
export const SCOPE_CHOICE_GROUPS: Readonly<Partial<Record<ChoiceGroup, FormModuleId>>> = {
  research: "purposes",
  diseases: "purposes",
  aiUses: "purposes",
  dataCategories: "dataCategories",
  recipientTypes: "recipients",
  geography: "processingLocation",
};

export interface ScopeChange {
  language: string;
  /** The scope module concerned. */
  area: FormModuleId;
  /** Human-readable: `module "purposes" (summary, fullText)` or `choices "research" (GRU, HMB)`. */
  what: string;
}

export type MaterialityVerdict =
  /** The first version of a form: nothing to compare with. */
  | "first-version"
  /** Marked material: existing consents must be renewed before they cover it. */
  | "material"
  /** Marked not material, and no scope module or choice changed. */
  | "non-material"
  /** Marked not material although a scope module or choice changed: needs an explicit override. */
  | "non-material-but-scope-changed";

export interface MaterialityAssessment {
  declaredMaterial: boolean;
  scopeChanges: ScopeChange[];
  verdict: MaterialityVerdict;
  /** Publishing needs an explicit override (--force-non-material). */
  requiresOverride: boolean;
}

export function scopeChanges(diff: FormDiff): ScopeChange[] {
  const out: ScopeChange[] = [];
  for (const lang of diff.languages) {
    for (const m of lang.modules) {
      if (SCOPE_MODULES.includes(m.module)) {
        out.push({ language: lang.language, area: m.module, what: `module "${m.module}" (${m.parts.join(", ")})` });
      }
    }
    for (const c of lang.choices) {
      const area = SCOPE_CHOICE_GROUPS[c.group];
      if (area) {
        out.push({ language: lang.language, area, what: `choices "${c.group}"${c.codes.length ? ` (${c.codes.join(", ")})` : ""}` });
      }
    }
  }
  return out;
}

export function assessMateriality(diff: FormDiff, declaredMaterial: boolean): MaterialityAssessment {
  const changes = scopeChanges(diff);
  const verdict: MaterialityVerdict =
    diff.fromVersion === null
      ? "first-version"
      : declaredMaterial
        ? "material"
        : changes.length > 0
          ? "non-material-but-scope-changed"
          : "non-material";
  return { declaredMaterial, scopeChanges: changes, verdict, requiresOverride: verdict === "non-material-but-scope-changed" };
}
