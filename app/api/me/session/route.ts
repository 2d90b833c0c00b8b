/**
 * The signed-in citizen's session, as the portal sees it: { name, roles }. A probe for the
 * sign-in wiring: GET answers it; POST answers the same after the guards every state-changing
 * session route gets (same Origin, a JSON body of at most 64 KiB — here `{}`), and changes nothing.
 */
import { z } from "zod";
import { withSession } from "../../../../lib/auth/with-session";
import { parseInput } from "../../../../lib/validation";

const EmptyBody = z.object({}).strict();

export const GET = withSession({ role: "citizen" }, async ({ user }) => Response.json({ name: user.name, roles: user.roles }));

export const POST = withSession({ role: "citizen" }, async ({ user, body }) => {
  parseInput(EmptyBody, body);
  return Response.json({ name: user.name, roles: user.roles });
});
