const { rmSync } = require("node:fs");

/** Stops a child process: SIGTERM, then SIGKILL after 5 s. */
function stop(child) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", resolve);
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5000).unref();
  });
}

module.exports = async () => {
  const child = globalThis.__donumAppServer;
  const idp = globalThis.__donumDevIdp;
  if (!child && !idp) return;
  await Promise.all([stop(child), stop(idp)]);
  if (process.env.DONUM_TEST_DATA_DIR) rmSync(process.env.DONUM_TEST_DATA_DIR, { recursive: true, force: true });
};
