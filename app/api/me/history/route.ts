/** Every change of the citizen's consent, oldest first. */
import { withSession } from "../../../../lib/auth/with-session";
import { getConsentHistory } from "../../../../lib/usecases/consent-reads";

export const GET = withSession({ role: "citizen" }, async ({ actor, container }) =>
  Response.json({ items: await getConsentHistory(container.deps, actor) }),
);
