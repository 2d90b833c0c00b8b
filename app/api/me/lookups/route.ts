/** Every decision a node received about the citizen, newest first. */
import { withSession } from "../../../../lib/auth/with-session";
import { listLookups } from "../../../../lib/usecases/lookups";

export const GET = withSession({ role: "citizen" }, async ({ actor, container }) =>
  Response.json(await listLookups(container.deps, actor)),
);
