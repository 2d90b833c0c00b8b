/**
 * The node registry's use cases: register a node, list them, suspend or reactivate one, rotate
 * its key. Operators (or the system, for the demo node) only. Each change is written with its
 * audit event in one atomic store call (NodeStore.create / update).
 *
 * Keys. A node registers one public key (ES256 or EdDSA) under a kid — by default its RFC 7638
 * thumbprint. Rotation adds a new active key and retires the previous active ones:
 *   - at once (the default): from then on only the new key is accepted;
 *   - or after a grace period (graceSeconds, up to 7 days): the previous keys stay accepted until
 *     then, so that a node can roll the new key out without a moment of refused requests.
 * A retired key is kept in the record but never accepted again, and cannot be registered again.
 */
import { z } from "zod";
import { auditEvent, type Actor } from "../audit/events";
import { CountryCode, RecipientType } from "../consent/vocabulary";
import { AppError, type FieldIssue } from "../errors";
import type { UseCaseDeps } from "../usecases/deps";
import { parseInput } from "../validation";
import { checkPublicJwk, isKeyAccepted, nodeKeyThumbprint } from "./keys";
import { NodeId, NodeKeyId, type ImagingNode, type NodeKey, type NodePublicJwk } from "./node";

/** The longest grace period for a replaced key. */
export const MAX_KEY_GRACE_SECONDS = 7 * 24 * 3600;
/** Keys kept per node (the oldest retired ones are dropped beyond this). */
export const MAX_KEYS_PER_NODE = 20;

export const RegisterNodeInput = z.object({
  id: NodeId,
  organisation: z.string().trim().min(1, "required").max(200),
  country: CountryCode,
  organisationType: RecipientType,
  publicJwk: z.unknown(),
  kid: NodeKeyId.optional(),
});
export type RegisterNodeInput = z.input<typeof RegisterNodeInput>;

export const SetNodeStatusInput = z.object({ id: NodeId, status: z.enum(["active", "suspended"]) });
export type SetNodeStatusInput = z.input<typeof SetNodeStatusInput>;

export const RotateNodeKeyInput = z.object({
  id: NodeId,
  publicJwk: z.unknown(),
  kid: NodeKeyId.optional(),
  /** Seconds the previous keys stay accepted; 0 (default) retires them at once. */
  graceSeconds: z.number().int().min(0).max(MAX_KEY_GRACE_SECONDS).default(0),
});
export type RotateNodeKeyInput = z.input<typeof RotateNodeKeyInput>;

function requireOperator(actor: Actor, what: string): void {
  if (actor.kind !== "operator" && actor.kind !== "system") throw new AppError("FORBIDDEN", `Only an operator can ${what}`);
}

const invalid = (issues: FieldIssue[]) => new AppError("INVALID_INPUT", undefined, issues);

/** The public key and its kid (given, stated in the JWK, or the thumbprint), or INVALID_INPUT on `publicJwk` / `kid`. */
function keyFrom(publicJwk: unknown, kid: string | undefined): { jwk: NodePublicJwk; kid: string } {
  const checked = checkPublicJwk(publicJwk);
  if (!checked.ok) throw invalid([{ path: "publicJwk", message: checked.message }]);
  const chosen = kid ?? checked.kid ?? nodeKeyThumbprint(checked.jwk);
  if (!NodeKeyId.safeParse(chosen).success) throw invalid([{ path: "kid", message: "1–100 letters, digits, dots, underscores, colons or dashes" }]);
  return { jwk: checked.jwk, kid: chosen };
}

/** A key registered for one node identifies that node only. */
async function refuseKeyOfAnotherNode(deps: UseCaseDeps, nodeId: string, jwk: NodePublicJwk): Promise<void> {
  const thumbprint = nodeKeyThumbprint(jwk);
  for (const other of await deps.stores.nodes.list()) {
    if (other.id === nodeId) continue;
    if (other.keys.some((k) => nodeKeyThumbprint(k.jwk) === thumbprint)) {
      throw invalid([{ path: "publicJwk", message: "this public key is already registered for another node; each node needs its own key pair" }]);
    }
  }
}

export async function registerNode(deps: UseCaseDeps, actor: Actor, input: unknown): Promise<ImagingNode> {
  requireOperator(actor, "register a node");
  const parsed = parseInput(RegisterNodeInput, input);
  const key = keyFrom(parsed.publicJwk, parsed.kid);
  if (await deps.stores.nodes.get(parsed.id)) throw new AppError("NODE_EXISTS", `A node with the id "${parsed.id}" already exists`);
  await refuseKeyOfAnotherNode(deps, parsed.id, key.jwk);
  const now = deps.now();
  const at = now.toISOString();
  const node: ImagingNode = {
    id: parsed.id,
    organisation: parsed.organisation,
    country: parsed.country,
    organisationType: parsed.organisationType,
    status: "active",
    keys: [{ kid: key.kid, jwk: key.jwk, status: "active", addedAt: at }],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  // Two registrations of one id at once: the store lets one through and answers NODE_EXISTS to the other.
  await deps.stores.nodes.create(
    node,
    auditEvent("node.registered", {
      id: deps.newId(),
      at: now,
      actor,
      subjectKey: null,
      data: { nodeId: node.id, organisation: node.organisation, country: node.country, organisationType: node.organisationType, keyIds: [key.kid] },
    }),
  );
  return node;
}

export async function listNodes(deps: UseCaseDeps, actor: Actor): Promise<ImagingNode[]> {
  requireOperator(actor, "list the nodes");
  const nodes = await deps.stores.nodes.list();
  return [...nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export async function getNode(deps: UseCaseDeps, actor: Actor, id: string): Promise<ImagingNode> {
  requireOperator(actor, "read a node");
  const node = NodeId.safeParse(id).success ? await deps.stores.nodes.get(id) : null;
  if (!node) throw new AppError("NODE_NOT_FOUND", `No node with the id "${id}"`);
  return node;
}

/** Suspends or reactivates a node. Setting the status it already has changes nothing (and writes nothing). */
export async function setNodeStatus(deps: UseCaseDeps, actor: Actor, input: unknown): Promise<{ node: ImagingNode; changed: boolean }> {
  requireOperator(actor, "change the status of a node");
  const { id, status } = parseInput(SetNodeStatusInput, input);
  const current = await getNode(deps, actor, id);
  if (current.status === status) return { node: current, changed: false };
  const now = deps.now();
  const node: ImagingNode = { ...current, status, version: current.version + 1, updatedAt: now.toISOString() };
  await deps.stores.nodes.update(
    node,
    current.version,
    auditEvent("node.status_changed", { id: deps.newId(), at: now, actor, subjectKey: null, data: { nodeId: id, status } }),
  );
  return { node, changed: true };
}

/**
 * Adds a new active key and retires the keys accepted until now — at once, or at the end of the
 * grace period. Keys whose grace has run out are recorded as retired.
 */
export async function rotateNodeKey(
  deps: UseCaseDeps,
  actor: Actor,
  input: unknown,
): Promise<{ node: ImagingNode; addedKeyId: string; retiredKeyIds: string[]; retiresAt: string | null }> {
  requireOperator(actor, "rotate the key of a node");
  const parsed = parseInput(RotateNodeKeyInput, input);
  const key = keyFrom(parsed.publicJwk, parsed.kid);
  const current = await getNode(deps, actor, parsed.id);
  const thumbprint = nodeKeyThumbprint(key.jwk);
  if (current.keys.some((k) => nodeKeyThumbprint(k.jwk) === thumbprint)) {
    throw invalid([{ path: "publicJwk", message: "this public key is already registered for this node (a retired key is never accepted again)" }]);
  }
  if (current.keys.some((k) => k.kid === key.kid)) throw invalid([{ path: "kid", message: `the node already has a key "${key.kid}" (key ids are never reused)` }]);
  await refuseKeyOfAnotherNode(deps, current.id, key.jwk);

  const now = deps.now();
  const at = now.toISOString();
  const graceEnd = parsed.graceSeconds > 0 ? new Date(now.getTime() + parsed.graceSeconds * 1000) : null;
  const retiredKeyIds: string[] = [];
  const kept: NodeKey[] = current.keys.map((k) => {
    if (!isKeyAccepted(k, now)) return k.status === "retired" ? k : { ...k, status: "retired" };
    retiredKeyIds.push(k.kid);
    if (!graceEnd) return { ...k, status: "retired" };
    // Already in a grace period: the earlier end stands.
    const end = k.retiresAt && Date.parse(k.retiresAt) < graceEnd.getTime() ? k.retiresAt : graceEnd.toISOString();
    return { ...k, retiresAt: end };
  });
  const added: NodeKey = { kid: key.kid, jwk: key.jwk, status: "active", addedAt: at };
  let keys = [...kept, added];
  // Bounded record: drop the oldest retired keys beyond the limit (they are in the audit trail).
  while (keys.length > MAX_KEYS_PER_NODE) {
    const oldestRetired = keys.findIndex((k) => k.status === "retired");
    if (oldestRetired < 0) break;
    keys = keys.filter((_, i) => i !== oldestRetired);
  }

  const node: ImagingNode = { ...current, keys, version: current.version + 1, updatedAt: at };
  await deps.stores.nodes.update(
    node,
    current.version,
    auditEvent("node.key_rotated", { id: deps.newId(), at: now, actor, subjectKey: null, data: { nodeId: node.id, addedKeyId: key.kid, retiredKeyIds } }),
  );
  return { node, addedKeyId: key.kid, retiredKeyIds, retiresAt: graceEnd && retiredKeyIds.length ? graceEnd.toISOString() : null };
}

/** How a key stands at `now`, for lists: "active", "active until <time>" or "retired". */
export function keyState(key: NodeKey, now: Date): { state: "active" | "retiring" | "retired"; until: string | null } {
  if (!isKeyAccepted(key, now)) return { state: "retired", until: null };
  return key.retiresAt ? { state: "retiring", until: key.retiresAt } : { state: "active", until: null };
}
