/**
 * The CDK app (infra/cdk.json): `npm run deploy` / `npm run destroy` run it from infra/.
 * Settings are CDK context values (`-c name=value`, or the "context" of infra/cdk.json); see
 * docs/deploy.md for each. Paths are resolved from the repository root.
 */
import { App } from "aws-cdk-lib";
import { resolve } from "node:path";
import { settingsFromContext } from "../lib/settings";
import { createDonumApp } from "../lib/app";

const root = resolve(__dirname, "../..");
const app = new App();
createDonumApp(app, settingsFromContext((key) => app.node.tryGetContext(key), root, process.env));
app.synth();
