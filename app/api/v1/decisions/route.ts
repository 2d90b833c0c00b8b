/**
 * POST /api/v1/decisions: may this person's data be released for this request? Answers
 * { token, decision }: the decision as a compact JWS (typ donum-decision+jwt) and its claims.
 * Node-authenticated (ADR 0005); see docs/node-api.md.
 */
import { checkSingle } from "../../../../lib/decisions/check";
import { decisionDepsOf } from "../../../../lib/decisions/deps";
import { SINGLE_CHECK_MAX_BODY_BYTES } from "../../../../lib/decisions/schemas";
import { withNode } from "../../../../lib/nodes/with-node";

export const POST = withNode({ maxBodyBytes: SINGLE_CHECK_MAX_BODY_BYTES }, async ({ node, container, body }) =>
  Response.json(await checkSingle(decisionDepsOf(container), node, body), { headers: { "cache-control": "no-store" } }),
);
