/**
 * The provision tree of an active consent, carrying the meaning decide() gives the scope.
 *
 * One root "permit" names what was chosen: its period, the recipient types (actors), the
 * research purpose (DUO, with MONDO diseases for DS) and the data categories (class). Nested
 * provisions are R4's "exception rules" inside it:
 *  - "deny" for each recipient type not chosen (actor), so that "no commercial companies" is
 *    stated, not only implied by an absent actor;
 *  - "permit" for each AI use chosen and "deny" for each not chosen (purpose): AI use is an
 *    explicit choice that research consent alone does not cover;
 *  - "deny" for processing outside the chosen geography (always present; see geographyDeny);
 *  - "deny" of the action "recontact" when the citizen may not be re-contacted.
 *
 * Why AI uses are not in the root purpose list: R4 ORs the codes of one element, so a root
 * purpose [HMB, AI_TRAINING] could be read as permitting AI training for a purpose the citizen
 * did not choose (e.g. GRU). Nested under the root, an AI permit only ever narrows a request
 * the root already covers, which is what decide() does (purpose AND AI use must both be covered).
 *
 * Why DICOM modality codes are in `class`, not `code`: evaluators AND `class` with `code`, and
 * the non-imaging categories (reports, clinical, genomics) have no modality, so `code` would
 * wrongly exclude them. In `class` they are ORed with the Donum category codes, and each
 * modality maps to exactly one category, so a modality matches only when its category was chosen.
 * The Donum category codes are authoritative; the DICOM codes are a convenience for readers
 * that classify studies by modality (a PET/CT study also contains CT series, for example).
 */
import type { ConsentScope, ResearchScope } from "../scope";
import { AI_USES, DATA_CATEGORIES, DISEASE_CODES, RECIPIENT_TYPES, type RecipientType } from "../vocabulary";
import {
  ACTION_RECONTACT,
  aiUseCoding,
  categoryCodings,
  duoCoding,
  EXTENSIONS,
  geographyCoding,
  geographyCountries,
  mondoCoding,
  recipientDisplay,
  recipientTypeCoding,
  ROLE_INFORMATION_RECIPIENT,
  SYSTEMS,
} from "./codes";
import type { FhirCoding, FhirConsentActor, FhirConsentProvision, FhirExtension } from "./types";

/**
 * GA4GH DUO data-use modifiers that a scope implies, in DUO's terms.
 *
 * NPU (DUO:0000045, "not for profit organisation use only": use is limited to not-for-profit
 * organisations) applies exactly when commercial companies are not chosen: the remaining
 * recipient types, public research bodies and not-for-profit bodies, are both not-for-profit
 * organisations, and decide() denies every commercial recipient. That holds whether one or both
 * of them were chosen; the finer choice is carried by the nested deny provisions.
 *
 * NCU (DUO:0000046, "non-commercial use only": use is limited to not-for-profit *use*, even by a
 * commercial organisation) is deliberately NOT emitted: it restricts the nature of the use, and
 * neither the scope nor decide() has such a dimension (decide() checks who the recipient is, not
 * whether their use is commercial). Emitting it would claim a restriction Donum does not enforce.
 * Likewise no modifier is emitted when commercial companies are chosen: nothing restricts them.
 */
export const DUO_MODIFIERS = {
  NPU: { id: "DUO:0000045", label: "not for profit organisation use only" },
  NCU: { id: "DUO:0000046", label: "non-commercial use only" },
} as const;
export type DuoModifier = keyof typeof DUO_MODIFIERS;

export interface DuoRestriction {
  code: DuoModifier;
  id: (typeof DUO_MODIFIERS)[DuoModifier]["id"];
  label: string;
}

export function duoRestrictions(scope: Pick<ConsentScope, "recipientTypes">): DuoRestriction[] {
  if (scope.recipientTypes.includes("commercial")) return [];
  return [{ code: "NPU", ...DUO_MODIFIERS.NPU }];
}

export const duoRestrictionCoding = (r: DuoRestriction): FhirCoding => ({ system: SYSTEMS.duo, code: r.id, display: r.label });

/**
 * A recipient type as an actor. R4 wants a Reference (1..1) and suggests a Group for "actors by
 * type", but an R4 Group cannot have organisations as members; so the reference names the class
 * of organisations by display and, machine-readably, by the recipient-type extension.
 */
function recipientActor(type: RecipientType): FhirConsentActor {
  return {
    role: ROLE_INFORMATION_RECIPIENT,
    reference: {
      type: "Organization",
      display: recipientDisplay(type),
      extension: [{ url: EXTENSIONS.recipientType, valueCoding: recipientTypeCoding(type) }],
    },
  };
}

/**
 * DUO permission of the research level. For DS, the MONDO codes of the chosen diseases follow;
 * they qualify DS ("disease-specific research on these diseases") and, as in decide(), cover
 * their more specific diseases in the MONDO hierarchy. The broader levels are not expanded:
 * DUO consumers apply DUO's own hierarchy (GRU covers HMB covers DS), as decide() does.
 */
function researchPurposes(research: ResearchScope): FhirCoding[] {
  if (research.level !== "DS") return [duoCoding(research.level)];
  const diseases = DISEASE_CODES.filter((d) => research.diseases.includes(d));
  return [duoCoding("DS"), ...diseases.map(mondoCoding)];
}

/**
 * Processing outside the chosen area is denied. Neither R4 Consent nor DUO has a coded element
 * for where the recipient processes the data (DUO:0000022 "geographical restriction" names no
 * area), so a Donum extension carries the area code and, so that no reader needs Donum's lists,
 * every allowed country (ISO 3166-1 alpha-2, the sets geographyAllows() reads).
 *
 * It is a modifierExtension: it narrows the deny to "outside the area". A reader that ignored a
 * plain extension would see an unconditional deny, i.e. read a different consent; with a modifier
 * extension R4 obliges a reader that does not understand it to refuse the resource instead.
 * Both failures are closed, but only the modifier is faithful.
 */
function geographyDeny(scope: ConsentScope): FhirConsentProvision {
  const processingOutside: FhirExtension = {
    url: EXTENSIONS.processingOutside,
    extension: [
      { url: "area", valueCoding: geographyCoding(scope.geography) },
      ...geographyCountries(scope.geography).map(
        (code): FhirExtension => ({ url: "country", valueCoding: { system: SYSTEMS.iso3166, code } }),
      ),
    ],
  };
  return { type: "deny", modifierExtension: [processingOutside] };
}

function exceptions(scope: ConsentScope): FhirConsentProvision[] {
  const recipients = RECIPIENT_TYPES.filter((t) => !scope.recipientTypes.includes(t)).map(
    (t): FhirConsentProvision => ({ type: "deny", actor: [recipientActor(t)] }),
  );
  const ai = AI_USES.map(
    (use): FhirConsentProvision => ({ type: scope.aiUses.includes(use) ? "permit" : "deny", purpose: [aiUseCoding(use)] }),
  );
  const recontact: FhirConsentProvision[] = scope.conditions.mayRecontact
    ? []
    : [{ type: "deny", action: [ACTION_RECONTACT] }];
  return [...recipients, ...ai, geographyDeny(scope), ...recontact];
}

/**
 * The root permit. Its period starts when the current scope was agreed (decide() denies before
 * `updatedAt`) and ends at `validUntil`. FHIR's Period.end is inclusive where decide() treats
 * `validUntil` as already expired; the difference is the single instant of `validUntil` itself,
 * at which the export's status is already "inactive" if it is made then.
 */
export function permitProvision(scope: ConsentScope, updatedAt: string): FhirConsentProvision {
  const recipients = RECIPIENT_TYPES.filter((t) => scope.recipientTypes.includes(t));
  const categories = DATA_CATEGORIES.filter((c) => scope.dataCategories.includes(c));
  return {
    type: "permit",
    extension: [
      ...duoRestrictions(scope).map((r): FhirExtension => ({ url: EXTENSIONS.duoModifier, valueCoding: duoRestrictionCoding(r) })),
      { url: EXTENSIONS.wantsFindings, valueBoolean: scope.conditions.wantsFindings },
    ],
    period: scope.validUntil === null ? { start: updatedAt } : { start: updatedAt, end: scope.validUntil },
    actor: recipients.map(recipientActor),
    purpose: researchPurposes(scope.research),
    class: categories.flatMap(categoryCodings),
    provision: exceptions(scope),
  };
}
