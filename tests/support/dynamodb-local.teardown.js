/**
 * Jest globalTeardown of the contract:dynamodb project: stops the DynamoDB Local that the setup
 * started (nothing to do when an external DYNAMODB_ENDPOINT was used).
 */
const { stopProcess } = require("./processes");

module.exports = async function stopDynamoDbLocal() {
  const local = globalThis.__DYNAMODB_LOCAL__;
  if (!local) return;
  globalThis.__DYNAMODB_LOCAL__ = undefined;
  process.removeListener("exit", local.killOnExit);
  await stopProcess(local.child);
};
