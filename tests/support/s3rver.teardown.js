/**
 * Jest globalTeardown of the contract:blob project: stops the s3rver that the setup started and
 * removes its data directory (nothing to do when an external DONUM_TEST_S3_ENDPOINT was used).
 */
const { rmSync } = require("node:fs");
const { stopProcess } = require("./processes");

module.exports = async function stopS3rver() {
  const local = globalThis.__S3RVER__;
  if (!local) return;
  globalThis.__S3RVER__ = undefined;
  const { child, killOnExit, directory, output } = local;
  process.removeListener("exit", killOnExit);
  if (child.exitCode !== null || child.signalCode !== null) {
    // It died during the run: the failed tests say "connection refused"; this says why.
    process.stderr.write(`\ns3rver exited during the run (code ${child.exitCode}, signal ${child.signalCode}). Its last output:\n${output()}\n`);
  } else {
    await stopProcess(child);
  }
  rmSync(directory, { recursive: true, force: true });
};
