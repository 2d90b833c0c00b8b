/**
 * The one wrapper for route handlers that imaging nodes call (the counterpart of withSession):
 *
 *   export const POST = withNode({ maxBodyBytes: 4 * 1024 * 1024, cost: (body) => itemsOf(body) },
 *     async ({ node, actor, container, body }) => Response.json(...));
 *
 * In this order:
 *   1. the body, read as raw bytes up to `maxBodyBytes` (default 64 KiB): more is 413
 *      PAYLOAD_TOO_LARGE before anything is parsed or verified (a declared Content-Length
 *      above the limit is refused without reading);
 *   2. authentication (lib/nodes/request-auth.ts): a refusal is a 401 problem+json carrying
 *      only its code and title, with WWW-Authenticate: DonumNode;
 *   3. the per-node rate limit (lib/nodes/rate-limit.ts): 429 RATE_LIMITED with Retry-After
 *      (whole seconds); `cost(body)` lets one request count as several (a batch);
 *   4. the body parsed as JSON (a non-empty body that is not JSON is 400 INVALID_INPUT);
 *   5. the handler, with the node and the actor { kind: "node", nodeId }.
 *
 * Every refusal of steps 1 and 2 is recorded as a node.request_refused audit entry: the node the
 * request claimed to be from (if its id could be read), the code, the method and the path —
 * never the query, the headers or the body. Rate-limited requests are not recorded one by one
 * (that would turn the limit into a write amplifier); the first refusal of a run is logged.
 */
import type { AuditEvent } from "../audit/events";
import { auditEvent } from "../audit/events";
import { AppError, hasErrorCode } from "../errors";
import { readBodyBytes } from "../http/body";
import { admit } from "../http/admit";
import { problemResponse } from "../http/problem";
import type { Container } from "../server/container";
import type { ImagingNode } from "./node";
import { NODE_AUTH_SCHEME } from "./protocol";
import { createRateLimiter, type RateLimiter, type RateLimitSettings } from "./rate-limit";
import { authenticateNodeRequest, claimedNodeId, NodeAuthError } from "./request-auth";

export const DEFAULT_NODE_MAX_BODY_BYTES = 64 * 1024;

export interface NodeActor {
  kind: "node";
  nodeId: string;
}

export interface NodeRouteContext<P> {
  request: Request;
  /** The authenticated, active node. */
  node: ImagingNode;
  /** Who acts, for the audit trail. */
  actor: NodeActor;
  container: Container;
  params: P;
  /** The body parsed as JSON; undefined when the request has no body. */
  body: unknown;
  /** The exact body bytes, as signed (empty when there is none). */
  bodyBytes: Uint8Array;
}

export type NodeRouteHandler<P> = (ctx: NodeRouteContext<P>) => Promise<Response>;

export interface NodeRouteOptions {
  /** Largest accepted body in bytes; default 64 KiB. */
  maxBodyBytes?: number;
  /** Tokens of the node's rate limit this request uses (default 1), from its parsed body. */
  cost?: (body: unknown) => number;
}

/** What a node request is handled with; withNode supplies the process's own. */
export interface NodeRequestEnvironment {
  container: Container;
  limiter: RateLimiter;
  now?: () => Date;
}

export function withNode<P = Record<string, string | string[]>>(
  options: NodeRouteOptions,
  handler: NodeRouteHandler<P>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    const admitted = await admit(request);
    if (admitted.refusal) return admitted.refusal;
    const { container } = admitted;
    const params = (await context?.params) ?? ({} as P);
    return handleNodeRequest({ container, limiter: processLimiter(container.config.nodeRateLimit) }, options, handler, request, params);
  };
}

// One limiter per server process (kept on globalThis for the same reason as the container).
const holder = globalThis as unknown as { __donumNodeLimiter?: RateLimiter };

function processLimiter(settings: RateLimitSettings): RateLimiter {
  const current = holder.__donumNodeLimiter;
  if (current && current.settings.ratePerSecond === settings.ratePerSecond && current.settings.burst === settings.burst) return current;
  holder.__donumNodeLimiter = createRateLimiter(settings);
  return holder.__donumNodeLimiter;
}

/** Nodes that were refused by the rate limit since their last accepted request (to log a run once). */
const limited = new Set<string>();

/** The whole pipeline, given its environment: withNode's body, and what unit tests drive. */
export async function handleNodeRequest<P>(
  env: NodeRequestEnvironment,
  options: NodeRouteOptions,
  handler: NodeRouteHandler<P>,
  request: Request,
  params: P,
): Promise<Response> {
  const { container } = env;
  const now = env.now ?? (() => new Date());
  const url = new URL(request.url);
  const instance = url.pathname;
  const method = request.method.toUpperCase();
  const authorization = request.headers.get("authorization");
  const refused = (code: string, nodeId: string | null) => recordRefusal(container, now(), { nodeId, code, method, path: url.pathname });

  try {
    let bodyBytes: Uint8Array;
    try {
      bodyBytes = await readBodyBytes(request, options.maxBodyBytes ?? DEFAULT_NODE_MAX_BODY_BYTES);
    } catch (error) {
      if (hasErrorCode(error, "PAYLOAD_TOO_LARGE")) await refused("PAYLOAD_TOO_LARGE", claimedNodeId(authorization));
      throw error;
    }

    let node: ImagingNode;
    try {
      ({ node } = await authenticateNodeRequest({
        method,
        path: `${url.pathname}${url.search}`,
        authorization,
        body: bodyBytes,
        now: now(),
        audience: container.config.publicUrl,
        nodes: container.stores.nodes,
        replays: container.stores.replays,
      }));
    } catch (error) {
      if (!(error instanceof NodeAuthError)) throw error;
      container.log.debug("node request refused", { code: error.code, node: error.nodeId, reason: error.reason, method, path: url.pathname });
      await refused(error.code, error.nodeId);
      const response = problemResponse(error, container.log, instance);
      response.headers.set("www-authenticate", NODE_AUTH_SCHEME);
      return response;
    }

    let body: unknown = undefined;
    let parseError: AppError | null = null;
    if (bodyBytes.byteLength > 0) {
      try {
        body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bodyBytes));
      } catch {
        parseError = new AppError("INVALID_INPUT", "The request body is not valid JSON.");
      }
    }

    const cost = !parseError && options.cost ? options.cost(body) : 1;
    const decision = env.limiter.take(node.id, cost, now().getTime());
    if (!decision.ok) {
      if (!limited.has(node.id)) {
        limited.add(node.id);
        container.log.warn("node rate limit reached", { node: node.id, retryAfterSeconds: decision.retryAfterSeconds });
      }
      const response = problemResponse(new AppError("RATE_LIMITED", `Too many requests from this node; retry after ${decision.retryAfterSeconds} s.`), container.log, instance);
      response.headers.set("retry-after", String(decision.retryAfterSeconds));
      return response;
    }
    limited.delete(node.id);
    if (parseError) throw parseError;

    const response = await handler({ request, node, actor: { kind: "node", nodeId: node.id }, container, params, body, bodyBytes });
    return noStore(response);
  } catch (error) {
    return problemResponse(error, container.log, instance);
  }
}

/** Answers to a node are for that node only. */
function noStore(response: Response): Response {
  if (!response.headers.has("cache-control")) {
    try {
      response.headers.set("cache-control", "no-store");
    } catch {
      // immutable headers (e.g. Response.redirect): leave as they are
    }
  }
  return response;
}

async function recordRefusal(
  container: Container,
  at: Date,
  what: { nodeId: string | null; code: string; method: string; path: string },
): Promise<void> {
  let event: AuditEvent;
  try {
    event = auditEvent("node.request_refused", {
      id: container.deps.newId(),
      at,
      actor: { kind: "system", component: "node-request-auth" },
      subjectKey: null,
      data: { nodeId: what.nodeId, code: what.code, method: what.method.slice(0, 10), path: what.path.slice(0, 300) },
    });
    await container.stores.audit.append(event);
  } catch (error) {
    // The request is refused whatever happens here; a lost record is logged, never a reason to let it through.
    container.log.error("could not record a refused node request", { code: what.code, error: error instanceof Error ? error : String(error) });
  }
}
