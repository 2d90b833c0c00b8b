/**
 * GET /api/v1/log/proof/inclusion?seq=&treeSize=: the RFC 9162 inclusion proof of entry `seq` in
 * the tree of `treeSize` entries (default: the latest checkpoint's), public (ADR 0007).
 * { seq, treeSize, leafHash, proof: [base64] }. 400 for a bad number; 404 for a seq beyond the
 * tree or a tree beyond the latest checkpoint.
 */
import { connection } from "next/server";
import { inclusionProof } from "../../../../../../lib/audit/log";
import { startIntegrator } from "../../../../../../lib/audit/log/runtime";
import { problemResponse } from "../../../../../../lib/http/problem";
import { createLogger } from "../../../../../../lib/log";
import { getContainer } from "../../../../../../lib/server/container";

export async function GET(request: Request): Promise<Response> {
  await connection();
  const url = new URL(request.url);
  try {
    const container = await getContainer();
    startIntegrator(container);
    const treeSize = url.searchParams.get("treeSize");
    const proof = await inclusionProof(container.stores, url.searchParams.get("seq") ?? "", treeSize === null || treeSize === "" ? undefined : treeSize);
    return Response.json(proof, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return problemResponse(error, createLogger("error"), url.pathname);
  }
}
