/**
 * The operator's node registry page, signed in through the development eID provider as the demo
 * operator: the node list with the demo node, a registration refused beside its field and then
 * accepted, suspension and reactivation of the node registered here (never the demo node, which
 * other suites sign with), axe on every state, and screenshots.
 */
import type { Browser, Page } from "playwright-core";
import { generateNodeKey } from "../../lib/nodes/keys";
import { baseUrl, expectAccessible, launch, screenshot, signIn } from "../support/browser";

jest.setTimeout(120_000);

let browser: Browser;
let page: Page;
const NODE_ID = `e2e-node-${Date.now().toString(36)}`;

beforeAll(async () => {
  browser = await launch();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(page, "Jonas Berg", "/operator/nodes");
});
afterAll(async () => {
  await browser?.close();
});

const row = (id: string) => page.getByTestId(`node-${id}`);

describe("an operator on the node registry", () => {
  it("sees the demo node with its status, type, country and key", async () => {
    await page.goto(`${baseUrl()}/operator/nodes`);
    await page.getByRole("heading", { name: "Imaging nodes", level: 1 }).waitFor();
    const demo = row("demo-node");
    await expect(demo.getByRole("rowheader").innerText()).resolves.toBe("demo-node");
    await expect(demo.getByText("Demo Imaging Node (development)").isVisible()).resolves.toBe(true);
    await expect(demo.getByTestId("node-status").innerText()).resolves.toBe("Active");
    await expect(demo.getByText("Public body").isVisible()).resolves.toBe(true);
    await expect(demo.getByText(/\(ES256, active\)/).isVisible()).resolves.toBe(true);
    await expect(demo.getByRole("button", { name: "Suspend demo-node" }).isVisible()).resolves.toBe(true);
    await expectAccessible(page, "operator nodes");
    await screenshot(page, "operator-nodes");
  });

  it("is told beside the field what is wrong: a private key is refused, nothing is registered", async () => {
    await page.getByLabel("Node id").fill(NODE_ID);
    await page.getByLabel("Organisation", { exact: true }).fill("Hôpital de test (e2e)");
    await page.getByLabel("Country").fill("FR");
    await page.getByLabel("Organisation type").selectOption("non_profit");
    await page.getByLabel("Public key (JWK)").fill(JSON.stringify(generateNodeKey("ES256").privateJwk));
    await page.getByRole("button", { name: "Register node" }).click();
    await page.getByRole("alert").filter({ hasText: "The node was not registered" }).waitFor();
    const jwkField = page.getByLabel("Public key (JWK)");
    await expect(jwkField.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.locator("#node-publicJwk-error").innerText()).resolves.toMatch(/private key/);
    await expect(jwkField.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(row(NODE_ID).count()).resolves.toBe(0);
    await expectAccessible(page, "operator nodes, refused registration");
    await screenshot(page, "operator-nodes-refused");
  });

  it("registers the node with its public key", async () => {
    await page.getByLabel("Public key (JWK)").fill(JSON.stringify(generateNodeKey("EdDSA").publicJwk));
    await page.getByRole("button", { name: "Register node" }).click();
    await page.getByRole("status").filter({ hasText: `Node ${NODE_ID} is registered and active.` }).waitFor();
    await row(NODE_ID).waitFor();
    await expect(row(NODE_ID).getByTestId("node-status").innerText()).resolves.toBe("Active");
    await expect(row(NODE_ID).getByText(/\(EdDSA, active\)/).isVisible()).resolves.toBe(true);
    await expect(page.locator("#node-publicJwk-error").count()).resolves.toBe(0);
  });

  it("suspends and reactivates it", async () => {
    await row(NODE_ID).getByRole("button", { name: `Suspend ${NODE_ID}` }).click();
    await row(NODE_ID).getByTestId("node-status").getByText("Suspended", { exact: true }).waitFor();
    await expectAccessible(page, "operator nodes, a suspended node");
    await screenshot(page, "operator-nodes-suspended");
    await row(NODE_ID).getByRole("button", { name: `Activate ${NODE_ID}` }).click();
    await row(NODE_ID).getByTestId("node-status").getByText("Active", { exact: true }).waitFor();
    await expect(row("demo-node").getByTestId("node-status").innerText()).resolves.toBe("Active");
  });

  it("is the only one who may: a citizen gets not found, and the API refuses", async () => {
    const citizen = await (await browser.newContext()).newPage();
    await signIn(citizen, "Lena Schmidt", "/me");
    expect((await citizen.goto(`${baseUrl()}/operator/nodes`))?.status()).toBe(404);
    const api = await citizen.request.post(`${baseUrl()}/api/operator/nodes/demo-node/status`, { data: { status: "suspended" }, headers: { origin: baseUrl() } });
    expect(api.status()).toBe(403);
    expect(await api.json()).toMatchObject({ code: "FORBIDDEN" });
    const list = await citizen.request.get(`${baseUrl()}/api/operator/nodes`);
    expect(list.status()).toBe(403);
  });
});
