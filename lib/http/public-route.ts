/**
 * The wrappers of public routes (no session, no node signature): always dynamic, behind the
 * front door (lib/http/front-door.ts), errors as problem+json. `publicGet` answers JSON that
 * shared caches never store; `withFrontDoor` guards a route that builds its own response.
 */
import { connection } from "next/server";
import type { Container } from "../server/container";
import { admit } from "./admit";
import { problemResponse } from "./problem";

export function publicGet(answer: (container: Container, query: URLSearchParams) => Promise<unknown>): (request: Request, context: unknown) => Promise<Response> {
  return withFrontDoor<unknown>(async (request, container) => {
    const body = await answer(container, new URL(request.url).searchParams);
    return Response.json(body, { headers: { "cache-control": "no-store" } });
  });
}

/** Runs `handler` for requests that came through the front door, with the container. */
export function withFrontDoor<C>(
  handler: (request: Request, container: Container, context: C) => Promise<Response>,
): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    await connection();
    const admitted = await admit(request);
    if (admitted.refusal) return admitted.refusal;
    const { container } = admitted;
    try {
      return await handler(request, container, context);
    } catch (error) {
      return problemResponse(error, container.log, new URL(request.url).pathname);
    }
  };
}
