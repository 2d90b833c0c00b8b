/**
 * Jest globalTeardown of the contract:dynamodb project: stops the DynamoDB Local that the setup
 * started (nothing to do when an external DYNAMODB_ENDPOINT was used). SIGTERM first, SIGKILL if
 * the JVM has not exited after a few seconds.
 */
module.exports = async function stopDynamoDbLocal() {
  const local = globalThis.__DYNAMODB_LOCAL__;
  if (!local) return;
  globalThis.__DYNAMODB_LOCAL__ = undefined;
  const { child, killOnExit } = local;
  process.removeListener("exit", killOnExit);
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
};
