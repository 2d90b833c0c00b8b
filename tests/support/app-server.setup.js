/**
 * Starts the built portal with `next start` on a free loopback port, on a fresh data
 * directory, for the API and end-to-end suites. The server's output is captured to
 * test-output/app-server.log (tests grep it for personal identifiers).
 *
 * Before it, the bundled development OpenID provider (scripts/dev-idp/server.ts) starts on
 * another free port with the same environment and data directory, so that sign-in works as
 * with `npm start`; its output goes to test-output/dev-idp.log.
 */
const { spawn, spawnSync } = require("node:child_process");
const { existsSync, mkdirSync, mkdtempSync, openSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { freePort } = require("./processes");

const ROOT = join(__dirname, "..", "..");

async function waitFor(url, child, timeoutMs, what = "next start", log = "test-output/app-server.log") {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}; see ${log}`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not answer at ${url} within ${timeoutMs / 1000} s; see ${log}`);
}

module.exports = async () => {
  if (process.env.DONUM_TEST_BASE_URL) return; // an already running portal was given
  if (!existsSync(join(ROOT, ".next", "BUILD_ID"))) {
    const built = spawnSync(process.execPath, [join(ROOT, "node_modules/next/dist/bin/next"), "build"], { cwd: ROOT, stdio: "inherit" });
    if (built.status !== 0) throw new Error("next build failed");
  }
  const port = await freePort();
  let idpPort = await freePort();
  while (idpPort === port) idpPort = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "donum-api-"));
  mkdirSync(join(ROOT, "test-output"), { recursive: true });
  const env = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DONUM_DATA_DIR: dataDir,
    DONUM_PUBLIC_URL: `http://127.0.0.1:${port}`,
    DONUM_DEV_IDP_PORT: String(idpPort),
    DONUM_LOG_LEVEL: "debug",
  };
  // Tests sign in through the bundled provider; an eID broker set in the caller's shell would replace it.
  for (const k of ["DONUM_OIDC_ISSUER", "DONUM_OIDC_CLIENT_ID", "DONUM_OIDC_CLIENT_SECRET", "DONUM_MODE"]) delete env[k];

  const idpLogFile = join(ROOT, "test-output", "dev-idp.log");
  const idpOut = openSync(idpLogFile, "w");
  // `node --import tsx` rather than the tsx CLI: the PID held is the provider itself.
  const idp = spawn(process.execPath, ["--import", "tsx", join(ROOT, "scripts/dev-idp/server.ts")], {
    cwd: ROOT,
    stdio: ["ignore", idpOut, idpOut],
    env,
  });
  globalThis.__donumDevIdp = idp;
  const issuer = `http://127.0.0.1:${idpPort}`;
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = join(ROOT, "test-output", "app-server.log");
  try {
    await waitFor(`${issuer}/.well-known/openid-configuration`, idp, 30_000, "the development OpenID provider", "test-output/dev-idp.log");
    const out = openSync(logFile, "w");
    const child = spawn(process.execPath, [join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: ROOT,
      stdio: ["ignore", out, out],
      env,
    });
    globalThis.__donumAppServer = child;
    await waitFor(`${baseUrl}/api/health`, child, 90_000, "next start");
  } catch (e) {
    // Jest runs no teardown after a failed setup: leave no server behind.
    idp.kill("SIGTERM");
    globalThis.__donumAppServer?.kill("SIGTERM");
    throw e;
  }
  process.env.DONUM_TEST_BASE_URL = baseUrl;
  process.env.DONUM_TEST_DATA_DIR = dataDir;
  process.env.DONUM_TEST_SERVER_LOG = logFile;
  process.env.DONUM_TEST_IDP_URL = issuer;
  process.env.DONUM_TEST_IDP_LOG = idpLogFile;
};
