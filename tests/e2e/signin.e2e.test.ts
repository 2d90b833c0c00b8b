/**
 * Sign-in in a real browser (Debian's Chromium driven by playwright-core) through the bundled
 * development OpenID provider: a demo citizen signs in and out, a regulator signs in, an eID
 * without a national identifier is refused; cookies are httpOnly and SameSite=Lax; no national
 * identifier reaches the logs, the cookie or the session answer; axe-core finds no WCAG 2.1 A/AA
 * violation on the sign-in page or on the provider's login page.
 *
 * The portal and the provider are started by the suite's globalSetup (DONUM_TEST_BASE_URL,
 * DONUM_TEST_IDP_URL). The steps depend on each other and run in order.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { launch } from "../support/browser";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { DEMO_ACCOUNTS } from "../../scripts/dev-idp/accounts";

jest.setTimeout(60_000);

const baseUrl = process.env.DONUM_TEST_BASE_URL!;
const idpUrl = process.env.DONUM_TEST_IDP_URL!;
const screenshotDir = join(__dirname, "..", "..", "test-output", "screenshots");
const BANNER = "Development sign-in — not a real eID. For testing only.";
const SESSION_COOKIE = "next-auth.session-token";

const citizen = DEMO_ACCOUNTS.find((a) => a.key === "citizen-be")!;
const regulator = DEMO_ACCOUNTS.find((a) => a.key === "regulator")!;
const incomplete = DEMO_ACCOUNTS.find((a) => a.key === "incomplete")!;

/** Every demo national identifier, its identifier part, and that part's digits alone. */
const NEEDLES = DEMO_ACCOUNTS.flatMap((a) => {
  if (!a.personIdentifier) return [];
  const id = a.personIdentifier.split("/").at(-1)!;
  return [a.personIdentifier, id, id.replace(/\D/g, "")];
});

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

let browser: Browser;
let context: BrowserContext;
let page: Page;

async function axeViolations(p: Page) {
  const results = await new AxeBuilder({ page: p }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.passes.length).toBeGreaterThan(0);
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })),
  }));
}

/** From the portal's sign-in page to the provider's account list. */
async function startSignIn(): Promise<void> {
  await page.goto(`${baseUrl}/signin`, { waitUntil: "load" });
  await page.getByRole("button", { name: "Sign in with your national eID" }).click();
  await page.waitForURL(new RegExp(`^${escapeRe(idpUrl)}/interaction/`));
  await expect(page.getByText(BANNER).isVisible()).resolves.toBe(true);
}

async function chooseAccount(name: string, landing: RegExp): Promise<void> {
  await page.getByRole("button", { name: new RegExp(`^Sign in as ${escapeRe(name)}`) }).click();
  await page.waitForURL(landing);
}

async function clientSession(): Promise<Record<string, unknown>> {
  const res = await page.request.get(`${baseUrl}/api/auth/session`);
  expect(res.status()).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

async function sessionCookie() {
  return (await context.cookies(baseUrl)).find((c) => c.name === SESSION_COOKIE);
}

beforeAll(async () => {
  if (!baseUrl || !idpUrl) {
    throw new Error("DONUM_TEST_BASE_URL / DONUM_TEST_IDP_URL are not set: the e2e suite needs the servers from its globalSetup.");
  }
  mkdirSync(screenshotDir, { recursive: true });
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe("signing in with the national eID (development provider)", () => {
  it("shows the sign-in page with one eID button and the development notice", async () => {
    const res = await page.goto(`${baseUrl}/signin`, { waitUntil: "load" });
    expect(res?.status()).toBe(200);
    await expect(page.locator("h1").innerText()).resolves.toBe("Sign in to Donum");
    await expect(page.getByRole("button", { name: "Sign in with your national eID" }).count()).resolves.toBe(1);
    await expect(page.getByText("Development sign-in: demo accounts only").isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(screenshotDir, "signin-desktop.png"), fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: join(screenshotDir, "signin-mobile.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("the sign-in page has no WCAG 2.1 A/AA violations (axe-core)", async () => {
    await page.goto(`${baseUrl}/signin`, { waitUntil: "load" });
    expect(await axeViolations(page)).toEqual([]);
  });

  it("takes the citizen to the provider, whose every screen says it is not a real eID", async () => {
    await startSignIn();
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Choose a demo account");
    const buttons = await page.getByRole("button", { name: /^Sign in as / }).count();
    expect(buttons).toBe(DEMO_ACCOUNTS.length);
    // The login page names people, never their identifiers.
    const html = await page.content();
    for (const needle of NEEDLES) expect(html).not.toContain(needle);
    await page.screenshot({ path: join(screenshotDir, "dev-idp-login.png"), fullPage: true });
  });

  it("the provider's login page has no WCAG 2.1 A/AA violations (axe-core)", async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it("signs the citizen in and back to the portal, with the citizen role", async () => {
    await chooseAccount(citizen.name, new RegExp(`^${escapeRe(baseUrl)}/$`));
    const probe = await page.request.get(`${baseUrl}/api/me/session`);
    expect(probe.status()).toBe(200);
    expect(await probe.json()).toEqual({ name: citizen.name, roles: ["citizen"] });
  });

  it("keeps the session in an httpOnly, SameSite=Lax cookie", async () => {
    const cookie = await sessionCookie();
    expect(cookie).toBeDefined();
    expect(cookie!.httpOnly).toBe(true);
    expect(cookie!.sameSite).toBe("Lax");
    expect(cookie!.path).toBe("/");
    // About 30 minutes, not a month.
    const lifetime = cookie!.expires - Date.now() / 1000;
    expect(lifetime).toBeGreaterThan(25 * 60);
    expect(lifetime).toBeLessThanOrEqual(30 * 60 + 5);
  });

  it("tells the browser the name, roles and whether there is a subject — not the subject key or sub", async () => {
    const session = await clientSession();
    expect(session.user).toEqual({ name: citizen.name, roles: ["citizen"], hasSubject: true });
    const text = JSON.stringify(session);
    expect(text).not.toContain(citizen.sub);
    expect(text).not.toMatch(/[0-9a-f]{64}/);
    expect(text).not.toMatch(/subjectKey/);
  });

  it("accepts a same-origin JSON POST with the session, and refuses one from another origin", async () => {
    const ok = await page.request.post(`${baseUrl}/api/me/session`, { headers: { origin: new URL(baseUrl).origin }, data: {} });
    expect(ok.status()).toBe(200);
    const foreign = await page.request.post(`${baseUrl}/api/me/session`, { headers: { origin: "https://evil.example" }, data: {} });
    expect(foreign.status()).toBe(403);
    expect(await foreign.json()).toMatchObject({ code: "FORBIDDEN" });
  });

  it("writes no national identifier to the server logs, the session cookie or the session answer", async () => {
    const cookie = (await sessionCookie())!.value;
    const serverLog = readFileSync(process.env.DONUM_TEST_SERVER_LOG!, "utf8");
    const idpLog = readFileSync(process.env.DONUM_TEST_IDP_LOG!, "utf8");
    const session = JSON.stringify(await clientSession());
    // The logs are real: the sign-in was recorded.
    expect(serverLog).toContain('"msg":"signed in"');
    expect(idpLog).toContain('"msg":"demo account chosen"');
    for (const needle of NEEDLES) {
      expect(serverLog).not.toContain(needle);
      expect(idpLog).not.toContain(needle);
      expect(cookie).not.toContain(needle);
      expect(session).not.toContain(needle);
    }
    // Nor the people's names, in the logs.
    for (const a of DEMO_ACCOUNTS) {
      expect(serverLog).not.toContain(a.name);
      expect(idpLog).not.toContain(a.name);
    }
  });

  it("signs out from the header's account menu", async () => {
    await page.goto(`${baseUrl}/`, { waitUntil: "load" });
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(new RegExp(`^${escapeRe(baseUrl)}/$`));
    await page.getByRole("link", { name: "Sign in", exact: true }).first().waitFor();
    expect(await sessionCookie()).toBeUndefined();
    expect(await clientSession()).toEqual({});
    expect((await page.request.get(`${baseUrl}/api/me/session`)).status()).toBe(401);
  });

  it("signs a regulator in with the regulator role only; the citizen routes answer 403", async () => {
    await startSignIn(); // the provider asks again: no silent sign-in as the previous person
    await chooseAccount(regulator.name, new RegExp(`^${escapeRe(baseUrl)}/$`));
    const session = await clientSession();
    expect(session.user).toEqual({ name: regulator.name, roles: ["regulator"], hasSubject: false });
    const probe = await page.request.get(`${baseUrl}/api/me/session`);
    expect(probe.status()).toBe(403);
    expect(probe.headers()["content-type"]).toContain("application/problem+json");
    expect(await probe.json()).toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses an eID that carries no national identifier, and says why", async () => {
    await context.clearCookies();
    await startSignIn();
    await chooseAccount(incomplete.name, new RegExp(`^${escapeRe(baseUrl)}/signin\\?error=NoPersonIdentifier`));
    await expect(page.getByRole("main").getByRole("alert").innerText()).resolves.toMatch(/national identification number/);
    expect(await sessionCookie()).toBeUndefined();
    expect(await clientSession()).toEqual({});
  });

  it("comes back to the sign-in page with a message when the person cancels at the provider", async () => {
    await startSignIn();
    await page.getByRole("button", { name: "Cancel and go back" }).click();
    await page.waitForURL(new RegExp(`^${escapeRe(baseUrl)}/signin\\?(.*&)?error=`));
    await expect(page.getByRole("main").getByRole("alert").innerText()).resolves.toMatch(/cancelled/);
    expect(await sessionCookie()).toBeUndefined();
  });
});
