/**
 * Composition root: builds the adapters the configuration selects, once per process.
 * Route handlers and scripts get everything from here; nothing else wires adapters.
 */
import { getConfig, type Config } from "../config";
import { resolveSecrets } from "../config/secrets";
import type { Keyring } from "../crypto/keyring";
import { ensureSubjectPepper } from "../crypto/local-keys";
import { openKeyring } from "../crypto/open-keyring";
import type { Signer } from "../crypto/signer";
import { createSubjectKeyer, type SubjectKeyer } from "../identity/subject-key";
import { createNodeSubjectRefs, type NodeSubjectRefs } from "../identity/node-subject-ref";
import { createLogger, type Logger } from "../log";
import type { Stores } from "../store/ports";
import { createBlobStore, type BlobStore } from "../blob";
import { publishProxySettings } from "../http/front-door";
import { createSqliteStores } from "../store/sqlite";
import { defaultDeps, type UseCaseDeps } from "../usecases/deps";
import { ensureFirstForms } from "../usecases/forms";
import { FIRST_FORMS } from "../consent/forms";
import { ensureDemoNode } from "../nodes/demo";

export interface Container {
  config: Config;
  log: Logger;
  stores: Stores;
  /**
   * The signer in use now. Signing keys rotate while the process runs (ADR 0006): read this once
   * per signature (pass the object on), never `container.signer.kid` and `.sign` separately.
   */
  readonly signer: Signer;
  /** Signing keys: the current signer and the JWK Set to publish (current, next and previous keys). */
  keyring: Keyring;
  subjects: SubjectKeyer;
  /** Per-node subject references handed to imaging nodes instead of the subject key. */
  nodeRefs: NodeSubjectRefs;
  deps: UseCaseDeps;
  /** Where audit exports are written (files under the data directory, or S3). */
  blob: BlobStore;
}

async function openStores(config: Config): Promise<Stores> {
  if (config.store.kind === "sqlite") return createSqliteStores(config.store.file);
  const { createDynamoClient, createDynamoStores, ensureTable } = await import("../store/dynamodb");
  const client = createDynamoClient({ region: config.store.region, ...(config.store.endpoint ? { endpoint: config.store.endpoint } : {}) });
  if (config.store.createTable) await ensureTable(client, config.store.table);
  return createDynamoStores({ client, tableName: config.store.table });
}

export async function createContainer(givenConfig: Config, log: Logger = createLogger(givenConfig.logLevel)): Promise<Container> {
  // Production secrets (DONUM_SECRETS_ARN) are read once, here; everything below sees them in config.
  const config = await resolveSecrets(givenConfig);
  // ── Signing keys (ADR 0006): the local key file, re-read when rotated, or an AWS KMS key
  // (DONUM_SIGNER). No local signing key is generated when KMS signs.
  const keyring = await openKeyring(config.signer, config.keys.dir, log);
  const keys = ensureSubjectPepper(config.keys.dir, { pepperBase64: config.keys.pepperBase64 });
  if (keys.created) log.info("generated a new subject-key pepper", { dir: config.keys.dir });
  // ── end of signing keys
  const stores = await openStores(config);
  const deps = defaultDeps(stores);
  await ensureFirstForms(deps, FIRST_FORMS);
  // Node registry (lib/nodes/demo.ts): the demo node and its key file, embedded mode only.
  await ensureDemoNode(deps, { mode: config.mode, keysDir: config.keys.dir }, log);
  // Requests are served from here on (proxy.ts): before, the proxy answers NOT_READY.
  publishProxySettings({ originSecret: config.originSecret, development: config.env === "development", https: config.publicUrl.startsWith("https://") });
  return {
    config,
    log,
    stores,
    // Signing keys (ADR 0006): each read answers the keyring's current snapshot.
    get signer() {
      return keyring.signer();
    },
    keyring,
    subjects: createSubjectKeyer(keys.pepper),
    nodeRefs: createNodeSubjectRefs(keys.pepper),
    deps,
    blob: createBlobStore(config.blob),
  };
}

// One container per server process; kept on globalThis so that Next's module reloading in
// development does not open a second database handle.
const holder = globalThis as unknown as { __donumContainer?: Promise<Container> };

export function getContainer(): Promise<Container> {
  holder.__donumContainer ??= createContainer(getConfig()).catch((e: unknown) => {
    holder.__donumContainer = undefined;
    throw e;
  });
  return holder.__donumContainer;
}
