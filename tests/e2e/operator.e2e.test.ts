/**
 * The operator's consent-form page, signed in through the development eID provider as the demo
 * operator. Read-only here (publishing is proved in the use-case contract and by the CLI in the
 * citizen journey): other e2e files share this portal and must not see the form change under them.
 */
import type { Browser, Page } from "playwright-core";
import { baseUrl, expectAccessible, launch, screenshot, signIn } from "../support/browser";

jest.setTimeout(90_000);

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe("an operator", () => {
  it("sees the published versions and reviews a draft of the next one", async () => {
    await signIn(page, "Jonas Berg", "/operator/forms");
    await page.getByRole("heading", { name: "Consent form versions" }).waitFor();
    await expect(page.getByRole("row").count()).resolves.toBeGreaterThanOrEqual(2);
    await expectAccessible(page, "operator forms");
    await screenshot(page, "operator-forms");
    const draft = page.getByLabel(/Draft of the next version/);
    const json = JSON.parse(await draft.inputValue()) as { version: number; texts: Record<string, { modules: Record<string, { summary: string }> }> };
    json.texts.en!.modules.recipients!.summary = "Now also insurance companies.";
    await draft.fill(JSON.stringify(json));
    await page.getByRole("button", { name: "Review changes" }).click();
    await page.getByText("Marked not material, but parts that define what consent covers have changed.").waitFor();
    await expect(page.getByRole("button", { name: "Publish this version" }).isDisabled()).resolves.toBe(true);
    await expectAccessible(page, "operator forms review");
    await screenshot(page, "operator-forms-review");
  });

  it("is the only one who may: a citizen gets not found, and the API refuses", async () => {
    const citizen = await (await browser.newContext()).newPage();
    await signIn(citizen, "Lena Schmidt", "/me");
    const res = await citizen.goto(`${baseUrl()}/operator/forms`);
    expect(res?.status()).toBe(404);
    const api = await citizen.request.post(`${baseUrl()}/api/operator/forms`, {
      data: { draft: {} },
      headers: { origin: baseUrl() },
    });
    expect(api.status()).toBe(403);
    expect(await api.json()).toMatchObject({ code: "FORBIDDEN" });
  });
});
