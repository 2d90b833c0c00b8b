/**
 * Runs before every page (Next.js proxy, Node.js runtime; not before API routes, static files or
 * the JWK Set: see `config` below). Two jobs:
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
import { frontDoorRefusal, ORIGIN_VERIFY_HEADER, proxySettings } from "./lib/http/front-door";
import { problemResponse } from "./lib/http/problem";
import { createLogger } from "./lib/log";

const log = createLogger("warn");

export function proxy(request: NextRequest): Response {
  const path = request.nextUrl.pathname;
  const settings = proxySettings();
  if (!settings) return problemResponse(new AppError("NOT_READY"), log, path);
  const refusal = frontDoorRefusal(request, settings.originSecret, log);
  if (refusal) return refusal;
  const csp = contentSecurityPolicy({ nonce: newNonce(), development: settings.development, https: settings.https });
  const headers = new Headers(request.headers);
  headers.delete(ORIGIN_VERIFY_HEADER);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

/**
 * Pages only. API routes check the front door in their wrappers (lib/http/front-door.ts): the
 * proxy would cost every consent check about 1.5 ms of CPU, and an API answer needs no CSP.
 * Static files are public and, in AWS, served from S3.
 */
export const config = {
  matcher: ["/((?!api/|\\.well-known/|_next/static/|_next/image|favicon\\.ico|fonts/).*)"],
};
