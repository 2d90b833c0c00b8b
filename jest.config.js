// Plain JS on purpose: a .ts config would need ts-node. next/jest supplies the SWC transform.
const nextJest = require("next/jest");

const createJestConfig = nextJest({ dir: __dirname });

/** Suites, each a Jest project. `npm test` runs them all; see docs/decisions/0003-test-strategy.md. */
const projects = [
  { displayName: "unit", testMatch: ["<rootDir>/tests/unit/**/*.test.ts"] },
  { displayName: "integration", testMatch: ["<rootDir>/tests/integration/**/*.test.ts"] },
  { displayName: "contract:sqlite", testMatch: ["<rootDir>/tests/contract/sqlite.test.ts"] },
  {
    displayName: "contract:dynamodb",
    testMatch: ["<rootDir>/tests/contract/dynamodb.test.ts"],
    globalSetup: "<rootDir>/tests/support/dynamodb-local.setup.js",
    globalTeardown: "<rootDir>/tests/support/dynamodb-local.teardown.js",
  },
  {
    displayName: "contract:blob",
    testMatch: ["<rootDir>/tests/contract/blob.test.ts"],
    globalSetup: "<rootDir>/tests/support/s3rver.setup.js",
    globalTeardown: "<rootDir>/tests/support/s3rver.teardown.js",
  },
  {
    displayName: "api",
    testMatch: ["<rootDir>/tests/api/**/*.test.ts"],
    globalSetup: "<rootDir>/tests/support/app-server.setup.js",
    globalTeardown: "<rootDir>/tests/support/app-server.teardown.js",
  },
  {
    displayName: "e2e",
    testMatch: ["<rootDir>/tests/e2e/**/*.e2e.test.ts"],
    globalSetup: "<rootDir>/tests/support/app-server.setup.js",
    globalTeardown: "<rootDir>/tests/support/app-server.teardown.js",
  },
  // The CDK app (infra/): synthesises the stacks and asserts on the templates. No AWS account.
  { displayName: "infra", testMatch: ["<rootDir>/infra/test/**/*.test.ts"] },
  // The built portal in production mode on DynamoDB Local, s3rver and the KMS / Secrets Manager stand-ins (issue 6).
  { displayName: "production", testMatch: ["<rootDir>/tests/production/**/*.test.ts"] },
];

module.exports = async () => {
  const base = await createJestConfig({ testEnvironment: "node" })();
  return {
    reporters: ["default", "<rootDir>/tests/support/no-skips-reporter.js"],
    projects: projects.map((p) => ({ ...base, ...p, rootDir: __dirname })),
  };
};
