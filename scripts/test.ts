/**
 * `npm test`: build the app (the API suite runs against `next start`), then every Jest project.
 * Extra arguments go to Jest, e.g. `npm test -- --selectProjects unit`.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { buildIfStale } from "./build-if-stale";

const args = process.argv.slice(2);
const started = Date.now();
buildIfStale();
const jest = spawnSync(process.execPath, [join(__dirname, "../node_modules/jest/bin/jest.js"), "--ci", ...args], {
  stdio: "inherit",
  env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", NEXT_TELEMETRY_DISABLED: "1" },
});
process.stdout.write(`npm test took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
process.exit(jest.status ?? 1);
