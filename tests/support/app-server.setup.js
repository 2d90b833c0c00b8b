/**
 * Starts the built portal with `next start` on a free loopback port, on a fresh data
 * directory, for the API and end-to-end suites. The server's output is captured to
 * test-output/app-server.log (tests grep it for personal identifiers).
 */
const { spawn, spawnSync } = require("node:child_process");
const { existsSync, mkdirSync, mkdtempSync, openSync } = require("node:fs");
const net = require("node:net");
const { tmpdir } = require("node:os");
const { join } = require("node:path");

const ROOT = join(__dirname, "..", "..");

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}; see test-output/app-server.log`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The portal did not become healthy at ${url} within ${timeoutMs / 1000} s; see test-output/app-server.log`);
}

module.exports = async () => {
  if (process.env.DONUM_TEST_BASE_URL) return; // an already running portal was given
  if (!existsSync(join(ROOT, ".next", "BUILD_ID"))) {
    const built = spawnSync(process.execPath, [join(ROOT, "node_modules/next/dist/bin/next"), "build"], { cwd: ROOT, stdio: "inherit" });
    if (built.status !== 0) throw new Error("next build failed");
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "donum-api-"));
  mkdirSync(join(ROOT, "test-output"), { recursive: true });
  const logFile = join(ROOT, "test-output", "app-server.log");
  const out = openSync(logFile, "w");
  const child = spawn(process.execPath, [join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DONUM_DATA_DIR: dataDir,
      DONUM_PUBLIC_URL: `http://127.0.0.1:${port}`,
      DONUM_LOG_LEVEL: "debug",
    },
  });
  globalThis.__donumAppServer = child;
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/api/health`, child, 90_000);
  process.env.DONUM_TEST_BASE_URL = baseUrl;
  process.env.DONUM_TEST_DATA_DIR = dataDir;
  process.env.DONUM_TEST_SERVER_LOG = logFile;
};
