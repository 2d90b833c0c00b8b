/**
 * After `open-next build`: checks that .open-next/ has the layout and settings the stack expects
 * (ADR 0009), and synthesises the stacks against it. `npm run check:opennext` builds and checks;
 * CI runs it after the test suites (it runs `next build`, so never alongside the API tests).
 */
import { execFileSync } from "node:child_process";
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
const handler = execFileSync(process.execPath, ["--input-type=module", "-e", // The streaming wrapper uses the global the Lambda Node.js runtime provides.
  `globalThis.awslambda = { streamifyResponse: (h) => h, HttpResponseStream: { from: (s) => s } }; const m = await import(${JSON.stringify(join(dir, "server-functions/default/index.mjs"))}); process.stdout.write("\\nHANDLER:" + typeof m.handler); process.exit(0)`], {
  // Loading the bundle runs instrumentation.ts (the container starts, embedded here): keep its files out of the bundle.
  env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", DONUM_DATA_DIR: mkdtempSync(join(tmpdir(), "donum-check-data-")) },
})
  .toString()
  .match(/HANDLER:(\w+)/)?.[1];
if (handler !== "function") problems.push(`server index.mjs exports handler: ${handler}`);
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
