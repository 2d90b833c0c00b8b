/**
 * The signing-key CLI (`npm run donum -- keys …`), run for real as a child process on a fresh
 * data directory, beside a keyring held in this process as a running portal holds it:
 * show; rotate --stage (two keys published, the current one still signs); --activate refused
 * before the wait unless --force; activation (old public key among the previous keys, audit
 * entry, old private key gone); JWS signed before a rotation still verify against the published
 * JWK Set; the "portal" follows every step without a restart; cancel; and a KMS signer refused
 * (its rotation is tests/integration/cli-keys-kms.test.ts).
 *
 * Passing the wait is simulated by moving `stagedAt` back in signing-keys.json (the record the
 * CLI itself reads), not by waiting ten minutes.
 */
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Jwks } from "../../lib/crypto/jwks";
import { signCompactJws, verifyCompactJws } from "../../lib/crypto/jws";
import { createLocalKeyring, KEY_STATE_FILE, NEXT_SIGNING_KEY_FILE, type Keyring } from "../../lib/crypto/keyring";
import { ACTIVATION_DELAY_SECONDS, type KeyState } from "../../lib/crypto/signing-keys";
import { runDonum } from "../support/cli";
import { startKmsStandIn } from "../support/kms-standin";

const ROOT = resolve(__dirname, "../..");
const TYP = "consent-receipt+jwt";

jest.setTimeout(90_000);

let dataDir: string;
let keysDir: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function donum(args: string[], env: Record<string, string> = {}): Run {
  const childEnv = { ...process.env };
  for (const k of Object.keys(childEnv)) if (k.startsWith("DONUM_")) delete childEnv[k];
  Object.assign(childEnv, { DONUM_DATA_DIR: dataDir, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" }, env);
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "scripts/donum.ts"), ...args], {
    cwd: ROOT,
    env: childEnv,
    input: "",
    encoding: "utf8",
    timeout: 80_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const stateFile = () => join(keysDir, KEY_STATE_FILE);
const readState = () => JSON.parse(readFileSync(stateFile(), "utf8")) as KeyState;
const kids = (jwks: Jwks) => jwks.keys.map((k) => k.kid);
const published = (): Jwks => {
  const r = donum(["keys", "jwks"]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Jwks;
};
const showJson = () => {
  const r = donum(["keys", "show", "--json"]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as {
    signer: { kind: string };
    current: { kid: string };
    next: { kid: string; ready: boolean } | null;
    previous: { kid: string; retiredAt: string; publishUntil: string; published: boolean }[];
    published: string[];
  };
};
/** Moves the staged key's stagedAt back, as if `seconds` had passed since staging. */
function backdateStage(seconds: number): void {
  const state = readState();
  state.next!.stagedAt = new Date(Date.parse(state.next!.stagedAt) - seconds * 1000).toISOString();
  writeFileSync(stateFile(), JSON.stringify(state, null, 2));
}
const kidLine = (stdout: string, label: string) => new RegExp(`^${label}: ([A-Za-z0-9_-]{43})$`, "m").exec(stdout)?.[1];

/** The "running portal": a keyring on the same directory, as the server's container holds it. */
let portal: Keyring;
const signedBefore: { kid: string; jws: string }[] = [];
let firstKid: string;
let secondKid: string;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), "donum-cli-keys-"));
  keysDir = join(dataDir, "keys");
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("donum keys", () => {
  it("show: the key generated on first start, nothing staged, nothing previous", async () => {
    const text = donum(["keys", "show"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Current key: +[A-Za-z0-9_-]{43} +\(ES256, signs now\)$/m);
    expect(text.stdout).toContain("Next key:       none staged");
    expect(text.stdout).toContain("Previous keys:  none");
    const s = showJson();
    expect(s).toMatchObject({ signer: { kind: "local" }, next: null, previous: [], published: [s.current.kid] });
    firstKid = s.current.kid;

    portal = createLocalKeyring(keysDir, { reloadEveryMs: 0 });
    expect(portal.signer().kid).toBe(firstKid);
    signedBefore.push({ kid: firstKid, jws: await signCompactJws(portal.signer(), { receipt: "before any rotation" }, { typ: TYP }) });
    expect(published()).toEqual(portal.jwks());
  });

  it("rotate --stage: a next key is published beside the current one, which goes on signing", () => {
    const r = donum(["keys", "rotate", "--stage"]);
    expect(r.code).toBe(0);
    secondKid = kidLine(r.stdout, "next kid")!;
    expect(secondKid).toBeDefined();
    expect(r.stdout).toContain("keys rotate --activate");

    expect(readState().next).toMatchObject({ jwk: { kid: secondKid } });
    expect(existsSync(join(keysDir, NEXT_SIGNING_KEY_FILE))).toBe(true);
    expect(kids(published())).toEqual([firstKid, secondKid]);
    expect(showJson()).toMatchObject({ current: { kid: firstKid }, next: { kid: secondKid, ready: false } });

    // The running portal publishes it too, and still signs with the current key.
    expect(kids(portal.jwks())).toEqual([firstKid, secondKid]);
    expect(portal.signer().kid).toBe(firstKid);
  });

  it("a second --stage is refused while a key is staged", () => {
    const r = donum(["keys", "rotate", "--stage"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error KEY_ALREADY_STAGED: key [A-Za-z0-9_-]{43} is already staged/m);
  });

  it("--activate is refused before every cache can have the next key, and nothing changes", () => {
    const stateBefore = readFileSync(stateFile(), "utf8");
    for (const args of [["keys", "rotate", "--activate"], ["keys", "rotate"]]) {
      const r = donum(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^error ACTIVATION_TOO_EARLY: .*Activate from \d{4}-.*or pass --force/m);
    }
    expect(readFileSync(stateFile(), "utf8")).toBe(stateBefore);
    expect(portal.signer().kid).toBe(firstKid);
  });

  it("usage errors: two steps at once, --force with --stage, a retention that is not a number", () => {
    expect(donum(["keys", "rotate", "--stage", "--activate"]).code).toBe(2);
    expect(donum(["keys", "rotate", "--stage", "--force"]).code).toBe(2);
    expect(donum(["keys", "rotate", "--activate", "--keep-previous-days", "ten"]).code).toBe(2);
    const short = donum(["keys", "rotate", "--activate", "--force", "--keep-previous-days", "7"]);
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/^error RETENTION_TOO_SHORT: /m);
    expect(readState().next).toMatchObject({ jwk: { kid: secondKid } });
  });

  it("--activate once the wait has passed: the new key signs, the old PUBLIC key stays published", async () => {
    backdateStage(ACTIVATION_DELAY_SECONDS);
    const r = donum(["keys", "rotate", "--activate"]);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    expect(kidLine(r.stdout, "new kid")).toBe(secondKid);
    expect(r.stdout).not.toContain("warning");
    expect(r.stdout).toMatch(new RegExp(`Retired ${firstKid}: .*published until \\d{4}-`));

    const s = showJson();
    expect(s).toMatchObject({ current: { kid: secondKid }, next: null, previous: [{ kid: firstKid, published: true }] });
    const retired = s.previous[0]!;
    const years = (Date.parse(retired.publishUntil) - Date.parse(retired.retiredAt)) / (365.25 * 86_400_000);
    expect(years).toBeCloseTo(10, 1); // the default publication period of a retired key (ADR 0006)
    expect(existsSync(join(keysDir, NEXT_SIGNING_KEY_FILE))).toBe(false);
    expect(readFileSync(stateFile(), "utf8")).not.toMatch(/"d"\s*:/);

    const jwks = published();
    expect(kids(jwks)).toEqual([secondKid, firstKid]);
    // What was signed before the rotation still verifies against the published set.
    for (const { kid, jws } of signedBefore) expect(verifyCompactJws(jws, jwks, { typ: TYP })).toMatchObject({ ok: true, header: { kid } });

    // The running portal switched without a restart, and what it signs now verifies too.
    expect(portal.signer().kid).toBe(secondKid);
    expect(portal.jwks()).toEqual(jwks);
    const after = await signCompactJws(portal.signer(), { receipt: "after the first rotation" }, { typ: TYP });
    expect(verifyCompactJws(after, jwks, { typ: TYP })).toMatchObject({ ok: true, header: { kid: secondKid } });
    signedBefore.push({ kid: secondKid, jws: after });
  });

  it("records the rotation in the audit trail, with the operator as actor", () => {
    const db = new Database(join(dataDir, "donum.db"), { readonly: true });
    try {
      const rows = db.prepare("SELECT body FROM audit_log ORDER BY seq").all() as { body: string }[];
      const rotated = rows.map((r) => JSON.parse(r.body)).filter((e) => e.type === "signing_key.rotated");
      expect(rotated).toHaveLength(1);
      expect(rotated[0]).toMatchObject({
        v: 1,
        actor: { kind: "operator", id: expect.stringMatching(/^cli:.+/) },
        subjectKey: null,
        data: { newKeyId: secondKid, previousKeyIds: [firstKid] },
      });
    } finally {
      db.close();
    }
  });

  it("a second rotation with --force: warned, both older keys stay published, everything signed still verifies", () => {
    const staged = donum(["keys", "rotate"]); // nothing staged: the next step is --stage
    expect(staged.code).toBe(0);
    const thirdKid = kidLine(staged.stdout, "next kid")!;
    const r = donum(["keys", "rotate", "--activate", "--force", "--keep-previous-days", "30"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^warning: activated less than \d+ s after staging \(--force\)/m);
    expect(kidLine(r.stdout, "new kid")).toBe(thirdKid);

    const jwks = published();
    expect(kids(jwks)).toEqual([thirdKid, secondKid, firstKid]);
    for (const { kid, jws } of signedBefore) expect(verifyCompactJws(jws, jwks, { typ: TYP })).toMatchObject({ ok: true, header: { kid } });
    expect(portal.signer().kid).toBe(thirdKid);
    expect(showJson().previous.map((k) => k.kid)).toEqual([secondKid, firstKid]);
  });

  it("rotate --cancel withdraws a staged key that never signed", () => {
    const before = kids(published());
    const staged = donum(["keys", "rotate", "--stage"]);
    const kid = kidLine(staged.stdout, "next kid")!;
    expect(kids(published())).toEqual([before[0], kid, ...before.slice(1)]);
    const r = donum(["keys", "rotate", "--cancel"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Withdrew the staged key ${kid}`);
    expect(kids(published())).toEqual(before);
    expect(existsSync(join(keysDir, NEXT_SIGNING_KEY_FILE))).toBe(false);
    expect(donum(["keys", "rotate", "--activate"]).stderr).toMatch(/^error NO_STAGED_KEY: /m);
  });

  it("is listed in the CLI's help, with the two phases explained", () => {
    expect(donum(["--help"]).stdout).toMatch(/^ {2}keys +Donum's signing key/m);
    const help = donum(["keys", "rotate", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(`no earlier than ${ACTIVATION_DELAY_SECONDS} s after staging`);
  });

  it("with DONUM_SIGNER=kms, shows the KMS key and refuses to rotate locally (stand-in KMS, not AWS)", async () => {
    const kms = await startKmsStandIn();
    const kmsData = mkdtempSync(join(tmpdir(), "donum-cli-keys-kms-"));
    try {
      const env = {
        DONUM_DATA_DIR: kmsData,
        DONUM_SIGNER: "kms",
        DONUM_KMS_KEY_ID: kms.alias,
        DONUM_KMS_ENDPOINT: kms.endpoint,
        AWS_REGION: kms.region,
        AWS_ACCESS_KEY_ID: "AKIDSTANDIN",
        AWS_SECRET_ACCESS_KEY: "stand-in-secret",
      };
      // spawnSync blocks this process, so the stand-in (served from here) could not answer: run the CLI asynchronously.
      const run = (args: string[]) => runDonum(args, env);
      const show = await run(["keys", "show"]);
      expect(show.stderr).not.toMatch(/error/);
      expect(show.stdout).toContain(`Signer:         AWS KMS key ${kms.alias}`);
      expect(kms.requests.map((q) => q.target)).toContain("TrentService.GetPublicKey");
      const rotate = await run(["keys", "rotate", "--stage"]);
      expect(rotate.code).toBe(1);
      expect(rotate.stderr).toMatch(/^error SIGNER_NOT_LOCAL: DONUM_SIGNER=kms/m);
      expect(existsSync(join(kmsData, "keys", "signing-key.pem"))).toBe(false);
    } finally {
      await kms.close();
      rmSync(kmsData, { recursive: true, force: true });
    }
  });
});
