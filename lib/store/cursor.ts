/** Opaque page cursors: base64url JSON, validated on the way back in. */
import { AppError } from "../errors";

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

export function decodeCursor<T>(cursor: string, check: (v: unknown) => v is T): T {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (check(value)) return value;
  } catch {
    // fall through
  }
  throw new AppError("INVALID_INPUT", "The page cursor is not valid", [{ path: "cursor", message: "not a cursor this list issued" }]);
}

export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 1000;

export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE;
  if (!Number.isInteger(limit) || limit < 1) throw new AppError("INVALID_INPUT", "limit must be a positive integer");
  return Math.min(limit, MAX_PAGE);
}
