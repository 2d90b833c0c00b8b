/**
 * The front door (issue 6): in AWS, CloudFront and its WAF stand in front of the server function,
 * but the function's own URL is public too (CloudFront's access control for function URLs would
 * make every client send a SHA-256 of each request body). CloudFront therefore adds a secret
 * header to every request it forwards, and the portal refuses any request without it: going
 * around CloudFront, and so around the WAF's rate limits, gets a 403. With no origin secret
 * configured (one machine, no CDN) every request passes.
 *
 * Applied to pages by the proxy (proxy.ts) and to every API route by its wrapper (withSession,
 * withNode, publicGet, withFrontDoor): Next.js's proxy costs about 1.5 ms of CPU per request,
 * more than a whole consent check's own work, so API routes check here instead (docs/benchmarks.md).
 * The proxy learns the secret from the container (which reads it from Secrets Manager at start-up)
 * through a slot on globalThis rather than by importing the container: the proxy is bundled on
 * its own, and importing the container would pull the whole server into that bundle.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { AppError } from "../errors";
import type { Logger } from "../log";
import { problemResponse } from "./problem";

/** Set by CloudFront as an origin custom header (infra/lib/donum-stack.ts); replaces any value a client sent. */
export const ORIGIN_VERIFY_HEADER = "x-donum-origin-verify";

export type FrontDoorVerdict = "pass" | "refuse";

/** Whether a request came through the CDN: its header equals the configured secret (compared in constant time). */
export function frontDoorVerdict(headers: Headers, originSecret: string | null): FrontDoorVerdict {
  if (originSecret === null) return "pass";
  const given = headers.get(ORIGIN_VERIFY_HEADER);
  if (given === null) return "refuse";
  // Digests have one length, so the comparison time says nothing about the secret's length or prefix.
  const digest = (v: string) => createHash("sha256").update(v, "utf8").digest();
  return timingSafeEqual(digest(given), digest(originSecret)) ? "pass" : "refuse";
}

/** What the proxy needs from the configuration; published by the container once it is loaded. */
export interface ProxySettings {
  originSecret: string | null;
  /** `next dev` (NODE_ENV=development): the Content Security Policy allows eval there. */
  development: boolean;
  /** The public URL is https:// (lib/http/csp.ts). */
  https: boolean;
}

/** null when the request may go on; else the 403 to answer (logged without anything personal). */
export function frontDoorRefusal(request: Request, originSecret: string | null, log: Logger): Response | null {
  if (frontDoorVerdict(request.headers, originSecret) === "pass") return null;
  const path = new URL(request.url).pathname;
  log.warn("request refused: it did not come through the CDN", { method: request.method, path });
  return problemResponse(new AppError("FORBIDDEN", "Donum answers only at its public address; this request did not come through it."), log, path);
}

const slot = globalThis as unknown as { __donumProxySettings?: ProxySettings };

/** Called once the configuration and its secrets are loaded (lib/server/container.ts). */
export function publishProxySettings(settings: ProxySettings): void {
  slot.__donumProxySettings = settings;
}

/**
 * The settings in force; undefined while the server has not finished starting (Next.js runs
 * instrumentation.ts, which builds the container, before it serves requests) or if it failed to.
 */
export function proxySettings(): ProxySettings | undefined {
  return slot.__donumProxySettings;
}
