/**
 * The one wrapper for route handlers that act for a signed-in user, and its counterpart for
 * Server Components.
 *
 *   export const GET = withSession({ role: "citizen" }, async ({ user, actor, container }) => Response.json(...));
 *
 * Order of checks: for POST/PUT/PATCH/DELETE, the Origin (403), the content type (400) and the
 * body size (413) first — they are about the request, not the user, and cost nothing; then the
 * session (401) and the role (403). Every error leaves as problem+json (lib/http/problem.ts).
 */
import { notFound, redirect } from "next/navigation";
import type { Actor } from "../audit/events";
import { AppError } from "../errors";
import { admit } from "../http/admit";
import { problemResponse } from "../http/problem";
import type { Container } from "../server/container";
import type { Role } from "./claims";
import { checkOrigin, isUnsafeMethod, readJsonBody, safeCallbackPath } from "./request-guard";
import { getSessionUser, type SessionUser } from "./session";

export interface SessionRouteContext<P> {
  request: Request;
  user: SessionUser;
  /** Who acts, for the audit trail. For a citizen route, the subject always comes from here, never from the request. */
  actor: Actor;
  container: Container;
  params: P;
  /** The parsed JSON body of a POST/PUT/PATCH/DELETE (the request stream has been read); undefined for GET. */
  body: unknown;
}

export type SessionRouteHandler<P> = (ctx: SessionRouteContext<P>) => Promise<Response>;

/**
 * The audit actor of a session user in a role. The Actor type has no regulator kind yet, so
 * regulators are recorded like operators, by their provider `sub`.
 */
export function actorFor(user: SessionUser, role: Role): Actor {
  if (role === "citizen") {
    if (!user.subjectKey) throw new AppError("FORBIDDEN");
    return { kind: "subject", subjectKey: user.subjectKey };
  }
  return { kind: "operator", id: `oidc:${user.sub}` };
}

export function withSession<P = Record<string, string | string[]>>(
  options: { role: Role; /** Bytes; default 64 KiB. */ maxBodyBytes?: number },
  handler: SessionRouteHandler<P>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    const instance = new URL(request.url).pathname;
    const admitted = await admit(request);
    if (admitted.refusal) return admitted.refusal;
    const { container } = admitted;
    try {
      let body: unknown = undefined;
      if (isUnsafeMethod(request.method)) {
        checkOrigin(request, new URL(container.config.publicUrl).origin);
        body = await readJsonBody(request, options.maxBodyBytes);
      }
      const user = await getSessionUser();
      if (!user) throw new AppError("UNAUTHENTICATED");
      if (!user.roles.includes(options.role)) throw new AppError("FORBIDDEN", `This needs the ${options.role} role.`);
      const params = (await context?.params) ?? ({} as P);
      const response = await handler({ request, user, actor: actorFor(user, options.role), container, params, body });
      return privateResponse(response);
    } catch (error) {
      return problemResponse(error, container.log, instance);
    }
  };
}

/** Answers about a signed-in person are never stored by shared caches. */
function privateResponse(response: Response): Response {
  if (!response.headers.has("cache-control")) {
    try {
      response.headers.set("cache-control", "private, no-store");
    } catch {
      // immutable headers (e.g. Response.redirect): leave as they are
    }
  }
  return response;
}

/**
 * For Server Components (pages) that need a signed-in user in a role: signed out → the sign-in
 * page, coming back to `callbackPath` afterwards; signed in without the role → not found (Next's
 * forbidden() needs experimental.authInterrupts).
 */
export async function requirePageUser(role: Role, callbackPath = "/"): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(safeCallbackPath(callbackPath))}`);
  if (!user.roles.includes(role)) notFound();
  return user;
}
