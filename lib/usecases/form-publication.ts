/**
 * Publishing a consent-form version from the operator page: review a draft against the latest
 * version (what changed, per language, and whether it is material), then publish it. The same
 * guard as the CLI: a draft that changes what consent covers but is not marked material is
 * refused unless the operator explicitly overrides.
 */
import { z } from "zod";
import type { Actor } from "../audit/events";
import { ConsentFormDraft, type ConsentFormVersion } from "../consent/form";
import { AppError } from "../errors";
import { diffForms, draftOf, type FormDiff } from "../forms-admin/diff";
import { assessMateriality, type MaterialityAssessment } from "../forms-admin/materiality";
import { parseInput } from "../validation";
import type { UseCaseDeps } from "./deps";
import { publishFormVersion } from "./forms";

export const PublishFormRequest = z.object({
  draft: ConsentFormDraft,
  /** Review only (false) or publish (true). */
  publish: z.boolean().default(false),
  forceNonMaterial: z.boolean().default(false),
});
export type PublishFormRequest = z.input<typeof PublishFormRequest>;

export interface FormReview {
  diff: FormDiff;
  materiality: MaterialityAssessment;
  expectedVersion: number;
}

function requireOperator(actor: Actor): void {
  if (actor.kind !== "operator") throw new AppError("FORBIDDEN", "Only an operator can publish a consent form");
}

export async function reviewOrPublishForm(
  deps: UseCaseDeps,
  actor: Actor,
  input: unknown,
): Promise<{ review: FormReview; published: ConsentFormVersion | null }> {
  requireOperator(actor);
  const { draft, publish, forceNonMaterial } = parseInput(PublishFormRequest, input);
  const latest = await deps.stores.forms.latest(draft.formId);
  const diff = diffForms(latest ? draftOf(latest) : null, draft);
  const materiality = assessMateriality(diff, draft.material);
  const review = { diff, materiality, expectedVersion: (latest?.version ?? 0) + 1 };
  if (!publish) return { review, published: null };
  if (draft.version !== review.expectedVersion) throw new AppError("FORM_VERSION_EXISTS", `The next version is ${review.expectedVersion}`);
  if (materiality.requiresOverride && !forceNonMaterial) throw new AppError("MATERIAL_CHANGE_NOT_MARKED");
  return { review, published: await publishFormVersion(deps, actor, draft) };
}

/** The latest version as a draft of the next one, for the operator to edit. */
export async function nextDraft(deps: UseCaseDeps, actor: Actor, formId: string): Promise<ConsentFormDraft | null> {
  requireOperator(actor);
  const latest = await deps.stores.forms.latest(formId);
  return latest ? { ...draftOf(latest), version: latest.version + 1, material: false } : null;
}
