/**
 * The demo node of the embedded default: on first start, node "demo-node" is registered with an
 * ES256 key pair whose private key is written to <dataDir>/keys/demo-node.private.jwk (mode
 * 0600), so that a new user can call the node API at once (`npm run donum -- check …`).
 *
 * Never in production mode. Idempotent across restarts, and safe when several processes start
 * together: the key file is created atomically and never replaced (lib/client/node-key.ts), and
 * of two registrations one wins and the other's NODE_EXISTS is the goal reached.
 */
import { join } from "node:path";
import { readPrivateJwkFile, writePrivateJwkFile } from "../client/node-key";
import { AppError, hasErrorCode } from "../errors";
import type { Logger } from "../log";
import type { UseCaseDeps } from "../usecases/deps";
import { generateNodeKey, isKeyAccepted, nodeKeyThumbprint, publicJwkOf } from "./keys";
import { registerNode } from "./registry";

export const DEMO_NODE_ID = "demo-node";
export const DEMO_NODE = { id: DEMO_NODE_ID, organisation: "Demo Imaging Node (development)", country: "BE", organisationType: "public" } as const;
export const DEMO_NODE_KEY_FILE = `${DEMO_NODE_ID}.private.jwk`;

export function demoNodeKeyPath(keysDir: string): string {
  return join(keysDir, DEMO_NODE_KEY_FILE);
}

export type DemoNodeOutcome = "skipped-production" | "created" | "exists" | "exists-key-missing" | "exists-other-key";

export async function ensureDemoNode(
  deps: UseCaseDeps,
  options: { mode: "embedded" | "production"; keysDir: string },
  log?: Logger,
): Promise<DemoNodeOutcome> {
  if (options.mode !== "embedded") return "skipped-production";
  const file = demoNodeKeyPath(options.keysDir);
  const existing = await deps.stores.nodes.get(DEMO_NODE_ID);
  if (existing) {
    const now = deps.now();
    return checkExisting(existing.keys.filter((k) => isKeyAccepted(k, now)).map((k) => nodeKeyThumbprint(k.jwk)), file, log);
  }

  // Created once; a second process starting now reads the same key.
  writePrivateJwkFile(file, generateNodeKey("ES256").privateJwk);
  const { privateJwk } = readPrivateJwkFile(file);
  try {
    await registerNode(deps, { kind: "system", component: "first-start" }, { ...DEMO_NODE, publicJwk: publicJwkOf(privateJwk) });
  } catch (e) {
    if (hasErrorCode(e, "NODE_EXISTS")) return "exists";
    throw e;
  }
  log?.info("registered the demo node", { node: DEMO_NODE_ID, keyFile: file });
  return "created";
}

function checkExisting(thumbprints: string[], file: string, log?: Logger): DemoNodeOutcome {
  let privateJwk;
  try {
    privateJwk = readPrivateJwkFile(file).privateJwk;
  } catch {
    log?.warn("the demo node is registered but its private key file is missing or unreadable; rotate its key to use it", { node: DEMO_NODE_ID, keyFile: file });
    return "exists-key-missing";
  }
  if (!thumbprints.includes(nodeKeyThumbprint(publicJwkOf(privateJwk)))) {
    log?.warn("the demo node's key file does not hold an active key of the demo node; rotate its key to use it", { node: DEMO_NODE_ID, keyFile: file });
    return "exists-other-key";
  }
  return "exists";
}
