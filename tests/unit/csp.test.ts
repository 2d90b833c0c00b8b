/** The Content Security Policy (lib/http/csp.ts): what each setting allows, and what it never does. */
import { contentSecurityPolicy, newNonce } from "../../lib/http/csp";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)]));

it.each([
  [{ development: false, https: true }, false, true],
  [{ development: false, https: false }, false, false],
  [{ development: true, https: false }, true, false],
])("%o: eval only in development, https upgrade only on https", (options, evalAllowed, upgrade) => {
  const csp = contentSecurityPolicy({ nonce: "abc", ...options });
  const d = directives(csp);
  expect(d.get("script-src")).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'", ...(evalAllowed ? ["'unsafe-eval'"] : [])]);
  expect(d.get("style-src")).toEqual(["'self'", "'nonce-abc'"]);
  expect(d.has("upgrade-insecure-requests")).toBe(upgrade);
  expect(d.get("object-src")).toEqual(["'none'"]);
  expect(d.get("frame-ancestors")).toEqual(["'none'"]);
  expect(d.get("base-uri")).toEqual(["'none'"]);
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).not.toMatch(/(^|\s)\*|https?:\/\//);
});

it("makes a new, unguessable nonce each time (144 bits, base64)", () => {
  const nonces = new Set(Array.from({ length: 1000 }, () => newNonce()));
  expect(nonces.size).toBe(1000);
  for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{24}$/);
});
