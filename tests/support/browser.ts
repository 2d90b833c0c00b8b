/** Real Chromium for end-to-end tests (playwright-core + Debian's chromium), with axe and screenshots. */
import AxeBuilder from "@axe-core/playwright";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const SCREENSHOTS = join(__dirname, "..", "..", "test-output", "screenshots");

export function baseUrl(): string {
  const url = process.env.DONUM_TEST_BASE_URL;
  if (!url) throw new Error("DONUM_TEST_BASE_URL is not set: the app-server globalSetup did not run");
  return url;
}

export async function launch(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-dev-shm-usage",
    ],
  });
  // Every context records the page's Content Security Policy violations (expectAccessible fails
  // on any): a script or style the policy blocks is a feature that silently does not work.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) => w.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber}:${e.columnNumber})`));
    });
    return context;
  };
  return browser;
}

/** A phone-sized context (360 px wide, the narrowest screen the portal supports). */
export async function phone(browser: Browser, options: { locale?: string } = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 360, height: 740 }, locale: options.locale ?? "en-GB", acceptDownloads: true });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Zero WCAG 2.1 A/AA violations, or a failure that lists them. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Next streams the metadata of dynamic pages: let the <title> arrive before axe looks for it.
  await page.waitForFunction(() => document.title.trim() !== "", undefined, { timeout: 10_000 }).catch(() => undefined);
  const blocked = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
  if (blocked.length > 0) throw new Error(`the Content Security Policy blocked something on ${what}:\n${blocked.join("\n")}`);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const violations = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  if (violations.length > 0) throw new Error(`axe found violations on ${what}:\n${violations.join("\n")}`);
}

/** Nothing wider than the screen: no sideways scrolling on a phone. */
export async function expectNoHorizontalScroll(page: Page, what: string): Promise<void> {
  const { scrollWidth, width } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth }));
  if (scrollWidth > width) throw new Error(`${what} scrolls sideways: ${scrollWidth}px content in a ${width}px window`);
}

/**
 * Signs in through the bundled development eID provider as the demo person named. The portal's
 * sign-in page is in the browser's language: pass its button label when that is not English.
 */
export async function signIn(page: Page, person: string, callbackPath = "/me", buttonLabel = "Sign in with your national eID"): Promise<void> {
  await page.goto(`${baseUrl()}/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  await page.getByRole("button", { name: buttonLabel }).click();
  await page.getByRole("button", { name: new RegExp(person) }).click();
  await page.waitForURL((url) => url.href.startsWith(baseUrl()) && !url.pathname.startsWith("/signin"), { timeout: 30_000 });
}
