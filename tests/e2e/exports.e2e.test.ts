/**
 * Issue 5's "done when", in a real browser: the demo regulator signs in, sees the workspace,
 * follows "Export this period", exports yesterday to now, watches it finish, downloads the bundle
 * (.tar), and the verifier CLI accepts it — online, against the portal's JWKS and latest
 * checkpoint. One altered byte in the downloaded file and the verifier refuses it. A form error is
 * shown beside its field; a citizen cannot reach the page. axe on each view, at 360 px.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { baseUrl, expectAccessible, expectNoHorizontalScroll, launch, phone, screenshot, signIn } from "../support/browser";

jest.setTimeout(180_000);

const ROOT = resolve(__dirname, "..", "..");
let browser: Browser;
const work = mkdtempSync(join(tmpdir(), "donum-e2e-export-"));

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

function verify(path: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "scripts/donum.ts"), "verify-export", path], {
    cwd: ROOT,
    env: { ...process.env, DONUM_LOG_LEVEL: "error" },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

describe("a regulator's export", () => {
  it("is started from the workspace, finishes, downloads as one file and verifies; a flipped byte does not", async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await signIn(page, "Dr. Katarzyna Wójcik", "/regulator");
    await page.getByRole("heading", { name: "Audit activity", level: 1 }).waitFor();
    await page.getByRole("link", { name: "Export this period" }).click();
    await page.getByRole("heading", { name: "Export the audit trail", level: 1 }).waitFor();

    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("From (UTC day)").fill(yesterday);
    await page.getByLabel(/^To \(UTC day/).fill(today);
    await page.getByRole("button", { name: "Start the export" }).click();
    await page.getByText("The export has started; its progress is shown below.").waitFor();
    const item = page.getByRole("listitem").filter({ hasText: "Period" }).first();
    await item.getByText("Done", { exact: true }).waitFor({ timeout: 120_000 });
    await item.getByText(/entries, covered by Donum's signed checkpoint of/).waitFor();
    await expectNoHorizontalScroll(page, "exports page");
    await expectAccessible(page, "exports page, an export done");
    await screenshot(page, "regulator-exports");

    const [download] = await Promise.all([page.waitForEvent("download"), item.getByRole("link", { name: "Download the bundle (.tar)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^donum-export-[0-9a-f-]{36}\.tar$/);
    const tar = join(work, download.suggestedFilename());
    await download.saveAs(tar);

    const ok = verify(tar);
    expect(ok.out).toMatch(/consisten/i);
    expect(ok.status).toBe(0);

    // One byte of the archive, inside entries.ndjson's data, changed: refused, with a reason.
    const bytes = readFileSync(tar);
    const at = bytes.indexOf(Buffer.from('"type":"'));
    expect(at).toBeGreaterThan(0);
    bytes[at + 9] = bytes[at + 9]! ^ 0x01;
    const altered = join(work, "altered.tar");
    writeFileSync(altered, bytes);
    const bad = verify(altered);
    expect(bad.status).toBe(1);
    expect(bad.out).toMatch(/entries\.ndjson/);
    await context.close();
  });

  it("shows a period error beside its field, and nothing is queued", async () => {
    const page = await (await phone(browser)).newPage();
    await signIn(page, "Dr. Katarzyna Wójcik", "/regulator/exports");
    await page.getByRole("heading", { name: "Export the audit trail", level: 1 }).waitFor();
    const before = await page.getByRole("listitem").count();
    await page.getByLabel("From (UTC day)").fill("2026-06-10");
    await page.getByLabel(/^To \(UTC day/).fill("2026-06-01");
    await page.getByRole("button", { name: "Start the export" }).click();
    const to = page.getByLabel(/^To \(UTC day/);
    await expect(to.getAttribute("aria-invalid")).resolves.toBe("true");
    await page.getByText("The first day must be on or before the last.").waitFor();
    await expectAccessible(page, "exports page with a form error");
    await page.reload();
    await page.getByRole("heading", { name: "Export the audit trail", level: 1 }).waitFor();
    await expect(page.getByRole("listitem").count()).resolves.toBe(before);
  });

  it("is not there for a citizen", async () => {
    const page = await (await phone(browser)).newPage();
    await signIn(page, "Lena Schmidt", "/me");
    const res = await page.goto(`${baseUrl()}/regulator/exports`);
    expect(res?.status()).toBe(404);
    const api = await page.request.get(`${baseUrl()}/api/regulator/exports`);
    expect(api.status()).toBe(403);
  });
});
