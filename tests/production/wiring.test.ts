/**
 * Issue 6: the production wiring, proved locally. The built portal runs with `next start` in
 * DONUM_MODE=production and selects, from configuration alone, DynamoDB (AWS's DynamoDB Local),
 * S3 (s3rver), a KMS signing key (the KMS stand-in: no KMS emulator runs here) and its secrets
 * from AWS Secrets Manager (a stand-in as well) — the variables infra/ gives the Lambda functions,
 * with DONUM_EXPORT_RUNNER=worker: exports are run by the scheduled log worker
 * (lib/server/log-worker.ts), invoked here in its own process as EventBridge would invoke it.
 *
 * Then, over HTTP: a citizen grants consent → the node's check is PERMIT → the citizen withdraws →
 * the next check is DENY (CONSENT_WITHDRAWN) → a regulator exports the period → the worker runs
 * it → the bundle is downloaded and `verify-export` accepts it against the portal's KMS key and
 * latest checkpoint. Decisions are verified against the JWKS (the KMS key's public half).
 *
 * What is not the production path here: the session cookies are minted with next-auth's own
 * `encode` and the session secret the portal reads from the secret, exactly as next-auth issues
 * them after an eID sign-in; the sign-in itself (OpenID Connect) runs in the e2e suite against the
 * development provider, which production mode refuses by design. The public URL is https:// (as
 * production requires) and the requests go to the loopback port, with that Origin, through a
 * stand-in for CloudFront (tests/support/cdn-standin.ts) that adds the origin secret as the
 * distribution does; requests that go around it are refused.
 */
import { spawnSync } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { encode } from "next-auth/jwt";
import { cancerImagingFormV1 } from "../../lib/consent/forms";
import { publishForm } from "../../lib/consent/form";
import { verifyDecisionToken } from "../../lib/client/verify";
import type { VerificationJwks } from "../../lib/crypto/jws";
import { createRequestSigner } from "../../lib/client/request-signer";
import { createSubjectKeyer } from "../../lib/identity/subject-key";
import { ORIGIN_VERIFY_HEADER } from "../../lib/http/front-door";
import { startCdnStandIn, type CdnStandIn } from "../support/cdn-standin";
import { runProcess } from "../support/cli";
import { startKmsStandIn, type KmsStandIn } from "../support/kms-standin";
import { startSecretsStandIn, type SecretsStandIn } from "../support/secrets-standin";

jest.setTimeout(240_000);

const ROOT = resolve(__dirname, "..", "..");
const { freePort, startServer, stopProcess } = require("../support/processes") as {
  freePort(): Promise<number>;
  startServer(o: Record<string, unknown>): Promise<{ child: import("node:child_process").ChildProcess; killOnExit(): void; output(): string }>;
  stopProcess(child: import("node:child_process").ChildProcess): Promise<void>;
};
type Launched = Awaited<ReturnType<typeof startServer>> & { endpoint: string };
// Servers of its own (never the contract projects' ones, whose process.env entries it leaves alone).
const { launchDynamoDbLocal } = require("../support/dynamodb-local.setup.js") as { launchDynamoDbLocal(): Promise<Launched> };
const { launchS3rver } = require("../support/s3rver.setup.js") as { launchS3rver(): Promise<Launched & { bucket: string; directory: string }> };

const PUBLIC_URL = "https://donum.wiring.test";
const RUN = randomBytes(4).toString("hex");
const TABLE = `donum-wiring-${RUN}`;
const NODE_ID = `wiring-node-${RUN}`;
const NATIONAL_ID = "BE/BE/85073003328";
const SECRETS = {
  DONUM_SUBJECT_PEPPER: randomBytes(32).toString("base64"),
  DONUM_SESSION_SECRET: randomBytes(32).toString("hex"),
  DONUM_OIDC_CLIENT_SECRET: randomBytes(24).toString("hex"),
  DONUM_ORIGIN_SECRET: randomBytes(32).toString("base64url"),
};

let kms: KmsStandIn;
let secrets: SecretsStandIn;
let dynamo: Launched | null = null;
let s3: (Launched & { bucket: string; directory: string }) | null = null;
let server: Awaited<ReturnType<typeof startServer>> | null = null;
let cdn: CdnStandIn | null = null;
/** The CDN stand-in: every request of the test goes through it, as in AWS they go through CloudFront. */
let base = "";
/** next start itself, as the function URL is: only the front-door test calls it. */
let direct = "";
let env: NodeJS.ProcessEnv;
const work = mkdtempSync(join(tmpdir(), "donum-wiring-"));

/** The environment infra/ gives the functions, pointed at the local stand-ins. */
function productionEnv(port: number): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("DONUM_")));
  return {
    ...clean,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    AWS_REGION: "eu-central-1",
    // s3rver checks signatures made with its one key pair; DynamoDB Local and the stand-ins accept any.
    AWS_ACCESS_KEY_ID: "S3RVER",
    AWS_SECRET_ACCESS_KEY: "S3RVER",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    DONUM_MODE: "production",
    DONUM_PUBLIC_URL: PUBLIC_URL,
    DONUM_DATA_DIR: join(work, "data"),
    DONUM_LOG_LEVEL: "warn",
    DONUM_STORE: "dynamodb",
    DONUM_DYNAMODB_TABLE: TABLE,
    DONUM_DYNAMODB_ENDPOINT: dynamo!.endpoint,
    // AWS's table comes from infra/; the emulator's is made on first start.
    DONUM_DYNAMODB_CREATE_TABLE: "true",
    DONUM_SIGNER: "kms",
    DONUM_KMS_KEY_ID: kms.alias,
    DONUM_KMS_ENDPOINT: kms.endpoint,
    DONUM_BLOB_STORE: "s3",
    DONUM_S3_BUCKET: s3!.bucket,
    DONUM_S3_ENDPOINT: s3!.endpoint,
    DONUM_SECRETS_ARN: secrets.arn,
    DONUM_SECRETS_ENDPOINT: secrets.endpoint,
    DONUM_EXPORT_RUNNER: "worker",
    DONUM_OIDC_ISSUER: "https://eid.wiring.test",
    DONUM_OIDC_CLIENT_ID: "donum",
  };
}

/**
 * Runs a TypeScript entry point with the production environment (the CLI, the log worker).
 * Asynchronously: the KMS and Secrets Manager stand-ins answer from this process's event loop.
 */
async function runTs(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const { code, stdout, stderr } = await runProcess(process.execPath, ["--import", "tsx", ...args], { env, timeoutMs: 180_000 });
  return { status: code, stdout, stderr };
}

/** Every route.ts under app/ as a request path (dynamic segments filled in) and the methods it exports. */
function routeHandlers(): { path: string; method: string }[] {
  const files = (readdirSync(join(ROOT, "app"), { recursive: true }) as string[]).filter((f) => f.endsWith("route.ts"));
  return files.flatMap((file) => {
    const text = readFileSync(join(ROOT, "app", file), "utf8");
    const methods = new Set([...text.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g), ...text.matchAll(/\bas (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!));
    const path = `/${file.replace(/\/?route\.ts$/, "").replace(/\[\.\.\.[^\]]+\]/g, "session").replace(/\[[^\]]+\]/g, "x")}`;
    return [...methods].map((method) => ({ path, method }));
  });
}

async function session(sub: string, roles: string[], subjectKey: string | null): Promise<string> {
  const token = await encode({ token: { sub, subjectKey, roles, name: "Wiring Test" }, secret: SECRETS.DONUM_SESSION_SECRET, maxAge: 1800 });
  return `__Secure-next-auth.session-token=${token}`;
}

const portal = (path: string, init: RequestInit = {}) => fetch(`${base}${path}`, init);
const asPerson = (cookie: string, method: string, path: string, body?: unknown) =>
  portal(path, {
    method,
    headers: { cookie, origin: PUBLIC_URL, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

beforeAll(async () => {
  if (!existsSync(join(ROOT, ".next", "BUILD_ID"))) {
    const built = spawnSync(process.execPath, [join(ROOT, "node_modules/next/dist/bin/next"), "build"], { cwd: ROOT, stdio: "inherit" });
    if (built.status !== 0) throw new Error("next build failed");
  }
  [dynamo, s3] = await Promise.all([launchDynamoDbLocal(), launchS3rver()]);
  kms = await startKmsStandIn();
  secrets = await startSecretsStandIn(SECRETS);
  const port = await freePort();
  direct = `http://127.0.0.1:${port}`;
  env = productionEnv(port);
  server = await startServer({
    name: "next start (production mode)",
    command: process.execPath,
    args: [join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    options: { cwd: ROOT, env },
    answers: async () => {
      try {
        return (await fetch(`${direct}/api/health`, { headers: { [ORIGIN_VERIFY_HEADER]: SECRETS.DONUM_ORIGIN_SECRET } })).status === 200;
      } catch {
        return false;
      }
    },
    timeoutMs: 90_000,
    intervalMs: 250,
  });
  cdn = await startCdnStandIn(direct, SECRETS.DONUM_ORIGIN_SECRET);
  base = cdn.url;
});

afterAll(async () => {
  await cdn?.close();
  for (const started of [server, dynamo, s3]) {
    if (!started) continue;
    process.removeListener("exit", started.killOnExit);
    await stopProcess(started.child);
  }
  if (s3) rmSync(s3.directory, { recursive: true, force: true });
  await kms?.close();
  await secrets?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("the portal in production mode on DynamoDB, S3, KMS and Secrets Manager", () => {
  let jwks: VerificationJwks;
  const keyer = () => createSubjectKeyer(Buffer.from(SECRETS.DONUM_SUBJECT_PEPPER, "base64"));

  it("reports the production adapters and publishes the KMS key", async () => {
    const health = (await (await portal("/api/health")).json()) as Record<string, unknown>;
    expect(JSON.stringify(health)).toMatch(/dynamodb/);
    jwks = (await (await portal("/.well-known/jwks.json")).json()) as VerificationJwks;
    const kmsJwk = kms.privateKey.export({ format: "jwk" });
    expect(jwks.keys.some((k) => k.x === kmsJwk.x && k.y === kmsJwk.y)).toBe(true);
    // The secrets came from the secret: the environment holds none of them.
    expect(secrets.reads()).toBeGreaterThan(0);
    expect(Object.keys(env).filter((k) => k in SECRETS)).toEqual([]);
    // The development sign-in provider is not there in production mode.
    const providers = (await (await portal("/api/auth/providers")).json()) as Record<string, { signinUrl: string }>;
    expect(Object.keys(providers)).toEqual(["eid"]);
  });

  it("refuses every request that goes around the CDN, and answers those that come through it", async () => {
    const around = [
      await fetch(`${direct}/api/health`),
      await fetch(`${direct}/`),
      await fetch(`${direct}/.well-known/jwks.json`),
      await fetch(`${direct}/api/v1/decisions`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
      await fetch(`${direct}/api/health`, { headers: { [ORIGIN_VERIFY_HEADER]: "a-guess-that-is-long-enough-to-be-a-secret" } }),
    ];
    for (const res of around) {
      expect(res.status).toBe(403);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(await res.json()).toMatchObject({ code: "FORBIDDEN", detail: expect.stringMatching(/public address/) });
    }
    // Every route handler, with each method it exports: the API routes check in their wrappers,
    // pages in the proxy, so a route that forgot the check would show here.
    const routes = routeHandlers();
    expect(routes.length).toBeGreaterThanOrEqual(25);
    for (const { path, method } of routes) {
      const res = await fetch(`${direct}${path}`, { method, ...(method === "GET" ? {} : { headers: { "content-type": "application/json" }, body: "{}" }) });
      expect({ path, method, status: res.status }).toEqual({ path, method, status: 403 });
    }
    expect((await portal("/api/health")).status).toBe(200);
    expect((await portal("/")).status).toBe(200);
    // The secret is never echoed back, and the server's log does not hold it.
    expect(server!.output()).not.toContain(SECRETS.DONUM_ORIGIN_SECRET);
  });

  it("grant → PERMIT → withdraw → DENY, then an export run by the log worker verifies", async () => {
    // An operator registers the hospital's node with the CLI, on the production configuration.
    const keyFile = join(work, "node.private.jwk");
    const added = await runTs(["scripts/donum.ts", "nodes", "add", "--id", NODE_ID, "--organisation", "UZ Wiring", "--country", "BE", "--type", "public", "--generate-key", keyFile]);
    expect({ status: added.status, stderr: added.stderr }).toEqual({ status: 0, stderr: "" });
    const { readPrivateJwkFile } = await import("../../lib/client/node-key");
    const signer = createRequestSigner({ nodeId: NODE_ID, privateJwk: readPrivateJwkFile(keyFile).privateJwk, audience: PUBLIC_URL });
    const check = async () => {
      const body = JSON.stringify({
        subject: { nationalId: NATIONAL_ID },
        request: { dataCategories: ["imaging.ct"], purpose: { code: "HMB" }, recipient: { organisation: "KU Leuven", type: "public", country: "BE" } },
        permitReference: `P-WIRING-${RUN}`,
      });
      const res = await portal("/api/v1/decisions", {
        method: "POST",
        headers: { authorization: signer.sign({ method: "POST", path: "/api/v1/decisions", body }), "content-type": "application/json" },
        body,
      });
      expect(res.status).toBe(200);
      const { token } = (await res.json()) as { token: string };
      const verified = verifyDecisionToken(token, jwks, { audience: NODE_ID, issuer: PUBLIC_URL });
      if (!verified.ok) throw new Error(`decision did not verify: ${verified.error.message}`);
      return verified.claims;
    };

    const exportFrom = new Date(Date.now() - 60_000);
    const citizen = await session("citizen-wiring", ["citizen"], keyer().keyOf(NATIONAL_ID));
    const form = publishForm(cancerImagingFormV1, new Date());
    const scope = {
      dataCategories: ["imaging.ct", "imaging.mr"],
      research: { level: "HMB" },
      aiUses: ["AI_TRAINING"],
      recipientTypes: ["public"],
      geography: "EU_EEA",
      validUntil: null,
      conditions: { mayRecontact: false, wantsFindings: false },
    };
    const granted = await asPerson(citizen, "POST", "/api/me/consent", {
      scope,
      form: { formId: form.formId, version: form.version, language: "en", textHash: form.textHashes.en },
    });
    expect(granted.status).toBe(201);
    expect(await check()).toMatchObject({ decision: "PERMIT" });

    const withdrawn = await asPerson(citizen, "POST", "/api/me/consent/withdraw", { expectedVersion: 1 });
    expect(withdrawn.status).toBe(200);
    const denied = await check();
    expect(denied).toMatchObject({ decision: "DENY" });
    expect(JSON.stringify(denied)).toMatch(/CONSENT_WITHDRAWN/);

    // A regulator exports the period; in production the scheduled worker runs it.
    const regulator = await session("regulator-wiring", ["regulator"], null);
    const requested = await asPerson(regulator, "POST", "/api/regulator/exports", { from: exportFrom.toISOString(), to: new Date(Date.now() + 1000).toISOString() });
    expect(requested.status).toBe(202);
    const { export: job } = (await requested.json()) as { export: { id: string; state: string } };
    expect(job.state).toBe("queued");

    // The Lambda entry point, called as the scheduler calls it (tsx loads the module as CommonJS: `default` holds its exports).
    const invoke = "import('./lib/server/log-worker.ts').then(async (m) => { const r = await (m.handler ?? m.default.handler)(); console.log(JSON.stringify(r)); process.exit(0); })";
    const worker = await runTs(["-e", invoke]);
    expect({ status: worker.status, stderr: worker.stderr }).toEqual({ status: 0, stderr: "" });
    expect(JSON.parse(worker.stdout.trim().split("\n").at(-1)!)).toMatchObject({ exports: 1 });

    const state = (await (await asPerson(regulator, "GET", `/api/regulator/exports/${job.id}`)).json()) as {
      export: { state: string; result: { entries: number; location: string; files: { name: string }[] } | null; error: unknown };
    };
    // On failure, the worker's log (no personal data in it) says why.
    expect({ error: state.export.error, log: state.export.error ? worker.stdout : "" }).toEqual({ error: null, log: "" });
    expect(state.export.state).toBe("done");
    // Consent granted, two decisions, consent withdrawn, the node's registration and the export request, at least.
    expect(state.export.result!.entries).toBeGreaterThanOrEqual(5);

    // The bundle is in the bucket, and downloads as one archive.
    const s3 = new S3Client({ endpoint: env.DONUM_S3_ENDPOINT, region: "eu-central-1", forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: env.DONUM_S3_BUCKET, Prefix: state.export.result!.location }));
    s3.destroy();
    expect((listed.Contents ?? []).map((o) => o.Key!.slice(state.export.result!.location.length)).sort()).toEqual(state.export.result!.files.map((f) => f.name).sort());

    const tar = await asPerson(regulator, "GET", `/api/regulator/exports/${job.id}/bundle`);
    expect(tar.status).toBe(200);
    const tarFile = join(work, "bundle.tar");
    writeFileSync(tarFile, Buffer.from(await tar.arrayBuffer()));
    const jwksFile = join(work, "jwks.json");
    writeFileSync(jwksFile, JSON.stringify(jwks));

    const verified = await runTs(["scripts/donum.ts", "verify-export", tarFile, "--jwks", jwksFile, "--portal", base]);
    expect(verified.stderr).toBe("");
    expect(verified.stdout).toMatch(/consisten/i);
    expect(verified.stdout).not.toMatch(/✗/);
    expect(verified.status).toBe(0);
  });
});

