/**
 * A node's private key on disk: a JWK file (EC P-256 or OKP Ed25519, with "d"), mode 0600.
 *
 * Reading refuses a file that other users may read, as Donum's own key files do
 * (lib/crypto/local-keys.ts). Writing never replaces an existing file and never leaves a
 * half-written one: the key is written to a private temporary file which is then hard-linked to
 * its name (link(2) fails if the name exists), so that two processes creating the same key file
 * at once agree on one complete key.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, basename } from "node:path";
import { checkPrivateJwk, type NodePrivateJwk } from "../nodes/keys";

export class NodeKeyFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = "NodeKeyFileError";
  }
}

export interface LoadedNodeKey {
  privateJwk: NodePrivateJwk;
  /** The "kid" stored in the file, if any. */
  kid: string | null;
}

/** Reads and checks a private JWK file. Throws NodeKeyFileError with a plain reason. */
export function readPrivateJwkFile(file: string): LoadedNodeKey {
  let text: string;
  try {
    if (process.platform !== "win32") {
      const mode = statSync(file).mode & 0o777;
      if ((mode & 0o077) !== 0) throw new NodeKeyFileError(file, `is readable by other users (mode ${mode.toString(8)}); run: chmod 600 ${file}`);
    }
    text = readFileSync(file, "utf8");
  } catch (e) {
    if (e instanceof NodeKeyFileError) throw e;
    throw new NodeKeyFileError(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new NodeKeyFileError(file, "is not JSON (a private JWK is expected)");
  }
  const checked = checkPrivateJwk(json);
  if (!checked.ok) throw new NodeKeyFileError(file, checked.message);
  return { privateJwk: checked.jwk, kid: checked.kid };
}

/**
 * Writes a private JWK to a new file, mode 0600. Answers false (and writes nothing) if the file
 * already exists; never overwrites.
 */
export function writePrivateJwkFile(file: string, jwk: NodePrivateJwk): boolean {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  writeFileSync(temp, `${JSON.stringify(jwk, null, 2)}\n`, { flag: "wx", mode: 0o600 });
  try {
    chmodSync(temp, 0o600); // whatever the umask
    linkSync(temp, file);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    // A file system without hard links: exclusive create instead (not atomic, but never overwrites).
    if (code === "EPERM" || code === "ENOTSUP" || code === "EOPNOTSUPP" || code === "ENOSYS") return writeExclusive(file, jwk);
    throw e;
  } finally {
    unlinkSync(temp);
  }
}

function writeExclusive(file: string, jwk: NodePrivateJwk): boolean {
  try {
    writeFileSync(file, `${JSON.stringify(jwk, null, 2)}\n`, { flag: "wx", mode: 0o600 });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
}
