/** Child process of bench/log.bench.ts: verifies one bundle (offline) and reports its peak RSS. Args: bundleDir jwksFile */
import { readFileSync } from "node:fs";
import { verifyBundle } from "../../lib/audit/export/verify";

async function main(): Promise<void> {
  const [dir, jwksFile] = process.argv.slice(2) as [string, string];
  const report = await verifyBundle(dir, { jwks: JSON.parse(readFileSync(jwksFile, "utf8")) as { keys: [] }, later: null });
  const failed = report.checks.filter((c) => !c.ok).map((c) => `${c.check}: ${c.detail}`);
  console.log(JSON.stringify({ ok: report.ok, failed, maxRssKB: process.resourceUsage().maxRSS }));
}

void main();
