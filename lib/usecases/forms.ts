/** Consent-form versions: publication by an operator, and the first form on a new install. */
import { auditEvent, type Actor } from "../audit/events";
import { ConsentFormDraft, publishForm, type ConsentFormVersion } from "../consent/form";
import { AppError, hasErrorCode } from "../errors";
import { parseInput } from "../validation";
import type { UseCaseDeps } from "./deps";

export async function publishFormVersion(deps: UseCaseDeps, actor: Actor, input: unknown): Promise<ConsentFormVersion> {
  if (actor.kind !== "operator" && actor.kind !== "system") throw new AppError("FORBIDDEN", "Only an operator can publish a consent form");
  const draft = parseInput(ConsentFormDraft, input);
  const now = deps.now();
  const form = publishForm(draft, now);
  await deps.stores.forms.publish(
    form,
    auditEvent("form.published", {
      id: deps.newId(),
      at: now,
      actor,
      subjectKey: null,
      data: { formId: form.formId, version: form.version, material: form.material, textHashes: form.textHashes },
    }),
  );
  return form;
}

/** Publishes the bundled first version of each form that a store does not have yet. */
export async function ensureFirstForms(deps: UseCaseDeps, drafts: readonly ConsentFormDraft[]): Promise<void> {
  for (const draft of drafts) {
    if (await deps.stores.forms.latest(draft.formId)) continue;
    try {
      await publishFormVersion(deps, { kind: "system", component: "first-start" }, draft);
    } catch (e) {
      // Another process starting at the same moment published it first: that is the goal.
      if (!hasErrorCode(e, "FORM_VERSION_EXISTS")) throw e;
    }
  }
}
