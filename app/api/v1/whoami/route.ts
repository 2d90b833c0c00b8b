/**
 * GET /api/v1/whoami: the smallest authenticated call a node can make — which node Donum takes
 * it for. Lets a node (and the CLI, and tests) check its key, clock and signing code before
 * anything else. POST answers the same after authenticating a JSON body (ignored), to check
 * body signing too. See docs/node-api.md.
 */
import { withNode } from "../../../../lib/nodes/with-node";

const answer = withNode({}, async ({ node }) =>
  Response.json({ nodeId: node.id, organisation: node.organisation, status: node.status }),
);

export const GET = answer;
export const POST = answer;
