/**
 * Inclusion proofs checked in a real browser (issue 5): a citizen on a 360 px phone opens the
 * proof of a lookup on "who looked me up" and has the browser check it against Donum's signed
 * checkpoint and published keys; a swapped key set and a changed proof hash are caught and named;
 * the demo regulator checks an entry about a citizen (its text withheld) and one about no citizen
 * (its hash recomputed). axe on each page with the proof open; screenshots in test-output/screenshots.
 */
import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { DonumClient } from "../../lib/client";
import { baseUrl, expectAccessible, expectNoHorizontalScroll, launch, phone, screenshot, signIn } from "../support/browser";

jest.setTimeout(120_000);

const MARIA = "ES/ES/02635542Y"; // María García López, a demo citizen no other e2e file asks about
const SUCCESS = /^Included in the log: the entry's hash, \d+ proof hash(es)? and Donum's signed checkpoint of [\d,]+ entr(y|ies) agree\.$/;

let browser: Browser;

beforeAll(async () => {
  const node = demoNode();
  for (const organisation of ["Universidad de Salamanca", "Hospital Clínic Research"]) {
    const { decision } = await node.check({
      subject: { nationalId: MARIA },
      request: { dataCategories: ["imaging.ct"], purpose: { code: "HMB" }, recipient: { organisation, type: "public", country: "ES" } },
      permitReference: "E2E-PROOFS-1",
    });
    expect(decision.decision).toBe("DENY"); // she has given no consent: a lookup all the same
  }
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function check(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  await expectNoHorizontalScroll(page, name);
  await screenshot(page, name);
}

/** Opens the proof of the newest lookup and presses the check button; answers the result's text. */
async function checkNewestLookup(page: Page): Promise<string> {
  const item = page.getByRole("listitem").filter({ hasText: "Hospital Clínic Research" }).first();
  const summary = item.getByText("Proof that this is recorded", { exact: true });
  if ((await item.locator("details[open]").count()) === 0) await summary.click();
  await item.getByText(/public log that Donum cannot rewrite/).waitFor();
  await item.getByRole("button", { name: "Check in this browser" }).click();
  const result = item.getByTestId("proof-result");
  await result.waitFor({ timeout: 15_000 });
  return result.innerText();
}

describe("a citizen checks a lookup's proof in the browser", () => {
  let page: Page;

  beforeAll(async () => {
    page = await (await phone(browser)).newPage();
    await signIn(page, "María García López", "/me");
  });

  it("sees that the lookup is in Donum's signed log", async () => {
    await page.goto(`${baseUrl()}/me/lookups`);
    await expect(page.getByRole("listitem").filter({ hasText: "Universidad de Salamanca" }).count()).resolves.toBe(1);
    const text = await checkNewestLookup(page);
    expect(text).toMatch(SUCCESS);
    const item = page.getByRole("listitem").filter({ hasText: "Hospital Clínic Research" }).first();
    await expect(item.getByRole("list", { name: "Steps of the check" }).innerText()).resolves.toBe(
      "The entry's hash: checked\nDonum's checkpoint: checked\nThe proof hashes: checked\nDonum's signature: checked",
    );
    // Her own entry, shown as recorded: her decision, with her pseudonymous key, and nobody else's.
    await item.getByText("Show the entry as recorded (canonical JSON)").click();
    const json = JSON.parse(await item.getByTestId("proof-entry-json").innerText()) as { type: string; subjectKey: string; data: { recipient: { organisation: string } } };
    expect(json).toMatchObject({ type: "decision.made", subjectKey: expect.stringMatching(/^[0-9a-f]{64}$/), data: { recipient: { organisation: "Hospital Clínic Research" } } });
    await item.getByText("Show Donum's signed checkpoint (JWS)").click();
    await check(page, "lookups-proof");
  });

  it("is told that the signature failed when the published keys are swapped for another key", async () => {
    const jwks = (await (await page.request.get(`${baseUrl()}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    const impostor = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ format: "jwk" });
    await page.route("**/.well-known/jwks.json", (route) =>
      route.fulfill({ contentType: "application/jwk-set+json", body: JSON.stringify({ keys: jwks.keys.map((k) => ({ ...impostor, kid: k.kid, alg: "ES256", use: "sig" })) }) }),
    );
    await page.goto(`${baseUrl()}/me/lookups`);
    const text = await checkNewestLookup(page);
    expect(text).toBe("Not confirmed. This step failed: Donum's signature. Donum's signature on the checkpoint does not match its published keys.");
    const item = page.getByRole("listitem").filter({ hasText: "Hospital Clínic Research" }).first();
    await expect(item.getByRole("list", { name: "Steps of the check" }).innerText()).resolves.toBe(
      "The entry's hash: checked\nDonum's checkpoint: checked\nThe proof hashes: checked\nDonum's signature: failed",
    );
    await check(page, "lookups-proof-bad-key");
    await page.unrouteAll();
  });

  it("is told that the proof does not lead to the signed root when a proof hash is changed", async () => {
    await page.goto(`${baseUrl()}/me/lookups`);
    const item = page.getByRole("listitem").filter({ hasText: "Hospital Clínic Research" }).first();
    await item.getByText("Proof that this is recorded", { exact: true }).click();
    const hashes = await item.getByTestId("proof-hashes").getByRole("listitem").allInnerTexts();
    expect(hashes.length).toBeGreaterThan(0);
    const original = hashes[0]!.trim();
    const changed = (original[0] === "A" ? "B" : "A") + original.slice(1);
    // The page as served, with that one proof hash changed wherever it appears (HTML and React data alike).
    await page.route(
      (url) => url.pathname === "/me/lookups",
      async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: (await response.text()).split(original).join(changed) });
      },
    );
    await page.goto(`${baseUrl()}/me/lookups`);
    await expect(page.getByText(changed).count()).resolves.toBeGreaterThan(0);
    const text = await checkNewestLookup(page);
    expect(text).toBe("Not confirmed. This step failed: The proof hashes. The proof hashes do not lead to the root hash in the signed checkpoint.");
    await check(page, "lookups-proof-changed-hash");
    await page.unrouteAll();
  });
});

describe("a regulator checks an entry's proof in the browser", () => {
  let page: Page;

  beforeAll(async () => {
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" })).newPage();
    await signIn(page, "Dr. Katarzyna Wójcik", "/regulator");
  });

  async function openFirstEntry(filter: string): Promise<void> {
    await page.goto(`${baseUrl()}/regulator?${filter}`);
    await page.getByRole("region", { name: /^Entries/ }).getByRole("link").first().click();
    await page.getByRole("heading", { name: "Audit entry", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "Proof of inclusion in the log", level: 2 }).waitFor();
  }

  async function pressCheck(): Promise<string> {
    await page.getByRole("button", { name: "Check in this browser" }).click();
    const result = page.getByTestId("proof-result");
    await result.waitFor({ timeout: 15_000 });
    return result.innerText();
  }

  it("checks a decision about a citizen from its stated hash, without seeing the citizen's key", async () => {
    await openFirstEntry("type=decision.made&node=demo-node");
    await page.getByText(/This entry is about a citizen, so its full text/).waitFor();
    await expect(page.getByTestId("proof-entry-json").count()).resolves.toBe(0);
    const text = await pressCheck();
    expect(text).toMatch(/^Included in the log: the entry's hash as stated, \d+ proof hash(es)? and Donum's signed checkpoint of [\d,]+ entr(y|ies) agree\. The entry's hash itself was not recomputed/);
    await expect(page.getByRole("list", { name: "Steps of the check" }).innerText()).resolves.toContain("The entry's hash: taken as stated by Donum");
    await expect(page.content()).resolves.not.toMatch(/"subjectKey":"[0-9a-f]{64}"/);
    await page.getByText("Show Donum's signed checkpoint (JWS)").click();
    await check(page, "regulator-entry-proof");
  });

  it("checks an entry about no citizen by recomputing its hash, on a phone", async () => {
    const phonePage = await (await phone(browser)).newPage();
    await signIn(phonePage, "Dr. Katarzyna Wójcik", "/regulator");
    page = phonePage;
    await openFirstEntry("type=node.registered");
    await page.getByText("Show the entry as recorded (canonical JSON)").click();
    const json = JSON.parse(await page.getByTestId("proof-entry-json").innerText()) as { type: string; seq: number; subjectKey: null };
    expect(json).toMatchObject({ type: "node.registered", subjectKey: null });
    const text = await pressCheck();
    expect(text).toMatch(SUCCESS);
    await check(page, "regulator-entry-proof-phone");
  });
});

/** The demo imaging node that the embedded default registers, with its key from the portal's data. */
function demoNode(): DonumClient {
  const dataDir = process.env.DONUM_TEST_DATA_DIR;
  if (!dataDir) throw new Error("DONUM_TEST_DATA_DIR is not set");
  const privateJwk = JSON.parse(readFileSync(join(dataDir, "keys", "demo-node.private.jwk"), "utf8")) as unknown;
  return new DonumClient({ baseUrl: baseUrl(), nodeId: "demo-node", privateJwk });
}
