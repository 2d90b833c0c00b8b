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
const { mkdtempSync, rmSync } = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { freePort, startServer } = require("./processes");

const READY_TIMEOUT_MS = 30_000;
const BUCKET = "donum-contract";
const BIN = path.join(__dirname, "..", "..", "node_modules", "s3rver", "bin", "s3rver.js");

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

/** Starts an s3rver of its own on a free port with one bucket: { endpoint, bucket, directory, child, killOnExit, output }. Touches no shared state. */
async function launchS3rver() {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const directory = mkdtempSync(path.join(os.tmpdir(), "donum-s3rver-"));
  // s3rver encrypts list continuation tokens with DES, which OpenSSL 3 only offers through its
  // legacy provider: without it every truncated ListObjectsV2 page is a 500.
  const args = ["--openssl-legacy-provider", BIN, "--directory", directory, "--address", "127.0.0.1", "--port", String(port), "--silent", "--configure-bucket", BUCKET];
  const server = await startServer({
    name: "s3rver",
    command: process.execPath,
    args,
    answers: () => answers(endpoint, BUCKET),
    timeoutMs: READY_TIMEOUT_MS,
    intervalMs: 100,
    hint: `It needs the devDependency s3rver (${BIN}).\n`,
    cleanup: () => rmSync(directory, { recursive: true, force: true }),
  });
  return { endpoint, bucket: BUCKET, directory, ...server };
}

module.exports = async function startS3rver() {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  if (process.env.DONUM_TEST_S3_ENDPOINT) {
    process.env.DONUM_TEST_S3_BUCKET ??= BUCKET;
    return;
  }
  const local = await launchS3rver();
  globalThis.__S3RVER__ = local;
  process.env.DONUM_TEST_S3_ENDPOINT = local.endpoint;
  process.env.DONUM_TEST_S3_BUCKET = BUCKET;
};
module.exports.launchS3rver = launchS3rver;
