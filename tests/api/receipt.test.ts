/** The citizen's consent receipt over HTTP: nothing without a session. */
const base = () => {
  const url = process.env.DONUM_TEST_BASE_URL;
  if (!url) throw new Error("DONUM_TEST_BASE_URL is not set: the app-server globalSetup did not run");
  return url;
};

async function expectUnauthenticated(res: Response): Promise<void> {
  expect(res.status).toBe(401);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(res.headers.get("cache-control")).toContain("no-store");
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ status: 401, code: "UNAUTHENTICATED", title: expect.any(String), instance: "/api/me/receipt" });
  expect(body).not.toHaveProperty("receipt");
  expect(body).not.toHaveProperty("jws");
}

describe("GET /api/me/receipt", () => {
  it("answers 401 problem+json without a session", async () => {
    await expectUnauthenticated(await fetch(`${base()}/api/me/receipt`));
  });

  it("answers 401 for the signed download too, before looking at the query", async () => {
    await expectUnauthenticated(await fetch(`${base()}/api/me/receipt?format=jws`));
    await expectUnauthenticated(await fetch(`${base()}/api/me/receipt?format=nonsense`));
  });

  it("ignores a forged session cookie", async () => {
    const res = await fetch(`${base()}/api/me/receipt`, {
      headers: { cookie: "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..forged.forged.forged" },
    });
    await expectUnauthenticated(res);
  });
});

describe("the receipt page", () => {
  it("sends a signed-out visitor to sign in, coming back to the receipt", async () => {
    const res = await fetch(`${base()}/me/receipt`, { redirect: "manual" });
    expect([303, 307, 308]).toContain(res.status);
    const location = new URL(res.headers.get("location")!, base());
    expect(location.pathname).toBe("/signin");
    expect(location.searchParams.get("callbackUrl")).toBe("/me/receipt");
  });
});
