/**
 * The portal in the citizen's language, in a real browser on a 360 px screen: the browser's
 * Accept-Language picks German; the visible switcher picks Italian and the choice sticks; a
 * citizen signed in with a Spanish browser goes through the consent journey in Spanish, form text
 * and field errors included. Expected words come from the catalogues and the Spanish form text;
 * each is also checked not to be the English one, so a page left in English fails.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { textEs } from "../../lib/consent/forms/cancer-imaging-v1.es";
import { de } from "../../lib/i18n/messages/de";
import { en } from "../../lib/i18n/messages/en";
import { es } from "../../lib/i18n/messages/es";
import { it as italian } from "../../lib/i18n/messages/it";
import { baseUrl, expectAccessible, launch, phone, screenshot, signIn } from "../support/browser";

jest.setTimeout(120_000);

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const lang = (page: Page) => page.locator("html").getAttribute("lang");
const h1 = (page: Page) => page.getByRole("heading", { level: 1 }).innerText();

describe("the portal in the citizen's language", () => {
  let context: BrowserContext;
  afterEach(async () => {
    await context?.close();
  });

  it("shows the landing page in German to a browser that prefers German", async () => {
    context = await phone(browser, { locale: "de-DE" });
    const page = await context.newPage();
    const res = await page.goto(`${baseUrl()}/`);
    expect(res?.status()).toBe(200);
    expect(await lang(page)).toBe("de");
    expect(de.home.title).not.toBe(en.home.title);
    expect(await h1(page)).toBe(de.home.title);
    expect(await page.title()).toBe(de.meta.title);
    await expect(page.getByRole("link", { name: de.home.getStarted.signIn }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("region", { name: de.home.control.title }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("contentinfo").innerText()).resolves.toContain(de.footer.operator);
    await expect(page.getByRole("link", { name: de.common.skipToContent }).count()).resolves.toBe(1);
    await expectAccessible(page, "the German landing page");
    await screenshot(page, "landing-de");
  });

  it("switches to Italian with the visible switcher, and stays Italian on the next page", async () => {
    context = await phone(browser, { locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/`);
    expect(await lang(page)).toBe("en");
    await page.getByLabel(en.common.language, { exact: true }).selectOption({ label: "Italiano" });
    await page.getByRole("button", { name: en.common.changeLanguage }).click();
    await page.waitForFunction(() => document.documentElement.lang === "it");
    await page.getByRole("heading", { level: 1, name: italian.home.title }).waitFor();
    // The choice is a cookie, and it wins over the browser's English on every later page.
    expect((await context.cookies(baseUrl())).find((c) => c.name === "donum_lang")?.value).toBe("it");
    await page.getByRole("link", { name: italian.account.signIn, exact: true }).click();
    await page.waitForURL(/\/signin/);
    expect(await lang(page)).toBe("it");
    expect(italian.signin.heading).not.toBe(en.signin.heading);
    expect(await h1(page)).toBe(italian.signin.heading);
    await expect(page.getByRole("button", { name: italian.signin.button }).isVisible()).resolves.toBe(true);
    await expect(page.getByLabel(italian.common.language, { exact: true }).inputValue()).resolves.toBe("it");
  });

  it("takes a citizen with a Spanish browser through the consent journey in Spanish, errors beside the fields", async () => {
    context = await phone(browser, { locale: "es-ES" });
    const page = await context.newPage();
    await signIn(page, "María García López", "/consent", es.signin.button);
    expect(await lang(page)).toBe("es");
    expect(await h1(page)).toBe(es.consent.title);
    // The form itself, in the Spanish text of the published version.
    await expect(page.getByRole("heading", { level: 2, name: textEs.title }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(textEs.modules.withdrawal.heading, { exact: true }).isVisible()).resolves.toBe(true);
    await expectAccessible(page, "the consent form in Spanish");

    await page.getByRole("button", { name: es.consent.read.continue }).click();
    await page.getByRole("button", { name: es.consent.choose.continue }).click();
    const data = page.locator("#field-dataCategories");
    const recipients = page.locator("#field-recipientTypes");
    expect(es.consent.errors.dataCategories).not.toBe(en.consent.errors.dataCategories);
    // Validation is asynchronous (zod through react-hook-form): wait for the message, then check where it is.
    // (Not exact: the message's paragraph also holds a decorative "!".)
    await data.getByText(es.consent.errors.dataCategories).waitFor();
    await expect(data.getByText(es.consent.errors.dataCategories).isVisible()).resolves.toBe(true);
    await expect(recipients.getByText(es.consent.errors.recipientTypes).isVisible()).resolves.toBe(true);
    await expect(data.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.getByRole("alert").first().innerText()).resolves.toContain(es.consent.errors.summary);
    // The choices are the form's own Spanish words.
    await expect(page.getByLabel(textEs.choices.dataCategories["imaging.ct"], { exact: true }).count()).resolves.toBe(1);
    await expectAccessible(page, "the Spanish consent journey with errors");
    await screenshot(page, "consent-es-errors");
  });
});
