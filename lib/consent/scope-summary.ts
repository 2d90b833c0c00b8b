/**
 * What a scope allows and what it does not, dimension by dimension, as codes. The review step,
 * "My consent" and the history comparison render these with the form's own labels, so a
 * citizen sees the same words they agreed to.
 */
import type { ConsentScope } from "./scope";
import {
  ADEQUACY_COUNTRIES,
  AI_USES,
  DATA_CATEGORIES,
  EU_EEA_COUNTRIES,
  RECIPIENT_TYPES,
  type AiUse,
  type DataCategory,
  type DiseaseCode,
  type RecipientType,
  type ResearchLevel,
} from "./vocabulary";

export interface ScopeSummary {
  allowed: {
    dataCategories: DataCategory[];
    research: ResearchLevel;
    diseases: DiseaseCode[];
    aiUses: AiUse[];
    recipientTypes: RecipientType[];
    countries: string[];
    validUntil: string | null;
    mayRecontact: boolean;
  };
  notAllowed: {
    dataCategories: DataCategory[];
    /** Broader research than chosen: HMB excludes research outside health; DS excludes other diseases. */
    broaderResearch: ResearchLevel[];
    aiUses: AiUse[];
    recipientTypes: RecipientType[];
    /** Recipients outside these areas are refused. */
    outsideAdequacy: boolean;
    recontact: boolean;
  };
}

const LEVELS: ResearchLevel[] = ["GRU", "HMB", "DS"];

export function summariseScope(scope: ConsentScope): ScopeSummary {
  const chosen = LEVELS.indexOf(scope.research.level);
  return {
    allowed: {
      dataCategories: DATA_CATEGORIES.filter((c) => scope.dataCategories.includes(c)),
      research: scope.research.level,
      diseases: scope.research.level === "DS" ? [...scope.research.diseases] : [],
      aiUses: AI_USES.filter((u) => scope.aiUses.includes(u)),
      recipientTypes: RECIPIENT_TYPES.filter((r) => scope.recipientTypes.includes(r)),
      countries: [...EU_EEA_COUNTRIES, ...(scope.geography === "EU_EEA_ADEQUACY" ? ADEQUACY_COUNTRIES : [])].sort(),
      validUntil: scope.validUntil,
      mayRecontact: scope.conditions.mayRecontact,
    },
    notAllowed: {
      dataCategories: DATA_CATEGORIES.filter((c) => !scope.dataCategories.includes(c)),
      broaderResearch: LEVELS.slice(0, chosen),
      aiUses: AI_USES.filter((u) => !scope.aiUses.includes(u)),
      recipientTypes: RECIPIENT_TYPES.filter((r) => !scope.recipientTypes.includes(r)),
      outsideAdequacy: scope.geography === "EU_EEA",
      recontact: !scope.conditions.mayRecontact,
    },
  };
}

export const SCOPE_DIMENSIONS = ["dataCategories", "research", "aiUses", "recipientTypes", "geography", "validUntil", "conditions"] as const;
export type ScopeDimension = (typeof SCOPE_DIMENSIONS)[number];

export interface DimensionDiff {
  dimension: ScopeDimension;
  changed: boolean;
  added: string[];
  removed: string[];
}

function asCodes(scope: ConsentScope | null, dimension: ScopeDimension): string[] {
  if (!scope) return [];
  switch (dimension) {
    case "dataCategories":
      return [...scope.dataCategories];
    case "research":
      return scope.research.level === "DS" ? scope.research.diseases.map((d) => `DS:${d}`) : [scope.research.level];
    case "aiUses":
      return [...scope.aiUses];
    case "recipientTypes":
      return [...scope.recipientTypes];
    case "geography":
      return [scope.geography];
    case "validUntil":
      return [scope.validUntil ?? "until-withdrawn"];
    case "conditions":
      return [
        ...(scope.conditions.mayRecontact ? ["mayRecontact"] : []),
        ...(scope.conditions.wantsFindings ? ["wantsFindings"] : []),
      ];
  }
}

/** Per dimension, what was added and removed between two scopes (null: no scope, e.g. withdrawn). */
export function diffScopes(before: ConsentScope | null, after: ConsentScope | null): DimensionDiff[] {
  return SCOPE_DIMENSIONS.map((dimension) => {
    const a = asCodes(before, dimension);
    const b = asCodes(after, dimension);
    const added = b.filter((x) => !a.includes(x));
    const removed = a.filter((x) => !b.includes(x));
    return { dimension, changed: added.length + removed.length > 0, added, removed };
  });
}
