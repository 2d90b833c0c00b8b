/** EHDS Art. 71 opt-out of all secondary use: { expectedVersion } (null without a prior consent). */
import { withSession } from "../../../../lib/auth/with-session";
import { optOutOfSecondaryUse } from "../../../../lib/usecases/consent-changes";

export const POST = withSession({ role: "citizen" }, async ({ actor, container, body }) =>
  Response.json(await optOutOfSecondaryUse(container.deps, actor, body)),
);
