/**
 * A minimal tar (POSIX ustar, IEEE 1003.1-1988) for export bundles: a streaming writer for the
 * download route, and a strict streaming reader that extracts a bundle's .tar into a directory.
 *
 * Writer: regular files only, mode 0644, owner 0:0; names of up to 255 bytes (ustar prefix +
 * name); sizes up to 8 GiB − 1 (11 octal digits); ends with the two zero blocks and no record
 * padding (GNU and BSD tar read it).
 *
 * Reader: accepts what the writer and `tar -cf` (GNU or ustar format, optional pax headers)
 * produce for one flat directory — a directory entry for it and regular files in it — and
 * refuses everything else instead of guessing: absolute names, "." and ".." segments, links,
 * devices, FIFOs, files outside the one top-level directory or in subdirectories, duplicates,
 * bad header checksums, non-zero padding, data after the end, an archive cut short, and more
 * entries or bytes than the limits. So that a flipped byte anywhere in the archive is either
 * refused here or lands in a file the bundle's hashes cover.
 */
import { createReadStream } from "node:fs";
import { mkdir, open } from "node:fs/promises";
import { join } from "node:path";

const BLOCK = 512;
const MAX_SIZE = 8 ** 11 - 1;

export interface TarFile {
  /** The path in the archive, e.g. "donum-export-<id>/entries.ndjson" (relative, "/"-separated). */
  name: string;
  /** The exact length of body, in bytes. */
  bytes: number;
  body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

export class TarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TarError";
  }
}

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

function checkName(name: string): void {
  const segments = name.split("/");
  if (!segments.every((s) => SEGMENT.test(s) && s !== "." && s !== "..")) {
    throw new TarError(`tar: ${JSON.stringify(name)} is not a relative path of plain names (letters, digits, . _ -)`);
  }
}

function writeOctal(h: Buffer, offset: number, length: number, value: number): void {
  const digits = value.toString(8).padStart(length - 1, "0");
  if (digits.length > length - 1) throw new TarError(`tar: ${value} does not fit a ${length}-byte header field`);
  h.write(`${digits}\0`, offset, length, "ascii");
}

/** name (≤ 100 bytes) and prefix (≤ 155 bytes) of a ustar header. */
function splitName(name: string): { prefix: string; base: string } {
  if (name.length <= 100) return { prefix: "", base: name };
  for (let i = name.indexOf("/"); i !== -1; i = name.indexOf("/", i + 1)) {
    if (i <= 155 && name.length - i - 1 <= 100) return { prefix: name.slice(0, i), base: name.slice(i + 1) };
  }
  throw new TarError(`tar: ${name} is too long for a ustar header`);
}

function header(name: string, size: number, mtime: Date): Buffer {
  const h = Buffer.alloc(BLOCK);
  const { prefix, base } = splitName(name);
  h.write(base, 0, 100, "ascii");
  writeOctal(h, 100, 8, 0o644);
  writeOctal(h, 108, 8, 0);
  writeOctal(h, 116, 8, 0);
  writeOctal(h, 124, 12, size);
  writeOctal(h, 136, 12, Math.max(0, Math.floor(mtime.getTime() / 1000)));
  h.fill(0x20, 148, 156); // the checksum is computed over the field as spaces
  h.write("0", 156, "ascii");
  h.write("ustar\0", 257, "ascii");
  h.write("00", 263, "ascii");
  h.write(prefix, 345, 155, "ascii");
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, 8, "ascii");
  return h;
}

/**
 * Streams `files` as a tar archive. Each body must yield exactly `bytes` bytes (else it throws, and
 * the archive is left incomplete — a reader refuses it).
 */
export async function* tarStream(
  files: AsyncIterable<TarFile> | Iterable<TarFile>,
  options: { mtime?: Date } = {},
): AsyncGenerator<Uint8Array> {
  const mtime = options.mtime ?? new Date();
  const seen = new Set<string>();
  for await (const file of files) {
    checkName(file.name);
    if (seen.has(file.name)) throw new TarError(`tar: ${file.name} is given twice`);
    seen.add(file.name);
    if (!Number.isSafeInteger(file.bytes) || file.bytes < 0 || file.bytes > MAX_SIZE) throw new TarError(`tar: ${file.name}: bad size ${file.bytes}`);
    yield header(file.name, file.bytes, mtime);
    let written = 0;
    for await (const chunk of file.body) {
      written += chunk.length;
      if (written > file.bytes) throw new TarError(`tar: ${file.name} is longer than the ${file.bytes} bytes announced`);
      if (chunk.length > 0) yield chunk;
    }
    if (written !== file.bytes) throw new TarError(`tar: ${file.name} is ${written} bytes, ${file.bytes} were announced`);
    const pad = (BLOCK - (written % BLOCK)) % BLOCK;
    if (pad) yield Buffer.alloc(pad);
  }
  yield Buffer.alloc(2 * BLOCK);
}

// ── Reading ──────────────────────────────────────────────────────────────────────────────────

export interface ExtractLimits {
  /** Entries (files and directories) at most; default 64. */
  maxEntries?: number;
  /** Bytes of one file at most; default 4 GiB. */
  maxFileBytes?: number;
  /** Bytes of all files together at most; default 16 GiB. */
  maxTotalBytes?: number;
}

export interface Extracted {
  /** The extracted top-level directory (inside outDir). */
  dir: string;
  /** The files extracted, by name within it. */
  files: string[];
}

/** Exact reads from a byte stream, holding at most one chunk beyond what is asked. */
class ByteReader {
  private buf: Buffer = Buffer.alloc(0);
  private done = false;
  /** Bytes consumed so far. */
  offset = 0;

  constructor(private readonly source: AsyncIterator<Uint8Array>) {}

  private async more(): Promise<boolean> {
    if (this.done) return false;
    const r = await this.source.next();
    if (r.done) {
      this.done = true;
      return false;
    }
    const chunk = Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength);
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    return true;
  }

  /** Exactly n bytes, or null at the very end of the stream; throws if it ends within them. */
  async take(n: number, what: string): Promise<Buffer | null> {
    while (this.buf.length < n) if (!(await this.more())) break;
    if (this.buf.length === 0 && n > 0) return null;
    if (this.buf.length < n) throw new TarError(`tar: the archive ends within ${what}`);
    const out = Buffer.from(this.buf.subarray(0, n));
    this.buf = this.buf.subarray(n);
    this.offset += n;
    return out;
  }

  /** The next n bytes, chunk by chunk. */
  async *stream(n: number, what: string): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      if (this.buf.length === 0 && !(await this.more())) throw new TarError(`tar: the archive ends within ${what}`);
      const piece = this.buf.subarray(0, Math.min(left, this.buf.length));
      this.buf = this.buf.subarray(piece.length);
      this.offset += piece.length;
      left -= piece.length;
      yield piece;
    }
  }

  /** True when everything left is zero bytes. */
  async restIsZero(): Promise<boolean> {
    for (;;) {
      if (this.buf.some((b) => b !== 0)) return false;
      this.offset += this.buf.length;
      this.buf = Buffer.alloc(0);
      if (!(await this.more())) return true;
    }
  }

  async close(): Promise<void> {
    await this.source.return?.();
  }
}

function field(h: Buffer, offset: number, length: number): string {
  const raw = h.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString("utf8");
}

/** A numeric header field: octal digits, optionally space-padded, ended by NUL or space. Strict. */
function readOctal(h: Buffer, offset: number, length: number, what: string): number {
  const text = h.subarray(offset, offset + length).toString("latin1");
  const m = /^ *([0-7]+)[ \0]*$/.exec(text);
  if (!m?.[1]) throw new TarError(`tar: the ${what} field of a header is not an octal number`);
  const value = parseInt(m[1], 8);
  if (!Number.isSafeInteger(value)) throw new TarError(`tar: the ${what} field is too large`);
  return value;
}

function checksumOk(h: Buffer): boolean {
  let stored: number;
  try {
    stored = readOctal(h, 148, 8, "checksum");
  } catch {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (h[i] as number);
  return sum === stored;
}

const TYPE_NAMES: Record<string, string> = {
  "1": "a hard link",
  "2": "a symbolic link",
  "3": "a character device",
  "4": "a block device",
  "6": "a FIFO",
  "7": "a contiguous file",
  L: "a GNU long name",
  K: "a GNU long link name",
  S: "a GNU sparse file",
};

/** Parses a pax extended header (records "<len> <key>=<value>\n"); only path and size matter here. */
function parsePax(body: Buffer): { path?: string; size?: number } {
  const out: { path?: string; size?: number } = {};
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    const len = space === -1 ? NaN : Number(body.subarray(at, space).toString("ascii"));
    if (!Number.isSafeInteger(len) || len <= 0 || at + len > body.length || body[at + len - 1] !== 0x0a) throw new TarError("tar: a pax header is malformed");
    const record = body.subarray(space + 1, at + len - 1).toString("utf8");
    const eq = record.indexOf("=");
    if (eq === -1) throw new TarError("tar: a pax header is malformed");
    const key = record.slice(0, eq);
    const value = record.slice(eq + 1);
    if (key === "path") out.path = value;
    if (key === "size") {
      if (!/^[0-9]{1,15}$/.test(value)) throw new TarError("tar: a pax size is malformed");
      out.size = Number(value);
    }
    if (key === "linkpath") throw new TarError("tar: the archive holds a link");
    at += len;
  }
  return out;
}

/**
 * Extracts a tar archive (a file path or a byte stream) of one flat directory into `outDir`
 * (created if needed; the archive's directory must not exist in it yet). Streaming: one chunk in
 * memory at a time. Throws TarError for anything it refuses; what was extracted before stays (the
 * caller extracts into a fresh temporary directory and removes it).
 */
export async function extractTar(source: string | AsyncIterable<Uint8Array>, outDir: string, limits: ExtractLimits = {}): Promise<Extracted> {
  const maxEntries = limits.maxEntries ?? 64;
  const maxFileBytes = limits.maxFileBytes ?? 4 * 1024 ** 3;
  const maxTotalBytes = limits.maxTotalBytes ?? 16 * 1024 ** 3;
  const stream = typeof source === "string" ? (createReadStream(source) as AsyncIterable<Uint8Array>) : source;
  const reader = new ByteReader(stream[Symbol.asyncIterator]());
  let top: string | null = null;
  let dir: string | null = null;
  const files: string[] = [];
  let entries = 0;
  let total = 0;
  let pax: { path?: string; size?: number } | null = null;

  const ensureTop = async (name: string): Promise<string> => {
    if (top === null) {
      top = name;
      await mkdir(outDir, { recursive: true });
      dir = join(outDir, name);
      try {
        await mkdir(dir);
      } catch (e) {
        throw new TarError(`tar: cannot create ${dir} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      }
    } else if (name !== top) {
      throw new TarError(`tar: ${name}/ is outside the archive's one top-level directory ${top}/`);
    }
    return dir as unknown as string;
  };

  try {
    for (;;) {
      const h = await reader.take(BLOCK, "a header");
      if (h === null) throw new TarError("tar: the archive ends without its end-of-archive blocks");
      if (h.every((b) => b === 0)) {
        const second = await reader.take(BLOCK, "the end-of-archive blocks");
        if (second === null || !second.every((b) => b === 0)) throw new TarError("tar: the end-of-archive marker is not two zero blocks");
        if (!(await reader.restIsZero())) throw new TarError("tar: there are data after the end of the archive");
        break;
      }
      if (!checksumOk(h)) throw new TarError(`tar: the header at byte ${reader.offset - BLOCK} is damaged (checksum mismatch)`);
      const magic = h.subarray(257, 265).toString("latin1");
      const ustar = magic === "ustar\u000000";
      if (!ustar && magic !== "ustar  \u0000") throw new TarError(`tar: the header at byte ${reader.offset - BLOCK} is not a ustar or GNU tar header`);
      if (++entries > maxEntries) throw new TarError(`tar: more than ${maxEntries} entries`);

      const type = String.fromCharCode(h[156] as number);
      let size = readOctal(h, 124, 12, "size");
      const prefix = ustar ? field(h, 345, 155) : "";
      let name = prefix ? `${prefix}/${field(h, 0, 100)}` : field(h, 0, 100);
      if (pax) {
        if (pax.path !== undefined) name = pax.path;
        if (pax.size !== undefined) size = pax.size;
        pax = null;
      }
      const where = JSON.stringify(name);

      if (type === "x" || type === "g") {
        if (size > 64 * 1024) throw new TarError("tar: a pax header is too large");
        const body = (await reader.take(size, "a pax header")) ?? Buffer.alloc(0);
        await padding(reader, size);
        if (type === "x") pax = parsePax(body);
        continue;
      }
      const typeName = TYPE_NAMES[type];
      if (typeName) throw new TarError(`tar: ${where} is ${typeName}; a bundle holds regular files only`);
      if (type !== "0" && type !== "\0" && type !== "5") throw new TarError(`tar: ${where} is of unknown type ${JSON.stringify(type)}`);
      if (name.startsWith("/")) throw new TarError(`tar: ${where} is an absolute path`);
      const segments = name.replace(/\/$/, "").split("/");
      if (segments.some((s) => s === ".." || s === ".")) throw new TarError(`tar: ${where} has a "." or ".." segment`);
      if (!segments.every((s) => SEGMENT.test(s))) throw new TarError(`tar: ${where} is not a path of plain names (letters, digits, . _ -)`);

      if (type === "5") {
        if (segments.length !== 1) throw new TarError(`tar: ${where} is a subdirectory; a bundle is one flat directory`);
        if (size !== 0) throw new TarError(`tar: the directory ${where} has a size`);
        await ensureTop(segments[0] as string);
        continue;
      }
      if (segments.length !== 2 || name.endsWith("/")) {
        throw new TarError(segments.length < 2 ? `tar: ${where} is not inside a top-level directory` : `tar: ${where} is in a subdirectory; a bundle is one flat directory`);
      }
      const [topName, fileName] = segments as [string, string];
      const into = await ensureTop(topName);
      if (size > maxFileBytes) throw new TarError(`tar: ${where} is ${size} bytes, more than the limit of ${maxFileBytes}`);
      total += size;
      if (total > maxTotalBytes) throw new TarError(`tar: the archive holds more than the limit of ${maxTotalBytes} bytes`);
      let fh;
      try {
        fh = await open(join(into, fileName), "wx", 0o600);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new TarError(code === "EEXIST" ? `tar: ${where} is in the archive twice` : `tar: cannot write ${where} (${code ?? String(e)})`);
      }
      try {
        for await (const chunk of reader.stream(size, where)) await fh.write(chunk);
      } finally {
        await fh.close();
      }
      await padding(reader, size);
      files.push(fileName);
    }
  } finally {
    await reader.close().catch(() => undefined);
  }
  if (top === null || dir === null) throw new TarError("tar: the archive is empty");
  return { dir, files };
}

async function padding(reader: ByteReader, size: number): Promise<void> {
  const pad = (BLOCK - (size % BLOCK)) % BLOCK;
  if (pad === 0) return;
  const bytes = await reader.take(pad, "the padding of a file");
  if (!bytes || !bytes.every((b) => b === 0)) throw new TarError(`tar: the padding before byte ${reader.offset} is not zeros`);
}
