/** What /api/health reports: can the store be reached, and which signing key is in use. */
import type { Container } from "./server/container";

export interface Health {
  status: "ok" | "unavailable";
  store: { kind: string; ok: boolean; latencyMs: number };
  keys: { signing: { kid: string; alg: string }; subjectPepper: "loaded" };
  auditLogSize: number | null;
  time: string;
}

export async function checkHealth(c: Container): Promise<Health> {
  const started = performance.now();
  let ok = true;
  let auditLogSize: number | null = null;
  try {
    await c.stores.ping();
    auditLogSize = await c.stores.audit.size();
  } catch (error) {
    ok = false;
    c.log.warn("health: store ping failed", { error: error instanceof Error ? error : String(error) });
  }
  return {
    status: ok ? "ok" : "unavailable",
    store: { kind: c.stores.kind, ok, latencyMs: Math.round((performance.now() - started) * 100) / 100 },
    keys: { signing: { kid: c.signer.kid, alg: c.signer.alg }, subjectPepper: "loaded" },
    auditLogSize,
    time: new Date().toISOString(),
  };
}
