/**
 * The node CLI (scripts/cli/check.ts) as a user runs it: the real `donum` command as a child
 * process, acting as the demo node with the key the embedded default wrote into the running
 * portal's data directory (DONUM_DATA_DIR), against the portal over HTTP (--url):
 * check (DENY, PERMIT, a withdrawal obeyed by the next check), check-batch, verify (online, offline
 * with a JWK Set file, a tampered token and an altered item refused), feed (a page, a withdrawal in
 * it, --follow stopped by Ctrl-C), and the exit codes. No national identifier is ever printed.
 *
 * Consents are written into the portal's own SQLite file by the real use cases, on a container
 * opened in this process on the same data directory (as tests/api/decisions.test.ts does).
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseConfig } from "../../lib/config";
import { DEFAULT_FORM_ID } from "../../lib/consent/forms";
import { createContainer, type Container } from "../../lib/server/container";
import { grantConsent, withdrawConsent } from "../../lib/usecases/consent-changes";
import * as fx from "../support/fixtures";

jest.setTimeout(180_000);

const ROOT = resolve(__dirname, "..", "..");

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: the app-server globalSetup did not run`);
  return v;
}
const base = () => env("DONUM_TEST_BASE_URL");
const dataDir = () => env("DONUM_TEST_DATA_DIR");

const RUN = randomBytes(4).toString("hex").toUpperCase();
let counter = 0;
/** A fresh eIDAS identifier; its unique part must never appear in the CLI's output. */
const newNationalId = () => `BE/BE/CLITEST${RUN}X${String(++counter).padStart(4, "0")}`;
const secretPart = (id: string) => id.split("/").at(-1)!;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run -s donum -- <args>` on the portal's data directory, against the portal. */
function donum(args: string[], input = ""): Run {
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "scripts/donum.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, DONUM_DATA_DIR: dataDir(), DONUM_LOG_LEVEL: "error" },
    input,
    encoding: "utf8",
    timeout: 90_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const REQUEST = ["--categories", "imaging.ct,report.radiology", "--purpose", "HMB", "--recipient", "Uni Leuven", "--recipient-type", "public", "--recipient-country", "BE", "--permit", "P-2026-001"];
const check = (nationalId: string, ...more: string[]) => donum(["check", "--subject", nationalId, ...REQUEST, "--url", base(), ...more]);

let container: Container;
let work: string;

beforeAll(async () => {
  container = await createContainer(parseConfig({ DONUM_DATA_DIR: dataDir(), DONUM_LOG_LEVEL: "error" }));
  work = mkdtempSync(join(tmpdir(), "donum-cli-check-"));
});

afterAll(async () => {
  await container?.stores.close();
});

async function consenting(nationalId: string): Promise<void> {
  const form = (await container.deps.stores.forms.latest(DEFAULT_FORM_ID))!;
  await grantConsent(container.deps, { kind: "subject", subjectKey: container.subjects.keyOf(nationalId) }, {
    scope: fx.scope({ dataCategories: ["imaging.ct", "report.radiology"], research: { level: "HMB" }, recipientTypes: ["public"], geography: "EU_EEA" }),
    form: { formId: form.formId, version: form.version, language: "en", textHash: form.textHashes.en! },
  });
}

function expectNoIdentifier(run: Run, ...ids: string[]): void {
  for (const id of ids) {
    expect(run.stdout).not.toContain(secretPart(id));
    expect(run.stderr).not.toContain(secretPart(id));
  }
}

describe("donum check", () => {
  it("prints DENY NO_CONSENT for a person Donum has no consent of, with a verified signature, and exits 0", () => {
    const id = newNationalId();
    const run = check(id);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toBe("DENY  NO_CONSENT");
    expect(run.stdout).toMatch(/subject ref\s+[A-Za-z0-9_-]{32}\s/);
    expect(run.stdout).toMatch(/consent\s+none/);
    expect(run.stdout).toContain("permit        P-2026-001");
    expect(lines.at(-1)).toMatch(new RegExp(`^signature verified against ${base().replace(/\./g, "\\.")}/\\.well-known/jwks\\.json \\(kid [A-Za-z0-9_-]+, ES256\\)$`));
    expectNoIdentifier(run, id);
  });

  it("prints PERMIT for a consenting person, and DENY CONSENT_WITHDRAWN on the very next check after a withdrawal", async () => {
    const id = newNationalId();
    await consenting(id);
    const permit = check(id);
    expect(permit.code).toBe(0);
    expect(permit.stdout.split("\n")[0]).toBe("PERMIT");
    expect(permit.stdout).toMatch(/consent\s+[0-9a-f-]{36} version 1 \(consent form version \d+\)/);

    await withdrawConsent(container.deps, { kind: "subject", subjectKey: container.subjects.keyOf(id) }, { expectedVersion: 1 });
    const deny = check(id);
    expect(deny.code).toBe(0);
    expect(deny.stdout.split("\n")[0]).toBe("DENY  CONSENT_WITHDRAWN");
    // The same person, the same reference for this node.
    const ref = (out: string) => /subject ref\s+([A-Za-z0-9_-]{32})/.exec(out)?.[1];
    expect(ref(deny.stdout)).toBe(ref(permit.stdout));
    expectNoIdentifier(permit, id);
    expectNoIdentifier(deny, id);
  });

  it("exits 1 with error DENIED on a DENY when asked to (--fail-on-deny)", () => {
    const run = check(newNationalId(), "--fail-on-deny");
    expect(run.code).toBe(1);
    expect(run.stdout.split("\n")[0]).toBe("DENY  NO_CONSENT");
    expect(run.stderr.trim()).toBe("error DENIED: the decision is DENY (NO_CONSENT)");
  });

  it("prints the verified answer as JSON, token included, with --json", () => {
    const run = check(newNationalId(), "--json");
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout) as { token: string; decision: { decision: string; aud: string; iss: string }; verified: { jwks: string; kid: string } };
    expect(answer.token.split(".")).toHaveLength(3);
    expect(answer.decision).toMatchObject({ decision: "DENY", aud: "demo-node", iss: base() });
    expect(answer.verified.jwks).toBe(`${base()}/.well-known/jwks.json`);
  });

  it("refuses wrong options before sending anything (exit 2), and a malformed identifier with Donum's code, without echoing it (exit 1)", () => {
    const usage = donum(["check", "--subject", newNationalId(), ...REQUEST.map((a) => (a === "imaging.ct,report.radiology" ? "imaging.xray" : a)), "--url", base()]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("usage error: --categories:");
    const bad = "BE-NOT-AN-EIDAS-ID-" + RUN;
    const refused = check(bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error INVALID_SUBJECT_IDENTIFIER: /);
    expect(refused.stderr).not.toContain(RUN);
  });

  it("says which key file is missing for a node that has none here (exit 1)", () => {
    const run = check(newNationalId(), "--node", "uzleuven-pacs");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error KEY_FILE:");
    expect(run.stderr).toContain(join(dataDir(), "keys", "uzleuven-pacs.private.jwk"));
  });
});

describe("donum verify", () => {
  let token: string;
  let jwksFile: string;

  beforeAll(async () => {
    const run = check(newNationalId(), "--json");
    expect(run.code).toBe(0);
    token = (JSON.parse(run.stdout) as { token: string }).token;
    jwksFile = join(work, "donum-jwks.json");
    writeFileSync(jwksFile, await (await fetch(`${base()}/.well-known/jwks.json`)).text());
  });

  it("verifies a decision token against the published JWK Set, and offline against a JWK Set file", () => {
    const online = donum(["verify", token, "--url", base()]);
    expect(online.code).toBe(0);
    expect(online.stdout.split("\n")[0]).toBe("DENY  NO_CONSENT");
    expect(online.stdout).toContain(`signature verified against ${base()}/.well-known/jwks.json`);

    const file = join(work, "decision.jwt");
    writeFileSync(file, `${token}\n`);
    const offline = donum(["verify", file, "--jwks", jwksFile, "--url", base()]);
    expect(offline.code).toBe(0);
    expect(offline.stdout).toContain(`signature verified against ${jwksFile}`);
  });

  it("refuses a tampered token with a non-zero exit and the reason's code", () => {
    const [h, p, s] = token.split(".") as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, "base64url").toString("utf8")) as Record<string, unknown>;
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, decision: "PERMIT", reasons: [] })).toString("base64url")}.${s}`;
    const run = donum(["verify", forged, "--jwks", jwksFile, "--url", base()]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^error BAD_SIGNATURE: /);
  });

  it("refuses a token issued to another node, and one checked after it expired unless checked as of the release", () => {
    const other = donum(["verify", token, "--jwks", jwksFile, "--url", base(), "--node", "another-node"]);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/^error WRONG_AUDIENCE: /);
    const later = donum(["verify", token, "--jwks", jwksFile, "--url", base(), "--at", new Date(Date.now() + 3600_000).toISOString()]);
    expect(later.code).toBe(1);
    expect(later.stderr).toMatch(/^error EXPIRED: /);
  });
});

describe("donum check-batch", () => {
  it("checks the identifiers of a file under one signature, verifies every item, and lists them by line, never by identifier", async () => {
    const ids = [newNationalId(), newNationalId(), newNationalId()];
    await consenting(ids[1]!);
    const file = join(work, "ids.txt");
    writeFileSync(file, `# release P-2026-001\n${ids[0]}\n\n${ids[1]}\n${ids[2]}\n`);
    const run = donum(["check-batch", "--subjects-file", file, ...REQUEST, "--url", base(), "--items"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe("3 subjects, one signature: 1 PERMIT, 2 DENY");
    expect(run.stdout).toMatch(/DENY reasons\s+NO_CONSENT 2/);
    expect(run.stdout).toMatch(/line 2\s+DENY\s+[A-Za-z0-9_-]{32}\s+NO_CONSENT/);
    expect(run.stdout).toMatch(/line 4\s+PERMIT\s+[A-Za-z0-9_-]{32}/);
    expect(run.stdout).toMatch(/line 5\s+DENY/);
    expect(run.stdout.trim().split("\n").at(-1)).toMatch(/^every item verified against the signed root; signature verified against /);
    expectNoIdentifier(run, ...ids);
  });

  it("keeps the answer with --json; verify checks it whole, an item on its own, and refuses an altered item", () => {
    const file = join(work, "ids2.txt");
    writeFileSync(file, [newNationalId(), newNationalId()].join("\n"));
    const run = donum(["check-batch", "--subjects-file", file, ...REQUEST, "--url", base(), "--json"]);
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout) as { token: string; items: Record<string, unknown>[] };
    expect(answer.items).toHaveLength(2);
    const saved = join(work, "batch.json");
    writeFileSync(saved, run.stdout);

    const whole = donum(["verify", saved, "--url", base()]);
    expect(whole.code).toBe(0);
    expect(whole.stdout).toContain("every item verified against the signed root");

    const item = join(work, "item.json");
    writeFileSync(item, JSON.stringify(answer.items[1]));
    const one = donum(["verify", saved, "--item", item, "--url", base()]);
    expect(one.code).toBe(0);
    expect(one.stdout.split("\n")[0]).toBe("batch item 1 of 2: DENY  NO_CONSENT");

    const altered = join(work, "item-altered.json");
    writeFileSync(altered, JSON.stringify({ ...answer.items[1], decision: "PERMIT", reasons: [] }));
    const refused = donum(["verify", saved, "--item", altered, "--url", base()]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error NOT_INCLUDED: /);
  });

  it("names a malformed identifier by its line in the file, never by its value; nothing is checked", () => {
    const file = join(work, "ids-bad.txt");
    const bad = `NOT-AN-ID-${RUN}`;
    writeFileSync(file, `${newNationalId()}\n${bad}\n`);
    const run = donum(["check-batch", "--subjects-file", file, ...REQUEST, "--url", base()]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error INVALID_SUBJECT_IDENTIFIER: /);
    expect(run.stderr).toContain(`${file} line 2:`);
    expect(run.stderr).not.toContain(bad);
  });
});

describe("donum feed", () => {
  it("prints a verified page of the demo node's feed, with a withdrawal under the reference its check received", async () => {
    const first = donum(["feed", "--url", base(), "--limit", "5"]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout.split("\n")[0]).toMatch(/^feed of node demo-node: /);
    expect(first.stdout).toContain(`signature verified against ${base()}/.well-known/jwks.json`);

    // Catch up, then make a change the feed must show.
    let cursor: string | null = null;
    for (let pages = 0; pages < 1000; pages++) {
      const page = JSON.parse(donum(["feed", "--url", base(), "--limit", "500", "--json", ...(cursor ? ["--after", cursor] : [])]).stdout) as {
        page: { nextCursor: string | null; hasMore: boolean };
      };
      cursor = page.page.nextCursor ?? cursor;
      if (!page.page.hasMore) break;
    }
    const id = newNationalId();
    await consenting(id);
    const checked = check(id);
    const ref = /subject ref\s+([A-Za-z0-9_-]{32})/.exec(checked.stdout)![1]!;
    await withdrawConsent(container.deps, { kind: "subject", subjectKey: container.subjects.keyOf(id) }, { expectedVersion: 1 });

    const run = donum(["feed", "--url", base(), ...(cursor ? ["--after", cursor] : [])]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`seq \\d+\\s+granted\\s+${ref}`));
    expect(run.stdout).toMatch(new RegExp(`seq \\d+\\s+withdrawn\\s+${ref}`));
    expect(run.stdout).toMatch(/next cursor \d+/);
    expectNoIdentifier(run, id);
  });

  it("follows the feed with --follow until interrupted, and says where to resume", async () => {
    // `node --import tsx` rather than the tsx CLI: the signal goes to the CLI itself.
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "scripts/donum.ts"), "feed", "--follow", "--interval", "1", "--url", base()], {
      cwd: ROOT,
      env: { ...process.env, DONUM_DATA_DIR: dataDir(), DONUM_LOG_LEVEL: "error" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const exited = new Promise<number | null>((resolveExit) => child.on("exit", (code) => resolveExit(code)));
    const deadline = Date.now() + 60_000;
    while (!stdout.includes("Ctrl-C to stop") && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1500)); // at least one poll
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^following the feed of node demo-node at /);
    expect(stdout.trim().split("\n").at(-1)).toMatch(/^stopped at cursor \d+; resume with --after \d+$|^stopped; nothing read yet\.$/);
  });
});
