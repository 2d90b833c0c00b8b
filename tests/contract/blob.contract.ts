/**
 * The blob-store contract: every adapter (fs, s3 against a real s3rver) runs this one suite. An
 * adapter that passes it can hold the audit-log exports.
 */
import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { AppError } from "../../lib/errors";
import type { BlobStore } from "../../lib/blob/ports";

export interface BlobStoreUnderTest {
  store: BlobStore;
  close(): Promise<void>;
}
export type BlobStoreFactory = () => Promise<BlobStoreUnderTest>;

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Streams `bytes` in uneven chunks (so that no chunk boundary lines up with a part boundary). */
export function unevenStream(bytes: Buffer): Readable {
  return Readable.from(
    (function* () {
      let offset = 0;
      for (let i = 0; offset < bytes.length; i++) {
        const size = 1 + ((i * 7919 + 65_521) % 262_139);
        yield bytes.subarray(offset, offset + size);
        offset += size;
      }
    })(),
  );
}

/** A body that yields `bytes` and then fails, as a network read or a broken temp file would. */
export function failingStream(bytes: Buffer): Readable {
  return Readable.from(
    (async function* () {
      yield* unevenStream(bytes);
      await new Promise((r) => setTimeout(r, 5));
      throw new Error("the source broke midway");
    })(),
  );
}

export async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code });
}

const TEXT = "text/plain; charset=utf-8";
/** Above the S3 adapter's 8 MiB part size, so a multipart upload with several parts. */
const LARGE = 20 * 1024 * 1024;

export function runBlobContract(name: string, factory: BlobStoreFactory): void {
  describe(`blob store contract: ${name}`, () => {
    let subject: BlobStoreUnderTest;
    let store: BlobStore;
    beforeEach(async () => {
      subject = await factory();
      store = subject.store;
    });
    afterEach(async () => {
      await subject.close();
    });

    it("stores 1 byte and 0 bytes, from bytes and from streams, reporting the size and SHA-256 of what was read back", async () => {
      const cases: [string, Buffer, (b: Buffer) => Uint8Array | Readable][] = [
        ["one/bytes", Buffer.from([0xff]), (b) => new Uint8Array(b)],
        ["one/stream", Buffer.from([0x00]), (b) => Readable.from([b])],
        ["empty/bytes", Buffer.alloc(0), (b) => new Uint8Array(b)],
        ["empty/stream", Buffer.alloc(0), () => Readable.from([])],
      ];
      for (const [key, bytes, body] of cases) {
        const put = await store.put(key, body(bytes), { contentType: "application/octet-stream" });
        expect(put).toEqual({ key, bytes: bytes.length, sha256: sha256(bytes), contentType: "application/octet-stream" });
        const got = await store.get(key);
        expect(await readAll(got.body)).toEqual(bytes);
        expect(got.object).toEqual(put);
        expect(await store.head(key)).toEqual(put);
      }
    });

    it("streams 20 MB of random bytes in uneven chunks and reads back exactly those bytes", async () => {
      const bytes = randomBytes(LARGE);
      const put = await store.put("exports/e1/entries.ndjson", unevenStream(bytes), { contentType: "application/x-ndjson" });
      expect(put).toEqual({ key: "exports/e1/entries.ndjson", bytes: LARGE, sha256: sha256(bytes), contentType: "application/x-ndjson" });
      const got = await store.get("exports/e1/entries.ndjson");
      expect(got.object).toMatchObject({ bytes: LARGE, contentType: "application/x-ndjson" });
      const back = await readAll(got.body);
      expect(back.length).toBe(LARGE);
      expect(back.equals(bytes)).toBe(true);
      // The hash is recorded for small objects always, and for large ones when the caller gives it (see the next test).
      expect([null, put.sha256]).toContain(got.object.sha256);
    });

    it("keeps the content type and records the SHA-256 the caller gives, at any size", async () => {
      const large = randomBytes(LARGE);
      const small = Buffer.from("a,b\n1,2\n");
      await store.put("exports/e2/entries.ndjson", unevenStream(large), { contentType: "application/x-ndjson", sha256: sha256(large) });
      await store.put("exports/e2/entries.csv", small, { contentType: "text/csv; charset=utf-8", sha256: sha256(small) });
      expect(await store.head("exports/e2/entries.ndjson")).toEqual({
        key: "exports/e2/entries.ndjson",
        bytes: LARGE,
        sha256: sha256(large),
        contentType: "application/x-ndjson",
      });
      const got = await store.get("exports/e2/entries.csv");
      got.body.destroy(); // not read: release it (an open file on fs)
      expect(got.object).toEqual({
        key: "exports/e2/entries.csv",
        bytes: small.length,
        sha256: sha256(small),
        contentType: "text/csv; charset=utf-8",
      });
    });

    it("refuses content that does not match the SHA-256 given, small or large, and stores nothing", async () => {
      const wrong = sha256(Buffer.from("something else"));
      await expectCode(store.put("exports/e3/manifest.json", Buffer.from("{}"), { contentType: "application/json", sha256: wrong }), "INVALID_INPUT");
      await expectCode(store.put("exports/e3/entries.ndjson", unevenStream(randomBytes(LARGE)), { contentType: TEXT, sha256: wrong }), "INVALID_INPUT");
      expect(await store.head("exports/e3/manifest.json")).toBeNull();
      expect(await store.head("exports/e3/entries.ndjson")).toBeNull();
      expect(await store.list("")).toEqual([]);
    });

    it("answers head of a missing key with null and get with NOT_FOUND", async () => {
      expect(await store.head("exports/none/entries.ndjson")).toBeNull();
      await expectCode(store.get("exports/none/entries.ndjson"), "NOT_FOUND");
      await store.put("exports/some/a", Buffer.from("x"), { contentType: TEXT });
      // A key that is a prefix of an object, or an object's prefix, is not an object.
      expect(await store.head("exports/some")).toBeNull();
      expect(await store.head("exports/some/a/b")).toBeNull();
      await expectCode(store.get("exports/some"), "NOT_FOUND");
    });

    it("refuses a second put of a key with BLOB_EXISTS and keeps the first content and type", async () => {
      const first = await store.put("exports/e4/manifest.json", Buffer.from('{"v":1}'), { contentType: "application/json" });
      await expectCode(store.put("exports/e4/manifest.json", Buffer.from('{"v":2}'), { contentType: TEXT }), "BLOB_EXISTS");
      await expectCode(store.put("exports/e4/manifest.json", unevenStream(randomBytes(1024)), { contentType: TEXT }), "BLOB_EXISTS");
      const got = await store.get("exports/e4/manifest.json");
      expect((await readAll(got.body)).toString()).toBe('{"v":1}');
      expect(got.object).toEqual(first);
      expect(await store.list("exports/e4/")).toEqual([{ key: "exports/e4/manifest.json", bytes: 7 }]);
    });

    it("lists the keys under a string prefix, sorted, with sizes, across pages", async () => {
      const keys = Array.from({ length: 23 }, (_, i) => `exports/x/part-${String(22 - i).padStart(3, "0")}.csv`);
      for (const [i, key] of keys.entries()) await store.put(key, Buffer.alloc(i), { contentType: TEXT });
      // Not "exports/x.csv": s3rver pages in its directory-walk order, not S3's byte order, and its
      // continuation token then skips a key that sorts before "exports/x/" (an emulator bug; S3 is byte-ordered).
      await store.put("exports/xa.csv", Buffer.from("a sibling whose key starts with the prefix"), { contentType: TEXT });
      await store.put("exports/xy/other.csv", Buffer.from("ab"), { contentType: TEXT });
      await store.put("exports/y/other.csv", Buffer.from("abc"), { contentType: TEXT });
      await store.put("proofs/z.json", Buffer.from("{}"), { contentType: "application/json" });

      const expected = keys.map((key, i) => ({ key, bytes: i })).sort((a, b) => (a.key < b.key ? -1 : 1));
      expect(await store.list("exports/x/")).toEqual(expected);
      expect((await store.list("exports/x/part-00")).map((o) => o.key)).toEqual(expected.slice(0, 10).map((o) => o.key));
      expect((await store.list("exports/x")).map((o) => o.key)).toEqual([...expected.map((o) => o.key), "exports/xa.csv", "exports/xy/other.csv"]);
      expect(await store.list("exports/y/")).toEqual([{ key: "exports/y/other.csv", bytes: 3 }]);
      expect(await store.list("exports/none/")).toEqual([]);
      const all = (await store.list("")).map((o) => o.key);
      expect(all).toHaveLength(27);
      expect(all).toEqual([...all].sort());
    });

    const invalidKeys = ["../x", "a/../../x", "/abs", "a//b", "a/./b", "a/..", "./a", "a/", "", "x".repeat(513), "x".repeat(201), `a/${"x".repeat(201)}`, `${"a/".repeat(300)}b`, "exports/é.csv", "exports/日本.csv", "a\\b", "a b", "a\0b", "C:x"];

    it("refuses invalid keys with INVALID_INPUT and writes nothing", async () => {
      for (const key of invalidKeys) {
        await expectCode(store.put(key, Buffer.from("x"), { contentType: TEXT }), "INVALID_INPUT");
        await expectCode(store.put(key, Readable.from([Buffer.from("x")]), { contentType: TEXT }), "INVALID_INPUT");
        await expectCode(store.head(key), "INVALID_INPUT");
        await expectCode(store.get(key), "INVALID_INPUT");
      }
      for (const prefix of ["../", "/abs", "a//", "a/./", "é"]) await expectCode(store.list(prefix), "INVALID_INPUT");
      expect(await store.list("")).toEqual([]);
      // The longest valid key is accepted.
      const longest = `${"k".repeat(200)}/${"k".repeat(200)}/${"k".repeat(110)}`;
      expect(longest).toHaveLength(512);
      await store.put(longest, Buffer.from("ok"), { contentType: TEXT });
      expect(await store.list("")).toEqual([{ key: longest, bytes: 2 }]);
    });

    it("refuses an invalid content type or SHA-256 with INVALID_INPUT", async () => {
      await expectCode(store.put("a", Buffer.from("x"), { contentType: "" }), "INVALID_INPUT");
      await expectCode(store.put("a", Buffer.from("x"), { contentType: "text/plain\r\nx-evil: 1" }), "INVALID_INPUT");
      await expectCode(store.put("a", Buffer.from("x"), { contentType: TEXT, sha256: "ABC" }), "INVALID_INPUT");
      await expectCode(store.put("a", Buffer.from("x"), { contentType: TEXT, sha256: sha256(Buffer.from("x")).toUpperCase() }), "INVALID_INPUT");
      expect(await store.head("a")).toBeNull();
    });

    it("rejects a put whose body fails midway, within the first part or after it, and leaves no object", async () => {
      await expect(store.put("exports/e5/small.ndjson", failingStream(randomBytes(100_000)), { contentType: TEXT })).rejects.toThrow(/broke midway/);
      await expect(store.put("exports/e5/large.ndjson", failingStream(randomBytes(12 * 1024 * 1024)), { contentType: TEXT })).rejects.toThrow();
      expect(await store.head("exports/e5/small.ndjson")).toBeNull();
      expect(await store.head("exports/e5/large.ndjson")).toBeNull();
      expect(await store.list("")).toEqual([]);
      // The key is still free.
      await store.put("exports/e5/large.ndjson", Buffer.from("retried"), { contentType: TEXT });
      expect((await readAll((await store.get("exports/e5/large.ndjson")).body)).toString()).toBe("retried");
    });
  });
}
