/**
 * Schema migrations, applied in order inside one transaction each; PRAGMA user_version records
 * the last applied. Append new migrations; never edit an applied one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE consents (
    subject_key TEXT PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL,
    body TEXT NOT NULL
  ) STRICT;
  CREATE TABLE consent_history (
    subject_key TEXT NOT NULL,
    version INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (subject_key, version)
  ) STRICT;
  CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL,
    subject_key TEXT,
    body TEXT NOT NULL
  ) STRICT;
  CREATE INDEX audit_log_by_subject ON audit_log (subject_key, seq) WHERE subject_key IS NOT NULL;
  CREATE INDEX audit_log_by_time ON audit_log (at, seq);
  CREATE TABLE nodes (
    id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    body TEXT NOT NULL
  ) STRICT;
  CREATE TABLE forms (
    form_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (form_id, version)
  ) STRICT;
  `,
  // 2: the event type beside the body, so that consent changes can be listed without reading
  // decisions (listConsentChangesSince). Existing rows are backfilled from their body. The partial
  // index holds consent changes only; its WHERE term is repeated verbatim by the query that uses it
  // (SQLite uses a partial index only for a query whose WHERE contains the index's term).
  `
  ALTER TABLE audit_log ADD COLUMN type TEXT;
  UPDATE audit_log SET type = json_extract(body, '$.type');
  CREATE INDEX audit_log_consent_changes ON audit_log (seq)
    WHERE type IN ('consent.granted', 'consent.amended', 'consent.withdrawn', 'consent.opted_out');
  `,
  // 3: request ids remembered until they expire (ReplayStore). Times are UTC ISO strings of fixed
  // width, so string order is time order; the expiry index serves the bounded sweep of old rows.
  `
  CREATE TABLE replays (
    id TEXT PRIMARY KEY,
    expires_at TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX replays_by_expiry ON replays (expires_at);
  `,
  // 4: which subjects each node has checked, with the reference the node was given (NodeLinkStore).
  `
  CREATE TABLE node_links (
    node_id TEXT NOT NULL,
    subject_key TEXT NOT NULL,
    subject_ref TEXT NOT NULL,
    linked_at TEXT NOT NULL,
    PRIMARY KEY (node_id, subject_key)
  ) STRICT, WITHOUT ROWID;
  `,
  // 5: the verifiable log (lib/audit/log, ADR 0007): hashes of complete subtrees by (level, index),
  // hex, written once; and the latest signed checkpoint, one row, replaced only forwards.
  `
  CREATE TABLE tree_nodes (
    level INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (level, idx)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE log_checkpoint (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    tree_size INTEGER NOT NULL,
    body TEXT NOT NULL
  ) STRICT;
  `,
  // 6: audit-export jobs (lib/audit/export/job.ts); listed newest first.
  `
  CREATE TABLE exports (
    id TEXT PRIMARY KEY,
    requested_at TEXT NOT NULL,
    version INTEGER NOT NULL,
    body TEXT NOT NULL
  ) STRICT;
  CREATE INDEX exports_by_time ON exports (requested_at);
  `,
];
