export {};

/**
 * Every route that acts for a person refuses a request without a session (401), and every
 * state-changing one refuses a cross-site request (403), before anything else happens. The
 * subject is never taken from the request, so no body can aim at another citizen's record.
 */
const base = () => {
  const url = process.env.DONUM_TEST_BASE_URL;
  if (!url) throw new Error("DONUM_TEST_BASE_URL is not set: the app-server globalSetup did not run");
  return url;
};

const ROUTES: [method: string, path: string][] = [
  ["GET", "/api/me/consent"],
  ["POST", "/api/me/consent"],
  ["PUT", "/api/me/consent"],
  ["POST", "/api/me/consent/withdraw"],
  ["POST", "/api/me/opt-out"],
  ["GET", "/api/me/history"],
  ["GET", "/api/me/lookups"],
  ["GET", "/api/me/receipt"],
  ["GET", "/api/me/session"],
  ["GET", "/api/operator/forms"],
  ["POST", "/api/operator/forms"],
  ["GET", "/api/operator/nodes"],
  ["POST", "/api/operator/nodes"],
  ["POST", "/api/operator/nodes/demo-node/status"],
  ["GET", "/api/regulator/exports"],
  ["POST", "/api/regulator/exports"],
  ["GET", "/api/regulator/exports/00000000-0000-4000-8000-000000000000"],
  ["GET", "/api/regulator/exports/00000000-0000-4000-8000-000000000000/bundle"],
  ["GET", "/api/regulator/exports/00000000-0000-4000-8000-000000000000/files/manifest.jws"],
];

const send = (method: string, path: string, headers: Record<string, string> = {}) =>
  fetch(`${base()}${path}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    ...(method === "GET" ? {} : { body: JSON.stringify({ subjectKey: "f".repeat(64), expectedVersion: 1 }) }),
  });

describe("routes that act for a person", () => {
  it.each(ROUTES)("%s %s without a session is 401 problem+json", async (method, path) => {
    const res = await send(method, path, method === "GET" ? {} : { origin: base() });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await res.json()).toMatchObject({ code: "UNAUTHENTICATED", status: 401 });
  });

  it.each(ROUTES.filter(([m]) => m !== "GET"))("%s %s from another site is 403, whatever the session", async (method, path) => {
    const res = await send(method, path, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "FORBIDDEN" });
  });

  it("ignores a forged session cookie", async () => {
    const res = await fetch(`${base()}/api/me/consent`, { headers: { cookie: "next-auth.session-token=forged.value.here" } });
    expect(res.status).toBe(401);
  });
});
