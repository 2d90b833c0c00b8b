/**
 * GET /api/v1/log/proof/inclusion?seq=&treeSize=: the RFC 9162 inclusion proof of entry `seq` in
 * the tree of `treeSize` entries (default: the latest checkpoint's), public (ADR 0007).
 * { seq, treeSize, leafHash, proof: [base64] }. 400 for a bad number; 404 for a seq beyond the
 * tree or a tree beyond the latest checkpoint.
 */
import { inclusionProof } from "../../../../../../lib/audit/log";
import { publicGet } from "../../../../../../lib/http/public-route";

/** An absent or empty query value means "the latest checkpoint's". */
const optional = (v: string | null) => (v === null || v === "" ? undefined : v);

export const GET = publicGet((container, query) =>
  inclusionProof(container.stores, query.get("seq") ?? "", optional(query.get("treeSize"))),
);
