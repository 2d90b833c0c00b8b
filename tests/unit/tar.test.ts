/**
 * The bundle tar (lib/audit/export/tar.ts): the streaming writer and the strict extractor round
 * trip (0 bytes, exactly one block, 10 MB, a long name); they interoperate with the system tar
 * (GNU tar reads what the writer writes; the reader reads what `tar -cf` writes, in GNU, ustar
 * and pax formats); and the reader refuses absolute paths, "..", links, subdirectories, a second
 * top-level directory, damaged headers, non-zero padding, data after the end, a cut-off archive,
 * duplicates, and archives over its limits.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { extractTar, TarError, tarStream, type TarFile } from "../../lib/audit/export/tar";

jest.setTimeout(60_000);

const TAR = "/usr/bin/tar";
let work: string;
let n = 0;
const fresh = () => join(work, `x${++n}`);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "donum-tar-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function* chunks(bytes: Buffer, size = 65_536): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const file = (name: string, bytes: Buffer): TarFile => ({ name, bytes: bytes.length, body: chunks(bytes) });

async function writeTar(files: TarFile[]): Promise<string> {
  const path = `${fresh()}.tar`;
  await pipeline(Readable.from(tarStream(files, { mtime: new Date("2026-06-01T10:00:00Z") })), createWriteStream(path));
  return path;
}

const contents: Record<string, Buffer> = {
  "empty.txt": Buffer.alloc(0),
  "block.bin": randomBytes(512),
  "big.bin": randomBytes(10 * 1024 * 1024),
  "entries.ndjson": Buffer.from('{"seq":0}\n'),
};
const TOP = "donum-export-3f2c4b1e-0000-4000-8000-000000000000";

describe("round trip", () => {
  it("extracts exactly what was written: 0 bytes, one block, 10 MB", async () => {
    const tar = await writeTar(Object.entries(contents).map(([name, bytes]) => file(`${TOP}/${name}`, bytes)));
    // Headers, bodies padded to blocks, two zero blocks.
    const blocks = (b: Buffer) => Math.ceil(b.length / 512);
    expect(readFileSync(tar).length).toBe(512 * (4 + Object.values(contents).reduce((s, b) => s + blocks(b), 0) + 2));
    const out = fresh();
    const x = await extractTar(tar, out);
    expect(x.dir).toBe(join(out, TOP));
    expect(x.files.sort()).toEqual(Object.keys(contents).sort());
    for (const [name, bytes] of Object.entries(contents)) expect(readFileSync(join(x.dir, name)).equals(bytes)).toBe(true);
  });

  it("takes a byte stream, and names longer than 100 bytes (ustar prefix)", async () => {
    const long = `${"d".repeat(120)}`;
    const tar = await writeTar([file(`${long}/${"f".repeat(90)}`, Buffer.from("x"))]);
    const x = await extractTar(Readable.from(chunks(readFileSync(tar), 7)), fresh());
    expect(x.files).toEqual(["f".repeat(90)]);
    expect(execFileSync(TAR, ["-tf", tar], { encoding: "utf8" })).toBe(`${long}/${"f".repeat(90)}\n`);
  });

  it("the writer refuses a body of another length than announced, and unsafe names", async () => {
    await expect(writeTar([{ name: "a/b", bytes: 3, body: [Buffer.from("ab")] }])).rejects.toThrow("a/b is 2 bytes, 3 were announced");
    await expect(writeTar([{ name: "a/b", bytes: 1, body: [Buffer.from("ab")] }])).rejects.toThrow("longer than the 1 bytes announced");
    for (const name of ["/etc/passwd", "a/../b", "a//b", "a/./b", "a\\b"]) await expect(writeTar([file(name, Buffer.from("x"))])).rejects.toThrow(TarError);
  });
});

describe("interoperability with the system tar", () => {
  it("GNU tar lists and extracts what the writer writes", async () => {
    const tar = await writeTar(Object.entries(contents).map(([name, bytes]) => file(`${TOP}/${name}`, bytes)));
    expect(execFileSync(TAR, ["-tf", tar], { encoding: "utf8" }).split("\n").filter(Boolean).sort()).toEqual(Object.keys(contents).map((f) => `${TOP}/${f}`).sort());
    const out = fresh();
    mkdirSync(out);
    execFileSync(TAR, ["-xf", tar, "-C", out]);
    for (const [name, bytes] of Object.entries(contents)) expect(readFileSync(join(out, TOP, name)).equals(bytes)).toBe(true);
  });

  it.each(["gnu", "ustar", "posix"])("the reader reads `tar -cf` (--format=%s) of a bundle directory", async (format) => {
    const src = fresh();
    mkdirSync(join(src, TOP), { recursive: true });
    for (const [name, bytes] of Object.entries(contents)) if (name !== "big.bin") writeFileSync(join(src, TOP, name), bytes);
    const tar = `${fresh()}.tar`;
    execFileSync(TAR, [`--format=${format}`, "-cf", tar, "-C", src, TOP]);
    const x = await extractTar(tar, fresh());
    expect(x.files.sort()).toEqual(["block.bin", "empty.txt", "entries.ndjson"]);
    for (const name of x.files) expect(readFileSync(join(x.dir, name)).equals(contents[name]!)).toBe(true);
  });
});

// ── Refusals ─────────────────────────────────────────────────────────────────────────────────

/** A raw ustar header, to build archives the writer would never write. */
function rawHeader(name: string, size: number, type = "0", linkname = ""): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, "utf8");
  h.write("0000644\0", 100);
  h.write("0000000\0", 108);
  h.write("0000000\0", 116);
  h.write(`${size.toString(8).padStart(11, "0")}\0`, 124);
  h.write("00000000000\0", 136);
  h.fill(0x20, 148, 156);
  h.write(type, 156);
  h.write(linkname, 157, 100);
  h.write("ustar\u000000", 257, "latin1");
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148);
  return h;
}

function rawArchive(entries: { name: string; body?: Buffer; type?: string; linkname?: string }[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const body = e.body ?? Buffer.alloc(0);
    parts.push(rawHeader(e.name, body.length, e.type, e.linkname), body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

async function refused(archive: Buffer | string, limits = {}): Promise<string> {
  const path = typeof archive === "string" ? archive : `${fresh()}.tar`;
  if (typeof archive !== "string") writeFileSync(path, archive);
  try {
    await extractTar(path, fresh(), limits);
  } catch (e) {
    if (e instanceof TarError) return e.message;
    throw e;
  }
  throw new Error("not refused");
}

describe("the reader refuses", () => {
  const x = Buffer.from("x");

  it("absolute paths, '..', names outside one top-level directory, subdirectories", async () => {
    expect(await refused(rawArchive([{ name: "/etc/passwd", body: x }]))).toBe('tar: "/etc/passwd" is an absolute path');
    expect(await refused(rawArchive([{ name: "b/../../evil", body: x }]))).toBe('tar: "b/../../evil" has a "." or ".." segment');
    expect(await refused(rawArchive([{ name: "loose.txt", body: x }]))).toBe('tar: "loose.txt" is not inside a top-level directory');
    expect(await refused(rawArchive([{ name: "a/f", body: x }, { name: "b/f", body: x }]))).toBe("tar: b/ is outside the archive's one top-level directory a/");
    expect(await refused(rawArchive([{ name: "a/sub/f", body: x }]))).toBe('tar: "a/sub/f" is in a subdirectory; a bundle is one flat directory');
    expect(await refused(rawArchive([{ name: "a/f", body: x }, { name: "a/f", body: x }]))).toBe('tar: "a/f" is in the archive twice');
  });

  it("links and other non-regular entries, including from `tar -cf`", async () => {
    expect(await refused(rawArchive([{ name: "a/l", type: "2", linkname: "/etc/passwd" }]))).toBe('tar: "a/l" is a symbolic link; a bundle holds regular files only');
    expect(await refused(rawArchive([{ name: "a/h", type: "1", linkname: "a/f" }]))).toBe('tar: "a/h" is a hard link; a bundle holds regular files only');
    expect(await refused(rawArchive([{ name: "a/p", type: "6" }]))).toBe('tar: "a/p" is a FIFO; a bundle holds regular files only');
    const src = fresh();
    mkdirSync(join(src, "b"), { recursive: true });
    symlinkSync("/etc/passwd", join(src, "b", "entries.ndjson"));
    const tar = `${fresh()}.tar`;
    execFileSync(TAR, ["-cf", tar, "-C", src, "b"]);
    expect(await refused(tar)).toBe('tar: "b/entries.ndjson" is a symbolic link; a bundle holds regular files only');
  });

  it("a flipped byte anywhere in the archive's structure: header, padding, end marker, after the end, or a cut-off", async () => {
    const good = rawArchive([{ name: "a/f", body: x }]);
    const flip = (i: number) => {
      const b = Buffer.from(good);
      b[i]! ^= 0x01;
      return b;
    };
    expect(await refused(flip(300))).toMatch(/^tar: the header at byte 0 is damaged \(checksum mismatch\)$/);
    expect(await refused(flip(600))).toBe("tar: the padding before byte 1024 is not zeros");
    expect(await refused(flip(1100))).toBe("tar: the header at byte 1024 is damaged (checksum mismatch)");
    expect(await refused(flip(1600))).toBe("tar: the end-of-archive marker is not two zero blocks");
    expect(await refused(Buffer.concat([good, Buffer.from([0, 0, 7])]))).toBe("tar: there are data after the end of the archive");
    expect(await refused(good.subarray(0, 700))).toBe('tar: the archive ends within the padding of a file');
    expect(await refused(good.subarray(0, 1024))).toBe("tar: the archive ends without its end-of-archive blocks");
    expect(await refused(Buffer.alloc(0))).toBe("tar: the archive ends without its end-of-archive blocks");
    expect(await refused(Buffer.alloc(1024))).toBe("tar: the archive is empty");
  });

  it("more entries or bytes than the limits", async () => {
    const three = rawArchive([{ name: "a/1", body: x }, { name: "a/2", body: x }, { name: "a/3", body: x }]);
    expect(await refused(three, { maxEntries: 2 })).toBe("tar: more than 2 entries");
    expect(await refused(rawArchive([{ name: "a/1", body: randomBytes(2000) }]), { maxFileBytes: 1000 })).toBe('tar: "a/1" is 2000 bytes, more than the limit of 1000');
    expect(await refused(three, { maxTotalBytes: 2 })).toBe("tar: the archive holds more than the limit of 2 bytes");
  });

  it("never writes outside the output directory", async () => {
    const out = fresh();
    await refused(rawArchive([{ name: "../escape/f", body: x }]));
    expect(existsSync(join(out, "..", "escape"))).toBe(false);
    expect(readdirSync(work).includes("escape")).toBe(false);
  });
});
