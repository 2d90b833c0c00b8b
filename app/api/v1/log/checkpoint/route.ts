/**
 * GET /api/v1/log/checkpoint: the audit log's latest signed checkpoint (ADR 0007), public.
 * { checkpoint: <compact JWS, typ donum-checkpoint+jwt>, treeSize, rootHash, timestamp }.
 * Integrates entries numbered since the last checkpoint first, so the answer is current.
 * Hashes only: no entry, no personal data.
 */
import { connection } from "next/server";
import { integrateIfStale, startIntegrator } from "../../../../../lib/audit/log/runtime";
import { problemResponse } from "../../../../../lib/http/problem";
import { AppError } from "../../../../../lib/errors";
import { createLogger } from "../../../../../lib/log";
import { getContainer } from "../../../../../lib/server/container";

export async function GET(request: Request): Promise<Response> {
  await connection();
  try {
    const container = await getContainer();
    startIntegrator(container);
    await integrateIfStale(container);
    const cp = await container.stores.tree.getCheckpoint();
    if (!cp) throw new AppError("NOT_FOUND", "The log has no checkpoint yet");
    return Response.json(
      { checkpoint: cp.jws, treeSize: cp.treeSize, rootHash: cp.rootHash, timestamp: cp.timestamp },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    return problemResponse(error, createLogger("error"), new URL(request.url).pathname);
  }
}
