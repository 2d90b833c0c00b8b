/**
 * The regulator workspace in a real browser, signed in through the development eID provider as the
 * demo regulator: charts with their tables, the entry list, a filter by event type, one entry's
 * detail, on a desktop and on a 360 px phone; axe on each view. A citizen gets not found.
 *
 * So that there is something to chart whatever order the e2e files run in, a few consent changes
 * and decisions of two made-up nodes are appended to the running portal's audit trail first, on a
 * container opened in this process on the same data directory (WAL: the portal sees them at once).
 * Their subject is a random key that no citizen of the other files has.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { auditEvent, type AuditEvent } from "../../lib/audit/events";
import { parseConfig } from "../../lib/config";
import { createContainer, type Container } from "../../lib/server/container";
import { baseUrl, expectAccessible, expectNoHorizontalScroll, launch, phone, screenshot, signIn } from "../support/browser";
import * as fx from "../support/fixtures";

jest.setTimeout(120_000);

const RUN = randomBytes(3).toString("hex");
const NODE_A = `e2e-reg-a-${RUN}`;
const NODE_B = `e2e-reg-b-${RUN}`;
const SUBJECT = randomBytes(32).toString("hex");

let browser: Browser;
let container: Container;

function decision(nodeId: string, decision: "PERMIT" | "DENY", at: Date): AuditEvent {
  const consentId = randomUUID();
  return auditEvent("decision.made", {
    id: randomUUID(),
    at,
    actor: { kind: "node", nodeId },
    subjectKey: SUBJECT,
    data: {
      nodeId,
      requestHash: `sha256:${randomBytes(32).toString("hex")}`,
      decision,
      reasons: decision === "DENY" ? [{ code: "NO_CONSENT" }] : [],
      consentId: decision === "PERMIT" ? consentId : null,
      consentVersion: decision === "PERMIT" ? 1 : null,
      purpose: "HMB",
      recipient: { organisation: "Research Org", type: "public", country: "BE" },
      dataCategories: ["imaging.ct"],
    },
  });
}

beforeAll(async () => {
  const dataDir = process.env.DONUM_TEST_DATA_DIR;
  if (!dataDir) throw new Error("DONUM_TEST_DATA_DIR is not set");
  container = await createContainer(parseConfig({ DONUM_DATA_DIR: dataDir, DONUM_LOG_LEVEL: "error" }));
  const now = Date.now();
  const ago = (days: number, minutes = 0) => new Date(now - days * 86_400_000 - minutes * 60_000);
  const consentId = randomUUID();
  const subject = { kind: "subject" as const, subjectKey: SUBJECT };
  await container.stores.audit.appendMany([
    auditEvent("consent.granted", { id: randomUUID(), at: ago(3), actor: subject, subjectKey: SUBJECT, data: { consentId, consentVersion: 1, scope: fx.scope(), form: fx.formRef() } }),
    auditEvent("consent.amended", {
      id: randomUUID(),
      at: ago(2),
      actor: subject,
      subjectKey: SUBJECT,
      data: { consentId, consentVersion: 2, scope: fx.scope(), previousScope: fx.scope(), form: fx.formRef() },
    }),
    auditEvent("consent.withdrawn", { id: randomUUID(), at: ago(1), actor: subject, subjectKey: SUBJECT, data: { consentId, consentVersion: 3 } }),
    decision(NODE_A, "PERMIT", ago(2, 5)),
    decision(NODE_A, "PERMIT", ago(2, 4)),
    decision(NODE_A, "PERMIT", ago(2, 3)),
    decision(NODE_A, "DENY", ago(1, 5)),
    decision(NODE_B, "DENY", ago(1, 4)),
  ]);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await container?.stores.close();
});

const entriesCount = async (page: Page) => Number(/^([\d,. ]+) entries match/.exec(await page.getByTestId("entries-count").innerText())![1]!.replace(/\D/g, ""));

async function expectWorkspace(page: Page): Promise<void> {
  await page.getByRole("heading", { name: "Audit activity", level: 1 }).waitFor();
  for (const chart of [/^Consent changes per day/, /^Decisions per node/, /^Deny rate/]) {
    await expect(page.getByRole("img", { name: chart }).count()).resolves.toBe(1);
  }
  for (const table of ["Consent changes per day", "Decisions per node", "Deny rate", "Entries"]) {
    await expect(page.getByRole("region", { name: `${table} (table; scrolls sideways on a narrow screen)` }).getByRole("table").count()).resolves.toBe(1);
  }
}

describe("a regulator", () => {
  it("sees consent changes, decisions per node and deny rates, each with its table, and the entries", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" })).newPage();
    await signIn(page, "Dr. Katarzyna Wójcik", "/regulator");
    await expectWorkspace(page);
    const rate = page.getByRole("region", { name: /^Deny rate/ }).getByRole("row", { name: new RegExp(NODE_A) });
    await expect(rate.innerText()).resolves.toMatch(/4\s+25%/);
    const perNode = page.getByRole("region", { name: /^Decisions per node/ }).getByRole("row", { name: new RegExp(NODE_B) });
    await expect(perNode.innerText()).resolves.toMatch(/0\s+1\s+1/);
    await expect(entriesCount(page)).resolves.toBeGreaterThanOrEqual(8);
    // No subject key, not even its start, anywhere on the page.
    await expect(page.content()).resolves.not.toContain(SUBJECT.slice(0, 8));
    await expectAccessible(page, "regulator workspace");
    await screenshot(page, "regulator");
  });

  it("narrows the list to one event type, on a phone", async () => {
    const page = await (await phone(browser)).newPage();
    await signIn(page, "Dr. Katarzyna Wójcik", "/regulator");
    await expectWorkspace(page);
    const before = await entriesCount(page);
    await expectNoHorizontalScroll(page, "regulator workspace");

    await page.getByLabel("Event type").selectOption({ label: "Decision made" });
    await page.getByRole("button", { name: "Apply filter" }).click();
    await page.waitForURL(/type=decision\.made/);
    await expectWorkspace(page);
    const after = await entriesCount(page);
    expect(after).toBeGreaterThanOrEqual(5);
    expect(after).toBeLessThan(before);
    const types = await page.getByRole("region", { name: /^Entries/ }).locator("tbody tr td:first-of-type").allInnerTexts();
    expect(types.length).toBe(Math.min(after, 50));
    expect(new Set(types)).toEqual(new Set(["Decision made"]));
    await expect(page.getByLabel("Event type").inputValue()).resolves.toBe("decision.made");

    await expectNoHorizontalScroll(page, "regulator workspace, filtered");
    await expectAccessible(page, "regulator workspace, filtered");
    await screenshot(page, "regulator-filtered");

    // One of this file's own decisions (other files' checks may be newer): node B's only one, a denial.
    await page.goto(`${baseUrl()}/regulator?type=decision.made&node=${NODE_B}`);
    await page.getByRole("region", { name: /^Entries/ }).getByRole("link").first().click();
    await page.getByRole("heading", { name: "Audit entry", level: 1 }).waitFor();
    await page.getByText("Decision made", { exact: true }).waitFor();
    await page.getByText("Research Org (public, BE)").waitFor();
    await page.getByText("NO_CONSENT", { exact: true }).waitFor();
    await expect(page.content()).resolves.not.toContain(SUBJECT.slice(0, 8));
    await expectNoHorizontalScroll(page, "regulator entry");
    await expectAccessible(page, "regulator entry");
    await screenshot(page, "regulator-entry");
  });

  it("is the only one who may: a citizen gets not found", async () => {
    const citizen = await (await browser.newContext()).newPage();
    await signIn(citizen, "Lena Schmidt", "/me");
    const res = await citizen.goto(`${baseUrl()}/regulator`);
    expect(res?.status()).toBe(404);
  });
});
