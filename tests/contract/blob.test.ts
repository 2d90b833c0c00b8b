/**
 * The blob-store contract against the file system (a fresh temporary directory per test) and
 * against S3 on s3rver, started by tests/support/s3rver.setup.js (or an external server named by
 * DONUM_TEST_S3_ENDPOINT); each S3 test gets a fresh bucket. Without a reachable server this file
 * fails: it never skips.
 */
import { CreateBucketCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { createBlobStore, createFsBlobStore, createS3BlobStore, createS3Client } from "../../lib/blob";
import { expectCode, failingStream, readAll, runBlobContract, sha256, unevenStream } from "./blob.contract";

const endpoint = process.env.DONUM_TEST_S3_ENDPOINT;
const bucket = process.env.DONUM_TEST_S3_BUCKET;
if (!endpoint || !bucket) {
  throw new Error("DONUM_TEST_S3_ENDPOINT is not set: run this file through the contract:blob Jest project, whose globalSetup starts s3rver");
}

// Tens of MB through a local server on a shared 2-core machine: give slow moments room rather than flake.
jest.setTimeout(60_000);

const TEXT = "text/plain";
const tmp = mkdtempSync(join(tmpdir(), "donum-blob-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const freshDir = () => join(tmp, randomUUID());

/** Every file under a directory, relative, including the store's own sidecars and temporary files. */
function filesUnder(dir: string, rel = ""): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), `${rel}${e.name}/`) : [`${rel}${e.name}`],
  );
}

let s3: S3Client;
beforeAll(() => {
  s3 = createS3Client({ region: "eu-central-1", endpoint }, { credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
});
afterAll(() => s3?.destroy());

async function freshBucket(): Promise<string> {
  const name = `donum-${randomUUID()}`;
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  return name;
}

runBlobContract("fs", async () => {
  const root = freshDir();
  return {
    store: createFsBlobStore({ root }),
    async close() {
      // Whatever the test did, the store left no temporary file behind.
      expect(filesUnder(root).filter((f) => f.includes("#tmp-"))).toEqual([]);
      rmSync(root, { recursive: true, force: true });
    },
  };
});

// A small list page, so that listing goes through several ListObjectsV2 calls.
runBlobContract("s3", async () => ({ store: createS3BlobStore({ client: s3, bucket: await freshBucket(), listPageSize: 5 }), close: async () => {} }));

/** What the shared contract cannot say because it holds for this adapter only. */
describe("fs blob store specifics", () => {
  let root: string;
  beforeEach(() => {
    root = freshDir();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("writes objects 0600 in directories 0700, with a sidecar holding the hash and type", async () => {
    const store = createFsBlobStore({ root });
    const put = await store.put("exports/e1/manifest.json", Buffer.from("{}"), { contentType: "application/json" });
    expect(lstatSync(join(root, "exports")).mode & 0o777).toBe(0o700);
    expect(lstatSync(join(root, "exports/e1")).mode & 0o777).toBe(0o700);
    expect(lstatSync(join(root, "exports/e1/manifest.json")).mode & 0o777).toBe(0o600);
    expect(lstatSync(join(root, "exports/e1/manifest.json#meta")).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(root, "exports/e1/manifest.json"), "utf8")).toBe("{}");
    expect(JSON.parse(readFileSync(join(root, "exports/e1/manifest.json#meta"), "utf8"))).toEqual({ sha256: put.sha256, contentType: "application/json", bytes: 2 });
    expect(filesUnder(root).sort()).toEqual(["exports/e1/manifest.json", "exports/e1/manifest.json#meta"]);
  });

  it("lets exactly one of many concurrent puts of one key succeed, with its whole content", async () => {
    const store = createFsBlobStore({ root });
    const bodies = Array.from({ length: 8 }, () => randomBytes(3 * 1024 * 1024));
    const results = await Promise.allSettled(bodies.map((b) => store.put("exports/race/entries.ndjson", unevenStream(b), { contentType: TEXT })));
    const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "BLOB_EXISTS" });
    const back = await readAll((await store.get("exports/race/entries.ndjson")).body);
    expect(back.equals(bodies[won[0]!]!)).toBe(true);
    expect((await store.head("exports/race/entries.ndjson"))?.sha256).toBe(sha256(bodies[won[0]!]!));
    expect(filesUnder(root).sort()).toEqual(["exports/race/entries.ndjson", "exports/race/entries.ndjson#meta"]);
  });

  it("never follows a symbolic link out of its root, for a directory or an object", async () => {
    const outside = freshDir();
    mkdirSync(outside);
    writeFileSync(join(outside, "secret"), "outside the store");
    try {
      mkdirSync(root, { recursive: true });
      symlinkSync(outside, join(root, "exports"));
      mkdirSync(join(root, "proofs"));
      symlinkSync(join(outside, "secret"), join(root, "proofs", "p.json"));
      const store = createFsBlobStore({ root });

      await expect(store.put("exports/x", Buffer.from("escaped"), { contentType: TEXT })).rejects.toThrow(/symbolic link/);
      await expect(store.head("exports/secret")).rejects.toThrow(/symbolic link/);
      await expect(store.get("exports/secret")).rejects.toThrow(/symbolic link/);
      await expect(store.head("proofs/p.json")).rejects.toThrow(/symbolic link/);
      await expect(store.get("proofs/p.json")).rejects.toThrow(/symbolic link/);
      await expect(store.list("exports/")).rejects.toThrow(/symbolic link/);
      expect(await store.list("")).toEqual([]);
      expect(readdirSync(outside)).toEqual(["secret"]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("follows a root that is itself a symbolic link (a mounted volume)", async () => {
    const real = freshDir();
    mkdirSync(real);
    symlinkSync(real, root);
    try {
      const store = createFsBlobStore({ root });
      await store.put("exports/e/a.csv", Buffer.from("a"), { contentType: TEXT });
      expect(readFileSync(join(real, "exports/e/a.csv"), "utf8")).toBe("a");
      expect(await store.list("")).toEqual([{ key: "exports/e/a.csv", bytes: 1 }]);
    } finally {
      rmSync(real, { recursive: true, force: true });
    }
  });

  it("leaves no temporary file when a body fails or a put is refused", async () => {
    const store = createFsBlobStore({ root });
    await expect(store.put("exports/e/a.ndjson", failingStream(randomBytes(5_000_000)), { contentType: TEXT })).rejects.toThrow(/broke midway/);
    await store.put("exports/e/b.ndjson", Buffer.from("b"), { contentType: TEXT });
    await expectCode(store.put("exports/e/b.ndjson", Buffer.from("c"), { contentType: TEXT }), "BLOB_EXISTS");
    await expectCode(store.put("exports/e/c.ndjson", Buffer.from("c"), { contentType: TEXT, sha256: sha256(Buffer.from("d")) }), "INVALID_INPUT");
    expect(filesUnder(root).sort()).toEqual(["exports/e/b.ndjson", "exports/e/b.ndjson#meta"]);
  });

  it("refuses a key that would extend another object's key (a file cannot also be a directory)", async () => {
    const store = createFsBlobStore({ root });
    await store.put("exports/e", Buffer.from("a file"), { contentType: TEXT });
    await expectCode(store.put("exports/e/a.csv", Buffer.from("x"), { contentType: TEXT }), "INVALID_INPUT");
  });

  it("reports no hash, never a wrong one, when the sidecar is missing or damaged", async () => {
    const store = createFsBlobStore({ root });
    await store.put("a.csv", Buffer.from("a"), { contentType: "text/csv" });
    await store.put("b.csv", Buffer.from("b"), { contentType: "text/csv" });
    rmSync(join(root, "a.csv#meta"));
    writeFileSync(join(root, "b.csv#meta"), "{not json");
    expect(await store.head("a.csv")).toEqual({ key: "a.csv", bytes: 1, sha256: null, contentType: "application/octet-stream" });
    expect(await store.head("b.csv")).toEqual({ key: "b.csv", bytes: 1, sha256: null, contentType: "application/octet-stream" });
  });

  it("streams 100 MB through put and get with bounded memory", async () => {
    const store = createFsBlobStore({ root });
    const chunk = randomBytes(1024 * 1024);
    const body = () => {
      let left = 100;
      return new Readable({
        read() {
          this.push(left-- > 0 ? chunk : null);
        },
      });
    };
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    try {
      const put = await store.put("exports/big/entries.ndjson", body(), { contentType: TEXT });
      expect(put.bytes).toBe(100 * 1024 * 1024);
      let read = 0;
      for await (const c of (await store.get("exports/big/entries.ndjson")).body) read += (c as Buffer).length;
      expect(read).toBe(100 * 1024 * 1024);
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    expect((peak - before) / 1024 / 1024).toBeLessThan(40);
  });

  it("is what createBlobStore builds for { kind: fs }", async () => {
    const store = createBlobStore({ kind: "fs", root });
    expect(store.kind).toBe("fs");
    await store.put("a", Buffer.from("a"), { contentType: TEXT });
    expect(await createFsBlobStore({ root }).head("a")).toMatchObject({ bytes: 1 });
  });
});

describe("s3 blob store specifics", () => {
  it("stores the SHA-256 as user metadata x-amz-meta-sha256", async () => {
    const name = await freshBucket();
    const store = createS3BlobStore({ client: s3, bucket: name });
    const put = await store.put("exports/e/manifest.json", Buffer.from("{}"), { contentType: "application/json" });
    const raw = await s3.send(new HeadObjectCommand({ Bucket: name, Key: "exports/e/manifest.json" }));
    expect(raw.Metadata).toEqual({ sha256: put.sha256 });
    expect(raw.ContentType).toBe("application/json");
  });

  it("lists beyond S3's 1,000 keys per page", async () => {
    const name = await freshBucket();
    const store = createS3BlobStore({ client: s3, bucket: name });
    const keys = Array.from({ length: 1005 }, (_, i) => `exports/many/${String(i).padStart(4, "0")}.json`);
    for (let i = 0; i < keys.length; i += 25) {
      await Promise.all(keys.slice(i, i + 25).map((Key) => s3.send(new PutObjectCommand({ Bucket: name, Key, Body: "{}" }))));
    }
    const listed = await store.list("exports/many/");
    expect(listed.map((o) => o.key)).toEqual(keys);
    expect(listed.every((o) => o.bytes === 2)).toBe(true);
  });

  it("leaves out of list the objects whose keys this store could not have written", async () => {
    const name = await freshBucket();
    const store = createS3BlobStore({ client: s3, bucket: name });
    await s3.send(new PutObjectCommand({ Bucket: name, Key: "exports/ünïcode.csv", Body: "x" }));
    await store.put("exports/a.csv", Buffer.from("a"), { contentType: TEXT });
    expect(await store.list("exports/")).toEqual([{ key: "exports/a.csv", bytes: 1 }]);
  });

  it("names the refusal when S3 answers 403 to the existence check (wrong credentials), and stores nothing", async () => {
    const name = await freshBucket();
    const endpoint = process.env.DONUM_TEST_S3_ENDPOINT!;
    const wrong = createS3Client({ region: "eu-central-1", endpoint }, { credentials: { accessKeyId: "SOMEONE-ELSE", secretAccessKey: "SOMEONE-ELSE" } });
    try {
      await expect(createS3BlobStore({ client: wrong, bucket: name }).put("exports/x/a.txt", Buffer.from("a"), { contentType: "text/plain" })).rejects.toThrow(
        /S3 refused HeadObject in bucket .* \(403\)/,
      );
    } finally {
      wrong.destroy();
    }
    expect(await createS3BlobStore({ client: s3, bucket: name }).list("exports/")).toEqual([]);
  });

  it("is what createBlobStore builds for { kind: s3 }", () => {
    const store = createBlobStore({ kind: "s3", bucket, region: "eu-central-1", endpoint });
    expect(store.kind).toBe("s3");
  });
});
