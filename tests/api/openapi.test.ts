/**
 * The API's documentation over HTTP, against the running portal:
 *  - GET /api/v1/openapi.json: the generated document, for the portal's public URL, public and
 *    cacheable for 5 minutes;
 *  - the document tells the truth: real answers of the portal (a decision, a batch, a feed page,
 *    whoami, the JWK Set, health, and refusals) validate against the schemas it documents for
 *    them, and each problem's code is one the document lists for that response;
 *  - GET /docs/api renders the reference (every path, every problem code), with no WCAG 2.1 A/AA
 *    violation found by axe on a desktop and a phone screen, and no sideways scrolling.
 */
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { readPrivateJwkFile } from "../../lib/client/node-key";
import { createRequestSigner, type RequestSigner } from "../../lib/client/request-signer";
import { ERROR_CODES } from "../../lib/errors";
import { HTTP_METHODS, openApiDocument, type OpenApiDocument } from "../../lib/openapi/document";
import { expectAccessible, expectNoHorizontalScroll, launch, SCREENSHOTS } from "../support/browser";

jest.setTimeout(180_000);

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: the app-server globalSetup did not run`);
  return v;
}
const base = () => env("DONUM_TEST_BASE_URL");
const dataDir = () => env("DONUM_TEST_DATA_DIR");

const RUN = randomBytes(4).toString("hex").toUpperCase();
const request = {
  dataCategories: ["imaging.mr"],
  purpose: { code: "HMB" },
  recipient: { organisation: "Erasmus MC", type: "public", country: "NL" },
};

let doc: OpenApiDocument;
let signer: RequestSigner;
const ID = "https://donum.example.eu/schemas/";
const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
addFormats(ajv);

/** Validates `value` against a component of the served document; answers the errors, or null. */
function errorsOf(component: string, value: unknown): unknown {
  const validate = ajv.getSchema(`${ID}${component}`)!;
  return validate(value) ? null : validate.errors;
}

/** A signed request as the demo node, sent again (signed anew) after a 429: other suites share its rate limit. */
async function signed(method: "GET" | "POST", path: string, body?: string, authorization?: string | null): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const auth = authorization === undefined ? signer.sign({ method, path, ...(body !== undefined ? { body } : {}) }) : authorization;
    const res = await fetch(`${base()}${path}`, {
      method,
      headers: { ...(auth !== null ? { authorization: auth } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      ...(body !== undefined ? { body } : {}),
    });
    if (res.status !== 429 || attempt >= 20) return res;
    await new Promise((r) => setTimeout(r, Number(res.headers.get("retry-after") ?? 1) * 1000));
  }
}

/** The problem codes the document lists for this operation and status. */
function documentedCodes(path: string, method: "get" | "post", status: number): string[] {
  return doc.paths[path]?.[method]?.responses[String(status)]?.["x-problem-codes"] ?? [];
}

async function expectDocumentedProblem(res: Response, path: string, method: "get" | "post", code: string): Promise<void> {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const problem = (await res.json()) as { code: string; status: number };
  expect(errorsOf("Problem", problem)).toBeNull();
  expect(problem).toMatchObject({ code, status: res.status });
  expect(documentedCodes(path, method, res.status)).toContain(code);
}

beforeAll(async () => {
  const res = await fetch(`${base()}/api/v1/openapi.json`);
  expect(res.status).toBe(200);
  doc = (await res.json()) as OpenApiDocument;
  const rewritten = JSON.parse(JSON.stringify(doc.components.schemas).replaceAll('"#/components/schemas/', `"${ID}`)) as Record<string, object>;
  for (const [name, schema] of Object.entries(rewritten)) ajv.addSchema(schema, `${ID}${name}`);
  signer = createRequestSigner({ nodeId: "demo-node", privateJwk: readPrivateJwkFile(join(dataDir(), "keys", "demo-node.private.jwk")).privateJwk, audience: base() });
});

describe("GET /api/v1/openapi.json", () => {
  it("serves the generated OpenAPI 3.1 document for this portal's public URL, public for 5 minutes, without authentication", async () => {
    const res = await fetch(`${base()}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    const served = (await res.json()) as OpenApiDocument;
    expect(served.openapi).toBe("3.1.0");
    expect(served.servers[0]!.url).toBe(base());
    expect(served).toEqual(JSON.parse(JSON.stringify(openApiDocument(base()))));
    expect(served["x-problem-codes"].map((p) => p.code).sort()).toEqual(Object.keys(ERROR_CODES).sort());
    for (const path of ["/api/v1/decisions", "/api/v1/decisions/batch", "/api/v1/feed", "/api/v1/whoami", "/.well-known/jwks.json", "/api/health"]) {
      expect(served.paths[path]).toBeDefined();
    }
  });
});

describe("the portal's answers match the documented schemas", () => {
  it("a single decision (DecisionAnswer)", async () => {
    const body = JSON.stringify({ subject: { nationalId: `NL/OPENAPI${RUN}1` }, request, permitReference: "P-OPENAPI" });
    const res = await signed("POST", "/api/v1/decisions", body);
    expect(res.status).toBe(200);
    expect(errorsOf("DecisionAnswer", await res.json())).toBeNull();
  });

  it("a batch (BatchAnswer)", async () => {
    const body = JSON.stringify({ subjects: [{ nationalId: `NL/OPENAPI${RUN}2` }, { nationalId: `NL/OPENAPI${RUN}3` }], request, permitReference: "P-OPENAPI" });
    const res = await signed("POST", "/api/v1/decisions/batch", body);
    expect(res.status).toBe(200);
    expect(errorsOf("BatchAnswer", await res.json())).toBeNull();
  });

  it("a feed page (FeedAnswer), whoami (WhoAmI), the JWK Set (JwkSet) and health (Health)", async () => {
    const feed = await signed("GET", "/api/v1/feed?limit=3");
    expect(feed.status).toBe(200);
    expect(errorsOf("FeedAnswer", await feed.json())).toBeNull();
    const who = await signed("GET", "/api/v1/whoami");
    expect(who.status).toBe(200);
    expect(errorsOf("WhoAmI", await who.json())).toBeNull();
    const jwks = await fetch(`${base()}/.well-known/jwks.json`);
    expect(jwks.headers.get("content-type")).toBe(Object.keys(doc.paths["/.well-known/jwks.json"]!.get!.responses["200"]!.content!)[0]);
    expect(errorsOf("JwkSet", await jwks.json())).toBeNull();
    const health = await fetch(`${base()}/api/health`);
    expect(health.status).toBe(200);
    expect(errorsOf("Health", await health.json())).toBeNull();
  });

  it("refusals: problem+json with a code the document lists for that call and status", async () => {
    await expectDocumentedProblem(await signed("GET", "/api/v1/whoami", undefined, null), "/api/v1/whoami", "get", "NODE_AUTH_MISSING");
    const invalid = JSON.stringify({ subject: { nationalId: `NL/OPENAPI${RUN}4` }, request: { ...request, dataCategories: ["imaging.xray"] }, permitReference: "P" });
    await expectDocumentedProblem(await signed("POST", "/api/v1/decisions", invalid), "/api/v1/decisions", "post", "INVALID_INPUT");
    const malformed = JSON.stringify({ subjects: [{ nationalId: "not an identifier" }], request, permitReference: "P" });
    await expectDocumentedProblem(await signed("POST", "/api/v1/decisions/batch", malformed), "/api/v1/decisions/batch", "post", "INVALID_SUBJECT_IDENTIFIER");
    await expectDocumentedProblem(await signed("GET", "/api/v1/feed?after=x"), "/api/v1/feed", "get", "INVALID_INPUT");
    await expectDocumentedProblem(await fetch(`${base()}/api/me/consent`), "/api/me/consent", "get", "UNAUTHENTICATED");
  });
});

describe("GET /docs/api", () => {
  it("renders the reference from the same document: every path and every problem code", async () => {
    const res = await fetch(`${base()}/docs/api`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain("Donum API reference");
    expect(html).toContain('lang="en"');
    for (const path of Object.keys(doc.paths)) expect(html).toContain(path);
    for (const code of Object.keys(ERROR_CODES)) expect(html).toContain(`id="problem-${code}"`);
    for (const [, item] of Object.entries(doc.paths)) {
      for (const method of HTTP_METHODS) if (item[method]) expect(html).toContain(`id="${item[method]!.operationId}"`);
    }
    expect(html).toContain("npm run -s donum -- check --subject");
  });

  it("has no WCAG 2.1 A/AA violation (axe), on a desktop and on a phone, and never scrolls sideways", async () => {
    const browser = await launch();
    try {
      for (const [name, viewport] of [
        ["desktop", { width: 1280, height: 900 }],
        ["phone", { width: 360, height: 740 }],
      ] as const) {
        const context = await browser.newContext({ viewport, locale: "en-GB" });
        const page = await context.newPage();
        await page.goto(`${base()}/docs/api`);
        await expect(page.getByRole("heading", { level: 1, name: "Donum API reference" }).isVisible()).resolves.toBe(true);
        await expect(page.getByRole("table", { name: "Problem codes" }).isVisible()).resolves.toBe(true);
        await expectAccessible(page, `/docs/api (${name})`);
        await expectNoHorizontalScroll(page, `/docs/api (${name})`);
        mkdirSync(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: join(SCREENSHOTS, `docs-api-${name}.png`) }); // the first screen: the whole page is very long
        await context.close();
      }
    } finally {
      await browser.close();
    }
  });
});
