/**
 * The operator CLI (`npm run donum -- forms …`), run for real as a child process on a fresh
 * data directory: first start, export → edit → publish, the refusals (existing version, scope
 * change marked not material, invalid draft, no terminal to confirm on), usage and
 * configuration errors, and hash verification before and after a stored row is tampered with.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import type { ConsentFormDraft } from "../../lib/consent/form";

const ROOT = resolve(__dirname, "../..");
const FORM = "cancer-imaging-altruism";

jest.setTimeout(60_000);

let dataDir: string;
let work: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function donum(args: string[], env: Record<string, string> = {}): Run {
  // The child gets this test's data directory and nothing of the developer's own DONUM_* settings.
  const childEnv = { ...process.env };
  for (const k of Object.keys(childEnv)) if (k.startsWith("DONUM_")) delete childEnv[k];
  Object.assign(childEnv, { DONUM_DATA_DIR: dataDir }, env);
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "scripts/donum.ts"), ...args], {
    cwd: ROOT,
    env: childEnv,
    // A pipe, not a terminal: nobody can answer a confirmation question.
    input: "",
    encoding: "utf8",
    timeout: 55_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function writeDraft(name: string, draft: unknown): string {
  const path = join(work, name);
  writeFileSync(path, JSON.stringify(draft, null, 2));
  return path;
}

/** The rows of `forms list`: [version, isLatest]. */
function listed(stdout: string): [number, boolean][] {
  return [...stdout.matchAll(/^\s+(\*?)\s+(\d+)\s+\d{4}-\d\d-\d\dT/gm)].map((m) => [Number(m[2]), m[1] === "*"]);
}

let exported: ConsentFormDraft;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), "donum-cli-data-"));
  work = mkdtempSync(join(tmpdir(), "donum-cli-work-"));
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe("donum forms", () => {
  it("list shows version 1 of the bundled form after the first start", () => {
    const r = donum(["forms", "list"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${FORM}: 1 version`);
    expect(listed(r.stdout)).toEqual([[1, true]]);
    expect(r.stdout).toMatch(/\ben [0-9a-f]{12}\b/);
  });

  it("show prints the texts of one language, and the stored JSON with --json", () => {
    const text = donum(["forms", "show", FORM, "1", "--language", "en"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`${FORM} version 1 — language en`);
    expect(text.stdout).toContain("[purposes]");
    const json = donum(["forms", "show", FORM, "latest", "--json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ formId: FORM, version: 1, textHashes: { en: expect.stringMatching(/^sha256:/) } });
  });

  it("export prints a draft that validates; edited and bumped, it publishes as version 2", () => {
    const r = donum(["forms", "export", FORM, "1"]);
    expect(r.code).toBe(0);
    exported = JSON.parse(r.stdout) as ConsentFormDraft;
    expect(exported).toMatchObject({ formId: FORM, version: 1 });
    expect(exported).not.toHaveProperty("textHashes");
    expect(exported).not.toHaveProperty("publishedAt");

    const v2 = structuredClone(exported);
    v2.version = 2;
    v2.texts.en!.modules.objectives.summary += " Thank you for reading this.";
    const path = writeDraft("v2.json", v2);
    const published = donum(["forms", "publish", path, "--yes"]);
    expect(published.stderr).not.toMatch(/error/);
    expect(published.code).toBe(0);
    expect(published.stdout).toMatch(/module objectives: summary/);
    expect(published.stdout).toContain("Materiality: not material");
    expect(published.stdout).toContain(`Published ${FORM} version 2`);
    expect(published.stdout).toMatch(/^ {2}en {2}sha256:[0-9a-f]{64}$/m);

    expect(listed(donum(["forms", "list"]).stdout)).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it("records the publication in the audit trail with the operator as actor", () => {
    const db = new Database(join(dataDir, "donum.db"), { readonly: true });
    try {
      const rows = db.prepare("SELECT body FROM audit_log ORDER BY seq").all() as { body: string }[];
      const published = rows.map((r) => JSON.parse(r.body)).filter((e) => e.type === "form.published");
      expect(published).toHaveLength(2);
      expect(published[1]).toMatchObject({ actor: { kind: "operator", id: expect.stringMatching(/^cli:.+/) }, data: { formId: FORM, version: 2 } });
    } finally {
      db.close();
    }
  });

  it("publishing the same file again is refused with FORM_VERSION_EXISTS", () => {
    const r = donum(["forms", "publish", join(work, "v2.json"), "--yes"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error FORM_VERSION_EXISTS: .*version 2.*"version": 3/m);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("a changed purposes module marked not material is refused without --force-non-material", () => {
    const v3 = structuredClone(exported);
    v3.version = 3;
    v3.material = false;
    v3.texts.en!.modules.purposes.summary = "Your data may be used for any research, including commercial product development.";
    const path = writeDraft("v3.json", v3);

    const refused = donum(["forms", "publish", path, "--yes"]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("WARNING");
    expect(refused.stdout).toContain('en: module "purposes" (summary)');
    expect(refused.stderr).toMatch(/^error MATERIAL_CHANGE_NOT_MARKED: .*--force-non-material/m);
    expect(listed(donum(["forms", "list"]).stdout).at(-1)).toEqual([2, true]);

    const forced = donum(["forms", "publish", path, "--yes", "--force-non-material"]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(`Published ${FORM} version 3 (not material)`);
  });

  it("the same change marked material publishes without an override", () => {
    const v4 = structuredClone(exported);
    v4.version = 4;
    v4.material = true;
    v4.texts.de!.choices.geography.EU_EEA_ADEQUACY = "EU/EWR und Länder mit Angemessenheitsbeschluss (geändert)";
    const r = donum(["forms", "publish", writeDraft("v4.json", v4), "--yes"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Materiality: MATERIAL");
    expect(r.stdout).toContain(`Published ${FORM} version 4 (material)`);
  });

  it("an invalid draft (a module missing) is refused naming the field", () => {
    const bad = structuredClone(exported) as unknown as { version: number; texts: { en: { modules: Record<string, unknown> } } };
    bad.version = 5;
    delete bad.texts.en.modules.purposes;
    const r = donum(["forms", "publish", writeDraft("bad.json", bad), "--yes"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error INVALID_INPUT: .*texts\.en\.modules\.purposes/m);
  });

  it("usage errors exit 2: unknown command, missing argument, unknown option, no terminal and no --yes", () => {
    const unknown = donum(["forms", "lst"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "forms lst"');
    const missing = donum(["forms", "show", FORM]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing <version>");
    expect(donum(["forms", "list", "--bogus"]).code).toBe(2);
    expect(donum(["forms", "show", FORM, "two"]).code).toBe(2);
    expect(donum([]).code).toBe(2);

    const v5 = JSON.parse(donum(["forms", "export", FORM, "latest"]).stdout) as ConsentFormDraft;
    v5.version = 5;
    v5.texts.en!.title += " (2)";
    const unconfirmed = donum(["forms", "publish", writeDraft("v5.json", v5)]);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain("--yes");
    expect(listed(donum(["forms", "list"]).stdout).at(-1)).toEqual([4, true]);
  });

  it("--help exits 0 at every level", () => {
    for (const args of [["--help"], ["forms", "--help"], ["forms", "publish", "--help"]]) {
      const r = donum(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: /m);
    }
  });

  it("a configuration error prints the ConfigError message and exits 2", () => {
    const r = donum(["forms", "list"], { DONUM_STORE: "paper" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("the configuration is not valid");
    expect(r.stderr).toContain("DONUM_STORE");
  });

  it("verify passes on the stored versions", () => {
    const r = donum(["forms", "verify"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok\s+cancer-imaging-altruism version 4\b/m);
    expect(r.stdout).toContain("All 4 stored version(s) match their hashes.");
  });

  it("verify exits 1 naming the version and language of a row tampered with in the SQLite file", () => {
    const db = new Database(join(dataDir, "donum.db"));
    try {
      const row = db.prepare("SELECT body FROM forms WHERE form_id = ? AND version = 2").get(FORM) as { body: string };
      const body = JSON.parse(row.body);
      body.texts.de.modules.purposes.summary = "Ihre Daten dürfen für jeden Zweck verwendet werden.";
      db.prepare("UPDATE forms SET body = ? WHERE form_id = ? AND version = 2").run(JSON.stringify(body), FORM);
    } finally {
      db.close();
    }
    const r = donum(["forms", "verify"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^MISMATCH\s+cancer-imaging-altruism version 2$/m);
    expect(r.stdout).toMatch(/de: text hash mismatch/);
    expect(r.stderr).toMatch(/^error FORM_HASH_MISMATCH: .*cancer-imaging-altruism version 2 \(de\)/m);
    // Other versions still verify.
    expect(r.stdout).toMatch(/^ok\s+cancer-imaging-altruism version 1\b/m);
  });
});
