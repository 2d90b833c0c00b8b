/**
 * Storage ports. Small interfaces that take and return domain objects; adapters (sqlite/,
 * dynamodb/) implement them and pass one contract suite (tests/contract).
 *
 * Atomicity rule: every method that changes state takes the audit event that records the
 * change and writes both in one transaction. If either cannot be written, neither is.
 */
import type { AuditEntry, AuditEvent } from "../audit/events";
import type { Consent, ConsentChange } from "../consent/consent";
import type { ConsentFormVersion } from "../consent/form";
import type { ImagingNode } from "../nodes/node";
import type { ExportJob } from "../audit/export/job";

export interface Page<T> {
  items: T[];
  /** Opaque; pass back to get the next page. Null when there is none. */
  cursor: string | null;
}

export interface PageRequest {
  limit?: number;
  cursor?: string | null;
}

export interface ConsentStore {
  /** The current consent of a subject, read strongly consistently (decisions depend on it). */
  getBySubject(subjectKey: string): Promise<Consent | null>;
  /**
   * Current consents of many subjects at once (batch checks), read strongly consistently.
   * Subjects without a consent are absent from the map. Up to 10,000 keys per call.
   */
  getManyBySubject(subjectKeys: readonly string[]): Promise<Map<string, Consent>>;
  /** Every change, oldest first. */
  getHistory(subjectKey: string): Promise<ConsentChange[]>;
  /**
   * Writes the next state, its history entry and its audit event atomically.
   * `expectedVersion` is the version read before the change (0 when there was no consent);
   * if the stored version differs, throws AppError CONFLICT and writes nothing.
   */
  commitChange(args: { consent: Consent; change: ConsentChange; expectedVersion: number; audit: AuditEvent }): Promise<void>;
}

export interface AuditStore {
  /** Appends an event that has no other change to go with it (e.g. a decision). */
  append(event: AuditEvent): Promise<void>;
  /**
   * Appends many independent events (the decisions of one batch check). Each event is
   * written exactly once; the call resolves only when all are durable, and throws otherwise
   * (a partial write may then remain: every entry in it is complete and valid on its own).
   */
  appendMany(events: readonly AuditEvent[]): Promise<void>;
  /** Entries about one subject, oldest first. */
  listBySubject(subjectKey: string, page?: PageRequest): Promise<Page<AuditEntry>>;
  /** Entries with from ≤ at < to, oldest first. */
  listByTime(from: Date, to: Date, page?: PageRequest): Promise<Page<AuditEntry>>;
  /** Sequenced entries with seq ≥ fromSeq, in sequence order. */
  listBySequence(fromSeq: number, limit: number): Promise<AuditEntry[]>;
  /**
   * Gives entries not yet in the log their sequence numbers, in order; returns how many.
   * Immediate stores sequence at append time and return 0. `settleMs` leaves entries younger
   * than that for a later run, so that a late-arriving write is not skipped.
   */
  sequencePending(options?: { settleMs?: number; max?: number }): Promise<number>;
  /** The number of sequenced entries (the next seq to assign). */
  size(): Promise<number>;
  /**
   * Sequenced consent changes (consent.granted / amended / withdrawn / opted_out) with
   * seq ≥ fromSeq, in sequence order: what the nodes' withdrawal feeds are made of. Decisions,
   * which are most of the log, are not scanned.
   */
  listConsentChangesSince(fromSeq: number, limit: number): Promise<AuditEntry[]>;
}

export interface ReplayStore {
  /**
   * Remembers a request id until `expiresAt`. Returns true the first time, false when the id is
   * already remembered and not yet expired (a replay). Atomic: of two concurrent calls with one
   * id, exactly one gets true.
   */
  remember(id: string, expiresAt: Date, now: Date): Promise<boolean>;
}

export interface NodeSubjectLink {
  nodeId: string;
  subjectKey: string;
  /** The per-node subject reference the node received in its decisions. */
  subjectRef: string;
}

export interface NodeLinkStore {
  /**
   * Records that a node has checked these subjects (idempotent: the first time is kept). Written
   * before the consent is read for a decision, so a change committed after that read is always
   * found by the node's feed.
   */
  linkMany(links: readonly NodeSubjectLink[], at: Date): Promise<void>;
  /** Of these subjects, those the node has checked, with the reference it was given. */
  linked(nodeId: string, subjectKeys: readonly string[]): Promise<Map<string, string>>;
}

export interface NodeStore {
  get(id: string): Promise<ImagingNode | null>;
  list(): Promise<ImagingNode[]>;
  /** Registers a new node; throws NODE_EXISTS if the id is taken. */
  create(node: ImagingNode, audit: AuditEvent): Promise<void>;
  /** Replaces a node if its stored version is `expectedVersion`; else CONFLICT. */
  update(node: ImagingNode, expectedVersion: number, audit: AuditEvent): Promise<void>;
}

export interface FormStore {
  get(formId: string, version: number): Promise<ConsentFormVersion | null>;
  latest(formId: string): Promise<ConsentFormVersion | null>;
  /** Versions of one form, oldest first. */
  list(formId: string): Promise<ConsentFormVersion[]>;
  /**
   * Publishes a version. It must be exactly latest + 1 (1 for a new form): otherwise
   * FORM_VERSION_EXISTS, and nothing is written.
   */
  publish(form: ConsentFormVersion, audit: AuditEvent): Promise<void>;
}

/** Audit-export jobs (lib/audit/export): few, written by the regulator's request and the runner. */
export interface ExportStore {
  get(id: string): Promise<ExportJob | null>;
  /** The most recent jobs first, at most `limit`. */
  listRecent(limit: number): Promise<ExportJob[]>;
  /** Stores a new job (version 1) with the audit entry of the request; throws CONFLICT if the id exists. */
  create(job: ExportJob, audit: AuditEvent): Promise<void>;
  /**
   * Replaces a job if its stored version is `expectedVersion` (else CONFLICT; NOT_FOUND if none),
   * with the audit entry of the change when there is one (done, failed) in the same write.
   */
  update(job: ExportJob, expectedVersion: number, audit?: AuditEvent): Promise<void>;
}

/** The hash of one complete (perfect) subtree of the audit log's Merkle tree: leaves [index·2^level, (index+1)·2^level). */
export interface TreeNode {
  /** 0 for a leaf hash, 1 for a node over two leaves, … */
  level: number;
  index: number;
  /** SHA-256, 64 lower-case hex digits. */
  hash: string;
}

export type TreeNodeKey = Pick<TreeNode, "level" | "index">;

/** The latest signed checkpoint of the log, with what the integrator needs to extend the tree. */
export interface StoredCheckpoint {
  treeSize: number;
  /** Root hash, standard padded base64. */
  rootHash: string;
  /** When it was signed (ISO 8601, UTC). */
  timestamp: string;
  /** The signed checkpoint, a compact JWS (typ donum-checkpoint+jwt). */
  jws: string;
  /** The compact range of the tree of this size: roots of its perfect subtrees, largest first, hex. */
  compactRange: string[];
}

/**
 * The verifiable log's stored tree (lib/audit/log): hashes of complete subtrees ("tiles"), so that
 * a proof reads O(log n) stored hashes, and the latest signed checkpoint.
 */
export interface TreeStore {
  /**
   * Stores complete-subtree hashes. Idempotent: a node stored again with the same hash is fine.
   * A different hash for a stored (level, index) is an integrity failure: it throws
   * TreeIntegrityError and never overwrites.
   */
  putNodes(nodes: readonly TreeNode[]): Promise<void>;
  /** The stored nodes among `keys`; a key not stored is absent from the answer. Read strongly consistently. */
  getNodes(keys: readonly TreeNodeKey[]): Promise<TreeNode[]>;
  /** The latest checkpoint, read strongly consistently; null before the first. */
  getCheckpoint(): Promise<StoredCheckpoint | null>;
  /**
   * Replaces the checkpoint if the stored one has size `expectedSize` (null: there is none yet);
   * returns false, writing nothing, if it has not (another integrator won). `cp.treeSize` must be
   * larger than `expectedSize` (INVALID_INPUT otherwise): a checkpoint only advances.
   */
  putCheckpoint(cp: StoredCheckpoint, expectedSize: number | null): Promise<boolean>;
}

export interface Stores {
  kind: "sqlite" | "dynamodb";
  consents: ConsentStore;
  audit: AuditStore;
  nodes: NodeStore;
  forms: FormStore;
  replays: ReplayStore;
  links: NodeLinkStore;
  /** The verifiable log's subtree hashes and latest checkpoint. */
  tree: TreeStore;
  exports: ExportStore;
  /** Cheap round trip for the health endpoint. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
