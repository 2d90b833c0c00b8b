/**
 * Runs before every route and page (Next.js proxy, Node.js runtime). Two jobs:
 * - the front door: behind a CDN, refuse requests that did not come through it
 *   (lib/http/front-door.ts, ADR 0011), and fail closed while the server has no configuration;
 *   the header is removed before the request goes on, so no route, page or log sees the secret;
 * - the Content Security Policy with a fresh nonce (lib/http/csp.ts), on the request (Next.js
 *   reads the nonce from it for its own scripts) and on the response.
 *
 * Authentication and authorisation are not done here: each route checks its caller itself
 * (withSession, withNode), so a request that got past this proxy is still checked.
 */
import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "./lib/errors";
import { contentSecurityPolicy, newNonce } from "./lib/http/csp";
import { frontDoorVerdict, ORIGIN_VERIFY_HEADER, proxySettings } from "./lib/http/front-door";
import { problemResponse } from "./lib/http/problem";
import { createLogger } from "./lib/log";

const log = createLogger("warn");

export function proxy(request: NextRequest): Response {
  const path = request.nextUrl.pathname;
  const settings = proxySettings();
  if (!settings) return problemResponse(new AppError("NOT_READY"), log, path);
  if (frontDoorVerdict(request.headers, settings.originSecret) === "refuse") {
    log.warn("request refused: it did not come through the CDN", { method: request.method, path });
    return problemResponse(new AppError("FORBIDDEN", "Donum answers only at its public address; this request did not come through it."), log, path);
  }
  const csp = contentSecurityPolicy({ nonce: newNonce(), development: settings.development, https: settings.https });
  const headers = new Headers(request.headers);
  headers.delete(ORIGIN_VERIFY_HEADER);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}
