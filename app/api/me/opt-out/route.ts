/** EHDS Art. 71 opt-out of all secondary use: { expectedVersion } (null without a prior consent). */
import { toConsentView } from "../../../../lib/usecases/consent-view";
import { withSession } from "../../../../lib/auth/with-session";
import { optOutOfSecondaryUse } from "../../../../lib/usecases/consent-changes";

export const POST = withSession({ role: "citizen" }, async ({ actor, container, body }) =>
  Response.json(toConsentView(await optOutOfSecondaryUse(container.deps, actor, body))),
);
