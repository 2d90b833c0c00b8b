/**
 * The node SDK: everything an imaging node needs to ask Donum and keep its answers as evidence.
 * No Next, no server code: Node 20+ with its global fetch and node:crypto.
 *
 *   import { DonumClient, readPrivateJwkFile } from "./lib/client";
 *
 *   const donum = new DonumClient({
 *     baseUrl: "http://localhost:3000",
 *     nodeId: "demo-node",
 *     privateJwk: readPrivateJwkFile("data/keys/demo-node.private.jwk").privateJwk,
 *   });
 *   const { decision, token } = await donum.check({ subject: { nationalId: "BE/BE/85073003328" }, request, permitReference: "P-2026-001" });
 *
 * See docs/node-api.md ("SDK and CLI").
 */
export {
  DonumClient,
  DonumVerifier,
  DonumVerificationError,
  type BatchCheckResult,
  type CheckResult,
  type DonumClientOptions,
  type DonumVerificationCode,
  type DonumVerifierOptions,
  type FeedPageResult,
  type FollowFeedOptions,
  type JwksSource,
  type VerifiedWith,
} from "./client";
export { DonumApiError, callDonum, checkDecision, checkDecisionBatch, fetchDonumJwks, type BatchAnswer, type DecisionAnswer, type DonumApiClient } from "./decisions";
export { feedPath, fetchFeedPage, followFeed as readFeedUntilCaughtUp, FeedVerificationError, type FeedAnswer } from "./feed";
export { NodeKeyFileError, readPrivateJwkFile, writePrivateJwkFile, type LoadedNodeKey } from "./node-key";
export { createRequestSigner, type RequestSigner, type RequestSignerOptions, type SignRequestInput } from "./request-signer";
export {
  batchLeafBytes,
  batchLeafHash,
  batchRequestHash,
  decisionRequestHash,
  DECISION_TTL_SECONDS,
  verifyBatchItem,
  verifyBatchItems,
  verifyBatchToken,
  verifyDecisionToken,
  verifyFeedPage,
  type BatchClaims,
  type BatchItem,
  type BatchLeaf,
  type DecisionClaims,
  type FeedCheckOptions,
  type FeedClaims,
  type FeedItem,
  type TokenCheckOptions,
  type Verified,
  type VerifiedBatch,
  type VerifiedBatchItem,
  type VerifyError,
  type VerifyErrorCode,
} from "./verify";
export type { SingleCheckRequestInput, BatchCheckRequestInput } from "../decisions/schemas";
export type { VerificationJwks } from "../crypto/jws";
