/**
 * GET /api/v1/feed?after=&limit=: consent changes (granted, amended, withdrawn, opted out) of the
 * subjects this node has checked, under the references it was given, as a signed page
 * { token (typ donum-feed+jwt), page }. Node-authenticated; see docs/node-api.md.
 */
import { decisionDepsOf } from "../../../../lib/decisions/deps";
import { getNodeFeed } from "../../../../lib/decisions/feed";
import { withNode } from "../../../../lib/nodes/with-node";

export const GET = withNode({}, async ({ request, node, container }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return Response.json(await getNodeFeed(decisionDepsOf(container), node, query), { headers: { "cache-control": "no-store" } });
});
