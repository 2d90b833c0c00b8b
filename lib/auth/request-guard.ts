/**
 * Checks on state-changing requests to session routes, before anything else runs: the Origin
 * must be the portal's own (CSRF defence on top of SameSite=Lax cookies), the body must be JSON
 * and at most 64 KiB. Pure apart from reading the request body; no Next imports.
 */
import { AppError } from "../errors";
import { readBodyBytes } from "../http/body";

export const MAX_JSON_BODY_BYTES = 64 * 1024;
export const UNSAFE_METHODS: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isUnsafeMethod(method: string): boolean {
  return UNSAFE_METHODS.has(method.toUpperCase());
}

/** The Origin header must name exactly the portal's public origin. */
export function checkOrigin(request: Request, publicOrigin: string): void {
  const origin = request.headers.get("origin");
  if (origin === null) throw new AppError("FORBIDDEN", "This request must come from the Donum portal itself (no Origin header was sent).");
  if (origin !== publicOrigin) throw new AppError("FORBIDDEN", "This request must come from the Donum portal itself (the Origin does not match).");
}

function isJsonContentType(value: string | null): boolean {
  if (!value) return false;
  const type = value.split(";")[0]!.trim().toLowerCase();
  return type === "application/json";
}

/**
 * Reads and parses the JSON body of an unsafe request, refusing more than `limit` bytes without
 * reading further. A DELETE may come without a body (then `undefined`).
 */
export async function readJsonBody(request: Request, limit: number = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const declared = request.headers.get("content-length");
  const contentType = request.headers.get("content-type");
  if (request.method.toUpperCase() === "DELETE" && !contentType && (declared === null || declared === "0")) {
    await drain(request, limit);
    return undefined;
  }
  if (!isJsonContentType(contentType)) {
    // Read (up to the limit) and drop what was sent, so that the connection is left clean for the
    // client's next request on it.
    await drain(request, limit);
    throw new AppError("INVALID_INPUT", "The request body must be JSON (Content-Type: application/json).");
  }
  const text = await drain(request, limit);
  if (text === "") throw new AppError("INVALID_INPUT", "The request body must be a JSON document; it was empty.");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("INVALID_INPUT", "The request body is not valid JSON.");
  }
}

async function drain(request: Request, limit: number): Promise<string> {
  return Buffer.from(await readBodyBytes(request, limit)).toString("utf8");
}

/** Only a same-site path ("/consent"), never "//evil.example", "/\\evil.example" or "https://…"; anything else is "/". */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (value.length > 512 || /[\u0000-\u001f\u007f]/.test(value)) return "/";
  return value;
}
