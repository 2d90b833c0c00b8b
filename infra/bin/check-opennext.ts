/**
 * After `open-next build`: checks that .open-next/ has the layout and settings the stack expects
 * (ADR 0009), synthesises the stacks against it, and runs both functions as Lambda would — on the
 * functions' Node major (infra/bin/lambda-node.ts) and on DynamoDB (DynamoDB Local), as in AWS.
 * `npm run check:opennext` builds and checks; CI runs it after the test suites (it runs
 * `next build`, so never alongside the API tests).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { App } from "aws-cdk-lib";
import { createDonumApp } from "../lib/app";
import { settingsFromContext } from "../lib/settings";
import { readPrivateJwkFile } from "../../lib/client/node-key";
import { createRequestSigner } from "../../lib/client/request-signer";
import { ORIGIN_VERIFY_HEADER } from "../../lib/http/front-door";
import { DEMO_NODE_ID, DEMO_NODE_KEY_FILE } from "../../lib/nodes/demo";
import { LAMBDA_NODE_MAJOR, lambdaNode } from "./lambda-node";

type Launched = { endpoint: string; child: ChildProcess };
const { launchDynamoDbLocal } = require("../../tests/support/dynamodb-local.setup.js") as { launchDynamoDbLocal(): Promise<Launched> };
const { stopProcess } = require("../../tests/support/processes.js") as { stopProcess(child: ChildProcess): Promise<void> };

const root = resolve(__dirname, "../..");
const dir = join(root, ".open-next");
const problems: string[] = [];

function checkLayout(): void {
  const output = JSON.parse(readFileSync(join(dir, "open-next.output.json"), "utf8"));
  const server = output.origins?.default;
  if (server?.bundle !== ".open-next/server-functions/default") problems.push(`server bundle at ${server?.bundle}`);
  if (server?.handler !== "index.handler") problems.push(`server handler ${server?.handler}`);
  if (server?.streaming !== true || server?.wrapper !== "aws-lambda-streaming" || server?.converter !== "aws-apigw-v2") problems.push("server is not a streaming function URL handler");
  if (output.origins?.s3?.originPath !== "_assets") problems.push(`assets origin path ${output.origins?.s3?.originPath} (the stack serves /_assets)`);
  if (!existsSync(join(dir, "assets", "_next", "static"))) problems.push("no assets/_next/static");
}

/** Synthesises both stacks against the real output; answers the log worker's bundle (index.js). */
function synthesise(): string {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), "donum-check-")) });
  const context: Record<string, string> = {
    account: "123456789012",
    domainName: "donum.example.eu",
    certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555",
    oidcIssuer: "https://eid.example.eu",
    oidcClientId: "donum-portal",
  };
  const { main } = createDonumApp(app, settingsFromContext((k) => context[k], root));
  const assembly = app.synth();
  const template = assembly.getStackByName(main.stackName).template as { Resources: Record<string, { Type: string; Properties: { Code?: { S3Key?: string } } }> };
  const [, worker] = Object.entries(template.Resources).find(([id, r]) => r.Type === "AWS::Lambda::Function" && id.startsWith("LogWorker"))!;
  return join(assembly.directory, `asset.${String(worker.Properties.Code!.S3Key).replace(/\.zip$/, "")}`, "index.js");
}

/**
 * Both functions, invoked as Lambda invokes them, on one DynamoDB Local table. The native SQLite
 * module in the server bundle (the build machine's, for another Node ABI) is never loaded there.
 * The server's container starts when its bundle loads; with an origin secret set, the front door
 * (proxy.ts and the API routes' wrappers, ADR 0011) must refuse a request without it and pass one
 * with it. Then a consent check signed by the demo node, and the log worker's run (sequence,
 * integrate, pending exports) must integrate its audit entry on the same table.
 */
async function runTheFunctions(workerBundle: string): Promise<void> {
  const node = lambdaNode(root) ?? process.execPath;
  const nodeName = node === process.execPath ? `this machine's Node ${process.version} (not Linux x86-64)` : `Node ${LAMBDA_NODE_MAJOR}`;
  const dynamo = await launchDynamoDbLocal();
  try {
    const originSecret = randomBytes(32).toString("base64url");
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      AWS_REGION: "eu-central-1",
      AWS_ACCESS_KEY_ID: "local",
      AWS_SECRET_ACCESS_KEY: "local",
      DONUM_DATA_DIR: mkdtempSync(join(tmpdir(), "donum-check-data-")),
      DONUM_STORE: "dynamodb",
      DONUM_DYNAMODB_TABLE: "donum-check",
      DONUM_DYNAMODB_ENDPOINT: dynamo.endpoint,
      DONUM_DYNAMODB_CREATE_TABLE: "true",
      DONUM_ORIGIN_SECRET: originSecret,
      DONUM_PUBLIC_URL: "https://donum.example.eu",
    };
    // An API route (its wrapper checks) and a page (the proxy checks), then the API route through the door.
    const serverBundle = join(dir, "server-functions/default/index.mjs");
    const invoker = join(__dirname, "invoke-server-function.mjs");
    type Result = { status: number; body: string };
    const serve = async (requests: object[]): Promise<Result[] | null> => {
      const out = await run(node, [invoker, serverBundle, JSON.stringify(requests)], env);
      const results = [...out.matchAll(/^RESULT:(.*)$/gm)].map((m) => JSON.parse(m[1]!) as Result);
      if (results.length === requests.length) return results;
      problems.push(`the server function's handler did not answer ${requests.length} invocation(s):\n${out.slice(-3000)}`);
      return null;
    };
    // An API route (its wrapper checks) and a page (the proxy checks), then the API route through the door.
    const first = await serve([{ path: "/api/health" }, { path: "/" }, { path: "/api/health", headers: { [ORIGIN_VERIFY_HEADER]: originSecret } }]);
    if (first) {
      const [apiAround, pageAround, through] = [first[0]!, first[1]!, first[2]!];
      for (const [what, r] of [["/api/health", apiAround], ["the page /", pageAround]] as const) {
        if (r.status !== 403 || !r.body.includes('"FORBIDDEN"')) problems.push(`${what} without the origin secret: ${r.status} ${r.body} (expected 403 FORBIDDEN)`);
      }
      if (through.status !== 200 || !through.body.includes('"kind":"dynamodb"')) problems.push(`with the origin secret: ${through.status} ${through.body} (expected 200 from /api/health on DynamoDB)`);
      console.log(
        `server function on ${nodeName}, DynamoDB: without the origin secret /api/health ${apiAround.status} and / ${pageAround.status}; /api/health with it ${through.status}`,
      );
    }
    // A signed consent check by the demo node the first cold start registered (embedded mode),
    // in a second cold start: its decision is an audit entry for the worker to integrate.
    const signer = createRequestSigner({
      nodeId: DEMO_NODE_ID,
      privateJwk: readPrivateJwkFile(join(env.DONUM_DATA_DIR!, "keys", DEMO_NODE_KEY_FILE)).privateJwk,
      audience: env.DONUM_PUBLIC_URL!,
    });
    const body = JSON.stringify({
      subject: { nationalId: "BE/BE/85073003328" },
      request: { dataCategories: ["imaging.ct"], purpose: { code: "HMB" }, recipient: { organisation: "KU Leuven", type: "public", country: "BE" } },
      permitReference: "P-CHECK-OPENNEXT",
    });
    const headers = { [ORIGIN_VERIFY_HEADER]: originSecret, "content-type": "application/json", authorization: signer.sign({ method: "POST", path: "/api/v1/decisions", body }) };
    const checked = await serve([{ path: "/api/v1/decisions", method: "POST", headers, body }]);
    if (checked) {
      const [answer] = checked;
      if (answer!.status !== 200 || !answer!.body.includes('"token"')) problems.push(`a signed consent check: ${answer!.status} ${answer!.body} (expected 200 with a signed decision)`);
      else console.log(`server function on ${nodeName}, DynamoDB: a signed consent check answered 200 with a signed decision`);
    }
    // The sequencer numbers entries once they are older than its settle time (5 s by default,
    // lib/store/dynamodb/sequencer.ts), as the scheduled worker would find them a minute later.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const invokeWorker = `require(${JSON.stringify(workerBundle)}).handler().then((r) => { process.stdout.write("\\nRESULT:" + JSON.stringify(r) + "\\n"); process.exit(0); })`;
    const worked = await run(node, ["-e", invokeWorker], env);
    const result = worked.match(/^RESULT:(.*)$/m)?.[1];
    const parsed = result ? (JSON.parse(result) as { integrated: number; treeSize: number; exports: number }) : null;
    const complete = parsed !== null && [parsed.integrated, parsed.treeSize, parsed.exports].every((n) => Number.isInteger(n) && n >= 0);
    if (!complete || parsed!.integrated < 1) problems.push(`the log worker's handler did not integrate the consent check's audit entry:\n${worked.slice(-3000)}`);
    else console.log(`log worker on ${nodeName}, DynamoDB: integrated ${parsed!.integrated} entry(ies), tree size ${parsed!.treeSize}`);
  } finally {
    await stopProcess(dynamo.child);
  }
}

/** Runs a child process to its end, asynchronously; answers its stdout and stderr together. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (out += c.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("error", fail);
    child.on("close", () => {
      clearTimeout(timer);
      done(out);
    });
  });
}

async function main(): Promise<void> {
  checkLayout();
  const workerBundle = synthesise();
  await runTheFunctions(workerBundle);
  if (problems.length > 0) {
    console.error(`OpenNext output does not match the stack:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    process.exit(1);
  }
  console.log("OpenNext output: layout as the stack expects; stacks synthesised against it; both functions answer on the Lambda runtime's Node");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
