/** The running portal over HTTP: `next start` on a fresh data directory (tests/support/app-server.setup.js). */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const base = () => {
  const url = process.env.DONUM_TEST_BASE_URL;
  if (!url) throw new Error("DONUM_TEST_BASE_URL is not set: the app-server globalSetup did not run");
  return url;
};

describe("GET /api/health", () => {
  it("reports a reachable store and the signing key in use", async () => {
    const res = await fetch(`${base()}/api/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const body = await res.json();
    expect(body).toMatchObject({
      status: "ok",
      store: { kind: "sqlite", ok: true },
      keys: { signing: { alg: "ES256" }, subjectPepper: "loaded" },
    });
    expect(body.keys.signing.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The bundled first form was published on first start, and that publication is audited.
    expect(body.auditLogSize).toBeGreaterThanOrEqual(1);
  });

  it("does not disclose file paths or secrets", async () => {
    const text = await (await fetch(`${base()}/api/health`)).text();
    const dataDir = process.env.DONUM_TEST_DATA_DIR!;
    expect(text).not.toContain(dataDir);
    const pepper = readFileSync(join(dataDir, "keys", "subject-pepper"), "utf8").trim();
    expect(text).not.toContain(pepper);
  });

  it("created the keys on first start with owner-only permissions", () => {
    const keys = join(process.env.DONUM_TEST_DATA_DIR!, "keys");
    for (const f of ["signing-key.pem", "subject-pepper"]) {
      expect(existsSync(join(keys, f))).toBe(true);
      expect(statSync(join(keys, f)).mode & 0o777).toBe(0o600);
    }
  });
});

describe("the landing page", () => {
  it("is served to a citizen with security headers", async () => {
    const res = await fetch(`${base()}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-powered-by")).toBeNull();
    const html = await res.text();
    expect(html).toMatch(/data altruism/i);
    expect(html).toMatch(/withdraw/i);
  });

  it("answers an unknown page with 404", async () => {
    expect((await fetch(`${base()}/no-such-page`)).status).toBe(404);
  });
});
