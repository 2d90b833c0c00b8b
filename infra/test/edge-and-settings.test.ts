/**
 * The WAF stack (us-east-1), the deployment settings, and the variants of the main stack:
 * key rotation (two signing keys, published state as a layer), a restored table, a prebuilt
 * log worker. One synth for the variants.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "aws-cdk-lib";
import { DonumEdgeStack } from "../lib/edge-stack";
import { settingsFromContext } from "../lib/settings";
import { BASE_CONTEXT, functionStatements, list, only, openNextFixture, refId, resourcesOf, ROOT, synth, type Synth } from "./support";

type Props = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let s: Synth;
let workerDir: string;

beforeAll(() => {
  workerDir = mkdtempSync(join(tmpdir(), "donum-worker-"));
  writeFileSync(join(workerDir, "index.js"), "exports.handler = async () => ({});\n");
  const stateFile = join(mkdtempSync(join(tmpdir(), "donum-state-")), "signing-keys.json");
  writeFileSync(stateFile, JSON.stringify({ version: 1, next: null, previous: [] }));
  s = synth({
    ...BASE_CONTEXT,
    openNextDir: openNextFixture(),
    logWorkerDir: workerDir,
    signingKeys: "2026a,2027a",
    activeSigningKey: "2027a",
    signingKeyStateFile: stateFile,
    existingTableName: "donum-restored-20270101",
    apiRateLimitPer5Minutes: "5000",
  });
}, 120_000);

describe("WAF (DonumEdgeStack)", () => {
  test("a CLOUDFRONT WebACL in us-east-1: rate limit per IP on /api/, AWS common rule set", () => {
    const [, acl] = only(s.edge, "AWS::WAFv2::WebACL");
    expect(acl.Scope).toBe("CLOUDFRONT");
    expect(acl.DefaultAction).toEqual({ Allow: {} });
    const rules = acl.Rules as Props[];
    const rate = rules.find((r) => r.Statement.RateBasedStatement);
    expect(rate!.Action).toEqual({ Block: {} });
    expect(rate!.Statement.RateBasedStatement).toMatchObject({
      AggregateKeyType: "IP",
      Limit: 5000,
      ScopeDownStatement: { ByteMatchStatement: { FieldToMatch: { UriPath: {} }, PositionalConstraint: "STARTS_WITH", SearchString: "/api/" } },
    });
    const managed = rules.map((r) => r.Statement.ManagedRuleGroupStatement).filter(Boolean);
    expect(managed).toEqual(expect.arrayContaining([expect.objectContaining({ VendorName: "AWS", Name: "AWSManagedRulesCommonRuleSet" })]));
    expect(new Set(rules.map((r) => r.Priority)).size).toBe(rules.length);
    const edgeStack = s.app.node.findChild("donum-edge") as DonumEdgeStack;
    expect(edgeStack.region).toBe("us-east-1");
  });

  test("refuses to be created outside us-east-1", () => {
    const app = new App();
    expect(() => new DonumEdgeStack(app, "edge", { env: { account: "123456789012", region: "eu-central-1" }, apiRateLimitPer5Minutes: 1000 })).toThrow(/us-east-1/);
  });
});

describe("settings (CDK context)", () => {
  const get = (ctx: Record<string, string>) => (k: string) => ctx[k];

  test("names every missing or malformed value at once", () => {
    const dir = openNextFixture();
    let message = "";
    try {
      settingsFromContext(get({ account: "123", openNextDir: dir, certificateArn: "arn:aws:acm:eu-central-1:123456789012:certificate/abc", oidcIssuer: "http://eid" }), ROOT);
    } catch (e) {
      message = (e as Error).message;
    }
    for (const key of ["account", "domainName", "certificateArn", "oidcIssuer", "oidcClientId"]) expect(message).toContain(`  - ${key}:`);
  });

  test("refuses a missing OpenNext build and an active key that is not among the keys", () => {
    const missing = join(tmpdir(), "donum-no-such-open-next");
    expect(() => settingsFromContext(get({ ...BASE_CONTEXT, openNextDir: missing }), ROOT)).toThrow(/run the OpenNext build first/);
    expect(() => settingsFromContext(get({ ...BASE_CONTEXT, openNextDir: openNextFixture(), signingKeys: "a,b", activeSigningKey: "c" }), ROOT)).toThrow(
      /activeSigningKey: one of a, b/,
    );
  });

  test("defaults: eu-central-1, 6-year export retention, one signing key, the log worker bundled from the sources", () => {
    const settings = settingsFromContext(get({ ...BASE_CONTEXT, region: "", exportRetentionDays: "", openNextDir: openNextFixture() }), ROOT);
    expect(settings.region).toBe("eu-central-1");
    expect(settings.exportRetentionDays).toBe(2190);
    expect(settings.signingKeys).toEqual(["1"]);
    expect(settings.logWorkerCode).toEqual({ kind: "bundle", projectRoot: ROOT });
  });
});

describe("variants: rotation, restored table, prebuilt worker", () => {
  const appFunctions = () => resourcesOf(s.main, "AWS::Lambda::Function").filter(([, p]) => (p as Props).Environment?.Variables?.DONUM_MODE === "production");

  test("two signing keys, each with its alias; only the active one signs", () => {
    const keys = resourcesOf(s.main, "AWS::KMS::Key").filter(([, p]) => p.KeySpec === "ECC_NIST_P256");
    expect(keys).toHaveLength(2);
    for (const name of ["2026a", "2027a"]) s.main.hasResourceProperties("AWS::KMS::Alias", { AliasName: `alias/donum/signing-${name}` });
    const [activeAlias] = only(s.main, "AWS::KMS::Alias", (p) => p.AliasName === "alias/donum/signing-2027a");
    const activeKey = refId(s.main.toJSON().Resources[activeAlias].Properties.TargetKeyId)!;
    for (const [id, fn] of appFunctions()) {
      expect(refId(fn.Environment.Variables.DONUM_KMS_KEY_ID)).toBe(activeKey);
      const signers = functionStatements(s.main, id).filter((st) => list(st.Action).includes("kms:Sign"));
      expect(signers.flatMap((st) => list(st.Resource).map(refId))).toEqual([activeKey]);
    }
  });

  test("the published key state reaches both functions as a layer under DONUM_DATA_DIR", () => {
    const [layerId] = only(s.main, "AWS::Lambda::LayerVersion", (p) => p.Description === "Donum: published signing-key state (ADR 0006)");
    for (const [, fn] of appFunctions()) {
      expect(fn.Environment.Variables.DONUM_DATA_DIR).toBe("/opt/donum");
      expect((fn.Layers as unknown[]).map(refId)).toEqual([layerId]);
    }
  });

  test("a restored table replaces the stack's own: no table resource, environment and grants name the restored table", () => {
    expect(resourcesOf(s.main, "AWS::DynamoDB::Table")).toHaveLength(0);
    for (const [id, fn] of appFunctions()) {
      expect(fn.Environment.Variables.DONUM_DYNAMODB_TABLE).toBe("donum-restored-20270101");
      const table = functionStatements(s.main, id).find((st) => st.Sid === "Table")!;
      const resources = JSON.stringify(table.Resource);
      expect(resources).toContain(":table/donum-restored-20270101");
      expect(resources).toContain(":table/donum-restored-20270101/index/*");
    }
  });

  test("a prebuilt log worker directory is deployed as is", () => {
    const [, worker] = appFunctions().find(([id]) => id.startsWith("LogWorker"))!;
    expect(worker.Handler).toBe("index.handler");
  });
});
