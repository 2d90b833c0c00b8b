/**
 * Runs before every route and page (Next.js proxy, Node.js runtime). One job: behind a CDN,
 * refuse requests that did not come through it (lib/http/front-door.ts), and fail closed while
 * the server has no configuration. The header is removed before the request goes on, so no
 * route, page or log sees the secret.
 *
 * Authentication and authorisation are not done here: each route checks its caller itself
 * (withSession, withNode), so a request that got past this proxy is still checked.
 */
import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "./lib/errors";
import { frontDoorSecret, frontDoorVerdict, ORIGIN_VERIFY_HEADER } from "./lib/http/front-door";
import { problemResponse } from "./lib/http/problem";
import { createLogger } from "./lib/log";

const log = createLogger("warn");

export function proxy(request: NextRequest): Response {
  const path = request.nextUrl.pathname;
  const door = frontDoorSecret();
  if (!door) return problemResponse(new AppError("NOT_READY"), log, path);
  if (frontDoorVerdict(request.headers, door.originSecret) === "refuse") {
    log.warn("request refused: it did not come through the CDN", { method: request.method, path });
    return problemResponse(new AppError("FORBIDDEN", "Donum answers only at its public address; this request did not come through it."), log, path);
  }
  if (!request.headers.has(ORIGIN_VERIFY_HEADER)) return NextResponse.next();
  const headers = new Headers(request.headers);
  headers.delete(ORIGIN_VERIFY_HEADER);
  return NextResponse.next({ request: { headers } });
}
