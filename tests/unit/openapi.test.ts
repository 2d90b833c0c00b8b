/**
 * The OpenAPI 3.1 document (lib/openapi/document.ts):
 *  - its structure, checked by hand against the OpenAPI 3.1 specification (no package here holds
 *    the official 3.1 JSON Schema, and none is added for it): required members, paths, path
 *    parameters, operation ids, response keys, security and tag references, every $ref resolving;
 *  - every component schema is a valid JSON Schema 2020-12 (OpenAPI 3.1's dialect): Ajv compiles
 *    each in strict mode, and the examples validate against their schemas;
 *  - every code of ERROR_CODES is documented with its status and title, and each response lists
 *    only codes of its own status;
 *  - every route handler under app/api (app/api/v1 above all) and /.well-known has its path and
 *    each of its methods in the document, and nothing is documented that has no route.
 */
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { ERROR_CODES, type ErrorCode } from "../../lib/errors";
import { HTTP_METHODS, openApiDocument, type JsonSchema, type OpenApiDocument } from "../../lib/openapi/document";
import { fieldRows } from "../../lib/openapi/fields";
import { SingleCheckRequest, BatchCheckRequest } from "../../lib/decisions/schemas";

const ROOT = join(__dirname, "..", "..");
const doc: OpenApiDocument = openApiDocument("https://donum.example.eu/");

/** Every value of the document with its JSON pointer-ish path. */
function* walk(value: unknown, path = "#"): Generator<[string, unknown]> {
  yield [path, value];
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* walk(value[i], `${path}/${i}`);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) yield* walk(v, `${path}/${k}`);
}

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) => HTTP_METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method]! })));

describe("the document's structure (OpenAPI 3.1)", () => {
  it("has the required top-level members", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(typeof doc.info.title).toBe("string");
    expect(typeof doc.info.version).toBe("string");
    expect(doc.info.license.identifier).toBe("EUPL-1.2");
    expect(doc.jsonSchemaDialect).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(doc.servers).toEqual([{ url: "https://donum.example.eu", description: expect.any(String) }]);
    const allowed = new Set(["openapi", "info", "jsonSchemaDialect", "servers", "paths", "webhooks", "components", "security", "tags", "externalDocs"]);
    for (const key of Object.keys(doc)) expect(allowed.has(key) || key.startsWith("x-")).toBe(true);
  });

  it("names paths from the root, declares each templated path parameter, and uses only HTTP methods", () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(path).toMatch(/^\//);
      expect(Object.keys(item).every((k) => (HTTP_METHODS as readonly string[]).includes(k))).toBe(true);
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(item)) {
        const declared = (op!.parameters ?? []).filter((p) => p.in === "path");
        expect(declared.map((p) => p.name).sort()).toEqual(templated.sort());
        for (const p of declared) expect(p.required).toBe(true);
      }
    }
  });

  it("gives every operation a unique id, a summary, a known tag, responses with descriptions, and a known security scheme", () => {
    const ids = new Set<string>();
    const tags = new Set(doc.tags.map((t) => t.name));
    for (const { path, method, op } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.operationId).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
      expect(ids.has(op.operationId)).toBe(false);
      ids.add(op.operationId);
      expect(op.summary.length).toBeGreaterThan(0);
      for (const t of op.tags) expect(tags.has(t)).toBe(true);
      expect(Object.keys(op.responses).length).toBeGreaterThan(0);
      for (const [status, response] of Object.entries(op.responses)) {
        expect(status).toMatch(/^([1-5][0-9]{2}|[1-5]XX|default)$/);
        expect(typeof response.description).toBe("string");
        expect(Object.keys(response.content ?? {}).length).toBeGreaterThan(0);
      }
      expect(Object.keys(op.responses).some((s) => s.startsWith("2"))).toBe(true);
      for (const requirement of op.security) {
        for (const name of Object.keys(requirement)) expect(Object.keys(doc.components.securitySchemes)).toContain(name);
      }
      if (op.security.some((s) => "PortalSession" in s)) expect([where, op.tags]).toEqual([where, ["portal"]]);
      for (const p of op.parameters ?? []) expect(["query", "path", "header", "cookie"]).toContain(p.in);
    }
  });

  it("declares valid security schemes: the DonumNode HTTP scheme with its token's claims, and the portal's cookie", () => {
    const node = doc.components.securitySchemes.DonumNode!;
    expect(node).toMatchObject({ type: "http", scheme: "DonumNode" });
    for (const claim of ["iss", "aud", "htm", "htu", "bdh", "iat", "exp", "jti"]) {
      expect(node.description).toContain(`\`${claim}\``);
      expect((node["x-token-claims"] as { name: string }[]).map((c) => c.name)).toContain(claim);
    }
    expect(doc.components.securitySchemes.PortalSession).toMatchObject({ type: "apiKey", in: "cookie", name: "next-auth.session-token" });
  });

  it("resolves every $ref", () => {
    const refs = [...walk(doc)].filter(([p]) => p.endsWith("/$ref")).map(([, v]) => v as string);
    expect(refs.length).toBeGreaterThan(20);
    for (const r of refs) {
      expect(r).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[r.slice("#/components/schemas/".length)]).toBeDefined();
    }
  });

  it("answers every failure as problem+json with the Problem schema", () => {
    for (const { op } of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (!response["x-problem-codes"]) continue;
        expect(Number(status)).toBeGreaterThanOrEqual(400);
        expect(response.content?.["application/problem+json"]?.schema).toEqual({ $ref: "#/components/schemas/Problem" });
      }
    }
  });
});

describe("the component schemas (JSON Schema 2020-12)", () => {
  // Component references as absolute ids, so that each component compiles on its own.
  const ID = "https://donum.example.eu/schemas/";
  const rewrite = (s: unknown): unknown => JSON.parse(JSON.stringify(s).replaceAll('"#/components/schemas/', `"${ID}`));
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  for (const [name, schema] of Object.entries(doc.components.schemas)) ajv.addSchema(rewrite(schema) as object, `${ID}${name}`);
  const validator = (schema: unknown) => ajv.compile(rewrite(schema) as object);

  it.each(Object.keys(doc.components.schemas))("%s compiles in strict mode", (name) => {
    expect(() => ajv.getSchema(`${ID}${name}`)).not.toThrow();
    expect(ajv.getSchema(`${ID}${name}`)).toBeDefined();
  });

  it("validates every example of the document against its schema, and the request examples against the zod schemas too", () => {
    let examples = 0;
    for (const { path, method, op } of operations()) {
      const media = [...Object.values(op.requestBody?.content ?? {}), ...Object.values(op.responses).flatMap((r) => Object.values(r.content ?? {}))];
      for (const m of media) {
        if (m.example === undefined) continue;
        const validate = validator(m.schema);
        expect([`${method} ${path}`, validate(m.example), validate.errors ?? null]).toEqual([`${method} ${path}`, true, null]);
        examples++;
      }
    }
    expect(examples).toBeGreaterThan(10);
    const single = doc.paths["/api/v1/decisions"]!.post!.requestBody!.content["application/json"]!.example;
    const batch = doc.paths["/api/v1/decisions/batch"]!.post!.requestBody!.content["application/json"]!.example;
    expect(SingleCheckRequest.safeParse(single).success).toBe(true);
    expect(BatchCheckRequest.safeParse(batch).success).toBe(true);
  });

  it("refuses what the API refuses: an unknown member of a check, an unknown data category", () => {
    const validate = validator({ $ref: "#/components/schemas/SingleCheckRequest" });
    const single = doc.paths["/api/v1/decisions"]!.post!.requestBody!.content["application/json"]!.example as { request: object };
    expect(validate({ ...single, extra: 1 })).toBe(false);
    expect(validate({ ...single, request: { ...single.request, dataCategories: ["imaging.xray"] } })).toBe(false);
  });

  it("documents the node API's fields, request members included", () => {
    const rows = fieldRows(doc.components.schemas.SingleCheckRequest as JsonSchema, doc.components.schemas);
    const byPath = new Map(rows.map((r) => [r.path, r]));
    for (const path of ["subject.nationalId", "request.dataCategories", "request.purpose.code", "request.purpose.disease", "request.aiUse", "request.recipient.country", "permitReference"]) {
      expect(byPath.get(path)?.description).toBeTruthy();
    }
    expect(byPath.get("request.purpose.code")?.constraints).toContain("one of: GRU, HMB, DS");
    expect(byPath.get("request.purpose.disease")?.description).toContain("Only when code is DS");
    expect(byPath.get("request.aiUse")?.constraints).toContain("default: null");
    const answer = fieldRows(doc.components.schemas.BatchAnswer as JsonSchema, doc.components.schemas).map((r) => r.path);
    expect(answer).toEqual(expect.arrayContaining(["token", "items", "items[].proof", "items[].reasons[].code"]));
    for (const name of ["DecisionClaims", "BatchItem", "BatchClaims", "FeedClaims", "FeedItem"]) {
      for (const row of fieldRows(doc.components.schemas[name] as JsonSchema, doc.components.schemas, { maxDepth: 0 })) {
        expect([name, row.path, row.description.length > 0]).toEqual([name, row.path, true]);
      }
    }
  });
});

describe("problem codes", () => {
  const codes = Object.keys(ERROR_CODES) as ErrorCode[];

  it("lists every code of ERROR_CODES, with its status, title and problem type", () => {
    const listed = new Map(doc["x-problem-codes"].map((p) => [p.code, p]));
    for (const code of codes) {
      const p = listed.get(code);
      expect(p).toBeDefined();
      expect(p).toMatchObject({ status: ERROR_CODES[code].status, title: ERROR_CODES[code].title, type: `https://donum.eu/problems/${code.toLowerCase().replaceAll("_", "-")}` });
      expect(p!.when.length).toBeGreaterThan(10);
    }
    expect(listed.size).toBe(codes.length);
  });

  it("has the Problem schema's code be exactly the codes of ERROR_CODES", () => {
    expect((doc.components.schemas.ProblemCode as { enum: string[] }).enum.sort()).toEqual([...codes].sort());
  });

  it("lists in each response only codes of that status, and the node API's authentication refusals on every node call", () => {
    for (const { path, op } of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        for (const code of response["x-problem-codes"] ?? []) expect([path, code, ERROR_CODES[code].status]).toEqual([path, code, Number(status)]);
      }
      if (op.security.some((s) => "DonumNode" in s)) {
        expect(op.responses["401"]?.["x-problem-codes"]).toEqual(expect.arrayContaining(["NODE_AUTH_MISSING", "NODE_UNKNOWN", "NODE_REQUEST_REPLAYED", "NODE_BODY_MISMATCH"]));
        expect(op.responses["401"]?.headers?.["WWW-Authenticate"]).toBeDefined();
        expect(op.responses["429"]?.headers?.["Retry-After"]).toBeDefined();
      }
    }
    expect(doc.paths["/api/v1/decisions/batch"]!.post!.responses["400"]!["x-problem-codes"]).toContain("INVALID_SUBJECT_IDENTIFIER");
  });
});

describe("routes", () => {
  /** How a route authenticates, read from its handler's source: the node wrapper, the session wrapper, or neither. */
  type RouteAuth = "DonumNode" | "PortalSession" | "public";
  const authOf = new Map<string, RouteAuth>();

  /** Every route.ts under a directory, as [URL path, exported methods]. */
  function routes(dir: string): [string, string[]][] {
    const out: [string, string[]][] = [];
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) out.push(...routes(full));
      else if (entry === "route.ts") {
        const source = readFileSync(full, "utf8");
        const methods = [...source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!.toLowerCase());
        const url = `/${relative(join(ROOT, "app"), dir).split(sep).join("/")}`.replace(/\[([^\]]+)\]/g, "{$1}");
        authOf.set(url, /\bwithNode\(/.test(source) ? "DonumNode" : /\bwithSession\b/.test(source) ? "PortalSession" : "public");
        out.push([url, methods]);
      }
    }
    return out;
  }

  const apiRoutes = [...routes(join(ROOT, "app", "api")), ...routes(join(ROOT, "app", ".well-known"))].filter(([url]) => !url.startsWith("/api/auth/"));

  it("finds the route handlers of the node API", () => {
    const v1 = apiRoutes.filter(([url]) => url.startsWith("/api/v1/")).map(([url]) => url);
    expect(v1).toEqual(expect.arrayContaining(["/api/v1/decisions", "/api/v1/decisions/batch", "/api/v1/feed", "/api/v1/whoami", "/api/v1/openapi.json"]));
  });

  it.each(apiRoutes)("documents %s with each of its methods", (url, methods) => {
    expect(methods.length).toBeGreaterThan(0);
    for (const method of methods) expect([url, method, doc.paths[url]?.[method as "get"] !== undefined]).toEqual([url, method, true]);
  });

  it("documents each route's authentication as its handler does it: the node's signed request, the portal's session, or none", () => {
    for (const [url, methods] of apiRoutes) {
      for (const method of methods) {
        const op = doc.paths[url]?.[method as "get"];
        if (!op) continue; // reported above
        const documented = op.security.length === 0 ? "public" : Object.keys(op.security[0]!)[0];
        expect([url, method, documented]).toEqual([url, method, authOf.get(url)]);
      }
    }
    // The node API is node-authenticated, bar this document.
    expect(authOf.get("/api/v1/decisions")).toBe("DonumNode");
    expect(authOf.get("/api/v1/openapi.json")).toBe("public");
  });

  it("documents nothing that has no route", () => {
    const known = new Map(apiRoutes);
    for (const { path, method } of operations()) expect([path, method, known.get(path)?.includes(method) ?? false]).toEqual([path, method, true]);
  });
});
