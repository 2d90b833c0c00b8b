/**
 * The Content Security Policy of every response (set by proxy.ts), with a fresh nonce per
 * request: Next.js reads the policy from the request and puts the nonce on its own scripts, and
 * 'strict-dynamic' lets those load the rest. No inline script or style without the nonce, no
 * plug-ins, no framing, nothing loaded from another origin; forms post to the portal only. A
 * script injected into a page (XSS) does not run.
 */
import { randomBytes } from "node:crypto";

export interface CspOptions {
  nonce: string;
  /** `next dev` evaluates code (React's debugging, fast refresh): 'unsafe-eval' there only. */
  development: boolean;
  /** The public address is https://: ask browsers to fetch every subresource over https. */
  https: boolean;
}

export function newNonce(): string {
  return randomBytes(18).toString("base64");
}

export function contentSecurityPolicy({ nonce, development, https }: CspOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}
