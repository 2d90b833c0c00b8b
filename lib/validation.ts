import type { z } from "zod";
import { AppError, type FieldIssue } from "./errors";

/** Parses input with a schema, or throws INVALID_INPUT listing each field and what it expects. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((i) => ({
    path: i.path.map(String).join("."),
    message: i.message,
  }));
  throw new AppError("INVALID_INPUT", undefined, issues);
}
