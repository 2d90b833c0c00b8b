/**
 * Audit events: typed and versioned, one schema per event type. An entry is written in the
 * same atomic write as the change it records (see the store ports), never afterwards.
 * Entries never carry a raw national identifier; subjects appear only as their subjectKey.
 */
import { z } from "zod";
import { ConsentScope } from "../consent/scope";
import { FormReference, SubjectKey } from "../consent/consent";
import { DenyReason } from "../consent/decision";
import { Sha256Ref } from "../canonical-json";
import { ExportFilters } from "./export/format";

export const Actor = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("subject"), subjectKey: SubjectKey }),
  z.object({ kind: z.literal("operator"), id: z.string().min(1).max(200) }),
  z.object({ kind: z.literal("node"), nodeId: z.string().min(1).max(100) }),
  z.object({ kind: z.literal("system"), component: z.string().min(1).max(100) }),
]);
export type Actor = z.infer<typeof Actor>;

const consentRef = { consentId: z.uuid(), consentVersion: z.number().int().min(1) };

/** Event payload schemas, keyed by "type@version". Add a new version rather than change one. */
export const AUDIT_EVENT_SCHEMAS = {
  "consent.granted@1": z.object({ ...consentRef, scope: ConsentScope, form: FormReference }),
  "consent.amended@1": z.object({ ...consentRef, scope: ConsentScope, previousScope: ConsentScope, form: FormReference }),
  "consent.withdrawn@1": z.object({ ...consentRef }),
  "consent.opted_out@1": z.object({ ...consentRef }),
  "form.published@1": z.object({
    formId: z.string(),
    version: z.number().int().min(1),
    material: z.boolean(),
    textHashes: z.record(z.string(), z.string().regex(Sha256Ref)),
  }),
  "node.registered@1": z.object({
    nodeId: z.string(),
    organisation: z.string(),
    country: z.string(),
    organisationType: z.string(),
    keyIds: z.array(z.string()),
  }),
  "node.status_changed@1": z.object({ nodeId: z.string(), status: z.enum(["active", "suspended"]) }),
  "node.key_rotated@1": z.object({ nodeId: z.string(), addedKeyId: z.string(), retiredKeyIds: z.array(z.string()) }),
  "node.request_refused@1": z.object({
    /** The node the request claimed to come from, if it could be read. */
    nodeId: z.string().max(100).nullable(),
    code: z.string(),
    method: z.string().max(10),
    path: z.string().max(300),
  }),
  "signing_key.rotated@1": z.object({ newKeyId: z.string(), previousKeyIds: z.array(z.string()) }),
  /** A regulator asked for an export of the audit trail (lib/audit/export). */
  "export.requested@1": z.object({
    exportId: z.uuid(),
    period: z.object({ from: z.iso.datetime(), to: z.iso.datetime() }),
    filters: ExportFilters,
  }),
  /** The export's bundle is written: the log now commits to its signed manifest. */
  "export.completed@1": z.object({
    exportId: z.uuid(),
    entries: z.number().int().min(0),
    treeSize: z.number().int().min(1),
    manifestSha256: z.string().regex(Sha256Ref),
  }),
  "export.failed@1": z.object({ exportId: z.uuid(), code: z.string().max(100) }),
  "decision.made@1": z.object({
    nodeId: z.string(),
    requestHash: z.string().regex(Sha256Ref),
    decision: z.enum(["PERMIT", "DENY"]),
    reasons: z.array(DenyReason),
    consentId: z.uuid().nullable(),
    consentVersion: z.number().int().nullable(),
    purpose: z.string(),
    recipient: z.object({ organisation: z.string(), type: z.string(), country: z.string() }),
    dataCategories: z.array(z.string()),
    /** The data permit or project the node named. */
    permitReference: z.string().max(200).optional(),
    /** Set for a decision that was part of a batch: the batch's jti and the item's index. */
    batch: z.object({ id: z.string(), index: z.number().int().min(0) }).optional(),
  }),
} as const;

export type AuditEventKey = keyof typeof AUDIT_EVENT_SCHEMAS;
type TypeOf<K extends string> = K extends `${infer T}@${string}` ? T : never;
type VersionOf<K extends string> = K extends `${string}@${infer V extends number}` ? V : never;

/** An audit event before the store has given it a place in the log. */
export type AuditEvent = {
  [K in AuditEventKey]: {
    id: string;
    type: TypeOf<K>;
    v: VersionOf<K>;
    at: string;
    actor: Actor;
    /** The subject the event is about, if any: lets a citizen see every lookup about them. */
    subjectKey: string | null;
    data: z.infer<(typeof AUDIT_EVENT_SCHEMAS)[K]>;
  };
}[AuditEventKey];

export type AuditEventType = AuditEvent["type"];

/**
 * The event types that change a citizen's consent: what the nodes' withdrawal feeds are made of
 * (AuditStore.listConsentChangesSince). Adding one here means a store migration: both adapters
 * index exactly these types (a SQLite partial index, a DynamoDB sparse index).
 */
export const CONSENT_CHANGE_TYPES = ["consent.granted", "consent.amended", "consent.withdrawn", "consent.opted_out"] as const satisfies readonly AuditEventType[];

export function isConsentChange(type: string): boolean {
  return (CONSENT_CHANGE_TYPES as readonly string[]).includes(type);
}

/** A stored entry: the event plus its position in the log (null until sequenced). */
export type AuditEntry = AuditEvent & { seq: number | null };

const EnvelopeSchema = z.object({
  id: z.uuid(),
  type: z.string(),
  v: z.number().int().min(1),
  // Stored in UTC whatever offset it came with, so that time order is string order in every store.
  at: z.iso.datetime({ offset: true }).transform((v) => new Date(v).toISOString()),
  actor: Actor,
  subjectKey: SubjectKey.nullable(),
  data: z.unknown(),
});

/** Validates an event against the schema of its type and version; throws on mismatch. */
export function validateAuditEvent(event: unknown): AuditEvent {
  const envelope = EnvelopeSchema.parse(event);
  const key = `${envelope.type}@${envelope.v}`;
  const schema = (AUDIT_EVENT_SCHEMAS as Record<string, z.ZodType>)[key];
  if (!schema) throw new Error(`Unknown audit event type ${key}`);
  return { ...envelope, data: schema.parse(envelope.data) } as AuditEvent;
}

type EventOf<T extends AuditEventType> = Extract<AuditEvent, { type: T }>;

/** Builds a validated event of the newest version of a type. */
export function auditEvent<T extends AuditEventType>(
  type: T,
  fields: { id: string; at: Date; actor: Actor; subjectKey: string | null; data: EventOf<T>["data"] },
): EventOf<T> {
  return validateAuditEvent({
    id: fields.id,
    type,
    v: 1,
    at: fields.at.toISOString(),
    actor: fields.actor,
    subjectKey: fields.subjectKey,
    data: fields.data,
  }) as EventOf<T>;
}
