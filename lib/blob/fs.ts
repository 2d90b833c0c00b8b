/**
 * Blob store on the local file system (embedded default): the object `a/b/c` is the file
 * `<root>/a/b/c`, an ordinary file an operator can copy; directories 0700 and files 0600, like the
 * local keys, because exports name subjects.
 *
 * Writing: the body streams into a temporary file in the object's directory (same file system, so
 * no copy), which is fsynced, then hard-linked to its final name. link(2) fails if the name exists,
 * so the claim of a key is atomic and never clobbers, and readers never see a partial object; of
 * two concurrent puts exactly one wins. The temporary file is then removed and the directory
 * fsynced, so the new name survives a crash before put resolves.
 *
 * Metadata: a sidecar `<name>#meta` (JSON: sha256, contentType, bytes) is written beside the object.
 * Sidecar rather than hashing on head: head of a 1 GB export would read the whole file (seconds),
 * and the content type has to be kept somewhere anyway. The sidecar is renamed into place just after
 * the link: a crash in between leaves the object with sha256 null and the default content type,
 * never a wrong hash. "#" is outside the key alphabet (keys.ts), so sidecars and temporary files
 * (`<name>#tmp-…`) can never collide with a key, and list skips them.
 *
 * Confinement: keys are validated (no "..", no absolute path), and every directory on the way from
 * the root is checked with lstat: a symbolic link is refused rather than followed, and objects are
 * opened with O_NOFOLLOW. Someone who can write inside the root can still race these checks; the
 * root is the portal's own 0700 data directory.
 */
import { randomBytes } from "node:crypto";
import { constants, type Stats } from "node:fs";
import { link, lstat, mkdir, open, readdir, readFile, realpath, rename, rm, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../errors";
import { HashingStream, toReadable } from "./hashing";
import { assertBlobKey, assertBlobPrefix, assertPutOptions, isBlobSegment, isSha256Hex } from "./keys";
import type { BlobObject, BlobStore, PutOptions, StoredBlob } from "./ports";

const DEFAULT_CONTENT_TYPE = "application/octet-stream";
const META_SUFFIX = "#meta";

interface Meta {
  sha256: string;
  contentType: string;
  bytes: number;
}

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException)?.code;

function refuseLink(path: string): Error {
  return new Error(`Blob store: ${path} is a symbolic link; refusing to follow it out of the store's root`);
}

export function createFsBlobStore(config: { root: string }): BlobStore {
  let rootPromise: Promise<string> | null = null;
  // Created on first use (not at start-up), then resolved once: the root itself may be a symlink.
  const root = () =>
    (rootPromise ??= mkdir(config.root, { recursive: true, mode: 0o700 }).then(() => realpath(config.root))).catch((e) => {
      rootPromise = null;
      throw e;
    });

  /**
   * The directory of `segments` under the root, each level checked to be a real directory. Creates
   * missing levels (0700) when `create`; otherwise null if one is missing or is a file.
   */
  async function directory(segments: readonly string[], create: boolean): Promise<string | null> {
    let dir = await root();
    for (const segment of segments) {
      dir = join(dir, segment);
      if (create) {
        try {
          await mkdir(dir, { mode: 0o700 });
        } catch (e) {
          if (errno(e) !== "EEXIST") throw e;
        }
      }
      let st: Stats;
      try {
        st = await lstat(dir);
      } catch (e) {
        if (!create && errno(e) === "ENOENT") return null;
        throw e;
      }
      if (st.isSymbolicLink()) throw refuseLink(dir);
      if (!st.isDirectory()) {
        if (!create) return null;
        throw new AppError("INVALID_INPUT", "On the file-system blob store a key cannot extend another object's key", [
          { path: "key", message: `${segments.join("/")} is an object` },
        ]);
      }
    }
    return dir;
  }

  function split(key: string): { segments: string[]; name: string } {
    const segments = key.split("/");
    const name = segments.pop()!;
    return { segments, name };
  }

  /** Opens an existing object without following a symlink; null if there is none. */
  async function openObject(key: string): Promise<{ fh: FileHandle; dir: string; name: string; size: number } | null> {
    assertBlobKey(key);
    const { segments, name } = split(key);
    const dir = await directory(segments, false);
    if (dir === null) return null;
    let fh: FileHandle;
    try {
      fh = await open(join(/*turbopackIgnore: true*/ dir, name), constants.O_RDONLY | constants.O_NOFOLLOW);
    } catch (e) {
      if (errno(e) === "ENOENT") return null;
      if (errno(e) === "ELOOP") throw refuseLink(join(/*turbopackIgnore: true*/ dir, name));
      throw e;
    }
    const st = await fh.stat();
    if (!st.isFile()) {
      await fh.close();
      return null;
    }
    return { fh, dir, name, size: st.size };
  }

  async function readMeta(dir: string, name: string, size: number): Promise<Meta | null> {
    let text: string;
    try {
      const fh = await open(join(dir, name + META_SUFFIX), constants.O_RDONLY | constants.O_NOFOLLOW);
      try {
        text = await readFile(fh, "utf8");
      } finally {
        await fh.close();
      }
    } catch (e) {
      if (errno(e) === "ENOENT") return null;
      throw e;
    }
    try {
      const meta = JSON.parse(text) as Partial<Meta>;
      if (isSha256Hex(meta.sha256) && typeof meta.contentType === "string" && meta.bytes === size) return meta as Meta;
    } catch {
      // A damaged sidecar is no hash at all, never a wrong one.
    }
    return null;
  }

  function describe(key: string, size: number, meta: Meta | null): StoredBlob {
    return { key, bytes: size, sha256: meta?.sha256 ?? null, contentType: meta?.contentType ?? DEFAULT_CONTENT_TYPE };
  }

  async function writeDurably(path: string, content: string): Promise<void> {
    const fh = await open(path, "wx", 0o600);
    try {
      await fh.writeFile(content);
      await fh.sync();
    } finally {
      await fh.close();
    }
  }

  async function syncDirectory(dir: string): Promise<void> {
    const fh = await open(dir, constants.O_RDONLY);
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  }

  async function exists(path: string): Promise<boolean> {
    try {
      await lstat(path);
      return true;
    } catch (e) {
      if (errno(e) === "ENOENT") return false;
      throw e;
    }
  }

  const exists409 = (key: string) => new AppError("BLOB_EXISTS", `${key} already exists`);

  return {
    kind: "fs",

    async put(key: string, body: NodeJS.ReadableStream | Readable | Uint8Array, options: PutOptions): Promise<BlobObject> {
      const source = toReadable(body);
      try {
        assertBlobKey(key);
        assertPutOptions(options);
      } catch (e) {
        source.destroy();
        throw e;
      }
      const { segments, name } = split(key);
      let dir: string;
      try {
        dir = (await directory(segments, true))!;
        // Early refusal spares streaming a large body for nothing; the link below is the guarantee.
        if (await exists(join(/*turbopackIgnore: true*/ dir, name))) throw exists409(key);
      } catch (e) {
        source.destroy();
        throw e;
      }
      const temp = join(dir, `${name}#tmp-${randomBytes(8).toString("hex")}`);
      const tempMeta = `${temp}${META_SUFFIX}`;
      try {
        const hasher = new HashingStream(options.sha256);
        // The stream owns the handle: it fsyncs it (flush) and closes it, also on failure.
        const fh = await open(temp, "wx", 0o600);
        await pipeline(source, hasher, fh.createWriteStream({ flush: true }));
        const object: BlobObject = { key, bytes: hasher.bytes, sha256: hasher.sha256, contentType: options.contentType };
        const meta: Meta = { sha256: object.sha256, contentType: object.contentType, bytes: object.bytes };
        await writeDurably(tempMeta, JSON.stringify(meta));
        try {
          await link(temp, join(/*turbopackIgnore: true*/ dir, name));
        } catch (e) {
          if (errno(e) === "EEXIST") throw exists409(key);
          throw e;
        }
        await rename(tempMeta, join(dir, name + META_SUFFIX));
        await syncDirectory(dir);
        return object;
      } catch (e) {
        source.destroy();
        throw e;
      } finally {
        await rm(temp, { force: true });
        await rm(tempMeta, { force: true });
      }
    },

    async get(key: string) {
      const found = await openObject(key);
      if (!found) throw new AppError("NOT_FOUND", `No blob ${key}`);
      const { fh, dir, name, size } = found;
      try {
        const object = describe(key, size, await readMeta(dir, name, size));
        // The stream owns the handle from here and closes it when read, failed or destroyed.
        return { object, body: fh.createReadStream({ start: 0, autoClose: true }) };
      } catch (e) {
        await fh.close();
        throw e;
      }
    },

    async head(key: string) {
      const found = await openObject(key);
      if (!found) return null;
      const { fh, dir, name, size } = found;
      try {
        return describe(key, size, await readMeta(dir, name, size));
      } finally {
        await fh.close();
      }
    },

    async list(prefix: string) {
      assertBlobPrefix(prefix);
      // Walk from the deepest directory the prefix names in full; filter by the string prefix.
      const base = prefix.slice(0, prefix.lastIndexOf("/") + 1);
      const start = await directory(base.split("/").filter(Boolean), false);
      if (start === null) return [];
      const found: { key: string; bytes: number }[] = [];
      const walk = async (dir: string, rel: string): Promise<void> => {
        let entries;
        try {
          entries = await readdir(dir, { withFileTypes: true });
        } catch (e) {
          if (errno(e) === "ENOENT") return;
          throw e;
        }
        for (const entry of entries) {
          // Sidecars, temporary files and anything not written by this store; links are never followed.
          if (!isBlobSegment(entry.name) || entry.isSymbolicLink()) continue;
          const key = rel + entry.name;
          if (entry.isDirectory()) {
            if (prefix.startsWith(`${key}/`) || `${key}/`.startsWith(prefix)) await walk(join(dir, entry.name), `${key}/`);
          } else if (entry.isFile() && key.startsWith(prefix)) {
            try {
              found.push({ key, bytes: (await lstat(join(dir, entry.name))).size });
            } catch (e) {
              if (errno(e) !== "ENOENT") throw e;
            }
          }
        }
      };
      await walk(start, base);
      return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    },
  };
}
