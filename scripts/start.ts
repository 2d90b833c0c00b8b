/**
 * `npm start`: validate the configuration, create keys and the database on first start,
 * build if needed, then run the production server. A bad setting stops here, with a message
 * naming the variable, before anything listens.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { ConfigError, getConfig } from "../lib/config";
import { createContainer } from "../lib/server/container";
import { buildIfStale } from "./build-if-stale";

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

  const server = spawn(process.execPath, [join(__dirname, "../node_modules/next/dist/bin/next"), "start", "-p", String(config.port)], {
    cwd: join(__dirname, ".."),
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  process.stdout.write(`Donum is starting on ${config.publicUrl} (store: ${config.store.kind}, data: ${config.dataDir})\n`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((e: unknown) => {
  process.stderr.write(`Donum could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
