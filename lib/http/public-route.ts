/**
 * The one wrapper for public GET routes (no session, no node signature): always dynamic,
 * never cached by shared caches, errors as problem+json.
 */
import { connection } from "next/server";
import { createLogger } from "../log";
import { getContainer, type Container } from "../server/container";
import { problemResponse } from "./problem";

export function publicGet(answer: (container: Container, query: URLSearchParams) => Promise<unknown>): (request: Request) => Promise<Response> {
  return async (request) => {
    await connection();
    const url = new URL(request.url);
    try {
      const body = await answer(await getContainer(), url.searchParams);
      return Response.json(body, { headers: { "cache-control": "no-store" } });
    } catch (error) {
      return problemResponse(error, createLogger("error"), url.pathname);
    }
  };
}
