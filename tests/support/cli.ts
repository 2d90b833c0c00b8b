/**
 * Child processes for tests, run asynchronously: a stand-in served from the test's own process
 * (KMS, Secrets Manager) must be able to answer them. runDonum runs the operator CLI
 * (`scripts/donum.ts`) with only the given DONUM_* and AWS_* settings (none inherited from the
 * caller's shell).
 */
import { spawn } from "node:child_process";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..", "..");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runDonum(args: string[], env: Record<string, string>): Promise<CliRun> {
  const childEnv = { ...process.env };
  for (const k of Object.keys(childEnv)) if (k.startsWith("DONUM_") || k.startsWith("AWS_")) delete childEnv[k];
  Object.assign(childEnv, env, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" });
  return runProcess(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "scripts/donum.ts"), ...args], { env: childEnv });
}

/** Runs a child process to its end (killed after `timeoutMs`), collecting its output. */
export function runProcess(command: string, args: string[], options: { env: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: ROOT, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 80_000);
    child.on("error", fail);
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}
