/**
 * GET /api/v1/log/proof/consistency?from=&to=: the RFC 9162 consistency proof between the trees
 * of `from` and `to` entries (`to` defaults to the latest checkpoint's size), public (ADR 0007).
 * { from, to, proof: [base64] }. 400 for a bad number or from > to; 404 for `to` beyond the
 * latest checkpoint.
 */
import { consistencyProof } from "../../../../../../lib/audit/log";
import { publicGet } from "../../../../../../lib/http/public-route";

/** An absent or empty query value means "the latest checkpoint's". */
const optional = (v: string | null) => (v === null || v === "" ? undefined : v);

export const GET = publicGet((container, query) =>
  consistencyProof(container.stores, query.get("from") ?? "", optional(query.get("to"))),
);
