import { connection } from "next/server";
import { checkHealth } from "../../../lib/health";
import { getContainer } from "../../../lib/server/container";
import { problemResponse } from "../../../lib/http/problem";
import { createLogger } from "../../../lib/log";

export async function GET(request: Request): Promise<Response> {
  await connection();
  try {
    const health = await checkHealth(await getContainer());
    return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
  } catch (error) {
    // The container itself failed to start (bad store, unreadable keys): say so, generically.
    return problemResponse(error, createLogger("error"), new URL(request.url).pathname);
  }
}
