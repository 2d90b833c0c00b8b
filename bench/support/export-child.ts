/** Child process of bench/log.bench.ts: writes one export bundle and reports its peak RSS. Args: db outDir keyPem from to */
import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeBundle } from "../../lib/audit/export/exporter";
import { createLocalSigner, parseSigningKeyPem } from "../../lib/crypto/local-keys";
import { createSqliteStores } from "../../lib/store/sqlite";

async function main(): Promise<void> {
  const [db, outDir, keyFile, from, to] = process.argv.slice(2) as [string, string, string, string, string];
  const signer = createLocalSigner(parseSigningKeyPem(readFileSync(keyFile, "utf8"), "bench"));
  const stores = createSqliteStores(db);
  const manifest = await writeBundle(
    { stores, signer: () => signer, origin: "https://donum.bench" },
    { exportId: randomUUID(), period: { from: new Date(from), to: new Date(to) }, filters: {}, requestedBy: "bench" },
    outDir,
  );
  writeFileSync(join(outDir, "..", "jwks.json"), JSON.stringify({ keys: [signer.publicJwk] }));
  await stores.close();
  console.log(JSON.stringify({ entries: manifest.counts.entries, maxRssKB: process.resourceUsage().maxRSS }));
}

void main();
