/**
 * Jest globalSetup of the contract:dynamodb project: starts AWS's DynamoDB Local (the jar shipped in
 * amplify-dynamodb-simulator) in memory on a free loopback port, waits until it answers, and hands
 * the endpoint to the test workers through process.env.DYNAMODB_ENDPOINT (globalSetup runs in the
 * parent process; workers are forked after it and inherit its environment).
 *
 * If DYNAMODB_ENDPOINT is already set, that server is used and nothing is started.
 * Plain CommonJS on purpose: Jest loads global setup files without the SWC transform of the tests.
 */
const { spawn } = require("node:child_process");
const { existsSync } = require("node:fs");
const net = require("node:net");
const path = require("node:path");

const READY_TIMEOUT_MS = 60_000;
const EMULATOR_DIR = path.join(__dirname, "..", "..", "node_modules", "amplify-dynamodb-simulator", "emulator");
const JAR = path.join(EMULATOR_DIR, "DynamoDBLocal.jar");
const LIB = path.join(EMULATOR_DIR, "DynamoDBLocal_lib");

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

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

module.exports = async function startDynamoDbLocal() {
  // The SDK warns once per process on Node 20; workers inherit this.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

  if (process.env.DYNAMODB_ENDPOINT) return; // an external server was given: use it, start nothing

  if (!existsSync(JAR)) {
    throw new Error(`DynamoDB Local not found at ${JAR}: is the devDependency amplify-dynamodb-simulator installed?`);
  }
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const args = [`-Djava.library.path=${LIB}`, "-jar", JAR, "-inMemory", "-sharedDb", "-disableTelemetry", "-port", String(port)];
  const child = spawn("java", args, { cwd: EMULATOR_DIR, stdio: ["ignore", "pipe", "pipe"] });

  // Keep the last output for the error message if it never becomes ready.
  let output = "";
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let exited = null;
  let spawnError = null;
  child.on("error", (e) => {
    spawnError = e;
  });
  child.on("exit", (code, signal) => {
    exited = { code, signal };
  });
  // Never leave a JVM behind if Jest dies before its teardown runs.
  const killOnExit = () => child.kill("SIGKILL");
  process.on("exit", killOnExit);

  globalThis.__DYNAMODB_LOCAL__ = { child, killOnExit };

  const failure = (why) =>
    new Error(
      `DynamoDB Local did not start (${why}).\n` +
        `Command: java ${args.join(" ")}\n` +
        `It needs a Java runtime (java 17 on PATH) and the jar ${JAR}.\n` +
        (output ? `Its last output:\n${output}` : "It printed nothing."),
    );

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (spawnError) throw failure(`could not run java: ${spawnError.message}`);
    if (exited) throw failure(`the process exited with code ${exited.code} signal ${exited.signal}`);
    if (await answers(endpoint)) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw failure(`no answer on ${endpoint} within ${READY_TIMEOUT_MS / 1000} s`);
    }
    await sleep(200);
  }
  process.env.DYNAMODB_ENDPOINT = endpoint;
};
