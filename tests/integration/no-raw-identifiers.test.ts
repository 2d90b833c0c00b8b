/**
 * A raw national identifier is keyed on arrival and never stored, logged or returned. This
 * test runs the real container on a SQLite file, drives every consent use case and the error
 * paths with known identifiers, then greps every byte Donum wrote for them.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig } from "../../lib/config";
import { DEFAULT_FORM_ID } from "../../lib/consent/forms";
import { problemFor } from "../../lib/http/problem";
import { createLogger } from "../../lib/log";
import { createContainer, type Container } from "../../lib/server/container";
import { amendConsent, grantConsent, optOutOfSecondaryUse, withdrawConsent } from "../../lib/usecases/consent-changes";
import { getCurrentConsent } from "../../lib/usecases/consent-reads";
import * as fx from "../support/fixtures";

const IDENTIFIERS = ["ES/AT/02635542Y", "BE/BE/85073003328", "DE/T22000129", "EL/GR/AB1234567"];
// Pieces that would give a person away if they appeared anywhere, in any spelling.
const NEEDLES = ["02635542Y", "85073003328", "T22000129", "AB1234567", "85.07.30-033.28"];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe("raw national identifiers", () => {
  let dataDir: string;
  let container: Container;
  const logs: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "donum-ids-"));
    const config = parseConfig({ DONUM_DATA_DIR: dataDir, DONUM_LOG_LEVEL: "debug" });
    container = await createContainer(config, createLogger("debug", (line) => logs.push(line)));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("never reach the database files or the logs", async () => {
    const { deps, subjects, log } = container;
    const form = (await deps.stores.forms.latest(DEFAULT_FORM_ID))!;
    const shown = { formId: form.formId, version: form.version, language: "en", textHash: form.textHashes.en! };

    for (const [i, raw] of IDENTIFIERS.entries()) {
      const actor = { kind: "subject" as const, subjectKey: subjects.keyOf(raw) };
      // What a careless caller might try to log: the logger must redact it.
      log.info("citizen signed in", { nationalId: raw, subject: raw, identifier: raw });
      if (i % 2 === 0) {
        await grantConsent(deps, actor, { scope: fx.scope(), form: shown });
        await amendConsent(deps, actor, { scope: fx.scope({ aiUses: [] }), form: shown, expectedVersion: 1 });
        await withdrawConsent(deps, actor, { expectedVersion: 2 });
      } else {
        await optOutOfSecondaryUse(deps, actor, { expectedVersion: null });
      }
      const current = await getCurrentConsent(deps, actor, DEFAULT_FORM_ID);
      expect(JSON.stringify(current)).not.toContain(raw.split("/").at(-1));
      // A malformed identifier is refused without echoing it.
      const malformed = `${raw}!*`;
      let refused: unknown;
      try {
        subjects.keyOf(malformed);
      } catch (e) {
        refused = e;
      }
      const problem = problemFor(refused, log);
      expect(problem.code).toBe("INVALID_SUBJECT_IDENTIFIER");
      log.warn("refused identifier", { problem });
    }
    await deps.stores.close();

    const written = filesUnder(dataDir).map((f) => ({ f, bytes: readFileSync(f) }));
    expect(written.some(({ f }) => f.endsWith("donum.db"))).toBe(true);
    expect(logs.length).toBeGreaterThan(IDENTIFIERS.length);
    const haystacks = [...written.map(({ f, bytes }) => ({ where: f, text: bytes.toString("latin1") })), { where: "logs", text: logs.join("\n") }];
    for (const needle of NEEDLES) {
      for (const { where, text } of haystacks) {
        if (text.includes(needle)) throw new Error(`raw identifier piece ${needle} found in ${where}`);
      }
    }
    // And the subject keys really are what was stored: the check above is not vacuous.
    const db = written.find(({ f }) => f.endsWith("donum.db"))!.bytes.toString("latin1");
    const wal = written.find(({ f }) => f.endsWith("donum.db-wal"))?.bytes.toString("latin1") ?? "";
    expect(db + wal).toContain(subjects.keyOf(IDENTIFIERS[0]!));
  });
});
