/** What the consent-check use cases need besides the stores: Donum's signer, its address, and the keyers. */
import type { Signer } from "../crypto/signer";
import type { NodeSubjectRefs } from "../identity/node-subject-ref";
import type { SubjectKeyer } from "../identity/subject-key";
import type { ImagingNode } from "../nodes/node";
import type { UseCaseDeps } from "../usecases/deps";

export interface DecisionDeps extends UseCaseDeps {
  signer: Signer;
  /** Donum's public address (config.publicUrl): the `iss` of every token. */
  publicUrl: string;
  subjects: SubjectKeyer;
  nodeRefs: NodeSubjectRefs;
}

/** The node that asks, as the authentication wrapper hands it over (only its id is used). */
export type CallingNode = Pick<ImagingNode, "id">;

/** Picks the decision deps out of the container (typed structurally: no import of the composition root). */
export function decisionDepsOf(container: {
  deps: UseCaseDeps;
  signer: Signer;
  config: { publicUrl: string };
  subjects: SubjectKeyer;
  nodeRefs: NodeSubjectRefs;
}): DecisionDeps {
  return {
    ...container.deps,
    signer: container.signer,
    publicUrl: container.config.publicUrl,
    subjects: container.subjects,
    nodeRefs: container.nodeRefs,
  };
}

/** JWT NumericDate: whole seconds since the epoch. */
export const numericDate = (d: Date): number => Math.floor(d.getTime() / 1000);
