const { rmSync } = require("node:fs");
const { stopProcess: stop } = require("./processes");

module.exports = async () => {
  const child = globalThis.__donumAppServer;
  const idp = globalThis.__donumDevIdp;
  if (!child && !idp) return;
  await Promise.all([stop(child), stop(idp)]);
  if (process.env.DONUM_TEST_DATA_DIR) rmSync(process.env.DONUM_TEST_DATA_DIR, { recursive: true, force: true });
};
