/**
 * Jest globalSetup of the contract:blob project: starts s3rver (an S3-compatible server, the only
 * one on npm) in its own process on a free loopback port, with its data in a fresh temporary
 * directory and one bucket, waits until it answers, and hands the endpoint and bucket to the test
 * workers through process.env.DONUM_TEST_S3_ENDPOINT / DONUM_TEST_S3_BUCKET (workers are forked
 * after globalSetup and inherit its environment). Its own process, so that the server's memory and
 * CPU are not counted in the tests' process (one contract test measures memory).
 *
 * If DONUM_TEST_S3_ENDPOINT is already set, that server is used and nothing is started (the bucket
 * named by DONUM_TEST_S3_BUCKET must exist there).
 * Plain CommonJS on purpose: Jest loads global setup files without the SWC transform of the tests.
 */
const { spawn } = require("node:child_process");
const { mkdtempSync, rmSync } = require("node:fs");
const net = require("node:net");
const os = require("node:os");
const path = require("node:path");

const READY_TIMEOUT_MS = 30_000;
const BUCKET = "donum-contract";
const BIN = path.join(__dirname, "..", "..", "node_modules", "s3rver", "bin", "s3rver.js");

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

/** True once the server answers a real API call for the bucket. */
async function answers(endpoint, bucket) {
  const { S3Client, HeadBucketCommand } = require("@aws-sdk/client-s3");
  const client = new S3Client({
    endpoint,
    region: "eu-central-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 1000, requestTimeout: 2000 },
  });
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
}

module.exports = async function startS3rver() {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  if (process.env.DONUM_TEST_S3_ENDPOINT) {
    process.env.DONUM_TEST_S3_BUCKET ??= BUCKET;
    return;
  }

  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const directory = mkdtempSync(path.join(os.tmpdir(), "donum-s3rver-"));
  // s3rver encrypts list continuation tokens with DES, which OpenSSL 3 only offers through its
  // legacy provider: without it every truncated ListObjectsV2 page is a 500.
  const args = ["--openssl-legacy-provider", BIN, "--directory", directory, "--address", "127.0.0.1", "--port", String(port), "--silent", "--configure-bucket", BUCKET];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });

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
  const killOnExit = () => {
    child.kill("SIGKILL");
    rmSync(directory, { recursive: true, force: true });
  };
  process.on("exit", killOnExit);
  globalThis.__S3RVER__ = { child, killOnExit, directory, output: () => output };

  const failure = (why) =>
    new Error(
      `s3rver did not start (${why}).\nCommand: ${process.execPath} ${args.join(" ")}\n` +
        `It needs the devDependency s3rver (${BIN}).\n` +
        (output ? `Its last output:\n${output}` : "It printed nothing."),
    );

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (spawnError) throw failure(`could not run node: ${spawnError.message}`);
    if (exited) throw failure(`the process exited with code ${exited.code} signal ${exited.signal}`);
    if (await answers(endpoint, BUCKET)) break;
    if (Date.now() > deadline) {
      killOnExit();
      throw failure(`no answer on ${endpoint} within ${READY_TIMEOUT_MS / 1000} s`);
    }
    await sleep(100);
  }
  process.env.DONUM_TEST_S3_ENDPOINT = endpoint;
  process.env.DONUM_TEST_S3_BUCKET = BUCKET;
};
