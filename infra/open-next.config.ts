/**
 * OpenNext build configuration (`npx open-next build --config-path infra/open-next.config.ts`;
 * `npm run deploy` runs it). Output: .open-next/ at the repository root, read by infra/lib.
 *
 * - The server function answers a Lambda function URL in streaming mode (batch answers and the
 *   node feed can be large; a buffered function URL response is capped at 6 MB).
 * - No incremental or tag cache: every page and route of Donum is dynamic (personal data,
 *   signatures with the current time), so there is nothing to keep in an S3 cache or a DynamoDB
 *   tag table, and no revalidation queue.
 * - Image optimisation is not used (no next/image); OpenNext still bundles the function, the
 *   stack does not deploy it.
 */
import type { OpenNextConfig } from "@opennextjs/aws/types/open-next.js";

const config = {
  default: {
    override: {
      wrapper: "aws-lambda-streaming",
      converter: "aws-apigw-v2",
      queue: "dummy",
      incrementalCache: "dummy",
      tagCache: "dummy",
    },
  },
  dangerous: {
    disableIncrementalCache: true,
    disableTagCache: true,
  },
  buildCommand: "npx next build",
} satisfies OpenNextConfig;

export default config;
