/**
 * The one converter from errors to HTTP responses: RFC 9457 problem+json with a stable `code`.
 * Unexpected errors are logged under a correlation id and answered with a generic message
 * that carries the same id, never with internals.
 */
import { randomUUID } from "node:crypto";
import { AppError, ERROR_CODES, isAppError, type FieldIssue } from "../errors";
import type { Logger } from "../log";

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  correlationId?: string;
  errors?: FieldIssue[];
}

export const PROBLEM_TYPE_BASE = "https://donum.eu/problems/";

export function problemFor(error: unknown, log: Logger, instance?: string): Problem {
  if (isAppError(error)) {
    const { title } = ERROR_CODES[error.code];
    return {
      type: `${PROBLEM_TYPE_BASE}${error.code.toLowerCase().replaceAll("_", "-")}`,
      title,
      status: error.status,
      code: error.code,
      ...(error.message !== title ? { detail: error.message } : {}),
      ...(instance ? { instance } : {}),
      ...(error.issues.length > 0 ? { errors: error.issues } : {}),
    };
  }
  const correlationId = randomUUID();
  log.error("unexpected error", { correlationId, error: error instanceof Error ? error : String(error) });
  const { title, status } = ERROR_CODES.INTERNAL;
  return {
    type: `${PROBLEM_TYPE_BASE}internal`,
    title,
    status,
    code: "INTERNAL",
    detail: `Quote this reference if you contact us: ${correlationId}`,
    correlationId,
    ...(instance ? { instance } : {}),
  };
}

export function problemResponse(error: unknown, log: Logger, instance?: string): Response {
  const problem = problemFor(error, log, instance);
  return Response.json(problem, {
    status: problem.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store" },
  });
}

export { AppError };
