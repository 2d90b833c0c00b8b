/**
 * SQLite adapter (better-sqlite3, in-process). WAL journal so readers never block the writer;
 * every change and its audit entry in one IMMEDIATE transaction. Audit entries are sequenced
 * at append time (a single writer needs no sequencer).
 */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { CONSENT_CHANGE_TYPES, type AuditEntry, type AuditEvent } from "../../audit/events";
import type { Consent, ConsentChange } from "../../consent/consent";
import type { ConsentFormVersion } from "../../consent/form";
import { AppError } from "../../errors";
import type { ImagingNode } from "../../nodes/node";
import type { ExportJob } from "../../audit/export/job";
import { decodeCursor, encodeCursor, pageLimit } from "../cursor";
import type {
  ExportStore,
  AuditStore,
  ConsentStore,
  FormStore,
  NodeLinkStore,
  NodeStore,
  NodeSubjectLink,
  Page,
  PageRequest,
  ReplayStore,
  Stores,
} from "../ports";
import { MIGRATIONS } from "./migrations";
import { SqliteTreeStore } from "./tree";

type Db = Database.Database;

export function openSqlite(file: string): Db {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  for (let i = current; i < MIGRATIONS.length; i++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[i]!);
      db.pragma(`user_version = ${i + 1}`);
    }).immediate();
  }
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code?.startsWith("SQLITE_CONSTRAINT") === true;
}

// Prepared once per connection: a batch check appends up to 10,000 entries in one transaction,
// and preparing two statements per entry was about two thirds of that time.
const auditStatements = new WeakMap<Db, { next: Database.Statement; insert: Database.Statement }>();

function appendAudit(db: Db, event: AuditEvent): void {
  let statements = auditStatements.get(db);
  if (!statements) {
    statements = {
      next: db.prepare("SELECT COALESCE(MAX(seq), -1) + 1 AS seq FROM audit_log"),
      insert: db.prepare("INSERT INTO audit_log (seq, id, at, subject_key, type, body) VALUES (?, ?, ?, ?, ?, ?)"),
    };
    auditStatements.set(db, statements);
  }
  const { seq } = statements.next.get() as { seq: number };
  try {
    statements.insert.run(seq, event.id, event.at, event.subjectKey, event.type, JSON.stringify(event));
  } catch (e) {
    // An event id is written once; a second write with the same id is a replay, not a new event.
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "An audit entry with this id already exists");
    throw e;
  }
}

function toEntry(row: { seq: number; body: string }): AuditEntry {
  return { ...(JSON.parse(row.body) as AuditEvent), seq: row.seq };
}

/**
 * The WHERE term of the partial index audit_log_consent_changes (migration 2). SQLite uses a
 * partial index only when the query repeats its term, so the query below is built from the same
 * list; tests/contract/sqlite.test.ts checks the query plan.
 */
export const CONSENT_CHANGE_TERM = `type IN (${CONSENT_CHANGE_TYPES.map((t) => `'${t}'`).join(", ")})`;

function validSeq(fromSeq: number): void {
  if (!Number.isInteger(fromSeq) || fromSeq < 0) throw new AppError("INVALID_INPUT", "fromSeq must be a non-negative integer");
}

const isSeq = (v: unknown): v is number => Number.isInteger(v);
const isTimeCursor = (v: unknown): v is [string, number] =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === "string" && Number.isInteger(v[1]);

class SqliteConsentStore implements ConsentStore {
  constructor(private readonly db: Db) {}

  async getBySubject(subjectKey: string): Promise<Consent | null> {
    const row = this.db.prepare("SELECT body FROM consents WHERE subject_key = ?").get(subjectKey) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as Consent) : null;
  }

  async getManyBySubject(subjectKeys: readonly string[]): Promise<Map<string, Consent>> {
    const found = new Map<string, Consent>();
    const unique = [...new Set(subjectKeys)];
    // SQLite caps bound parameters per statement; 500 per query stays well inside it.
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      const rows = this.db
        .prepare(`SELECT subject_key, body FROM consents WHERE subject_key IN (${chunk.map(() => "?").join(",")})`)
        .all(...chunk) as { subject_key: string; body: string }[];
      for (const row of rows) found.set(row.subject_key, JSON.parse(row.body) as Consent);
    }
    return found;
  }

  async getHistory(subjectKey: string): Promise<ConsentChange[]> {
    const rows = this.db
      .prepare("SELECT body FROM consent_history WHERE subject_key = ? ORDER BY version")
      .all(subjectKey) as { body: string }[];
    return rows.map((r) => JSON.parse(r.body) as ConsentChange);
  }

  async commitChange({ consent, change, expectedVersion, audit }: Parameters<ConsentStore["commitChange"]>[0]): Promise<void> {
    const db = this.db;
    db.transaction(() => {
      if (expectedVersion === 0) {
        try {
          db.prepare("INSERT INTO consents (subject_key, id, version, body) VALUES (?, ?, ?, ?)").run(
            consent.subjectKey,
            consent.id,
            consent.version,
            JSON.stringify(consent),
          );
        } catch (e) {
          if (isUniqueViolation(e)) throw new AppError("CONFLICT");
          throw e;
        }
      } else {
        const result = db
          .prepare("UPDATE consents SET version = ?, body = ? WHERE subject_key = ? AND version = ? AND id = ?")
          .run(consent.version, JSON.stringify(consent), consent.subjectKey, expectedVersion, consent.id);
        if (result.changes !== 1) throw new AppError("CONFLICT");
      }
      db.prepare("INSERT INTO consent_history (subject_key, version, body) VALUES (?, ?, ?)").run(
        consent.subjectKey,
        change.version,
        JSON.stringify(change),
      );
      appendAudit(db, audit);
    }).immediate();
  }
}

class SqliteAuditStore implements AuditStore {
  constructor(private readonly db: Db) {}

  async append(event: AuditEvent): Promise<void> {
    this.db.transaction(() => appendAudit(this.db, event)).immediate();
  }

  async appendMany(events: readonly AuditEvent[]): Promise<void> {
    this.db.transaction(() => {
      for (const event of events) appendAudit(this.db, event);
    }).immediate();
  }

  async listBySubject(subjectKey: string, page: PageRequest = {}): Promise<Page<AuditEntry>> {
    const limit = pageLimit(page.limit);
    const after = page.cursor ? decodeCursor(page.cursor, isSeq) : -1;
    const rows = this.db
      .prepare("SELECT seq, body FROM audit_log WHERE subject_key = ? AND seq > ? ORDER BY seq LIMIT ?")
      .all(subjectKey, after, limit + 1) as { seq: number; body: string }[];
    const items = rows.slice(0, limit).map(toEntry);
    const last = items.at(-1);
    return { items, cursor: rows.length > limit && last ? encodeCursor(last.seq) : null };
  }

  async listByTime(from: Date, to: Date, page: PageRequest = {}): Promise<Page<AuditEntry>> {
    const limit = pageLimit(page.limit);
    const [afterAt, afterSeq] = page.cursor ? decodeCursor(page.cursor, isTimeCursor) : ["", -1];
    const rows = this.db
      .prepare(
        `SELECT seq, body FROM audit_log
         WHERE at >= ? AND at < ? AND (at > ? OR (at = ? AND seq > ?))
         ORDER BY at, seq LIMIT ?`,
      )
      .all(from.toISOString(), to.toISOString(), afterAt, afterAt, afterSeq, limit + 1) as { seq: number; body: string }[];
    const items = rows.slice(0, limit).map(toEntry);
    const last = items.at(-1);
    return { items, cursor: rows.length > limit && last ? encodeCursor([last.at, last.seq]) : null };
  }

  async listBySequence(fromSeq: number, limit: number): Promise<AuditEntry[]> {
    const rows = this.db
      .prepare("SELECT seq, body FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT ?")
      .all(fromSeq, pageLimit(limit)) as { seq: number; body: string }[];
    return rows.map(toEntry);
  }

  async sequencePending(): Promise<number> {
    return 0;
  }

  async listConsentChangesSince(fromSeq: number, limit: number): Promise<AuditEntry[]> {
    const n = pageLimit(limit);
    validSeq(fromSeq);
    const rows = this.db
      .prepare(`SELECT seq, body FROM audit_log WHERE ${CONSENT_CHANGE_TERM} AND seq >= ? ORDER BY seq LIMIT ?`)
      .all(fromSeq, n) as { seq: number; body: string }[];
    return rows.map(toEntry);
  }

  async size(): Promise<number> {
    const { n } = this.db.prepare("SELECT COALESCE(MAX(seq), -1) + 1 AS n FROM audit_log").get() as { n: number };
    return n;
  }
}

class SqliteNodeStore implements NodeStore {
  constructor(private readonly db: Db) {}

  async get(id: string): Promise<ImagingNode | null> {
    const row = this.db.prepare("SELECT body FROM nodes WHERE id = ?").get(id) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as ImagingNode) : null;
  }

  async list(): Promise<ImagingNode[]> {
    const rows = this.db.prepare("SELECT body FROM nodes ORDER BY id").all() as { body: string }[];
    return rows.map((r) => JSON.parse(r.body) as ImagingNode);
  }

  async create(node: ImagingNode, audit: AuditEvent): Promise<void> {
    this.db.transaction(() => {
      try {
        this.db.prepare("INSERT INTO nodes (id, version, body) VALUES (?, ?, ?)").run(node.id, node.version, JSON.stringify(node));
      } catch (e) {
        if (isUniqueViolation(e)) throw new AppError("NODE_EXISTS");
        throw e;
      }
      appendAudit(this.db, audit);
    }).immediate();
  }

  async update(node: ImagingNode, expectedVersion: number, audit: AuditEvent): Promise<void> {
    this.db.transaction(() => {
      const result = this.db
        .prepare("UPDATE nodes SET version = ?, body = ? WHERE id = ? AND version = ?")
        .run(node.version, JSON.stringify(node), node.id, expectedVersion);
      if (result.changes !== 1) {
        const exists = this.db.prepare("SELECT 1 FROM nodes WHERE id = ?").get(node.id);
        throw new AppError(exists ? "CONFLICT" : "NODE_NOT_FOUND");
      }
      appendAudit(this.db, audit);
    }).immediate();
  }
}

class SqliteExportStore implements ExportStore {
  constructor(private readonly db: Db) {}

  async get(id: string): Promise<ExportJob | null> {
    const row = this.db.prepare("SELECT body FROM exports WHERE id = ?").get(id) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as ExportJob) : null;
  }

  async listRecent(limit: number): Promise<ExportJob[]> {
    const rows = this.db.prepare("SELECT body FROM exports ORDER BY requested_at DESC, id DESC LIMIT ?").all(Math.max(0, Math.floor(limit))) as { body: string }[];
    return rows.map((r) => JSON.parse(r.body) as ExportJob);
  }

  async create(job: ExportJob, audit: AuditEvent): Promise<void> {
    this.db.transaction(() => {
      try {
        this.db.prepare("INSERT INTO exports (id, requested_at, version, body) VALUES (?, ?, ?, ?)").run(job.id, job.requestedAt, job.version, JSON.stringify(job));
      } catch (e) {
        if (isUniqueViolation(e)) throw new AppError("CONFLICT", "An export with this id exists");
        throw e;
      }
      appendAudit(this.db, audit);
    }).immediate();
  }

  async update(job: ExportJob, expectedVersion: number, audit?: AuditEvent): Promise<void> {
    this.db.transaction(() => {
      const result = this.db.prepare("UPDATE exports SET version = ?, body = ? WHERE id = ? AND version = ?").run(job.version, JSON.stringify(job), job.id, expectedVersion);
      if (result.changes !== 1) {
        const exists = this.db.prepare("SELECT 1 FROM exports WHERE id = ?").get(job.id);
        throw new AppError(exists ? "CONFLICT" : "NOT_FOUND", exists ? "The export changed meanwhile" : "No such export");
      }
      if (audit) appendAudit(this.db, audit);
    }).immediate();
  }
}

class SqliteFormStore implements FormStore {
  constructor(private readonly db: Db) {}

  async get(formId: string, version: number): Promise<ConsentFormVersion | null> {
    const row = this.db.prepare("SELECT body FROM forms WHERE form_id = ? AND version = ?").get(formId, version) as
      | { body: string }
      | undefined;
    return row ? (JSON.parse(row.body) as ConsentFormVersion) : null;
  }

  async latest(formId: string): Promise<ConsentFormVersion | null> {
    const row = this.db.prepare("SELECT body FROM forms WHERE form_id = ? ORDER BY version DESC LIMIT 1").get(formId) as
      | { body: string }
      | undefined;
    return row ? (JSON.parse(row.body) as ConsentFormVersion) : null;
  }

  async list(formId: string): Promise<ConsentFormVersion[]> {
    const rows = this.db.prepare("SELECT body FROM forms WHERE form_id = ? ORDER BY version").all(formId) as { body: string }[];
    return rows.map((r) => JSON.parse(r.body) as ConsentFormVersion);
  }

  async publish(form: ConsentFormVersion, audit: AuditEvent): Promise<void> {
    this.db.transaction(() => {
      const { latest } = this.db
        .prepare("SELECT COALESCE(MAX(version), 0) AS latest FROM forms WHERE form_id = ?")
        .get(form.formId) as { latest: number };
      if (form.version !== latest + 1) throw new AppError("FORM_VERSION_EXISTS");
      this.db.prepare("INSERT INTO forms (form_id, version, body) VALUES (?, ?, ?)").run(form.formId, form.version, JSON.stringify(form));
      appendAudit(this.db, audit);
    }).immediate();
  }
}

function validTime(d: Date, path: string): string {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new AppError("INVALID_INPUT", `${path} is not a valid time`);
  return d.toISOString();
}

/** remember() calls between two sweeps of expired ids, and the most one sweep deletes. */
export const REPLAY_SWEEP_EVERY = 64;
export const REPLAY_SWEEP_MAX = 1000;

class SqliteReplayStore implements ReplayStore {
  private calls = 0;

  constructor(private readonly db: Db) {}

  /**
   * One statement, so atomic across processes too: insert the id, or take over a row whose
   * expiry has passed; a row still valid is left alone and `changes` is 0 (a replay). Every
   * REPLAY_SWEEP_EVERY calls (the first included) up to REPLAY_SWEEP_MAX expired rows are deleted:
   * more than the at most REPLAY_SWEEP_EVERY rows added meanwhile, so the table holds the ids
   * still valid plus a bounded remainder.
   */
  async remember(id: string, expiresAt: Date, now: Date): Promise<boolean> {
    const expires = validTime(expiresAt, "expiresAt");
    const at = validTime(now, "now");
    if (this.calls++ % REPLAY_SWEEP_EVERY === 0) {
      this.db
        .prepare("DELETE FROM replays WHERE id IN (SELECT id FROM replays WHERE expires_at <= ? ORDER BY expires_at LIMIT ?)")
        .run(at, REPLAY_SWEEP_MAX);
    }
    const result = this.db
      .prepare(
        `INSERT INTO replays (id, expires_at) VALUES (?, ?)
         ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at WHERE replays.expires_at <= ?`,
      )
      .run(id, expires, at);
    return result.changes === 1;
  }
}

class SqliteNodeLinkStore implements NodeLinkStore {
  constructor(private readonly db: Db) {}

  /** One transaction, one prepared statement; a link already there (or earlier in the call) is kept. */
  async linkMany(links: readonly NodeSubjectLink[], at: Date): Promise<void> {
    const linkedAt = validTime(at, "at");
    if (links.length === 0) return;
    const insert = this.db.prepare(
      `INSERT INTO node_links (node_id, subject_key, subject_ref, linked_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (node_id, subject_key) DO NOTHING`,
    );
    this.db.transaction(() => {
      for (const link of links) insert.run(link.nodeId, link.subjectKey, link.subjectRef, linkedAt);
    }).immediate();
  }

  async linked(nodeId: string, subjectKeys: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const unique = [...new Set(subjectKeys)];
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      const rows = this.db
        .prepare(`SELECT subject_key, subject_ref FROM node_links WHERE node_id = ? AND subject_key IN (${chunk.map(() => "?").join(",")})`)
        .all(nodeId, ...chunk) as { subject_key: string; subject_ref: string }[];
      for (const row of rows) found.set(row.subject_key, row.subject_ref);
    }
    return found;
  }
}

export function createSqliteStores(file: string): Stores {
  const db = openSqlite(file);
  return {
    kind: "sqlite",
    consents: new SqliteConsentStore(db),
    audit: new SqliteAuditStore(db),
    nodes: new SqliteNodeStore(db),
    forms: new SqliteFormStore(db),
    replays: new SqliteReplayStore(db),
    links: new SqliteNodeLinkStore(db),
    tree: new SqliteTreeStore(db),
    exports: new SqliteExportStore(db),
    async ping() {
      db.prepare("SELECT 1").get();
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
