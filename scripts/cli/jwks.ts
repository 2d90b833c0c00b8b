/** Donum's JWK Set for the CLI's verifying commands (check, verify, feed, verify-export): from a file (offline) or a URL. */
import { readFileSync } from "node:fs";
import type { VerificationJwks } from "../../lib/crypto/jws";
import { CliError, UsageError } from "./framework";

const FETCH_TIMEOUT_MS = 30_000;

/** The cause of a failed fetch, in a few words: "ECONNREFUSED", "ENOTFOUND", … */
export function networkCause(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
}

/**
 * A JWK Set from a file or an http(s) URL. A file that cannot be read is a usage error; an
 * unreachable URL is UNREACHABLE (with `hint` appended); anything that is not a JWK Set is INVALID_JWKS.
 */
export async function loadJwks(source: string, hint = ""): Promise<VerificationJwks> {
  let json: unknown;
  if (/^https?:\/\//.test(source)) {
    let res: Response;
    try {
      res = await fetch(source, { headers: { accept: "application/jwk-set+json, application/json" }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    } catch (e) {
      throw new CliError("UNREACHABLE", `cannot fetch ${source} (${networkCause(e)})${hint}`);
    }
    if (!res.ok) throw new CliError("INVALID_JWKS", `${source} answered ${res.status}`);
    try {
      json = await res.json();
    } catch {
      throw new CliError("INVALID_JWKS", `${source} did not answer JSON`);
    }
  } else {
    let text: string;
    try {
      text = readFileSync(source, "utf8");
    } catch (e) {
      throw new UsageError(`--jwks: cannot read ${source} (${(e as NodeJS.ErrnoException).code ?? "error"})`);
    }
    try {
      json = JSON.parse(text);
    } catch {
      throw new CliError("INVALID_JWKS", `${source} is not JSON`);
    }
  }
  if (typeof json !== "object" || json === null || !Array.isArray((json as { keys?: unknown }).keys)) {
    throw new CliError("INVALID_JWKS", `${source} is not a JWK Set ({ "keys": [ … ] })`);
  }
  return json as VerificationJwks;
}
