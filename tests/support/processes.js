/**
 * What the Jest global setups share to run a real server in a child process (DynamoDB Local,
 * s3rver, next start): a free loopback port, a child whose last output is kept for the error
 * message, a wait until it answers, and a stop that escalates from SIGTERM to SIGKILL.
 * Plain CommonJS on purpose: Jest loads global setup files without the SWC transform of the tests.
 */
const { spawn } = require("node:child_process");
const net = require("node:net");

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

/**
 * Spawns a server and resolves once `answers()` is true. On failure (it cannot start, exits, or
 * does not answer in time) it is killed and the error names the command, `hint` and its last output.
 * Resolves with { child, killOnExit, output() }; killOnExit (also run if the parent exits before its
 * teardown) kills it and runs `cleanup`.
 */
async function startServer({ name, command, args, options = {}, answers, timeoutMs, intervalMs = 200, hint = "", cleanup = () => {} }) {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...options });
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
    cleanup();
  };
  process.on("exit", killOnExit);

  const failure = (why) => {
    killOnExit();
    process.removeListener("exit", killOnExit);
    return new Error(
      `${name} did not start (${why}).\nCommand: ${command} ${args.join(" ")}\n${hint}` + (output ? `Its last output:\n${output}` : "It printed nothing."),
    );
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (spawnError) throw failure(`could not run ${command}: ${spawnError.message}`);
    if (exited) throw failure(`the process exited with code ${exited.code} signal ${exited.signal}`);
    if (await answers()) break;
    if (Date.now() > deadline) throw failure(`no answer within ${timeoutMs / 1000} s`);
    await sleep(intervalMs);
  }
  return { child, killOnExit, output: () => output };
}

/** Stops a child process: SIGTERM, then SIGKILL after 5 s. Resolves when it has exited. */
function stopProcess(child) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill("SIGKILL"), 5000);
    force.unref();
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

module.exports = { freePort, sleep, startServer, stopProcess };
