/**
 * GET /api/v1/log/checkpoint: the audit log's latest signed checkpoint (ADR 0007), public.
 * { checkpoint: <compact JWS, typ donum-checkpoint+jwt>, treeSize, rootHash, timestamp }.
 * Integrates entries numbered since the last checkpoint first, so the answer is current.
 * Hashes only: no entry, no personal data.
 */
import { latestCheckpoint } from "../../../../../lib/audit/log/runtime";
import { publicGet } from "../../../../../lib/http/public-route";

export const GET = publicGet((container) => latestCheckpoint(container));
