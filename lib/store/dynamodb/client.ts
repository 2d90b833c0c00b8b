/**
 * Building the DynamoDB client. Configuration comes from the caller (lib/config reads the
 * environment, nothing here does). Without explicit credentials the SDK's default chain is used
 * (the Lambda role in AWS); DynamoDB Local accepts any credentials, so local callers pass dummies.
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

export interface DynamoClientOptions {
  region: string;
  /** E.g. http://127.0.0.1:8000 for DynamoDB Local; omit for AWS. */
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** SDK-level attempts per call (network errors, throttling). Default 3. */
  maxAttempts?: number;
}

export function createDynamoClient(options: DynamoClientOptions): DynamoDBClient {
  return new DynamoDBClient({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    maxAttempts: options.maxAttempts ?? 3,
  });
}

/** The document client over a caller-owned client: plain JS values in and out. */
export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    // We only ever write strings, numbers and JSON text; anything else is a bug to surface, not to drop.
    marshallOptions: { removeUndefinedValues: false, convertEmptyValues: false },
  });
}
