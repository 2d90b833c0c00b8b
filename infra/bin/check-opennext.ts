/**
 * After `open-next build`: checks that .open-next/ has the layout and settings the stack expects
 * (ADR 0009), and synthesises the stacks against it. `npm run check:opennext` builds and checks;
 * CI runs it after the test suites (it runs `next build`, so never alongside the API tests).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { App } from "aws-cdk-lib";
import { createDonumApp } from "../lib/app";
import { settingsFromContext } from "../lib/settings";
import { LAMBDA_NODE_MAJOR, lambdaNode } from "./lambda-node";

type Launched = { endpoint: string; child: import("node:child_process").ChildProcess };
const { launchDynamoDbLocal } = require("../../tests/support/dynamodb-local.setup.js") as { launchDynamoDbLocal(): Promise<Launched> };
const { stopProcess } = require("../../tests/support/processes.js") as { stopProcess(child: Launched["child"]): Promise<void> };

const root = resolve(__dirname, "../..");
const dir = join(root, ".open-next");
const problems: string[] = [];
const output = JSON.parse(readFileSync(join(dir, "open-next.output.json"), "utf8"));
const server = output.origins?.default;
if (server?.bundle !== ".open-next/server-functions/default") problems.push(`server bundle at ${server?.bundle}`);
if (server?.handler !== "index.handler") problems.push(`server handler ${server?.handler}`);
if (server?.streaming !== true || server?.wrapper !== "aws-lambda-streaming" || server?.converter !== "aws-apigw-v2") problems.push("server is not a streaming function URL handler");
if (output.origins?.s3?.originPath !== "_assets") problems.push(`assets origin path ${output.origins?.s3?.originPath} (the stack serves /_assets)`);
if (!existsSync(join(dir, "assets", "_next", "static"))) problems.push("no assets/_next/static");

/**
 * Loads the bundle and invokes its handler as Lambda would (infra/bin/invoke-server-function.mjs),
 * on the functions' Node major and on DynamoDB (DynamoDB Local), as in AWS: the native SQLite
 * module in the bundle (the build machine's, for another Node ABI) is never loaded there.
 * Loading runs instrumentation.ts (the container starts). With an origin secret set, the front
 * door (proxy.ts, ADR 0011) must refuse a request without it and pass one with it.
 */
async function invokeTheServerFunction(): Promise<void> {
  const node = lambdaNode(root);
  if (node === null) console.log(`not Linux x86-64: the handler is checked on this machine's Node ${process.version}, not Node ${LAMBDA_NODE_MAJOR}`);
  const dynamo = await launchDynamoDbLocal();
  try {
    const originSecret = randomBytes(32).toString("base64url");
    const invoked = await run(
      node ?? process.execPath,
      [
        join(__dirname, "invoke-server-function.mjs"),
        join(dir, "server-functions/default/index.mjs"),
        JSON.stringify([{ path: "/api/health" }, { path: "/api/health", headers: { "x-donum-origin-verify": originSecret } }]),
      ],
      {
        ...process.env,
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
      },
    );
    const results = [...invoked.matchAll(/^RESULT:(.*)$/gm)].map((m) => JSON.parse(m[1]!) as { status: number; body: string });
    if (results.length !== 2) {
      problems.push(`the server function's handler did not answer two invocations:\n${invoked.slice(-3000)}`);
      return;
    }
    const [around, through] = [results[0]!, results[1]!];
    if (around.status !== 403 || !around.body.includes('"FORBIDDEN"')) problems.push(`without the origin secret: ${around.status} ${around.body} (expected 403 FORBIDDEN)`);
    if (through.status !== 200 || !through.body.includes('"kind":"dynamodb"')) problems.push(`with the origin secret: ${through.status} ${through.body} (expected 200 from /api/health on DynamoDB)`);
    console.log(`server function handler on Node ${node ? LAMBDA_NODE_MAJOR : process.version} and DynamoDB: /api/health without the origin secret ${around.status}, with it ${through.status}`);
  } finally {
    await stopProcess(dynamo.child);
  }
}

/** Runs a child process to its end, asynchronously, and answers its stdout and stderr together. */
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
  await invokeTheServerFunction();
if (problems.length > 0) {
    console.error(`OpenNext output does not match the stack:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    process.exit(1);
  }
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), "donum-check-")) });
  const context: Record<string, string> = {
    account: "123456789012",
    domainName: "donum.example.eu",
    certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555",
    oidcIssuer: "https://eid.example.eu",
    oidcClientId: "donum-portal",
  };
  createDonumApp(app, settingsFromContext((k) => context[k], root));
  app.synth();
  console.log("OpenNext output: layout as the stack expects; stacks synthesised against it");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
