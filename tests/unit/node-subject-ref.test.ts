import fc from "fast-check";
import { createNodeSubjectRefs } from "../../lib/identity/node-subject-ref";
import { createSubjectKeyer } from "../../lib/identity/subject-key";

const pepper = Buffer.alloc(32, 9);
const refs = createNodeSubjectRefs(pepper);
const subjectKey = createSubjectKeyer(pepper).keyOf("BE/BE/85073003328");

describe("per-node subject references", () => {
  it("are stable for one node and one subject", () => {
    expect(refs.refFor("node-a", subjectKey)).toBe(refs.refFor("node-a", subjectKey));
    expect(refs.refFor("node-a", subjectKey)).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it("differ between nodes, so two nodes cannot link the same person", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9-]{3,20}$/), fc.stringMatching(/^[a-z0-9-]{3,20}$/), (a, b) => {
        fc.pre(a !== b);
        expect(refs.refFor(a, subjectKey)).not.toBe(refs.refFor(b, subjectKey));
      }),
    );
  });

  it("reveal neither the subject key nor depend on the pepper alone", () => {
    const ref = refs.refFor("node-a", subjectKey);
    expect(subjectKey).not.toContain(ref);
    expect(createNodeSubjectRefs(Buffer.alloc(32, 8)).refFor("node-a", subjectKey)).not.toBe(ref);
  });

  it("cannot be confused by shifting characters between node id and subject key", () => {
    expect(refs.refFor("node-a", "b" + subjectKey.slice(1))).not.toBe(refs.refFor("node-ab", subjectKey.slice(1)));
  });
});
