import { AppError, ERROR_CODES, hasErrorCode, isAppError } from "../../lib/errors";
import { problemFor } from "../../lib/http/problem";
import { createLogger } from "../../lib/log";

/** What another bundle's copy of the AppError class looks like: same shape, different class. */
class ForeignAppError extends Error {
  override readonly name = "AppError";
  readonly status: number;
  readonly issues = [];
  constructor(readonly code: keyof typeof ERROR_CODES) {
    super(ERROR_CODES[code].title);
    this.status = ERROR_CODES[code].status;
  }
}

describe("errors", () => {
  it("recognises an AppError from another copy of the module, so a 409 never becomes a 500", () => {
    const foreign = new ForeignAppError("CONFLICT");
    expect(foreign).not.toBeInstanceOf(AppError);
    expect(isAppError(foreign)).toBe(true);
    expect(hasErrorCode(foreign, "CONFLICT")).toBe(true);
    expect(problemFor(foreign, createLogger("error", () => {}))).toMatchObject({ status: 409, code: "CONFLICT" });
  });

  it.each([
    ["a plain Error", new Error("x")],
    ["an error named AppError with an unknown code", Object.assign(new Error("x"), { name: "AppError", code: "NOPE", status: 400, issues: [] })],
    ["an error whose status does not match its code", Object.assign(new Error("x"), { name: "AppError", code: "CONFLICT", status: 200, issues: [] })],
    ["a string", "CONFLICT"],
    ["null", null],
  ])("does not mistake %s for an AppError", (_what, value) => {
    expect(isAppError(value)).toBe(false);
  });

  it("answers anything unexpected with a generic 500 and a correlation id, never its message", () => {
    const lines: string[] = [];
    const problem = problemFor(new Error("SQLITE_CORRUPT at /var/data/donum.db"), createLogger("error", (l) => lines.push(l)));
    expect(problem).toMatchObject({ status: 500, code: "INTERNAL" });
    expect(JSON.stringify(problem)).not.toContain("SQLITE");
    expect(lines.join("\n")).toContain(problem.correlationId!);
  });

  it("maps every code to a client or server error status with a title", () => {
    for (const [code, { status, title }] of Object.entries(ERROR_CODES)) {
      expect({ code, ok: status >= 400 && status < 600 && title.length > 0 }).toEqual({ code, ok: true });
    }
  });
});
