import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { auditEvent, CONSENT_CHANGE_TYPES } from "../../lib/audit/events";
import { CONSENT_CHANGE_TERM, createSqliteStores, openSqlite, REPLAY_SWEEP_EVERY } from "../../lib/store/sqlite";
import { MIGRATIONS } from "../../lib/store/sqlite/migrations";
import * as fx from "../support/fixtures";
import { runStoreContract } from "./stores.contract";
import { runTreeStoreContract } from "./tree.contract";
import { runUseCaseContract } from "./usecases.contract";

// A file, not :memory:, so that WAL and the file-backed paths the portal uses are exercised.
const dir = mkdtempSync(join(tmpdir(), "donum-contract-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const factory = async () => createSqliteStores(join(dir, `store-${n++}.db`));

runStoreContract("sqlite", factory);
runUseCaseContract("sqlite", factory);
runTreeStoreContract("sqlite", factory);

/** What the shared contract cannot say because it holds for this adapter only. */
describe("sqlite adapter specifics", () => {
  const file = () => join(dir, `specific-${n++}.db`);

  it("lists consent changes through the partial index, without reading decisions", () => {
    const db = openSqlite(file());
    try {
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN SELECT seq, body FROM audit_log WHERE ${CONSENT_CHANGE_TERM} AND seq >= ? ORDER BY seq LIMIT ?`)
        .all(0, 10) as { detail: string }[];
      expect(plan.map((p) => p.detail).join("\n")).toMatch(/USING INDEX audit_log_consent_changes/);
      // The index's term names exactly the consent-change types of the domain.
      expect(CONSENT_CHANGE_TERM).toBe(`type IN (${CONSENT_CHANGE_TYPES.map((t) => `'${t}'`).join(", ")})`);
    } finally {
      db.close();
    }
  });

  it("backfills the type of entries written before the migration that added it", async () => {
    const path = file();
    const old = new Database(path);
    old.exec(MIGRATIONS[0]!);
    old.pragma("user_version = 1");
    const subject = fx.subjectKey();
    const insert = old.prepare("INSERT INTO audit_log (seq, id, at, subject_key, body) VALUES (?, ?, ?, ?, ?)");
    const events = [
      auditEvent("consent.withdrawn", {
        id: randomUUID(),
        at: fx.T0,
        actor: { kind: "subject", subjectKey: subject },
        subjectKey: subject,
        data: { consentId: randomUUID(), consentVersion: 2 },
      }),
      auditEvent("node.status_changed", { id: randomUUID(), at: fx.T0, actor: fx.operator, subjectKey: null, data: { nodeId: "n", status: "active" } }),
    ];
    events.forEach((e, seq) => insert.run(seq, e.id, e.at, e.subjectKey, JSON.stringify(e)));
    old.close();

    const stores = createSqliteStores(path);
    try {
      expect(await stores.audit.listConsentChangesSince(0, 10)).toEqual([{ ...events[0], seq: 0 }]);
    } finally {
      await stores.close();
    }
  });

  it("sweeps expired replay ids as it goes, so the table holds the live ones plus a bounded rest", async () => {
    const path = file();
    const stores = createSqliteStores(path);
    const rows = () => {
      const db = new Database(path, { readonly: true });
      try {
        return (db.prepare("SELECT COUNT(*) AS n FROM replays").get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    try {
      const t = (s: number) => new Date(fx.T0.getTime() + s * 1000);
      // Three sweep periods of ids that expire after a second.
      for (let i = 0; i < 3 * REPLAY_SWEEP_EVERY; i++) await stores.replays.remember(randomUUID(), t(1), t(0));
      expect(rows()).toBe(3 * REPLAY_SWEEP_EVERY);
      // Later on, long-lived ids: the first sweep removes every expired one.
      for (let i = 0; i < REPLAY_SWEEP_EVERY; i++) await stores.replays.remember(randomUUID(), t(3600), t(10));
      expect(rows()).toBe(REPLAY_SWEEP_EVERY);
    } finally {
      await stores.close();
    }
  });
});
