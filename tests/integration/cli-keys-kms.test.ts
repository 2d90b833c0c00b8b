/**
 * Rotating an AWS KMS signing key with the operator CLI (`keys kms-rotate`, docs/deploy.md), run
 * for real as a child process against the KMS stand-in (not AWS: no KMS emulator runs here) holding
 * two keys, as the stack holds one KMS key per generation. The operator stages the new key in the
 * state file they deploy, activates it (audit entry first, then the file), and the next
 * deployment — simulated by running the CLI with the new key active and the state file where
 * the functions' layer puts it — publishes the new key and the old one, and signs with the new.
 *
 * Passing the wait is simulated by moving `stagedAt` back in the state file.
 */
import Database from "better-sqlite3";
import { createPublicKey } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Jwks } from "../../lib/crypto/jwks";
import { KEY_STATE_FILE } from "../../lib/crypto/keyring";
import { jwkThumbprint } from "../../lib/crypto/local-keys";
import { ACTIVATION_DELAY_SECONDS, type KeyState } from "../../lib/crypto/signing-keys";
import { runDonum } from "../support/cli";
import { startKmsStandIn, type KmsStandIn } from "../support/kms-standin";

jest.setTimeout(90_000);

let kms: KmsStandIn;
let second: ReturnType<KmsStandIn["addKey"]>;
let work: string;
let dataDir: string;
let stateFile: string;
let firstKid: string;
let secondKid: string;

const kidOf = (key: KmsStandIn["privateKey"]) => jwkThumbprint(createPublicKey(key).export({ format: "jwk" }));
const env = (keyId: string, data = dataDir) => ({
  DONUM_DATA_DIR: data,
  DONUM_LOG_LEVEL: "warn",
  DONUM_SIGNER: "kms",
  DONUM_KMS_KEY_ID: keyId,
  DONUM_KMS_ENDPOINT: kms.endpoint,
  AWS_REGION: kms.region,
  AWS_ACCESS_KEY_ID: "AKIDSTANDIN",
  AWS_SECRET_ACCESS_KEY: "stand-in-secret",
});
/** The CLI with the configuration of the key that signs now (generation 1). */
const donum = (...args: string[]) => runDonum(args, env(kms.alias));
const readState = () => JSON.parse(readFileSync(stateFile, "utf8")) as KeyState;
const rotations = (data = dataDir) => {
  const db = new Database(join(data, "donum.db"), { readonly: true });
  try {
    const rows = db.prepare("SELECT body FROM audit_log ORDER BY seq").all() as { body: string }[];
    return rows.map((r) => JSON.parse(r.body) as { type: string; actor: unknown; data: unknown }).filter((e) => e.type === "signing_key.rotated");
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  kms = await startKmsStandIn();
  second = kms.addKey("alias/donum/signing-2");
  firstKid = kidOf(kms.privateKey);
  secondKid = kidOf(second.privateKey);
  work = mkdtempSync(join(tmpdir(), "donum-cli-kms-rotate-"));
  dataDir = join(work, "data");
  mkdirSync(join(work, "infra"));
  stateFile = join(work, "infra", "signing-keys.json");
});

afterAll(async () => {
  await kms?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("keys kms-rotate", () => {
  it("refuses bad usage before anything opens, and a local signer", async () => {
    for (const [args, message] of [
      [["--stage", "--key", second.alias], /--state <file> is required/],
      [["--stage", "--activate", "--state", stateFile], /choose one of --stage, --activate/],
      [["--stage", "--state", stateFile], /--stage needs --key/],
      [["--activate", "--key", second.alias, "--state", stateFile], /--key applies to --stage only/],
      [["--stage", "--key", second.alias, "--force", "--state", stateFile], /apply to activation only/],
    ] as const) {
      const r = await donum("keys", "kms-rotate", ...args);
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 2, stderr: expect.stringMatching(message) });
    }
    const local = await runDonum(["keys", "kms-rotate", "--stage", "--key", second.alias, "--state", stateFile], { DONUM_DATA_DIR: join(work, "local") });
    expect(local.code).toBe(1);
    expect(local.stderr).toMatch(/^error SIGNER_NOT_KMS: .*keys rotate/m);
  });

  it("--stage reads the new KMS key's public key and stages it in the state file; the current key is refused", async () => {
    const same = await donum("keys", "kms-rotate", "--stage", "--key", kms.keyArn, "--state", stateFile);
    expect(same.code).toBe(1);
    expect(same.stderr).toMatch(/^error KEY_ALREADY_CURRENT/m);

    const r = await donum("keys", "kms-rotate", "--stage", "--key", second.alias, "--state", stateFile);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Staged KMS key ${second.keyArn} (kid ${secondKid})`);
    expect(r.stdout).toContain(`npm run deploy -- -c signingKeyStateFile=${stateFile}`);
    expect(r.stdout).toContain(`keys kms-rotate --activate --state ${stateFile}`);
    const state = readState();
    const publicJwk = createPublicKey(second.privateKey).export({ format: "jwk" });
    expect(state.next!.jwk).toMatchObject({ kid: secondKid, x: publicJwk.x, y: publicJwk.y, alg: "ES256", use: "sig" });
    expect(state.previous).toEqual([]);

    const again = await donum("keys", "kms-rotate", "--stage", "--key", second.alias, "--state", stateFile);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error KEY_ALREADY_STAGED/m);
  });

  it("once the state file is deployed, the JWK Set publishes the staged key beside the one that signs", async () => {
    // The stack ships the file as a layer at <DONUM_DATA_DIR>/keys/signing-keys.json.
    const deployed = join(work, "deployed-1");
    mkdirSync(join(deployed, "keys"), { recursive: true });
    copyFileSync(stateFile, join(deployed, "keys", KEY_STATE_FILE));
    const r = await runDonum(["keys", "jwks"], env(kms.alias, deployed));
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Jwks).keys.map((k) => k.kid)).toEqual([firstKid, secondKid]);
  });

  it("--activate is refused before every cache can have the staged key; nothing is written", async () => {
    const before = readFileSync(stateFile, "utf8");
    const r = await donum("keys", "kms-rotate", "--activate", "--state", stateFile);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error ACTIVATION_TOO_EARLY/m);
    expect(readFileSync(stateFile, "utf8")).toBe(before);
    expect(rotations()).toEqual([]);
  });

  it("--activate after the wait records the rotation in the audit trail and retires the current key in the state file", async () => {
    const state = readState();
    state.next!.stagedAt = new Date(Date.now() - (ACTIVATION_DELAY_SECONDS + 60) * 1000).toISOString();
    writeFileSync(stateFile, JSON.stringify(state));
    const r = await donum("keys", "kms-rotate", "--activate", "--state", stateFile);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`new kid: ${secondKid}; retired ${firstKid}`);
    expect(r.stdout).toContain("-c activeSigningKey=");
    expect(r.stdout).toContain(`aws kms disable-key --key-id ${kms.alias}`);

    const after = readState();
    expect(after.next).toBeNull();
    expect(after.previous.map((k) => k.kid)).toEqual([firstKid]);
    const years = (Date.parse(after.previous[0]!.publishUntil) - Date.now()) / (365.25 * 86_400_000);
    expect(years).toBeGreaterThan(9.9);
    expect(rotations()).toEqual([
      expect.objectContaining({ actor: { kind: "operator", id: expect.stringMatching(/^cli:.+/) }, data: { newKeyId: secondKid, previousKeyIds: [firstKid] } }),
    ]);
    const twice = await donum("keys", "kms-rotate", "--activate", "--state", stateFile);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/^error NO_STAGED_KEY/m);
    expect(rotations()).toHaveLength(1);
  });

  it("after the deployment with the new key active, it signs and the old key stays published", async () => {
    const deployed = join(work, "deployed-2");
    mkdirSync(join(deployed, "keys"), { recursive: true });
    copyFileSync(stateFile, join(deployed, "keys", KEY_STATE_FILE));
    const jwks = await runDonum(["keys", "jwks"], env(second.alias, deployed));
    expect(jwks.code).toBe(0);
    expect((JSON.parse(jwks.stdout) as Jwks).keys.map((k) => k.kid)).toEqual([secondKid, firstKid]);
    const show = await runDonum(["keys", "show"], env(second.alias, deployed));
    expect(show.stdout).toContain(`Current key:    ${secondKid}`);
    expect(show.stdout).toContain(`${firstKid}  retired`);
  });
});
