/**
 * GET /api/v1/log/proof/consistency?from=&to=: the RFC 9162 consistency proof between the trees
 * of `from` and `to` entries (`to` defaults to the latest checkpoint's size), public (ADR 0007).
 * { from, to, proof: [base64] }. 400 for a bad number or from > to; 404 for `to` beyond the
 * latest checkpoint.
 */
import { connection } from "next/server";
import { consistencyProof } from "../../../../../../lib/audit/log";
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
    const to = url.searchParams.get("to");
    const proof = await consistencyProof(container.stores, url.searchParams.get("from") ?? "", to === null || to === "" ? undefined : to);
    return Response.json(proof, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return problemResponse(error, createLogger("error"), url.pathname);
  }
}
