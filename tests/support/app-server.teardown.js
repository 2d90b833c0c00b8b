const { rmSync } = require("node:fs");

module.exports = async () => {
  const child = globalThis.__donumAppServer;
  if (!child) return;
  await new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", resolve);
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5000).unref();
  });
  if (process.env.DONUM_TEST_DATA_DIR) rmSync(process.env.DONUM_TEST_DATA_DIR, { recursive: true, force: true });
};
