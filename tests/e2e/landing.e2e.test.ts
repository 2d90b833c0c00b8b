/**
 * The landing page in a real browser (Debian's Chromium driven by playwright-core), on a phone and on a desktop:
 * full-page screenshots, structure, keyboard access and axe-core's WCAG 2.1 A/AA rules.
 *
 * The app server is started by the suite's globalSetup, which sets DONUM_TEST_BASE_URL.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { launch } from "../support/browser";
import { type Browser, type BrowserContext, type Page } from "playwright-core";

jest.setTimeout(60_000);

const baseUrl = process.env.DONUM_TEST_BASE_URL;
const screenshotDir = join(__dirname, "..", "..", "test-output", "screenshots");

const viewports = [
  { name: "mobile", width: 360, height: 740 },
  { name: "desktop", width: 1280, height: 900 },
] as const;

let browser: Browser;

beforeAll(async () => {
  if (!baseUrl) {
    throw new Error("DONUM_TEST_BASE_URL is not set: the e2e suite needs the app server from its globalSetup.");
  }
  mkdirSync(screenshotDir, { recursive: true });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe.each(viewports)("landing page at $width×$height ($name)", ({ name, width, height }) => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width, height } });
    page = await context.newPage();
    const response = await page.goto(`${baseUrl}/`, { waitUntil: "load" });
    expect(response?.status()).toBe(200);
  });

  afterAll(async () => {
    await context?.close();
  });

  it("renders, and is captured as a full-page screenshot", async () => {
    await expect(page.title()).resolves.toBe("Donum — donate your imaging data for cancer research");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    const file = join(screenshotDir, `landing-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
  });

  it("has exactly one h1, and headings that do not skip levels", async () => {
    await expect(page.locator("h1").count()).resolves.toBe(1);
    const levels = await page.$$eval("h1, h2, h3, h4, h5, h6", (hs) => hs.map((h) => Number(h.tagName[1])));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) {
      expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    }
  });

  it("lists what the citizen controls, including withdrawing at any time and opting out", async () => {
    const region = page.getByRole("region", { name: "What you control" });
    const items = await region.getByRole("listitem").allInnerTexts();
    expect(items.length).toBeGreaterThanOrEqual(8);
    expect(items.some((t) => /withdraw at any time/i.test(t))).toBe(true);
    expect(items.some((t) => /opt out/i.test(t))).toBe(true);
  });

  it("leads a citizen to sign in with their national eID", async () => {
    const cta = page.getByRole("link", { name: "Sign in with your national eID" });
    await expect(cta.isVisible()).resolves.toBe(true);
    await expect(cta.getAttribute("href")).resolves.toBe("/me");
  });

  it("has a footer naming the operator and linking to the service health", async () => {
    const footer = page.getByRole("contentinfo");
    await expect(footer.innerText()).resolves.toContain(
      "Donum is operated by a data altruism organisation registered under the EU Data Governance Act.",
    );
    await expect(footer.locator('a[href="/api/health"]').count()).resolves.toBe(1);
  });

  if (width === 360) {
    it("does not scroll sideways at 360 px", async () => {
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(360);
    });
  }

  it("has a skip link as the first focusable element, and it moves focus to main", async () => {
    await page.goto(`${baseUrl}/`, { waitUntil: "load" });
    await page.keyboard.press("Tab");
    const first = await page.evaluate(() => {
      const el = document.activeElement as HTMLAnchorElement | null;
      return { tag: el?.tagName, href: el?.getAttribute("href"), text: el?.textContent?.trim() };
    });
    expect(first).toEqual({ tag: "A", href: "#main", text: "Skip to main content" });
    // Visible once focused (it is visually hidden until then).
    await expect(page.getByRole("link", { name: "Skip to main content" }).isVisible()).resolves.toBe(true);

    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.id === "main");
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe("MAIN");
  });

  it("has no WCAG 2.1 A/AA violations (axe-core)", async () => {
    await page.goto(`${baseUrl}/`, { waitUntil: "load" });
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const report = results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })),
    }));
    expect(report).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(0);
  });
});
