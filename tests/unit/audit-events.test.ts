/**
 * Audit events: every entry in the trail is a typed, versioned event whose payload matches the
 * schema of its type and version. A malformed event must be refused before it reaches the log.
 */
import { randomUUID } from "node:crypto";
import { auditEvent, AUDIT_EVENT_SCHEMAS, validateAuditEvent, type Actor, type AuditEvent } from "../../lib/audit/events";
import { formRef, scope, subjectKey, T0 } from "../support/fixtures";

const SUBJECT = subjectKey();
const CONSENT_ID = randomUUID();
const subject: Actor = { kind: "subject", subjectKey: SUBJECT };
const operator: Actor = { kind: "operator", id: "operator-1" };
const nodeActor: Actor = { kind: "node", nodeId: "node-uz-leuven" };
const system: Actor = { kind: "system", component: "expiry-sweeper" };

const base = { at: T0, subjectKey: SUBJECT };
const payloads = {
  "consent.granted": { consentId: CONSENT_ID, consentVersion: 1, scope: scope(), form: formRef() },
  "consent.amended": {
    consentId: CONSENT_ID,
    consentVersion: 2,
    scope: scope({ aiUses: [] }),
    previousScope: scope(),
    form: formRef({ version: 2 }),
  },
  "consent.withdrawn": { consentId: CONSENT_ID, consentVersion: 3 },
  "consent.opted_out": { consentId: CONSENT_ID, consentVersion: 4 },
  "form.published": { formId: "donum-consent", version: 2, material: true, textHashes: { en: `sha256:${"e".repeat(64)}` } },
  "node.registered": {
    nodeId: "node-uz-leuven",
    organisation: "UZ Leuven",
    country: "BE",
    organisationType: "public",
    keyIds: ["k1"],
  },
  "node.status_changed": { nodeId: "node-uz-leuven", status: "suspended" as const },
  "node.key_rotated": { nodeId: "node-uz-leuven", addedKeyId: "k2", retiredKeyIds: ["k1"] },
  "node.request_refused": { nodeId: "node-uz-leuven", code: "SIGNATURE_INVALID", method: "POST", path: "/api/v1/decisions" },
  "signing_key.rotated": { newKeyId: "donum-2026-06", previousKeyIds: ["donum-2026-01"] },
  "export.requested": {
    exportId: CONSENT_ID,
    period: { from: "2026-11-01T00:00:00.000Z", to: "2026-11-30T00:00:00.000Z" },
    filters: { decision: "DENY" as const },
  },
  "export.completed": { exportId: CONSENT_ID, entries: 1204, treeSize: 5000, manifestSha256: `sha256:${"a".repeat(64)}` },
  "export.failed": { exportId: CONSENT_ID, code: "LOG_NOT_CAUGHT_UP" },
  "decision.made": {
    nodeId: "node-uz-leuven",
    requestHash: `sha256:${"f".repeat(64)}`,
    decision: "DENY" as const,
    reasons: [{ code: "GEOGRAPHY_NOT_COVERED" as const, values: ["US"] }],
    consentId: CONSENT_ID,
    consentVersion: 4,
    purpose: "HMB",
    recipient: { organisation: "Research Org", type: "commercial", country: "US" },
    dataCategories: ["imaging.ct"],
  },
} satisfies { [T in AuditEvent["type"]]: Extract<AuditEvent, { type: T }>["data"] };
type EventType = keyof typeof payloads;

const actorFor: Record<EventType, Actor> = {
  "consent.granted": subject,
  "consent.amended": subject,
  "consent.withdrawn": subject,
  "consent.opted_out": system,
  "form.published": operator,
  "node.registered": operator,
  "node.status_changed": operator,
  "node.key_rotated": operator,
  "node.request_refused": system,
  "signing_key.rotated": operator,
  "export.requested": operator,
  "export.completed": system,
  "export.failed": system,
  "decision.made": nodeActor,
};

function build<T extends EventType>(type: T) {
  const subjectKeyOf = type.startsWith("consent.") || type === "decision.made" ? SUBJECT : null;
  return auditEvent(type, {
    id: randomUUID(),
    ...base,
    subjectKey: subjectKeyOf,
    actor: actorFor[type],
    data: payloads[type] as never,
  });
}

/** A plain JSON event, as it would arrive from a store or an export. */
const raw = (type: EventType = "consent.withdrawn") => JSON.parse(JSON.stringify(build(type))) as Record<string, unknown>;

describe("auditEvent", () => {
  const types = Object.keys(payloads) as EventType[];

  it("there is a payload example here for every event type the schemas know", () => {
    expect(types.map((t) => `${t}@1`).sort()).toEqual(Object.keys(AUDIT_EVENT_SCHEMAS).sort());
  });

  it.each(types.map((t) => [t]))("builds a valid %s event of version 1", (type) => {
    const e = build(type);
    expect(e).toMatchObject({ type, v: 1, at: T0.toISOString(), actor: actorFor[type], data: payloads[type] });
    expect(validateAuditEvent(JSON.parse(JSON.stringify(e)))).toEqual(e);
  });

  it("refuses to build an event whose payload does not match its type", () => {
    expect(() =>
      auditEvent("consent.withdrawn", {
        id: randomUUID(),
        at: T0,
        actor: subject,
        subjectKey: SUBJECT,
        data: { consentId: "not-a-uuid", consentVersion: 1 },
      }),
    ).toThrow();
  });

  it("drops payload fields its schema does not define, so nothing unplanned reaches the trail", () => {
    const e = auditEvent("consent.withdrawn", {
      id: randomUUID(),
      at: T0,
      actor: subject,
      subjectKey: SUBJECT,
      data: { consentId: CONSENT_ID, consentVersion: 3, nationalId: "ES/02635542Y" } as never,
    });
    expect(JSON.stringify(e)).not.toContain("02635542Y");
  });
});

describe("validateAuditEvent refuses", () => {
  const rows: [string, (e: Record<string, unknown>) => void][] = [
    ["an unknown type", (e) => (e.type = "consent.paused")],
    ["an unknown version of a known type", (e) => (e.v = 2)],
    ["version 0", (e) => (e.v = 0)],
    ["a version that is not a number", (e) => (e.v = "1")],
    ["a payload of another type's shape", (e) => (e.data = payloads["node.key_rotated"])],
    ["a payload missing a field", (e) => (e.data = { consentId: CONSENT_ID })],
    ["a payload with a field of the wrong type", (e) => (e.data = { consentId: CONSENT_ID, consentVersion: "3" })],
    ["no payload", (e) => delete e.data],
    ["an actor of an unknown kind", (e) => (e.actor = { kind: "robot", id: "r2d2" })],
    ["an actor without its identifier", (e) => (e.actor = { kind: "operator" })],
    ["an actor that is a string", (e) => (e.actor = "operator-1")],
    ["a subject actor with a raw national identifier", (e) => (e.actor = { kind: "subject", subjectKey: "ES/02635542Y" })],
    ["a subjectKey that is a raw national identifier", (e) => (e.subjectKey = "ES/02635542Y")],
    ["a subjectKey of 63 hex characters", (e) => (e.subjectKey = SUBJECT.slice(1))],
    ["a subjectKey of 65 hex characters", (e) => (e.subjectKey = `${SUBJECT}a`)],
    ["a subjectKey in upper-case hex", (e) => (e.subjectKey = SUBJECT.toUpperCase())],
    ["a subjectKey with a non-hex character", (e) => (e.subjectKey = `${SUBJECT.slice(1)}g`)],
    ["an id that is not a UUID", (e) => (e.id = "event-1")],
    ["a time that is not ISO 8601", (e) => (e.at = "1 June 2026")],
  ];

  it.each(rows)("%s", (_name, corrupt) => {
    const e = raw();
    corrupt(e);
    expect(() => validateAuditEvent(e)).toThrow();
  });

  it.each([null, undefined, 42, "consent.withdrawn", []])("a non-object (%p)", (value) => {
    expect(() => validateAuditEvent(value)).toThrow();
  });

  it("a decision event with an unknown deny reason", () => {
    const e = raw("decision.made");
    (e.data as Record<string, unknown>).reasons = [{ code: "FELT_LIKE_IT" }];
    expect(() => validateAuditEvent(e)).toThrow();
  });

  it("a decision event that is neither PERMIT nor DENY", () => {
    const e = raw("decision.made");
    (e.data as Record<string, unknown>).decision = "MAYBE";
    expect(() => validateAuditEvent(e)).toThrow();
  });

  it("a refused-request event whose path is longer than 300 characters", () => {
    const e = raw("node.request_refused");
    (e.data as Record<string, unknown>).path = `/${"a".repeat(300)}`;
    expect(() => validateAuditEvent(e)).toThrow();
  });

  it("a decision event whose batch index is negative", () => {
    const e = raw("decision.made");
    (e.data as Record<string, unknown>).batch = { id: "batch-1", index: -1 };
    expect(() => validateAuditEvent(e)).toThrow();
  });

  it("a form event whose text hash is not sha256:<64 hex>", () => {
    const e = raw("form.published");
    (e.data as Record<string, unknown>).textHashes = { en: "md5:abc" };
    expect(() => validateAuditEvent(e)).toThrow();
  });

  it("and accepts the same events uncorrupted, with or without a subject", () => {
    expect(() => validateAuditEvent(raw())).not.toThrow();
    expect(() => validateAuditEvent({ ...raw("node.registered"), subjectKey: null })).not.toThrow();
  });

  it("and accepts a refused request whose node could not be read", () => {
    const e = raw("node.request_refused");
    (e.data as Record<string, unknown>).nodeId = null;
    expect(() => validateAuditEvent(e)).not.toThrow();
  });

  it("and accepts a decision with its permit reference and batch position, keeping both", () => {
    const e = raw("decision.made");
    const data = { ...(e.data as Record<string, unknown>), permitReference: "EHDS-permit-2026-0042", batch: { id: "jti-1", index: 7 } };
    expect(validateAuditEvent({ ...e, data }).data).toMatchObject({ permitReference: "EHDS-permit-2026-0042", batch: { id: "jti-1", index: 7 } });
  });
});

describe("audit event time", () => {
  it("is stored in UTC whatever offset it was given, so time order is string order", async () => {
    const { validateAuditEvent } = await import("../../lib/audit/events");
    const event = validateAuditEvent({
      id: "7d3c7a36-4f5e-4b0e-9a53-6a2f4b8f4a11",
      type: "consent.withdrawn",
      v: 1,
      at: "2026-06-01T12:00:00+02:00",
      actor: { kind: "system", component: "test" },
      subjectKey: null,
      data: { consentId: "0f0e3c7a-4f5e-4b0e-9a53-6a2f4b8f4a11", consentVersion: 2 },
    });
    expect(event.at).toBe("2026-06-01T10:00:00.000Z");
  });
});
