/**
 * After `open-next build`: checks that .open-next/ has the layout and settings the stack expects
 * (ADR 0009), and synthesises the stacks against it. `npm run check:opennext` builds and checks;
 * CI runs it after the test suites (it runs `next build`, so never alongside the API tests).
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { App } from "aws-cdk-lib";
import { createDonumApp } from "../lib/app";
import { settingsFromContext } from "../lib/settings";

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
// Load the bundle and invoke its handler as Lambda would (infra/bin/invoke-server-function.mjs).
// Loading runs instrumentation.ts (the container starts, embedded here: its files go to a temporary
// directory). With an origin secret set, the front door (proxy.ts, ADR 0011) must refuse a request
// without it and pass one with it: the proxy runs inside OpenNext's bundle, not only in next start.
const originSecret = randomBytes(32).toString("base64url");
const invoked = execFileSync(
  process.execPath,
  [
    join(__dirname, "invoke-server-function.mjs"),
    join(dir, "server-functions/default/index.mjs"),
    JSON.stringify([{ path: "/api/health" }, { path: "/api/health", headers: { "x-donum-origin-verify": originSecret } }]),
  ],
  {
    env: {
      ...process.env,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      DONUM_DATA_DIR: mkdtempSync(join(tmpdir(), "donum-check-data-")),
      DONUM_ORIGIN_SECRET: originSecret,
    },
  },
).toString();
const results = [...invoked.matchAll(/^RESULT:(.*)$/gm)].map((m) => JSON.parse(m[1]!) as { path: string; status: number; body: string });
if (results.length !== 2) problems.push(`the server function's handler did not answer two invocations:\n${invoked.slice(-2000)}`);
else {
  const [around, through] = [results[0]!, results[1]!];
  if (around.status !== 403 || !around.body.includes('"FORBIDDEN"')) problems.push(`without the origin secret: ${around.status} ${around.body} (expected 403 FORBIDDEN)`);
  if (through.status !== 200 || !through.body.includes('"status":"ok"')) problems.push(`with the origin secret: ${through.status} ${through.body} (expected 200 from /api/health)`);
  console.log(`server function handler: /api/health without the origin secret ${around.status}, with it ${through.status}`);
}
// The native SQLite module is the build machine's: Lambda's nodejs20.x (Amazon Linux 2023) has glibc 2.34.
const native = join(dir, "server-functions/default/node_modules/better-sqlite3/build/Release/better_sqlite3.node");
if (existsSync(native)) {
  const glibc = [...execFileSync("objdump", ["-T", native]).toString().matchAll(/GLIBC_(\d+)\.(\d+)/g)].map((m) => Number(m[1]) * 1000 + Number(m[2]));
  const needed = Math.max(...glibc);
  if (needed > 2034) problems.push(`better_sqlite3.node needs glibc ${Math.floor(needed / 1000)}.${needed % 1000}; Lambda nodejs20.x has 2.34`);
  console.log(`better_sqlite3.node: x86-64, needs glibc ≤ ${Math.floor(needed / 1000)}.${needed % 1000} (Lambda: 2.34)`);
}
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
