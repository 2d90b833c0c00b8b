/**
 * The headers that protect pages in the browser (proxy.ts, lib/http/csp.ts, next.config.js):
 * a Content Security Policy with a fresh nonce per response that every script of the page
 * carries, no inline script or style without it, no framing.
 */
export {};

const base = () => {
  const url = process.env.DONUM_TEST_BASE_URL;
  if (!url) throw new Error("DONUM_TEST_BASE_URL is not set: the app-server globalSetup did not run");
  return url;
};

function nonceOf(csp: string): string {
  const m = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(csp);
  if (!m) throw new Error(`no script nonce in ${csp}`);
  return m[1]!;
}

describe.each(["/", "/signin", "/docs/api"])("the page %s", (path) => {
  it("has a strict Content Security Policy whose nonce every script and inline style carries", async () => {
    const res = await fetch(`${base()}${path}`);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toBeTruthy();
    for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'", "connect-src 'self'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    const nonce = nonceOf(csp);
    expect(csp).toContain(`style-src 'self' 'nonce-${nonce}'`);
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    for (const tag of [...html.matchAll(/<style\b[^>]*>/g)].map((m) => m[0])) expect(tag).toContain(`nonce="${nonce}"`);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

it("uses a new nonce for every response", async () => {
  const nonces = new Set<string>();
  for (let i = 0; i < 5; i++) nonces.add(nonceOf((await fetch(`${base()}/`)).headers.get("content-security-policy")!));
  expect(nonces.size).toBe(5);
});
