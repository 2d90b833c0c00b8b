/**
 * Where the time of one consent check goes: the steps of authenticateNodeRequest, checkSingle and
 * checkBatch, replayed one by one in this process with the same functions and stores and timed
 * each (CPU of this process, no HTTP). The whole functions are timed too, so that the sum of the
 * parts can be compared with them.
 *
 * Used by bench/run.ts on its seeded data directory; on its own:
 *   npx tsx bench/breakdown.ts            (a fresh temporary data directory, 2,000 subjects)
 */
import { createPublicKey, verify, type JsonWebKey } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { auditEvent, type AuditEvent } from "../lib/audit/events";
import { integrate } from "../lib/audit/log";
import { logDepsOf } from "../lib/audit/log/runtime";
import { readPrivateJwkFile } from "../lib/client/node-key";
import { createRequestSigner, type RequestSigner } from "../lib/client/request-signer";
import { parseConfig } from "../lib/config";
import { decide } from "../lib/consent/decision";
import { signCompactJws } from "../lib/crypto/jws";
import { checkBatch, checkSingle, purposeLabel } from "../lib/decisions/check";
import { decisionDepsOf } from "../lib/decisions/deps";
import { BatchCheckRequest, SingleCheckRequest } from "../lib/decisions/schemas";
import {
  batchRequestHash,
  DECISION_TTL_SECONDS,
  DECISION_TYP,
  decisionRequestHash,
  decisionRequestHasher,
  sealBatch,
  BATCH_TYP,
  type BatchLeaf,
} from "../lib/decisions/tokens";
import { bodyDigest } from "../lib/nodes/protocol";
import { authenticateNodeRequest } from "../lib/nodes/request-auth";
import { createContainer, type Container } from "../lib/server/container";
import { parseInput } from "../lib/validation";
import { batchCheckBody, seedSubjects, singleCheckBody } from "./support/workload";
import { cleanup, installSignalHandlers, removeAtEnd } from "./support/processes";

export interface StepCost {
  step: string;
  /** Mean wall time per call in this process, µs. */
  us: number;
  /** True for the whole-function rows (the others are their parts). */
  whole?: boolean;
  /** True for work done later, off the request (the log integrator): not in the sum. */
  background?: boolean;
}

export interface Breakdown {
  single: StepCost[];
  batch: StepCost[];
  batchSize: number;
  singleIterations: number;
}

const DECISIONS_PATH = "/api/v1/decisions";

class Timer {
  private readonly totals = new Map<string, number>();
  private readonly order: string[] = [];
  private readonly wholes = new Set<string>();

  time<T>(step: string, fn: () => T): T {
    const t0 = performance.now();
    const out = fn();
    this.add(step, performance.now() - t0);
    return out;
  }

  async timeAsync<T>(step: string, fn: () => Promise<T>, whole = false): Promise<T> {
    const t0 = performance.now();
    const out = await fn();
    this.add(step, performance.now() - t0);
    if (whole) this.wholes.add(step);
    return out;
  }

  private add(step: string, ms: number): void {
    if (!this.totals.has(step)) this.order.push(step);
    this.totals.set(step, (this.totals.get(step) ?? 0) + ms);
  }

  rows(calls: number): StepCost[] {
    return this.order.map((step) => ({
      step,
      us: (this.totals.get(step)! / calls) * 1000,
      ...(this.wholes.has(step) ? { whole: true } : {}),
    }));
  }
}

/** Integrates every pending audit entry into the verifiable log; answers the entries added and the time. */
async function integrateAll(container: Container): Promise<{ added: number; ms: number }> {
  const t0 = performance.now();
  let added = 0;
  for (let i = 0; i < 100; i++) {
    const r = await integrate(logDepsOf(container));
    added += r.added;
    if (r.added === 0) break;
  }
  return { added, ms: performance.now() - t0 };
}

/** The log integrator's cost per audit entry, as a background row (µs per entry × `perCall`). */
function integrationRow(step: string, done: { added: number; ms: number }, perCall: number): StepCost[] {
  return done.added > 0 ? [{ step, us: ((done.ms / done.added) * perCall) * 1000, background: true }] : [];
}

/** One single check, step by step, then the whole functions; `iterations` times each. */
async function singleSteps(container: Container, signer: RequestSigner, seeded: number, iterations: number): Promise<StepCost[]> {
  const deps = decisionDepsOf(container);
  const body = singleCheckBody(seeded, "BREAKDOWN");
  const t = new Timer();
  const audience = container.config.publicUrl;
  await integrateAll(container); // catch up with what came before
  for (let i = 0; i < iterations + 50; i++) {
    const timer = i < 50 ? new Timer() : t; // the first 50 are a warm-up
    const text = body(i * 7);
    const bytes = Buffer.from(text, "utf8");
    const now = new Date();

    // ── Authentication, in parts (what authenticateNodeRequest does, in its order)
    const jws = timer.time("client: sign the request token (ES256)", () => signer.token({ method: "POST", path: DECISIONS_PATH, body: bytes }).jws);
    const [h, p, s] = jws.split(".") as [string, string, string];
    timer.time("auth: decode token header and claims", () => {
      JSON.parse(Buffer.from(h, "base64url").toString("utf8"));
      JSON.parse(Buffer.from(p, "base64url").toString("utf8"));
    });
    const node = (await timer.timeAsync("auth: read the node (SQLite + JSON.parse)", () => container.stores.nodes.get(signer.nodeId)))!;
    const jwk = node.keys[0]!.jwk as JsonWebKey;
    const key = timer.time("auth: import the node's public key (JWK → KeyObject)", () =>
      createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, format: "jwk" }),
    );
    timer.time("auth: verify the ES256 signature", () =>
      verify("sha256", Buffer.from(`${h}.${p}`, "ascii"), { key, dsaEncoding: "ieee-p1363" }, Buffer.from(s, "base64url")),
    );
    timer.time("auth: body digest (SHA-256)", () => bodyDigest(bytes));
    const claims = JSON.parse(Buffer.from(p, "base64url").toString("utf8")) as { jti: string; exp: number };
    await timer.timeAsync("auth: remember the jti (SQLite write)", () =>
      container.stores.replays.remember(`${node.id}:${claims.jti}`, new Date((claims.exp + 5) * 1000), now),
    );

    // ── The check, in parts (what checkSingle does, in its order)
    const parsed = timer.time("check: JSON.parse + zod (SingleCheckRequest)", () => parseInput(SingleCheckRequest, JSON.parse(text)));
    const subjectKey = timer.time("check: subject key + node reference (2 HMAC)", () => {
      const k = deps.subjects.keyOf(parsed.subject.nationalId);
      deps.nodeRefs.refFor(node.id, k);
      return k;
    });
    const subjectRef = deps.nodeRefs.refFor(node.id, subjectKey);
    await timer.timeAsync("check: link node–subject (SQLite write)", () => deps.stores.links.linkMany([{ nodeId: node.id, subjectKey, subjectRef }], now));
    const consent = await timer.timeAsync("check: read the consent (SQLite + JSON.parse)", () => deps.stores.consents.getBySubject(subjectKey));
    const decision = timer.time("check: decide()", () => decide(consent, parsed.request, now));
    const requestHash = timer.time("check: request hash (canonical JSON + SHA-256)", () =>
      decisionRequestHash({ nodeId: node.id, subjectRef, request: parsed.request, permitReference: parsed.permitReference }),
    );
    const jti = deps.newId();
    const event = timer.time("check: build the audit event (zod-validated)", () =>
      auditEvent("decision.made", {
        id: jti,
        at: now,
        actor: { kind: "node", nodeId: node.id },
        subjectKey,
        data: {
          nodeId: node.id,
          requestHash,
          decision: decision.decision,
          reasons: decision.reasons,
          consentId: decision.consentId,
          consentVersion: decision.consentVersion,
          purpose: purposeLabel(parsed.request),
          recipient: { organisation: parsed.request.recipient.organisation, type: parsed.request.recipient.type, country: parsed.request.recipient.country },
          dataCategories: [...parsed.request.dataCategories],
          permitReference: parsed.permitReference,
        },
      }),
    );
    await timer.timeAsync("check: append the audit entry (SQLite write)", () => deps.stores.audit.append(event));
    const iat = Math.floor(now.getTime() / 1000);
    const token = await timer.timeAsync("check: sign the decision (canonical JSON + ES256)", () =>
      signCompactJws(
        deps.signer,
        {
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
          permitReference: parsed.permitReference,
        },
        { typ: DECISION_TYP },
      ),
    );
    timer.time("respond: JSON.stringify the answer", () => JSON.stringify({ token, decision }));

    // ── The whole functions, on a request of their own
    const text2 = body(i * 7 + 3);
    const bytes2 = Buffer.from(text2, "utf8");
    const authorization = signer.sign({ method: "POST", path: DECISIONS_PATH, body: bytes2 });
    const auth = await timer.timeAsync(
      "whole: authenticateNodeRequest",
      () =>
        authenticateNodeRequest({
          method: "POST",
          path: DECISIONS_PATH,
          authorization,
          body: bytes2,
          now: new Date(),
          audience,
          nodes: container.stores.nodes,
          replays: container.stores.replays,
        }),
      true,
    );
    await timer.timeAsync("whole: checkSingle (incl. JSON.parse of the body)", () => checkSingle(deps, auth.node, JSON.parse(text2)), true);
  }
  // Two audit entries per iteration; the integrator's share of one check is that of one entry.
  const integrated = await integrateAll(container);
  return [...t.rows(iterations), ...integrationRow("later: integrate the entry into the verifiable log (per check)", integrated, 1)];
}

/** One batch, step by step (what checkBatch does), then checkBatch itself; `runs` times each. */
async function batchSteps(container: Container, size: number, runs: number): Promise<StepCost[]> {
  const deps = decisionDepsOf(container);
  const node = { id: "demo-node" };
  const text = batchCheckBody(size, "BREAKDOWN");
  const t = new Timer();
  await integrateAll(container); // catch up with what came before
  for (let r = 0; r < runs + 1; r++) {
    const timer = r === 0 ? new Timer() : t; // run 0 is a warm-up
    const now = new Date();
    const parsed = timer.time("batch: JSON.parse + zod (BatchCheckRequest)", () => parseInput(BatchCheckRequest, JSON.parse(text)));
    const keys = timer.time("batch: subject keys (HMAC each)", () => parsed.subjects.map((s) => deps.subjects.keyOf(s.nationalId)));
    const links = timer.time("batch: node references (HMAC each)", () =>
      keys.map((subjectKey) => ({ nodeId: node.id, subjectKey, subjectRef: deps.nodeRefs.refFor(node.id, subjectKey) })),
    );
    await timer.timeAsync("batch: link node–subjects (one SQLite transaction)", () => deps.stores.links.linkMany(links, now));
    const consents = await timer.timeAsync("batch: read the consents (SQLite IN-queries + JSON.parse)", () => deps.stores.consents.getManyBySubject(keys));
    const decisions = timer.time("batch: decide() each", () => keys.map((k) => decide(consents.get(k) ?? null, parsed.request, now)));
    const hashOf = decisionRequestHasher({ nodeId: node.id, request: parsed.request, permitReference: parsed.permitReference });
    const hashes = timer.time("batch: request hash each (SHA-256)", () => links.map((l) => hashOf(l.subjectRef)));
    const jti = deps.newId();
    const events: AuditEvent[] = timer.time("batch: build the audit events (zod-validated each)", () =>
      decisions.map((decision, i) =>
        auditEvent("decision.made", {
          id: deps.newId(),
          at: now,
          actor: { kind: "node", nodeId: node.id },
          subjectKey: keys[i]!,
          data: {
            nodeId: node.id,
            requestHash: hashes[i]!,
            decision: decision.decision,
            reasons: decision.reasons,
            consentId: decision.consentId,
            consentVersion: decision.consentVersion,
            purpose: purposeLabel(parsed.request),
            recipient: { organisation: parsed.request.recipient.organisation, type: parsed.request.recipient.type, country: parsed.request.recipient.country },
            dataCategories: [...parsed.request.dataCategories],
            permitReference: parsed.permitReference,
            batch: { id: jti, index: i },
          },
        }),
      ),
    );
    const leaves: BatchLeaf[] = decisions.map((d, i) => ({
      index: i,
      sub: links[i]!.subjectRef,
      decision: d.decision,
      reasons: d.reasons,
      consentId: d.consentId,
      consentVersion: d.consentVersion,
      formVersion: d.formVersion,
      requestHash: hashes[i]!,
    }));
    const sealed = timer.time("batch: Merkle tree + proofs (sealBatch)", () => sealBatch(leaves));
    await timer.timeAsync("batch: append the audit entries (one SQLite transaction)", () => deps.stores.audit.appendMany(events));
    const iat = Math.floor(now.getTime() / 1000);
    const token = await timer.timeAsync("batch: request hash + sign the root (ES256)", () =>
      signCompactJws(
        deps.signer,
        {
          iss: deps.publicUrl,
          aud: node.id,
          iat,
          exp: iat + DECISION_TTL_SECONDS,
          jti,
          batch: {
            treeSize: sealed.treeSize,
            rootHash: sealed.rootHash,
            requestHash: batchRequestHash({ nodeId: node.id, subjectRefs: links.map((l) => l.subjectRef), request: parsed.request, permitReference: parsed.permitReference }),
            permitReference: parsed.permitReference,
            evaluatedAt: now.toISOString(),
          },
        },
        { typ: BATCH_TYP },
      ),
    );
    timer.time("respond: JSON.stringify the answer", () => JSON.stringify({ token, items: sealed.items }));
    await timer.timeAsync("whole: checkBatch (incl. JSON.parse of the body)", () => checkBatch(deps, node, JSON.parse(text)), true);
  }
  const integrated = await integrateAll(container);
  return [...t.rows(runs), ...integrationRow(`later: integrate the ${size.toLocaleString("en")} entries into the verifiable log`, integrated, size)];
}

export async function measureBreakdown(
  container: Container,
  signer: RequestSigner,
  options: { seeded: number; singleIterations: number; batchSize: number; batchRuns: number },
): Promise<Breakdown> {
  const single = await singleSteps(container, signer, options.seeded, options.singleIterations);
  const batch = await batchSteps(container, options.batchSize, options.batchRuns);
  return { single, batch, batchSize: options.batchSize, singleIterations: options.singleIterations };
}

export function formatBreakdown(b: Breakdown): string {
  const lines: string[] = [];
  const table = (title: string, rows: StepCost[], unit: "us" | "ms") => {
    lines.push(title);
    const parts = rows.filter((r) => !r.whole && !r.background);
    const sum = parts.filter((r) => !r.step.startsWith("client:")).reduce((a, r) => a + r.us, 0);
    for (const r of rows) {
      const value = unit === "us" ? `${r.us.toFixed(1).padStart(8)} µs` : `${(r.us / 1000).toFixed(1).padStart(8)} ms`;
      const share = r.whole || r.background || r.step.startsWith("client:") ? "" : `${((r.us / sum) * 100).toFixed(0).padStart(4)} %`;
      lines.push(`  ${r.step.padEnd(62)} ${value} ${share}`);
    }
    const total = unit === "us" ? `${sum.toFixed(1).padStart(8)} µs` : `${(sum / 1000).toFixed(1).padStart(8)} ms`;
    lines.push(`  ${"sum of the server-side parts".padEnd(62)} ${total}`);
  };
  table(`One single check, in process (mean of ${b.singleIterations}):`, b.single, "us");
  lines.push("");
  table(`One ${b.batchSize.toLocaleString("en")}-subject batch, in process:`, b.batch, "ms");
  return lines.join("\n");
}

async function standalone(): Promise<void> {
  installSignalHandlers();
  const dir = mkdtempSync(join(tmpdir(), "donum-bench-breakdown-"));
  removeAtEnd(dir);
  try {
    const container = await createContainer(parseConfig({ DONUM_DATA_DIR: dir, DONUM_LOG_LEVEL: "error", DONUM_PUBLIC_URL: "http://127.0.0.1:3999" }));
    const { privateJwk } = readPrivateJwkFile(join(dir, "keys", "demo-node.private.jwk"));
    const signer = createRequestSigner({ nodeId: "demo-node", privateJwk, audience: container.config.publicUrl });
    const seeded = 2000;
    process.stdout.write(`seeding ${seeded} subjects…\n`);
    await seedSubjects(container, seeded);
    const b = await measureBreakdown(container, signer, { seeded, singleIterations: 2000, batchSize: 10_000, batchRuns: 3 });
    process.stdout.write(`${formatBreakdown(b)}\n`);
    await container.stores.close();
  } finally {
    await cleanup();
  }
}

if (require.main === module) {
  standalone().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    void cleanup().finally(() => process.exit(1));
  });
}
