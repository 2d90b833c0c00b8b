/** Withdraw in one step: { expectedVersion } of the consent the citizen was looking at. */
import { toConsentView } from "../../../../../lib/usecases/consent-view";
import { withSession } from "../../../../../lib/auth/with-session";
import { withdrawConsent } from "../../../../../lib/usecases/consent-changes";

export const POST = withSession({ role: "citizen" }, async ({ actor, container, body }) =>
  Response.json(toConsentView(await withdrawConsent(container.deps, actor, body))),
);
