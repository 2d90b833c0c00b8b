/**
 * A closed-loop load generator over node:http with keep-alive connections, for loopback only.
 *
 * C workers each keep one request in flight on their own connection: send, wait for the whole
 * answer, send the next. The run is bounded by a request count AND a deadline; it stops by itself.
 * Each request carries its own signed token (fresh jti). By default every token of a phase is
 * signed just before the phase starts ("ahead"), so that the load generator's signing does not
 * take CPU from the server on a 2-core machine while the clock runs; a token is re-signed if it is
 * older than 45 s when its turn comes (tokens live 60 s). `signAhead: false` signs each request
 * just before it is sent.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";
import type { RequestSigner } from "../../lib/client/request-signer";
import { LOOPBACK, treeCpuMs } from "./processes";

export interface HttpAnswer {
  status: number;
  body: Buffer;
  error?: string;
}

/** One POST (or, without a body, GET) to the loopback server; never rejects (a transport error is status 0). */
export function post(
  agent: http.Agent,
  port: number,
  path: string,
  body: Buffer | null,
  authorization: string | null,
  timeoutMs: number,
): Promise<HttpAnswer> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (a: HttpAnswer) => {
      if (!settled) {
        settled = true;
        resolve(a);
      }
    };
    const req = http.request({
      host: LOOPBACK,
      port,
      path,
      method: body ? "POST" : "GET",
      agent,
      timeout: timeoutMs,
      headers: {
        ...(authorization ? { authorization } : {}),
        ...(body ? { "content-type": "application/json", "content-length": body.byteLength } : {}),
      },
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => done({ status: res.statusCode ?? 0, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) }));
      res.on("error", (e) => done({ status: 0, body: Buffer.alloc(0), error: e.message }));
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", (e) => done({ status: 0, body: Buffer.alloc(0), error: e.message }));
    if (body) req.end(body);
    else req.end();
  });
}

export interface LoadOptions {
  port: number;
  path: string;
  concurrency: number;
  requests: number;
  /** The JSON body of request i; null: GET requests without a body or a signature. */
  body: ((i: number) => string) | null;
  signer: RequestSigner;
  signAhead: boolean;
  /** No request is started after this many ms from the start of the phase. */
  maxDurationMs: number;
  timeoutMs: number;
  /** The server's PID, to count its CPU time (and its children's) over the phase. */
  serverPid?: number;
  /**
   * Connections to use (and leave open): pass the warm-up's agent to the measured phase, so that
   * it starts on open keep-alive connections instead of opening C at once. Default: a new agent,
   * destroyed at the end.
   */
  agent?: http.Agent;
}

/** An agent for C concurrent keep-alive connections. */
export function keepAliveAgent(concurrency: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
}

export interface Percentiles {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export interface LoadResult {
  concurrency: number;
  requested: number;
  completed: number;
  ok: number;
  errors: number;
  /** Up to 5 distinct error statuses/messages, for the log. */
  errorSamples: string[];
  permits: number;
  denies: number;
  durationMs: number;
  perSecond: number;
  latencyMs: Percentiles;
  /** Server CPU (user + system, all its processes) per completed request, in ms; null without /proc. */
  serverCpuMsPerRequest: number | null;
  /** Server CPU over wall time: 1.0 = one core busy for the whole phase. */
  serverCores: number | null;
  /** This process's CPU per completed request (the load generator, and signing when inline). */
  clientCpuMsPerRequest: number;
  /** Time spent signing tokens before the phase (ahead) or inside it (inline), ms. */
  signingMs: number;
  /** True when the deadline stopped the phase before every request was sent. */
  stoppedByDeadline: boolean;
}

export function percentiles(values: ArrayLike<number>, count = values.length): Percentiles {
  const sorted = Float64Array.from({ length: count }, (_, i) => values[i]!).sort();
  if (count === 0) return { p50: NaN, p90: NaN, p99: NaN, max: NaN, mean: NaN };
  // Nearest-rank percentiles.
  const at = (p: number) => sorted[Math.min(count - 1, Math.max(0, Math.ceil((p / 100) * count) - 1))]!;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += sorted[i]!;
  return { p50: at(50), p90: at(90), p99: at(99), max: sorted[count - 1]!, mean: sum / count };
}

const RESIGN_AFTER_MS = 45_000;
const PERMIT = Buffer.from('"decision":"PERMIT"');
const DENY = Buffer.from('"decision":"DENY"');

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const n = o.requests;
  const makeBody = o.body;
  const bodies = makeBody ? Array.from({ length: n }, (_, i) => Buffer.from(makeBody(i), "utf8")) : null;
  const sign = (i: number) => (bodies ? o.signer.sign({ method: "POST", path: o.path, body: bodies[i]! }) : null);

  let signingMs = 0;
  const tokens: (string | null)[] = new Array<string | null>(n);
  const signedAt = new Float64Array(n);
  if (o.signAhead && bodies) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      tokens[i] = sign(i);
      signedAt[i] = Date.now();
    }
    signingMs = performance.now() - t0;
  }

  const agent = o.agent ?? keepAliveAgent(o.concurrency);
  const latencies = new Float64Array(n);
  let completed = 0;
  let ok = 0;
  let permits = 0;
  let denies = 0;
  const errorSamples = new Set<string>();
  let errors = 0;
  let nextIndex = 0;
  let stoppedByDeadline = false;

  const cpuServer0 = treeCpuMs(o.serverPid);
  const cpuClient0 = process.cpuUsage();
  const start = performance.now();
  const deadline = start + o.maxDurationMs;

  async function worker(): Promise<void> {
    for (;;) {
      if (performance.now() > deadline) {
        stoppedByDeadline = nextIndex < n;
        return;
      }
      const i = nextIndex++;
      if (i >= n) return;
      let authorization: string | null;
      if (!bodies) {
        authorization = null;
      } else if (o.signAhead && Date.now() - signedAt[i]! < RESIGN_AFTER_MS) {
        authorization = tokens[i]!;
      } else {
        const s0 = performance.now();
        authorization = sign(i);
        signingMs += performance.now() - s0;
      }
      const t0 = performance.now();
      const answer = await post(agent, o.port, o.path, bodies ? bodies[i]! : null, authorization, o.timeoutMs);
      latencies[completed++] = performance.now() - t0;
      if (answer.status === 200) {
        ok++;
        if (answer.body.indexOf(PERMIT) >= 0) permits++;
        else if (answer.body.indexOf(DENY) >= 0) denies++;
      } else {
        errors++;
        if (errorSamples.size < 5) errorSamples.add(`${answer.status} ${answer.error ?? answer.body.toString("utf8").slice(0, 200)}`);
      }
    }
  }

  await Promise.all(Array.from({ length: o.concurrency }, () => worker()));
  const durationMs = performance.now() - start;
  const cpuServer1 = treeCpuMs(o.serverPid);
  const cpuClient = process.cpuUsage(cpuClient0);
  if (!o.agent) agent.destroy();

  const serverCpuMs = cpuServer0 !== null && cpuServer1 !== null ? cpuServer1 - cpuServer0 : null;
  return {
    concurrency: o.concurrency,
    requested: n,
    completed,
    ok,
    errors,
    errorSamples: [...errorSamples],
    permits,
    denies,
    durationMs,
    perSecond: (ok / durationMs) * 1000,
    latencyMs: percentiles(latencies, completed),
    serverCpuMsPerRequest: serverCpuMs !== null && completed > 0 ? serverCpuMs / completed : null,
    serverCores: serverCpuMs !== null ? serverCpuMs / durationMs : null,
    clientCpuMsPerRequest: completed > 0 ? (cpuClient.user + cpuClient.system) / 1000 / completed : 0,
    signingMs,
    stoppedByDeadline,
  };
}
