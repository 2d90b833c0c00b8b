/**
 * `npm start`: validate the configuration, create keys and the database on first start,
 * build if needed, then run the production server. A bad setting stops here, with a message
 * naming the variable, before anything listens.
 *
 * With no eID broker configured (the embedded default), the bundled development OpenID provider
 * (scripts/dev-idp/server.ts) starts first, on 127.0.0.1:$DONUM_DEV_IDP_PORT, and stops with the
 * portal.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { ConfigError, getConfig } from "../lib/config";
import { createContainer } from "../lib/server/container";
import { buildIfStale } from "./build-if-stale";
import { DEMO_ACCOUNTS } from "./dev-idp/accounts";

const ROOT = join(__dirname, "..");

async function waitForDiscovery(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error("the development OpenID provider stopped during start-up; see the messages above");
    }
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the development OpenID provider did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/** Starts the development provider and resolves once its discovery document is served. */
async function startDevIdp(issuer: string): Promise<ChildProcess> {
  const idp = spawn(process.execPath, ["--import", "tsx", join(ROOT, "scripts/dev-idp/server.ts")], {
    cwd: ROOT,
    stdio: "inherit",
    env: process.env,
  });
  try {
    await waitForDiscovery(`${issuer}/.well-known/openid-configuration`, idp, 30_000);
  } catch (e) {
    idp.kill("SIGTERM");
    throw e;
  }
  return idp;
}

function demoAccountsHint(publicUrl: string): string {
  const lines = DEMO_ACCOUNTS.map((a) => `    - ${a.name}: ${a.description}`);
  return [
    "Development sign-in (not a real eID): open",
    `  ${publicUrl}/signin`,
    'click "Sign in with your national eID", then pick one of the demo accounts:',
    ...lines,
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  let config;
  try {
    config = getConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  // Opens the store (running migrations), creates keys and publishes the first form, then
  // closes again: the server process opens its own handle.
  const container = await createContainer(config);
  await container.stores.close();

  buildIfStale();

  const idp = config.auth.devIdp ? await startDevIdp(config.auth.issuer) : null;

  const server = spawn(process.execPath, [join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(config.port)], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  process.stdout.write(`Donum is starting on ${config.publicUrl} (store: ${config.store.kind}, data: ${config.dataDir})\n`);
  if (idp) process.stdout.write(demoAccountsHint(config.publicUrl));

  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopping = true;
      server.kill(signal);
      idp?.kill(signal);
    });
  }
  const idpExited = idp ? new Promise<void>((r) => (idp.exitCode !== null ? r() : idp.once("exit", () => r()))) : Promise.resolve();
  idp?.once("exit", (code, signal) => {
    if (stopping) return;
    // Without its identity provider the portal cannot sign anyone in: stop it too.
    process.stderr.write(`The development OpenID provider stopped (${signal ?? `exit code ${code}`}); stopping the portal.\n`);
    stopping = true;
    server.kill("SIGTERM");
  });
  server.on("exit", (code, signal) => {
    stopping = true;
    idp?.kill("SIGTERM");
    const status = code ?? (signal ? 1 : 0);
    void idpExited.then(() => process.exit(status));
    setTimeout(() => process.exit(status), 5000).unref();
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`Donum could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
