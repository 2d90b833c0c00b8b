/**
 * POST /api/v1/decisions/batch: one request checked for up to 10,000 people, answered with one
 * signature over the Merkle root of the decisions and an inclusion proof per item:
 * { token (typ donum-decision-batch+jwt), items }. Node-authenticated; see docs/node-api.md.
 */
import { checkBatch } from "../../../../../lib/decisions/check";
import { decisionDepsOf } from "../../../../../lib/decisions/deps";
import { BATCH_CHECK_MAX_BODY_BYTES, batchRateCost } from "../../../../../lib/decisions/schemas";
import { withNode } from "../../../../../lib/nodes/with-node";

export const POST = withNode({ maxBodyBytes: BATCH_CHECK_MAX_BODY_BYTES, cost: batchRateCost }, async ({ node, container, body }) =>
  Response.json(await checkBatch(decisionDepsOf(container), node, body), { headers: { "cache-control": "no-store" } }),
);
