/**
 * Jest globalSetup of the contract:dynamodb project: starts AWS's DynamoDB Local (the jar shipped in
 * amplify-dynamodb-simulator) in memory on a free loopback port, waits until it answers, and hands
 * the endpoint to the test workers through process.env.DYNAMODB_ENDPOINT (globalSetup runs in the
 * parent process; workers are forked after it and inherit its environment).
 *
 * If DYNAMODB_ENDPOINT is already set, that server is used and nothing is started.
 * Plain CommonJS on purpose: Jest loads global setup files without the SWC transform of the tests.
 */
const { existsSync } = require("node:fs");
const path = require("node:path");
const { freePort, startServer } = require("./processes");

const READY_TIMEOUT_MS = 60_000;
const EMULATOR_DIR = path.join(__dirname, "..", "..", "node_modules", "amplify-dynamodb-simulator", "emulator");
const JAR = path.join(EMULATOR_DIR, "DynamoDBLocal.jar");
const LIB = path.join(EMULATOR_DIR, "DynamoDBLocal_lib");

/** True once the server answers a real API call (a TCP accept alone can precede readiness). */
async function answers(endpoint) {
  const { DynamoDBClient, ListTablesCommand } = require("@aws-sdk/client-dynamodb");
  const client = new DynamoDBClient({
    endpoint,
    region: "eu-central-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 1000, requestTimeout: 2000 },
  });
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }));
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
}

/** Starts a DynamoDB Local of its own on a free port: { endpoint, child, killOnExit, output }. Touches no shared state. */
async function launchDynamoDbLocal() {
  if (!existsSync(JAR)) {
    throw new Error(`DynamoDB Local not found at ${JAR}: is the devDependency amplify-dynamodb-simulator installed?`);
  }
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const args = [`-Djava.library.path=${LIB}`, "-jar", JAR, "-inMemory", "-sharedDb", "-disableTelemetry", "-port", String(port)];
  const server = await startServer({
    name: "DynamoDB Local",
    command: "java",
    args,
    options: { cwd: EMULATOR_DIR },
    answers: () => answers(endpoint),
    timeoutMs: READY_TIMEOUT_MS,
    hint: `It needs a Java runtime (java 17 on PATH) and the jar ${JAR}.\n`,
  });
  return { endpoint, ...server };
}

module.exports = async function startDynamoDbLocal() {
  // The SDK warns once per process on Node 20; workers inherit this.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  if (process.env.DYNAMODB_ENDPOINT) return; // an external server was given: use it, start nothing
  const local = await launchDynamoDbLocal();
  globalThis.__DYNAMODB_LOCAL__ = local;
  process.env.DYNAMODB_ENDPOINT = local.endpoint;
};
module.exports.launchDynamoDbLocal = launchDynamoDbLocal;
