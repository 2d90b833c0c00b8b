/**
 * Per-node subject references. A node never learns Donum's subject key; it gets a reference that
 * is stable for (node, subject) — so it can match a withdrawal in its feed to the studies it holds —
 * and unlinkable across nodes: two nodes cannot tell that they hold data of the same person.
 *
 *   ref = base64url(HMAC-SHA256(K_ref, nodeId ‖ 0x00 ‖ subjectKey))[0..32)
 *   K_ref = HKDF-SHA256(pepper, salt = "donum", info = "node-subject-ref/v1")
 *
 * A separate key derived from the pepper keeps references useless for recomputing subject keys.
 */
import { createHmac, hkdfSync } from "node:crypto";

export interface NodeSubjectRefs {
  refFor(nodeId: string, subjectKey: string): string;
}

export function createNodeSubjectRefs(pepper: Buffer): NodeSubjectRefs {
  const key = Buffer.from(hkdfSync("sha256", pepper, Buffer.from("donum"), Buffer.from("node-subject-ref/v1"), 32));
  return {
    refFor(nodeId, subjectKey) {
      return createHmac("sha256", key).update(nodeId).update(Buffer.from([0])).update(subjectKey).digest("base64url").slice(0, 32);
    },
  };
}
