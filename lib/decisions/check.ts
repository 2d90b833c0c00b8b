/**
 * The consent check for imaging nodes: one subject (checkSingle) or up to MAX_BATCH_SUBJECTS
 * (checkBatch), answered with Donum's signature.
 *
 * The order of the steps is part of the contract:
 *  1. the national identifier is keyed at once; it is never kept, logged or returned;
 *  2. the node–subject link is written BEFORE the consent is read, so that any change committed
 *     after that read is found by the node's withdrawal feed (lib/decisions/feed.ts);
 *  3. the consent is read strongly consistently: a withdrawal is obeyed by the very next check;
 *  4. decide() (pure, deny-wins, never fails open);
 *  5. the decision.made audit entry is written, and only then is the answer signed and given:
 *     a node never holds a decision that the audit trail (and the citizen's "who looked me up"
 *     view) does not show.
 */
import { auditEvent, type AuditEvent } from "../audit/events";
import { decide, type Decision, type DecisionRequest } from "../consent/decision";
import { signCompactJws } from "../crypto/jws";
import { AppError, hasErrorCode, type FieldIssue } from "../errors";
import { parseInput } from "../validation";
import { numericDate, type CallingNode, type DecisionDeps } from "./deps";
import { BatchCheckRequest, MAX_BATCH_SUBJECTS, SingleCheckRequest } from "./schemas";
import {
  BATCH_TYP,
  batchRequestHash,
  DECISION_TTL_SECONDS,
  DECISION_TYP,
  decisionRequestHash,
  decisionRequestHasher,
  sealBatch,
  type BatchClaims,
  type BatchItem,
  type BatchLeaf,
  type DecisionClaims,
} from "./tokens";

export interface SingleCheckResult {
  /** The decision as a compact JWS (typ donum-decision+jwt): the node's evidence. */
  token: string;
  /** The token's payload, for convenience (verify the token, not this). */
  decision: DecisionClaims;
}

export interface BatchCheckResult {
  /** The batch claims as a compact JWS (typ donum-decision-batch+jwt), signing the Merkle root. */
  token: string;
  /** Item i answers subjects[i]: its leaf and the inclusion proof of that leaf under the signed root. */
  items: BatchItem[];
}

/** The purpose as the audit trail and the citizen's lookups view show it: GRU, HMB or DS:<disease>. */
export function purposeLabel(request: DecisionRequest): string {
  return request.purpose.code === "DS" ? `DS:${request.purpose.disease}` : request.purpose.code;
}

function decisionEvent(args: {
  id: string;
  now: Date;
  node: CallingNode;
  subjectKey: string;
  request: DecisionRequest;
  permitReference: string;
  requestHash: string;
  decision: Decision;
  batch?: { id: string; index: number };
}): AuditEvent {
  const { request, decision } = args;
  return auditEvent("decision.made", {
    id: args.id,
    at: args.now,
    actor: { kind: "node", nodeId: args.node.id },
    subjectKey: args.subjectKey,
    data: {
      nodeId: args.node.id,
      requestHash: args.requestHash,
      decision: decision.decision,
      reasons: decision.reasons,
      consentId: decision.consentId,
      consentVersion: decision.consentVersion,
      purpose: purposeLabel(request),
      recipient: { organisation: request.recipient.organisation, type: request.recipient.type, country: request.recipient.country },
      dataCategories: [...request.dataCategories],
      permitReference: args.permitReference,
      ...(args.batch ? { batch: args.batch } : {}),
    },
  });
}


function keyOne(deps: DecisionDeps, nationalId: string): string {
  try {
    return deps.subjects.keyOf(nationalId);
  } catch (e) {
    // The keyer may belong to another bundle's copy of AppError (see isAppError): rethrown as ours.
    if (hasErrorCode(e, "INVALID_SUBJECT_IDENTIFIER")) throw new AppError("INVALID_SUBJECT_IDENTIFIER", (e as Error).message);
    throw e;
  }
}

/** One subject: link, read, decide, audit, sign. An identifier that is not an eIDAS one is a 400, not a decision. */
export async function checkSingle(deps: DecisionDeps, node: CallingNode, input: unknown, now: Date = deps.now()): Promise<SingleCheckResult> {
  const parsed = parseInput(SingleCheckRequest, input);
  const { request, permitReference } = parsed;
  const subjectKey = keyOne(deps, parsed.subject.nationalId); // throws INVALID_SUBJECT_IDENTIFIER, without the value
  const subjectRef = deps.nodeRefs.refFor(node.id, subjectKey);

  await deps.stores.links.linkMany([{ nodeId: node.id, subjectKey, subjectRef }], now);
  const consent = await deps.stores.consents.getBySubject(subjectKey);
  const decision = decide(consent, request, now);
  const requestHash = decisionRequestHash({ nodeId: node.id, subjectRef, request, permitReference });

  // The audit entry's id is the token's jti: the evidence names the record of itself.
  const jti = deps.newId();
  await deps.stores.audit.append(decisionEvent({ id: jti, now, node, subjectKey, request, permitReference, requestHash, decision }));

  const iat = numericDate(now);
  const claims: DecisionClaims = {
    iss: deps.publicUrl,
    aud: node.id,
    sub: subjectRef,
    iat,
    exp: iat + DECISION_TTL_SECONDS,
    jti,
    decision: decision.decision,
    reasons: decision.reasons,
    consentId: decision.consentId,
    consentVersion: decision.consentVersion,
    formVersion: decision.formVersion,
    evaluatedAt: decision.evaluatedAt,
    requestHash,
    permitReference,
  };
  return { token: await signCompactJws(deps.signer, claims, { typ: DECISION_TYP }), decision: claims };
}

/** How many invalid positions a 400 names; the count is always given in full. */
const MAX_LISTED_INVALID = 100;

/** Refuses a batch above the limit before anything else looks at it (413, not a 400 from the schema). */
function checkBatchSize(input: unknown): void {
  const subjects = typeof input === "object" && input !== null ? (input as { subjects?: unknown }).subjects : undefined;
  if (Array.isArray(subjects) && subjects.length > MAX_BATCH_SUBJECTS) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `A batch check names at most ${MAX_BATCH_SUBJECTS} subjects; this one names ${subjects.length}. Split it into several batches.`,
    );
  }
}

/**
 * Keys every identifier. Any identifier that is not an eIDAS person identifier refuses the whole
 * batch (400 INVALID_SUBJECT_IDENTIFIER naming the positions, never the values), as a single
 * check would: nothing is linked, decided or audited, and the node fixes or drops those rows.
 */
function keyAll(deps: DecisionDeps, subjects: readonly { nationalId: string }[]): string[] {
  const keys = new Array<string>(subjects.length);
  const invalid: number[] = [];
  for (let i = 0; i < subjects.length; i++) {
    try {
      keys[i] = deps.subjects.keyOf(subjects[i]!.nationalId);
    } catch (e) {
      if (!hasErrorCode(e, "INVALID_SUBJECT_IDENTIFIER")) throw e;
      invalid.push(i);
    }
  }
  if (invalid.length > 0) {
    const listed = invalid.slice(0, MAX_LISTED_INVALID);
    const issues: FieldIssue[] = listed.map((i) => ({
      path: `subjects.${i}.nationalId`,
      message: "not an eIDAS person identifier (CC/DD/IDENTIFIER or CC/IDENTIFIER)",
    }));
    const more = invalid.length > listed.length ? ` (the first ${listed.length} are listed)` : "";
    throw new AppError(
      "INVALID_SUBJECT_IDENTIFIER",
      `${invalid.length} of the ${subjects.length} national identifiers are not eIDAS person identifiers${more}; nothing was checked. ` +
        "Fix or remove those subjects and send the batch again.",
      issues,
    );
  }
  return keys;
}

/**
 * Up to MAX_BATCH_SUBJECTS subjects under one request: one link write, one consent read, one
 * audit write, one signature over the Merkle root of the items (RFC 9162), an inclusion proof per
 * item. No per-item await and no per-item signature.
 */
export async function checkBatch(deps: DecisionDeps, node: CallingNode, input: unknown, now: Date = deps.now()): Promise<BatchCheckResult> {
  checkBatchSize(input);
  const parsed = parseInput(BatchCheckRequest, input);
  const { request, permitReference } = parsed;
  const keys = keyAll(deps, parsed.subjects);
  const n = keys.length;

  const refs = new Array<string>(n);
  const uniqueLinks = new Map<string, { nodeId: string; subjectKey: string; subjectRef: string }>();
  for (let i = 0; i < n; i++) {
    const subjectKey = keys[i]!;
    let link = uniqueLinks.get(subjectKey);
    if (!link) {
      // A subject named twice is linked and read once (stores refuse duplicate keys in one batch).
      link = { nodeId: node.id, subjectKey, subjectRef: deps.nodeRefs.refFor(node.id, subjectKey) };
      uniqueLinks.set(subjectKey, link);
    }
    refs[i] = link.subjectRef;
  }

  await deps.stores.links.linkMany([...uniqueLinks.values()], now);
  const consents = await deps.stores.consents.getManyBySubject([...uniqueLinks.keys()]);

  const jti = deps.newId();
  const requestHashOf = decisionRequestHasher({ nodeId: node.id, request, permitReference });
  const leaves = new Array<BatchLeaf>(n);
  const events = new Array<AuditEvent>(n);
  for (let i = 0; i < n; i++) {
    const subjectKey = keys[i]!;
    const sub = refs[i]!;
    const decision = decide(consents.get(subjectKey) ?? null, request, now);
    const requestHash = requestHashOf(sub);
    const leaf: BatchLeaf = {
      index: i,
      sub,
      decision: decision.decision,
      reasons: decision.reasons,
      consentId: decision.consentId,
      consentVersion: decision.consentVersion,
      formVersion: decision.formVersion,
      requestHash,
    };
    leaves[i] = leaf;
    events[i] = decisionEvent({
      id: deps.newId(),
      now,
      node,
      subjectKey,
      request,
      permitReference,
      requestHash,
      decision,
      batch: { id: jti, index: i },
    });
  }

  const sealed = sealBatch(leaves);
  await deps.stores.audit.appendMany(events);

  const iat = numericDate(now);
  const claims: BatchClaims = {
    iss: deps.publicUrl,
    aud: node.id,
    iat,
    exp: iat + DECISION_TTL_SECONDS,
    jti,
    batch: {
      treeSize: sealed.treeSize,
      rootHash: sealed.rootHash,
      requestHash: batchRequestHash({ nodeId: node.id, subjectRefs: refs, request, permitReference }),
      permitReference,
      evaluatedAt: now.toISOString(),
    },
  };
  return { token: await signCompactJws(deps.signer, claims, { typ: BATCH_TYP }), items: sealed.items };
}
