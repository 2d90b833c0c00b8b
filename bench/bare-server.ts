/**
 * The consent check without Next: a bare node:http server that does exactly what
 * POST /api/v1/decisions does (app/api/v1/decisions/route.ts through lib/nodes/with-node.ts) —
 * read the body (64 KiB limit), authenticate the node with authenticateNodeRequest (the same node
 * store, the same replay store), take the per-node rate limit, parse the JSON, checkSingle with
 * the same container (the same SQLite file, keys and pepper) and answer the same JSON with
 * Cache-Control: no-store. Errors are answered by the same problemResponse. The batch route is
 * mirrored too (2.5 MiB, rate cost per 50 subjects), and so is the portal's background work: the
 * verifiable-log integrator that instrumentation.ts starts.
 *
 * Only for the benchmark (bench/run.ts starts it): configuration from the environment as the
 * portal reads it (DONUM_DATA_DIR, DONUM_PUBLIC_URL, …), listening on 127.0.0.1:$BENCH_BARE_PORT.
 * GET /api/health answers what the portal's health route answers (checkHealth), once the container is up. It stops on SIGTERM/SIGINT, and when the
 * process that started it goes away (IPC channel closed).
 */
import http from "node:http";
import { getConfig } from "../lib/config";
import { checkBatch, checkSingle } from "../lib/decisions/check";
import { decisionDepsOf } from "../lib/decisions/deps";
import { BATCH_CHECK_MAX_BODY_BYTES, batchRateCost, SINGLE_CHECK_MAX_BODY_BYTES } from "../lib/decisions/schemas";
import { AppError } from "../lib/errors";
import { checkHealth } from "../lib/health";
import { startIntegrator } from "../lib/audit/log/runtime";
import { problemResponse } from "../lib/http/problem";
import { NODE_AUTH_SCHEME } from "../lib/nodes/protocol";
import { createRateLimiter } from "../lib/nodes/rate-limit";
import { authenticateNodeRequest, NodeAuthError } from "../lib/nodes/request-auth";
import { createContainer, type Container } from "../lib/server/container";

interface Route {
  maxBodyBytes: number;
  cost?: (body: unknown) => number;
  handle: (container: Container, node: { id: string }, body: unknown) => Promise<unknown>;
}

const ROUTES: Record<string, Route> = {
  "/api/v1/decisions": {
    maxBodyBytes: SINGLE_CHECK_MAX_BODY_BYTES,
    handle: (container, node, body) => checkSingle(decisionDepsOf(container), node, body),
  },
  "/api/v1/decisions/batch": {
    maxBodyBytes: BATCH_CHECK_MAX_BODY_BYTES,
    cost: batchRateCost,
    handle: (container, node, body) => checkBatch(decisionDepsOf(container), node, body),
  },
};

function readBody(req: http.IncomingMessage, limit: number): Promise<Uint8Array> {
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > limit) return Promise.reject(new AppError("PAYLOAD_TOO_LARGE"));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        req.destroy();
        reject(new AppError("PAYLOAD_TOO_LARGE"));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

async function send(res: http.ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((v, k) => (headers[k] = v));
  const text = await response.text();
  res.writeHead(response.status, { ...headers, "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function sendJson(res: http.ServerResponse, value: unknown): void {
  // What Response.json(value, { headers: { "cache-control": "no-store" } }) answers.
  const text = JSON.stringify(value);
  res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

async function main(): Promise<void> {
  const port = Number(process.env.BENCH_BARE_PORT);
  if (!Number.isInteger(port) || port <= 0) throw new Error("BENCH_BARE_PORT is not set");
  const config = getConfig();
  const container = await createContainer(config);
  const limiter = createRateLimiter(config.nodeRateLimit);
  // What instrumentation.ts does in the portal's process: integrate audit entries into the
  // verifiable log every 2 s (ADR 0007). Both servers share one database, so either may
  // integrate the other's entries; each does the same background work.
  startIntegrator(container);

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://bare.invalid");
      if (req.method === "GET" && url.pathname === "/api/health") {
        // What app/api/health/route.ts answers: the framework-overhead probe of bench/run.ts.
        const health = await checkHealth(container);
        const text = JSON.stringify(health);
        res.writeHead(health.status === "ok" ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store", "content-length": Buffer.byteLength(text) });
        res.end(text);
        return;
      }
      const route = req.method === "POST" ? ROUTES[url.pathname] : undefined;
      if (!route) {
        res.writeHead(404);
        res.end();
        return;
      }
      const instance = url.pathname;
      try {
        const bodyBytes = await readBody(req, route.maxBodyBytes);
        let node;
        try {
          ({ node } = await authenticateNodeRequest({
            method: "POST",
            path: `${url.pathname}${url.search}`,
            authorization: req.headers.authorization ?? null,
            body: bodyBytes,
            now: new Date(),
            audience: config.publicUrl,
            nodes: container.stores.nodes,
            replays: container.stores.replays,
          }));
        } catch (error) {
          if (!(error instanceof NodeAuthError)) throw error;
          const response = problemResponse(error, container.log, instance);
          response.headers.set("www-authenticate", NODE_AUTH_SCHEME);
          await send(res, response);
          return;
        }
        let body: unknown;
        try {
          body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bodyBytes));
        } catch {
          throw new AppError("INVALID_INPUT", "The request body is not valid JSON.");
        }
        const taken = limiter.take(node.id, route.cost ? route.cost(body) : 1, Date.now());
        if (!taken.ok) {
          const response = problemResponse(new AppError("RATE_LIMITED"), container.log, instance);
          response.headers.set("retry-after", String(taken.retryAfterSeconds));
          await send(res, response);
          return;
        }
        sendJson(res, await route.handle(container, node, body));
      } catch (error) {
        await send(res, problemResponse(error, container.log, instance));
      }
    })();
  });
  server.keepAliveTimeout = 65_000;

  const stop = () => {
    server.close();
    server.closeAllConnections();
    void container.stores.close().finally(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  process.once("disconnect", stop);

  server.listen(port, "127.0.0.1", () => {
    process.stdout.write(`bare server listening on http://127.0.0.1:${port} (pid ${process.pid})\n`);
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`bare server could not start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
