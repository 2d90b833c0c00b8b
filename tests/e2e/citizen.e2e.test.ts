/**
 * The citizen's whole journey in a real browser on a 360 px screen, signed in through the bundled
 * development eID provider: grant (by keyboard alone), a bad submission, amend, history, receipt,
 * withdraw, opt out. Every page is checked with axe and photographed into test-output/screenshots.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DonumClient } from "../../lib/client";
import { baseUrl, expectAccessible, expectNoHorizontalScroll, launch, phone, screenshot, signIn } from "../support/browser";

jest.setTimeout(120_000);

const RESEARCH_HMB = "Health, medical and biomedical research only (HMB)";
const EU_ONLY = "Only recipients based in the EU or the EEA (the EU countries, Iceland, Liechtenstein and Norway)";

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
    await expect(page.locator("#field-research").getByText("Choose the research your data may be used for.").isVisible()).resolves.toBe(true);
    await expect(page.locator("#field-geography").getByText("Choose where recipients may be based.").isVisible()).resolves.toBe(true);
    await expect(page.locator("#field-period").getByText("Choose how long your consent lasts.").isVisible()).resolves.toBe(true);
    await expect(page.getByLabel(RESEARCH_HMB, { exact: true }).isChecked()).resolves.toBe(false);
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
    // Nothing is pre-selected: the research, the area and the period are explicit choices too.
    await tick(RESEARCH_HMB);
    await tick(EU_ONLY);
    await tick("Until I withdraw my consent");
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

  it("withdraws in one step: the imaging node's very next check is refused, and the node's feed says so", async () => {
    const node = demoNode();
    const ask = () =>
      node.check({
        subject: { nationalId: "BE/BE/85073003328" }, // Lucas Peeters, the demo citizen signed in here
        request: { dataCategories: ["imaging.ct"], purpose: { code: "HMB" }, recipient: { organisation: "KU Leuven", type: "public", country: "BE" } },
        permitReference: "E2E-PERMIT-1",
      });
    const before = await ask();
    expect(before.decision).toMatchObject({ decision: "PERMIT" });
    await page.goto(`${baseUrl()}/me`);
    await page.getByRole("button", { name: "Withdraw my consent" }).click();
    await page.getByTestId("consent-status").getByText("Withdrawn", { exact: true }).waitFor();
    await check("me-withdrawn");
    const after = await ask();
    expect(after.decision).toMatchObject({ decision: "DENY", reasons: [{ code: "CONSENT_WITHDRAWN" }], sub: before.decision.sub });
    // Other suites change consents on this portal too: read the feed to its end (bounded).
    const changes: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const { page: feedPage } = await node.feed({ after: cursor, limit: 500 });
      changes.push(...feedPage.items.filter((i) => i.sub === before.decision.sub).map((i) => i.change));
      if (!feedPage.hasMore || !feedPage.nextCursor) break;
      cursor = feedPage.nextCursor;
    }
    expect(changes).toContain("withdrawn");
    // The citizen sees both lookups.
    await page.goto(`${baseUrl()}/me/lookups`);
    // The permit is the node's business: not in the lookup's summary (only in the recorded entry behind its proof).
    await expect(page.locator("li dl").getByText("E2E-PERMIT-1").count()).resolves.toBe(0);
    await expect(page.getByRole("listitem").filter({ hasText: "KU Leuven" }).count()).resolves.toBeGreaterThanOrEqual(2);
    await check("lookups");
  });

  it("can opt out of all secondary use", async () => {
    await page.goto(`${baseUrl()}/me`);
    await page.getByRole("button", { name: "Opt out of all secondary use" }).click();
    await page.getByTestId("consent-status").getByText("Opted out of all secondary use", { exact: true }).waitFor();
    await check("me-opted-out");
    await page.goto(`${baseUrl()}/me/history`);
    await expect(page.getByRole("heading", { name: /Consent withdrawn · Version 3/ }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("heading", { name: /Opted out · Version 4/ }).isVisible()).resolves.toBe(true);
  });

  it("renews consent when a material form version is published, and nobody is disturbed by a non-material one", async () => {
    // Give consent again after the opt-out, quickly.
    await page.goto(`${baseUrl()}/me`);
    await page.getByRole("link", { name: "Give consent again" }).click();
    await grantQuickly();
    publishFormVersion({ material: false });
    await page.goto(`${baseUrl()}/me`);
    await expect(page.getByText(/A new version of the consent form changes important terms/).count()).resolves.toBe(0);
    publishFormVersion({ material: true });
    await page.goto(`${baseUrl()}/me`);
    await page.getByText(/A new version of the consent form changes important terms/).waitFor();
    await check("me-reconsent");
    await page.getByRole("link", { name: "Read and renew" }).click();
    await page.getByRole("heading", { name: "Please renew your consent" }).waitFor();
    await page.getByRole("button", { name: "Continue to your choices" }).click();
    // The current choices are kept: the citizen only confirms them on the new text.
    await expect(page.getByLabel("CT scans (computed tomography)", { exact: true }).isChecked()).resolves.toBe(true);
    await page.getByRole("button", { name: "Review my choices" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Save my new choices" }).click();
    await page.getByRole("heading", { name: "Thank you. Your consent is saved." }).waitFor({ timeout: 15_000 });
    await page.goto(`${baseUrl()}/me`);
    expect(await status()).toBe("Active");
    await expect(page.getByText(/A new version of the consent form changes important terms/).count()).resolves.toBe(0);
    await expect(page.getByText("Given on form version 3 (English)").isVisible()).resolves.toBe(true);
  });

  it("downloads a receipt whose signature verifies against the published JWKS", async () => {
    await page.goto(`${baseUrl()}/me/receipt`);
    await check("me-receipt");
    // On paper: the receipt alone, without the portal's header, navigation and footer.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header").first().isHidden()).toBe(true);
    expect(await page.locator(".receipt").isVisible()).toBe(true);
    await screenshot(page, "me-receipt-print");
    await page.emulateMedia({ media: "screen" });
    expect(await page.locator("header").first().isVisible()).toBe(true);
    // The notice the receipt points to: the exact form text, public.
    await page.goto(`${baseUrl()}/consent/form/cancer-imaging-altruism/3?lang=en`);
    await page.getByText(/sha256:[0-9a-f]{64}/).first().waitFor();
    await check("form-version");
    await page.goto(`${baseUrl()}/no-such-page`);
    await page.getByRole("heading", { name: "This page does not exist" }).waitFor();
    await check("not-found");
    const res = await page.request.get(`${baseUrl()}/api/me/receipt?format=jws`);
    expect(res.status()).toBe(200);
    const jws = (await res.text()).trim();
    const jwks = (await (await page.request.get(`${baseUrl()}/.well-known/jwks.json`)).json()) as { keys: (JsonWebKey & { kid: string })[] };
    const [h, p, sig] = jws.split(".");
    const header = JSON.parse(Buffer.from(h!, "base64url").toString()) as { alg: string; kid: string };
    const jwk = jwks.keys.find((k) => k.kid === header.kid)!;
    expect(header.alg).toBe("ES256");
    // WebCrypto alone, as any third party would verify it.
    const key = await crypto.subtle.importKey("jwk", jwk, { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
    const valid = await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, Buffer.from(sig!, "base64url"), Buffer.from(`${h}.${p}`));
    expect(valid).toBe(true);
    const receipt = JSON.parse(Buffer.from(p!, "base64url").toString()) as { status: string; notice: { version: number; language: string } };
    expect(receipt).toMatchObject({ status: "active", notice: { version: 3, language: "en" } });
    const tampered = await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, Buffer.from(sig!, "base64url"), Buffer.from(`${h}.${p}x`));
    expect(tampered).toBe(false);
  });
});

async function grantQuickly(): Promise<void> {
  await page.getByRole("button", { name: "Continue to your choices" }).click();
  await page.getByLabel("CT scans (computed tomography)", { exact: true }).check();
  await page.getByLabel("Public research bodies, such as universities, public hospitals and public research institutes", { exact: true }).check();
  await page.getByLabel(RESEARCH_HMB, { exact: true }).check();
  await page.getByLabel(EU_ONLY, { exact: true }).check();
  await page.getByLabel("Until I withdraw my consent", { exact: true }).check();
  await page.getByRole("button", { name: "Review my choices" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "I give my consent" }).click();
  await page.getByRole("heading", { name: "Thank you. Your consent is saved." }).waitFor({ timeout: 15_000 });
}

/** The demo imaging node that the embedded default registers, with its key from the portal's data. */
function demoNode(): DonumClient {
  const dataDir = process.env.DONUM_TEST_DATA_DIR;
  if (!dataDir) throw new Error("DONUM_TEST_DATA_DIR is not set");
  const privateJwk = JSON.parse(readFileSync(join(dataDir, "keys", "demo-node.private.jwk"), "utf8")) as unknown;
  return new DonumClient({ baseUrl: baseUrl(), nodeId: "demo-node", privateJwk });
}

/** An operator publishes the next form version with the real CLI, on the running portal's data. */
function publishFormVersion({ material }: { material: boolean }): void {
  const root = resolve(__dirname, "..", "..");
  const dataDir = process.env.DONUM_TEST_DATA_DIR;
  if (!dataDir) throw new Error("DONUM_TEST_DATA_DIR is not set");
  const donum = (...args: string[]) => {
    const r = spawnSync(process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), join(root, "scripts/donum.ts"), ...args], {
      cwd: root,
      env: { ...process.env, DONUM_DATA_DIR: dataDir },
      input: "",
      encoding: "utf8",
      timeout: 60_000,
    });
    if (r.status !== 0) throw new Error(`donum ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
    return r.stdout;
  };
  const draft = JSON.parse(donum("forms", "export", "cancer-imaging-altruism", "latest")) as { version: number; material: boolean; texts: Record<string, { introduction: string }> };
  draft.version += 1;
  draft.material = material;
  for (const text of Object.values(draft.texts)) text.introduction += ` (v${draft.version})`;
  const dir = mkdtempSync(join(tmpdir(), "donum-e2e-form-"));
  try {
    writeFileSync(join(dir, "draft.json"), JSON.stringify(draft));
    donum("forms", "publish", join(dir, "draft.json"), "--yes", ...(material ? [] : ["--force-non-material"]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
