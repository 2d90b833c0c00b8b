/**
 * The citizen's whole journey in a real browser on a 360 px screen, signed in through the bundled
 * development eID provider: grant (by keyboard alone), a bad submission, amend, history, receipt,
 * withdraw, opt out. Every page is checked with axe and photographed into test-output/screenshots.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { baseUrl, expectAccessible, expectNoHorizontalScroll, launch, phone, screenshot, signIn } from "../support/browser";

jest.setTimeout(120_000);

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  context = await phone(browser);
  page = await context.newPage();
  await signIn(page, "Lucas Peeters");
});
afterAll(async () => {
  await browser?.close();
});

async function check(name: string): Promise<void> {
  await expectAccessible(page, name);
  await expectNoHorizontalScroll(page, name);
  await screenshot(page, name);
}

const status = () => page.getByTestId("consent-status").innerText();

describe("a citizen on a phone", () => {
  it("starts with no consent, and nothing looked up", async () => {
    await page.goto(`${baseUrl()}/me`);
    expect(await status()).toBe("No consent");
    await check("me-none");
    await page.goto(`${baseUrl()}/me/lookups`);
    await expect(page.getByText(/No one has asked about you yet/).isVisible()).resolves.toBe(true);
    await check("lookups-empty");
  });

  it("is told beside each field what is missing when submitting no choices", async () => {
    await page.goto(`${baseUrl()}/consent`);
    await check("consent-read");
    await page.getByRole("button", { name: "Continue to your choices" }).click();
    await page.getByRole("button", { name: "Review my choices" }).click();
    const dataFieldset = page.locator("#field-dataCategories");
    await expect(dataFieldset.getByText("Choose at least one kind of data.").isVisible()).resolves.toBe(true);
    await expect(page.locator("#field-recipientTypes").getByText("Choose at least one kind of recipient.").isVisible()).resolves.toBe(true);
    await expect(dataFieldset.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.getByRole("alert").first().isVisible()).resolves.toBe(true);
    await check("consent-choose-errors");
  });

  it("gives consent using the keyboard alone", async () => {
    // Continue from the choices step with the errors showing; tick by focusing and pressing Space.
    const tick = async (label: string) => {
      await page.getByLabel(label, { exact: true }).focus();
      await page.keyboard.press("Space");
    };
    await tick("CT scans (computed tomography)");
    await tick("MRI scans (magnetic resonance imaging)");
    await tick("Radiology reports (the doctor's written report on your scans)");
    await tick("Public research bodies, such as universities, public hospitals and public research institutes");
    await page.getByRole("button", { name: "Review my choices" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Review" }).waitFor();
    const allowed = page.getByRole("region", { name: "What will be allowed" });
    const notAllowed = page.getByRole("region", { name: "What will not be allowed" });
    await expect(allowed.getByText("CT scans (computed tomography)").isVisible()).resolves.toBe(true);
    await expect(notAllowed.getByText(/Commercial companies/).isVisible()).resolves.toBe(true);
    await check("consent-review");
    await page.getByRole("button", { name: "Continue" }).focus();
    await page.keyboard.press("Enter");
    await check("consent-confirm");
    await page.getByRole("button", { name: "I give my consent" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Thank you. Your consent is saved." }).waitFor({ timeout: 15_000 });
    await check("consent-done");
    await page.goto(`${baseUrl()}/me`);
    expect(await status()).toBe("Active");
    await check("me-active");
  });

  it("amends the consent and sees the change side by side in the history", async () => {
    await page.getByRole("link", { name: "Change my choices" }).click();
    await page.getByLabel("MRI scans (magnetic resonance imaging)", { exact: true }).uncheck();
    await page.getByLabel("Genomic data (information from DNA, of your tumour or inherited)", { exact: true }).check();
    await page.getByRole("button", { name: "Review my choices" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Save my new choices" }).click();
    await page.getByRole("heading", { name: "Thank you. Your consent is saved." }).waitFor({ timeout: 15_000 });
    await page.goto(`${baseUrl()}/me/history`);
    await expect(page.getByRole("heading", { name: /Consent given · Version 1/ }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("heading", { name: /Consent changed · Version 2/ }).isVisible()).resolves.toBe(true);
    const dataRow = page.getByRole("row", { name: /^Data/ });
    await expect(dataRow.getByText("Changed").isVisible()).resolves.toBe(true);
    await expect(dataRow.getByRole("cell").nth(0).innerText()).resolves.toContain("MRI scans (magnetic resonance imaging)");
    await expect(dataRow.getByRole("cell").nth(1).innerText()).resolves.not.toContain("MRI scans (magnetic resonance imaging)");
    await check("history-compare");
  });

  it("withdraws in one step, and can opt out of all secondary use", async () => {
    await page.goto(`${baseUrl()}/me`);
    await page.getByRole("button", { name: "Withdraw my consent" }).click();
    await page.getByTestId("consent-status").getByText("Withdrawn", { exact: true }).waitFor();
    await check("me-withdrawn");
    await page.getByRole("button", { name: "Opt out of all secondary use" }).click();
    await page.getByTestId("consent-status").getByText("Opted out of all secondary use", { exact: true }).waitFor();
    await check("me-opted-out");
    await page.goto(`${baseUrl()}/me/history`);
    await expect(page.getByRole("heading", { name: /Consent withdrawn · Version 3/ }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("heading", { name: /Opted out · Version 4/ }).isVisible()).resolves.toBe(true);
  });
});
