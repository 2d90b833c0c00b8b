/**
 * The Donum stack as synthesised for eu-central-1 from an OpenNext-shaped fixture, with the log
 * worker bundled from lib/server/log-worker.ts by esbuild (as `npm run deploy` does). One synth
 * for the whole file.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Match } from "aws-cdk-lib/assertions";
import { parseConfig } from "../../lib/config";
import { SecretValue } from "../../lib/config/secrets";
import { tableDefinition, TTL_ATTRIBUTE } from "../../lib/store/dynamodb/table";
import { TABLE_ACTIONS } from "../lib/donum-stack";
import { LAMBDA_NODE_MAJOR } from "../bin/lambda-node";
import {
  BASE_CONTEXT,
  functionStatements,
  identityStatements,
  list,
  only,
  openNextFixture,
  refId,
  resourcesOf,
  synth,
  type Statement,
  type Synth,
} from "./support";

let s: Synth;

beforeAll(() => {
  s = synth({ ...BASE_CONTEXT, openNextDir: openNextFixture() });
}, 120_000);

type Props = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const appFunctions = (): [string, Props][] =>
  resourcesOf(s.main, "AWS::Lambda::Function").filter(([, p]) => (p as Props).Environment?.Variables?.DONUM_MODE === "production");
const fnId = (prefix: string) => {
  const found = appFunctions().filter(([id]) => id.startsWith(prefix));
  expect(found).toHaveLength(1);
  return found[0]![0];
};
const customerKeyIds = () => new Set(resourcesOf(s.main, "AWS::KMS::Key").filter(([, p]) => p.KeySpec === undefined).map(([id]) => id));
const signingKeyId = () => only(s.main, "AWS::KMS::Key", (p) => p.KeySpec === "ECC_NIST_P256")[0];

describe("DynamoDB table", () => {
  const def = tableDefinition("x");

  test("keys, attribute definitions and every GSI are those of lib/store/dynamodb/table.ts, projection ALL", () => {
    const [, t] = only(s.main, "AWS::DynamoDB::Table");
    expect(t.KeySchema).toEqual(def.KeySchema);
    const sortByName = <T extends { AttributeName?: string }>(a: T[]) => [...a].sort((x, y) => String(x.AttributeName).localeCompare(String(y.AttributeName)));
    expect(sortByName(t.AttributeDefinitions as Props[])).toEqual(sortByName(def.AttributeDefinitions!));
    const gsis = (t.GlobalSecondaryIndexes as Props[]).map((g) => ({ IndexName: g.IndexName, KeySchema: g.KeySchema, Projection: g.Projection }));
    expect(gsis.sort((a, b) => a.IndexName.localeCompare(b.IndexName))).toEqual(def.GlobalSecondaryIndexes);
    expect(gsis.map((g) => g.IndexName)).toEqual(["GSI1", "GSI2", "GSI3", "GSI4"]);
  });

  test("TTL on the attribute the replay cache writes", () => {
    expect(TTL_ATTRIBUTE).toBe("ttl");
    s.main.hasResourceProperties("AWS::DynamoDB::Table", { TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true } });
  });

  test("on demand, point-in-time recovery, deletion protection, customer-managed KMS key, retained", () => {
    const [id, t] = only(s.main, "AWS::DynamoDB::Table");
    expect(t.BillingMode).toBe("PAY_PER_REQUEST");
    expect(t.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(t.DeletionProtectionEnabled).toBe(true);
    expect(t.SSESpecification).toMatchObject({ SSEEnabled: true, SSEType: "KMS" });
    expect(customerKeyIds().has(refId(t.SSESpecification.KMSMasterKeyId)!)).toBe(true);
    const raw = s.main.toJSON().Resources[id];
    expect([raw.DeletionPolicy, raw.UpdateReplacePolicy]).toEqual(["Retain", "Retain"]);
  });
});

describe("S3 buckets", () => {
  const exportBucket = () => only(s.main, "AWS::S3::Bucket", (p) => p.ObjectLockEnabled === true);

  test("every bucket blocks all public access, is encrypted and has a TLS-only deny statement", () => {
    const buckets = resourcesOf(s.main, "AWS::S3::Bucket");
    expect(buckets).toHaveLength(2);
    const policies = resourcesOf(s.main, "AWS::S3::BucketPolicy");
    for (const [id, b] of buckets) {
      expect(b.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      const sse = (b.BucketEncryption as Props).ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault;
      expect(["AES256", "aws:kms"]).toContain(sse.SSEAlgorithm);
      const policy = policies.find(([, p]) => refId(p.Bucket) === id);
      expect(policy).toBeDefined();
      const statements = list((policy![1].PolicyDocument as Props).Statement as Statement[]);
      const tlsDeny = statements.find((st) => st.Effect === "Deny" && JSON.stringify(st.Condition) === JSON.stringify({ Bool: { "aws:SecureTransport": "false" } }));
      expect(tlsDeny).toBeDefined();
      expect(tlsDeny!.Principal).toEqual({ AWS: "*" });
      expect(list(tlsDeny!.Action)).toContain("s3:*");
      // No Allow statement for anyone ("*") in any bucket policy.
      for (const st of statements.filter((x) => x.Effect === "Allow")) expect(JSON.stringify(st.Principal)).not.toMatch(/"\*"/);
    }
  });

  test("audit exports: versioned, Object Lock COMPLIANCE with the configured retention, SSE-KMS with a customer key, retained", () => {
    const [id, b] = exportBucket();
    expect(b.VersioningConfiguration).toEqual({ Status: "Enabled" });
    expect(b.ObjectLockConfiguration).toEqual({ ObjectLockEnabled: "Enabled", Rule: { DefaultRetention: { Mode: "COMPLIANCE", Days: 2555 } } });
    const sse = (b.BucketEncryption as Props).ServerSideEncryptionConfiguration[0];
    expect(sse.ServerSideEncryptionByDefault.SSEAlgorithm).toBe("aws:kms");
    expect(customerKeyIds().has(refId(sse.ServerSideEncryptionByDefault.KMSMasterKeyID)!)).toBe(true);
    const raw = s.main.toJSON().Resources[id];
    expect(raw.DeletionPolicy).toBe("Retain");
  });

  test("static assets: read only by this CloudFront distribution (OAC)", () => {
    const [id] = only(s.main, "AWS::S3::Bucket", (p) => p.ObjectLockEnabled === undefined);
    const [, policy] = only(s.main, "AWS::S3::BucketPolicy", (p) => refId(p.Bucket) === id);
    const allows = list((policy.PolicyDocument as Props).Statement as Statement[]).filter((st) => st.Effect === "Allow");
    expect(allows).toHaveLength(1);
    expect(allows[0]!.Principal).toEqual({ Service: "cloudfront.amazonaws.com" });
    expect(list(allows[0]!.Action)).toEqual(["s3:GetObject"]);
    const [distId] = only(s.main, "AWS::CloudFront::Distribution");
    expect(JSON.stringify(allows[0]!.Condition)).toContain(distId);
  });
});

describe("keys and secrets", () => {
  test("the signing key is ECC_NIST_P256 / SIGN_VERIFY with an alias, retained, and is the one the functions use", () => {
    const [id, key] = only(s.main, "AWS::KMS::Key", (p) => p.KeySpec === "ECC_NIST_P256");
    expect(key.KeyUsage).toBe("SIGN_VERIFY");
    expect(s.main.toJSON().Resources[id].DeletionPolicy).toBe("Retain");
    s.main.hasResourceProperties("AWS::KMS::Alias", { AliasName: "alias/donum/signing-1", TargetKeyId: { "Fn::GetAtt": [id, "Arn"] } });
    for (const [, fn] of appFunctions()) expect(refId(fn.Environment.Variables.DONUM_KMS_KEY_ID)).toBe(id);
  });

  test("symmetric keys rotate yearly", () => {
    for (const [, key] of resourcesOf(s.main, "AWS::KMS::Key").filter(([, p]) => p.KeySpec === undefined)) expect(key.EnableKeyRotation).toBe(true);
    expect(customerKeyIds().size).toBe(3);
  });

  test("the app secret: customer key, generated pepper, session and origin secrets copied from generated seeds, retained", () => {
    const [id, secret] = only(s.main, "AWS::SecretsManager::Secret", (p) => p.GenerateSecretString?.GenerateStringKey !== undefined);
    expect(customerKeyIds().has(refId(secret.KmsKeyId)!)).toBe(true);
    const gen = secret.GenerateSecretString as Props;
    expect(gen).toMatchObject({ GenerateStringKey: "DONUM_SUBJECT_PEPPER", PasswordLength: 64, ExcludePunctuation: true, IncludeSpace: false });
    const template = JSON.stringify(gen.SecretStringTemplate);
    expect(template).toContain("DONUM_SESSION_SECRET");
    expect(template).toContain("{{resolve:secretsmanager:");
    expect(template).toContain("DONUM_ORIGIN_SECRET");
    const seeds = resourcesOf(s.main, "AWS::SecretsManager::Secret").filter(([, p]) => p.GenerateSecretString?.GenerateStringKey === undefined);
    expect(seeds.map(([seedId]) => seedId.replace(/[0-9A-F]{8}$/, "")).sort()).toEqual(["OriginSecretSeed", "SessionSecretSeed"]);
    for (const [seedId, seed] of seeds) {
      expect(template).toContain(seedId);
      expect(seed.GenerateSecretString).toMatchObject({ PasswordLength: 64, ExcludePunctuation: true, IncludeSpace: false });
      expect(customerKeyIds().has(refId(seed.KmsKeyId)!)).toBe(true);
    }
    expect(s.main.toJSON().Resources[id].DeletionPolicy).toBe("Retain");
    for (const [, fn] of appFunctions()) expect(refId(fn.Environment.Variables.DONUM_SECRETS_ARN)).toBe(id);
  });

  test("values of the generator's shape (64 letters and digits) satisfy the app's secret schema", () => {
    const alnum = (n: number, seed: number) => Array.from({ length: n }, (_, i) => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[(i * 7 + seed) % 62]).join("");
    const value = {
      DONUM_SUBJECT_PEPPER: alnum(64, 1),
      DONUM_SESSION_SECRET: alnum(64, 5),
      DONUM_ORIGIN_SECRET: alnum(64, 9),
      DONUM_OIDC_CLIENT_SECRET: "operator-supplied-client-secret",
    };
    expect(SecretValue.safeParse(value).success).toBe(true);
    // A shorter generator would not be.
    expect(SecretValue.safeParse({ ...value, DONUM_SUBJECT_PEPPER: alnum(40, 1) }).success).toBe(false);
  });
});

describe("functions", () => {
  test("the server and the log worker: Node 24 (the major check:opennext runs the bundle on), x86_64, the same production environment", () => {
    const fns = appFunctions();
    expect(fns.map(([id]) => id.replace(/[0-9A-F]{8}$/, "")).sort()).toEqual(["LogWorker", "ServerFunction"]);
    const [[, a], [, b]] = fns as [[string, Props], [string, Props]];
    expect(a.Environment).toEqual(b.Environment);
    for (const [, fn] of fns) {
      expect(fn.Runtime).toBe(`nodejs${LAMBDA_NODE_MAJOR}.x`);
      expect(LAMBDA_NODE_MAJOR).toBe(24);
      expect(fn.Architectures).toEqual(["x86_64"]);
      // Only the worker may write exports (the server's role cannot put to the bucket).
      expect(fn.Environment.Variables.DONUM_EXPORT_RUNNER).toBe("worker");
      expect(Object.keys(fn.Environment.Variables).sort()).toEqual(
        [
          "AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED",
          "DONUM_BLOB_STORE",
          "DONUM_DATA_DIR",
          "DONUM_DYNAMODB_TABLE",
          "DONUM_EXPORT_RUNNER",
          "DONUM_KMS_KEY_ID",
          "DONUM_MODE",
          "DONUM_OIDC_CLIENT_ID",
          "DONUM_OIDC_ISSUER",
          "DONUM_PUBLIC_URL",
          "DONUM_S3_BUCKET",
          "DONUM_SECRETS_ARN",
          "DONUM_SIGNER",
          "DONUM_STORE",
          "NEXT_TELEMETRY_DISABLED",
          "NODE_ENV",
        ].sort(),
      );
    }
  });

  test("the environment, with CloudFormation's values filled in, is a valid production configuration (lib/config)", () => {
    const [, fn] = appFunctions()[0]!;
    const resources = s.main.toJSON().Resources as Record<string, { Type: string }>;
    const value = (v: unknown): string => {
      if (typeof v === "string") return v;
      const id = refId(v)!;
      switch (resources[id]!.Type) {
        case "AWS::DynamoDB::Table":
          return "donum-Table-1A2B3C4D5E6F";
        case "AWS::KMS::Key":
          return "arn:aws:kms:eu-central-1:123456789012:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
        case "AWS::S3::Bucket":
          return "donum-exportbucket4e99310e-abcdef123456";
        case "AWS::SecretsManager::Secret":
          return "arn:aws:secretsmanager:eu-central-1:123456789012:secret:AppSecretFAB5164C-AbCdEf";
        default:
          throw new Error(`unexpected reference to ${resources[id]!.Type}`);
      }
    };
    const env = Object.fromEntries(Object.entries(fn.Environment.Variables as Record<string, unknown>).map(([k, v]) => [k, value(v)]));
    // Lambda sets AWS_REGION itself (reserved).
    const config = parseConfig({ ...env, AWS_REGION: "eu-central-1" });
    expect(config.mode).toBe("production");
    expect(config.store).toMatchObject({ kind: "dynamodb", table: "donum-Table-1A2B3C4D5E6F", endpoint: null, createTable: false });
    expect(config.signer).toMatchObject({ kind: "kms", endpoint: null });
    expect(config.blob).toMatchObject({ kind: "s3", endpoint: null });
    expect(config.secrets).toMatchObject({ region: "eu-central-1", endpoint: null });
    expect(config.publicUrl).toBe("https://donum.example.eu");
    expect(config.auth.issuer).toBe("https://eid.example.eu/realms/citizens");
    expect(config.auth.devIdp).toBeNull();
  });

  test("the log worker runs every minute, one at a time", () => {
    const worker = fnId("LogWorker");
    const [, rule] = only(s.main, "AWS::Events::Rule");
    expect(rule.ScheduleExpression).toBe("rate(1 minute)");
    expect(rule.State).toBe("ENABLED");
    expect(refId((rule.Targets as Props[])[0]!.Arn)).toBe(worker);
    s.main.hasResourceProperties("AWS::Lambda::Permission", {
      Action: "lambda:InvokeFunction",
      Principal: "events.amazonaws.com",
      FunctionName: { "Fn::GetAtt": [worker, "Arn"] },
    });
    expect(s.main.findResources("AWS::Lambda::Function")[worker]!.Properties.ReservedConcurrentExecutions).toBe(1);
  });

  test("the log worker bundle loads under Node, exports handler, and carries no native SQLite", () => {
    const worker = fnId("LogWorker");
    const code = s.main.findResources("AWS::Lambda::Function")[worker]!.Properties.Code;
    const hash = String(code.S3Key).replace(/\.zip$/, "");
    const bundle = join(s.outdir, `asset.${hash}`, "index.js");
    const text = readFileSync(bundle, "utf8");
    expect(text).not.toMatch(/require\(["']better-sqlite3["']\)/);
    expect(text).not.toMatch(/better_sqlite3\.node/);
    const out = execFileSync(process.execPath, ["-e", `const m = require(${JSON.stringify(bundle)}); process.stdout.write(typeof m.handler)`], {
      env: { PATH: process.env.PATH, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
      cwd: s.outdir,
    });
    expect(out.toString()).toBe("function");
  });

  test("the server answers a streaming function URL behind CloudFront", () => {
    const server = fnId("ServerFunction");
    const [, url] = only(s.main, "AWS::Lambda::Url");
    expect(refId(url.TargetFunctionArn)).toBe(server);
    expect(url.InvokeMode).toBe("RESPONSE_STREAM");
    const fn = s.main.findResources("AWS::Lambda::Function")[server]!.Properties;
    expect(fn.Handler).toBe("index.handler");
  });
});

describe("IAM: least privilege", () => {
  const DATA = /^(dynamodb|s3|kms|secretsmanager):/;

  test("no identity policy allows '*' or 'service:*' on a data service, or a data action on Resource '*'", () => {
    const statements = identityStatements(s.main);
    expect(statements.length).toBeGreaterThan(10);
    for (const { where, statement } of statements.filter((x) => x.statement.Effect === "Allow")) {
      const actions = list(statement.Action);
      for (const a of actions) {
        expect({ where, action: a }).not.toEqual({ where, action: "*" });
        expect({ where, action: a }).not.toEqual({ where, action: expect.stringMatching(/^(dynamodb|s3|kms|secretsmanager):\*$/) });
      }
      if (actions.some((a) => DATA.test(a))) {
        expect({ where, resources: list(statement.Resource) }).not.toEqual({ where, resources: expect.arrayContaining(["*"]) });
      }
    }
  });

  const byAction = (statements: Statement[]) => {
    const m = new Map<string, string[]>();
    for (const st of statements.filter((x) => x.Effect === "Allow")) {
      for (const a of list(st.Action)) m.set(a, [...(m.get(a) ?? []), ...list(st.Resource).map((r) => refId(r) ?? String(r))]);
    }
    return m;
  };

  test("each function: exactly the adapter's DynamoDB actions on the table and its indexes; Sign/GetPublicKey on the signing key; its secret only", () => {
    const [tableId] = only(s.main, "AWS::DynamoDB::Table");
    const [secretId] = only(s.main, "AWS::SecretsManager::Secret", (p) => p.GenerateSecretString?.GenerateStringKey !== undefined);
    for (const prefix of ["ServerFunction", "LogWorker"]) {
      const statements = functionStatements(s.main, fnId(prefix));
      const tableStatement = statements.find((st) => st.Sid === "Table")!;
      expect(list(tableStatement.Action).sort()).toEqual([...TABLE_ACTIONS].sort());
      expect(JSON.stringify(tableStatement.Resource)).toContain("/index/*");
      const actions = byAction(statements);
      const dynamo = [...actions.keys()].filter((a) => a.startsWith("dynamodb:"));
      expect(dynamo.sort()).toEqual([...TABLE_ACTIONS].sort());
      for (const a of dynamo) expect(new Set(actions.get(a))).toEqual(new Set([tableId]));
      expect(actions.get("kms:Sign")).toEqual([signingKeyId()]);
      expect(actions.get("kms:GetPublicKey")).toEqual([signingKeyId()]);
      expect(actions.get("secretsmanager:GetSecretValue")).toEqual([secretId]);
      expect([...actions.keys()].filter((a) => a.startsWith("secretsmanager:"))).toEqual(["secretsmanager:GetSecretValue"]);
      // KMS data-key actions only on the customer keys of the stores, never on the signing key.
      for (const a of ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"]) {
        for (const key of actions.get(a) ?? []) expect(customerKeyIds().has(key)).toBe(true);
      }
    }
  });

  test("exports: the worker writes and reads, the server only reads; both on the export bucket only", () => {
    const [bucketId] = only(s.main, "AWS::S3::Bucket", (p) => p.ObjectLockEnabled === true);
    const worker = byAction(functionStatements(s.main, fnId("LogWorker")));
    const server = byAction(functionStatements(s.main, fnId("ServerFunction")));
    expect([...worker.keys()].filter((a) => a.startsWith("s3:")).sort()).toEqual(["s3:AbortMultipartUpload", "s3:GetObject", "s3:ListBucket", "s3:PutObject"]);
    expect([...server.keys()].filter((a) => a.startsWith("s3:")).sort()).toEqual(["s3:GetObject", "s3:ListBucket"]);
    for (const m of [worker, server]) for (const [a, r] of m) if (a.startsWith("s3:")) expect(new Set(r)).toEqual(new Set([bucketId]));
  });
});

describe("alarms", () => {
  const alarms = () => resourcesOf(s.main, "AWS::CloudWatch::Alarm");
  const [topicId] = (() => ["Alarms"])();

  test("every app function has alarms on Errors, Throttles and p99 Duration that notify the SNS topic", () => {
    const topic = only(s.main, "AWS::SNS::Topic")[0];
    expect(topic.startsWith(topicId)).toBe(true);
    for (const [id, fn] of appFunctions()) {
      const mine = alarms().filter(([, a]) => (a.Dimensions as Props[] | undefined)?.some((d) => d.Name === "FunctionName" && refId(d.Value) === id));
      const errors = mine.find(([, a]) => a.MetricName === "Errors");
      const throttles = mine.find(([, a]) => a.MetricName === "Throttles");
      const duration = mine.find(([, a]) => a.MetricName === "Duration" && a.ExtendedStatistic === "p99");
      for (const found of [errors, throttles, duration]) {
        expect(found).toBeDefined();
        expect(found![1].Namespace).toBe("AWS/Lambda");
        expect(list(found![1].AlarmActions).map(refId)).toEqual([topic]);
      }
      expect(errors![1]).toMatchObject({ Threshold: 1, ComparisonOperator: "GreaterThanOrEqualToThreshold" });
      expect(duration![1].Threshold).toBe(fn.Timeout * 1000 * 0.8);
    }
  });

  test("DynamoDB throttles (table and each index) and a log worker that stopped running raise alarms", () => {
    const [tableId] = only(s.main, "AWS::DynamoDB::Table");
    const onTable = alarms().filter(([, a]) => a.Namespace === "AWS/DynamoDB" && (a.Dimensions as Props[]).some((d) => d.Name === "TableName" && refId(d.Value) === tableId));
    const names = onTable.map(([, a]) => `${a.MetricName}${(a.Dimensions as Props[]).find((d) => d.Name === "GlobalSecondaryIndexName")?.Value ?? ""}`);
    expect(names).toEqual(expect.arrayContaining(["ReadThrottleEvents", "WriteThrottleEvents", "WriteThrottleEventsGSI1", "WriteThrottleEventsGSI2", "WriteThrottleEventsGSI3", "WriteThrottleEventsGSI4"]));
    const notRunning = alarms().find(([, a]) => a.MetricName === "Invocations");
    expect(notRunning![1]).toMatchObject({ ComparisonOperator: "LessThanThreshold", Threshold: 1, TreatMissingData: "breaching" });
  });

  test("the topic has the operator's e-mail subscription and refuses plain HTTP", () => {
    s.main.hasResourceProperties("AWS::SNS::Subscription", { Protocol: "email", Endpoint: "ops@example.eu" });
    s.main.hasResourceProperties("AWS::SNS::TopicPolicy", {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } })]) },
    });
  });
});

describe("CloudFront", () => {
  test("the WAF WebACL from us-east-1, the custom domain with TLS 1.2, HTTPS only, static assets from S3 through OAC", () => {
    const [, d] = only(s.main, "AWS::CloudFront::Distribution");
    const c = d.DistributionConfig as Props;
    expect(JSON.stringify(c.WebACLId)).toContain("ExportsReader");
    s.main.hasResourceProperties("Custom::CrossRegionExportReader", { ReaderProps: { region: "eu-central-1" } });
    expect(c.Aliases).toEqual(["donum.example.eu"]);
    expect(c.ViewerCertificate).toMatchObject({ AcmCertificateArn: BASE_CONTEXT.certificateArn, MinimumProtocolVersion: "TLSv1.2_2021", SslSupportMethod: "sni-only" });
    expect(c.DefaultCacheBehavior.ViewerProtocolPolicy).toBe("redirect-to-https");
    const behaviors: Record<string, Props> = Object.fromEntries((c.CacheBehaviors as Props[]).map((b) => [b.PathPattern, b]));
    expect(Object.keys(behaviors).sort()).toEqual([".well-known/*", "BUILD_ID", "_next/*", "favicon.ico", "fonts/*"].sort());
    for (const b of Object.values(behaviors)) expect(b.ViewerProtocolPolicy).toBe("redirect-to-https");
    const s3Origin = (c.Origins as Props[]).find((o) => o.S3OriginConfig)!;
    expect(s3Origin.OriginAccessControlId).toBeDefined();
    expect(s3Origin!.OriginPath).toBe("/_assets");
    expect(behaviors["_next/*"]!.TargetOriginId).toBe(s3Origin.Id);
    expect(c.DefaultCacheBehavior.TargetOriginId).not.toBe(s3Origin.Id);
  });

  test("every request to the server function carries the origin secret, resolved from the app secret at deployment (never in the template)", () => {
    const [, d] = only(s.main, "AWS::CloudFront::Distribution");
    const c = d.DistributionConfig as Props;
    const serverOrigin = (c.Origins as Props[]).find((o) => o.Id === c.DefaultCacheBehavior.TargetOriginId)!;
    expect(serverOrigin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: "https-only" });
    expect(serverOrigin.OriginCustomHeaders).toHaveLength(1);
    const [header] = serverOrigin.OriginCustomHeaders as Props[];
    expect(header!.HeaderName).toBe("x-donum-origin-verify");
    const reference = JSON.stringify(header!.HeaderValue);
    expect(reference).toContain("{{resolve:secretsmanager:");
    expect(reference).toContain(":SecretString:DONUM_ORIGIN_SECRET::}}");
    const [appSecretId] = only(s.main, "AWS::SecretsManager::Secret", (p) => p.GenerateSecretString?.GenerateStringKey !== undefined);
    expect(reference).toContain(appSecretId);
    // The .well-known behaviour goes to the same origin, so it carries the header too.
    const wellKnown = (c.CacheBehaviors as Props[]).find((b) => b.PathPattern === ".well-known/*")!;
    expect(wellKnown.TargetOriginId).toBe(serverOrigin.Id);
  });
});
