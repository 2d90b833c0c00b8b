/**
 * Following a node's withdrawal feed: GET /api/v1/feed?after=&limit=, each page signed and
 * verified here before it is used. Store `nextCursor` only after acting on a page's items (stop
 * further use of the data of each withdrawn or opted-out `sub`), and poll again from it.
 */
import type { VerificationJwks } from "../crypto/jws";
import type { FeedClaims } from "../decisions/tokens";
import { callDonum, type DonumApiClient } from "./decisions";
import { verifyFeedPage, type VerifyError } from "./verify";

export interface FeedAnswer {
  /** Compact JWS, typ donum-feed+jwt. */
  token: string;
  page: FeedClaims;
}

export function feedPath(options: { after?: string | null; limit?: number } = {}): string {
  const query = new URLSearchParams();
  if (options.after !== undefined && options.after !== null) query.set("after", options.after);
  if (options.limit !== undefined) query.set("limit", String(options.limit));
  const q = query.toString();
  return `/api/v1/feed${q ? `?${q}` : ""}`;
}

/** One page, as sent (not verified). */
export function fetchFeedPage(client: DonumApiClient, options: { after?: string | null; limit?: number } = {}): Promise<FeedAnswer> {
  return callDonum<FeedAnswer>(client, "GET", feedPath(options), undefined);
}

export class FeedVerificationError extends Error {
  constructor(readonly error: VerifyError) {
    super(`feed page refused: ${error.code}: ${error.message}`);
    this.name = "FeedVerificationError";
  }
}

/**
 * Reads the feed from `after` until it is caught up (hasMore false), verifying every page
 * (signature, audience = this node, freshness, and that it answers the position asked for).
 * Yields each verified page; throws FeedVerificationError on a page that does not verify.
 */
export async function* followFeed(
  client: DonumApiClient,
  options: { after?: string | null; limit?: number; jwks: VerificationJwks; nodeId: string; issuer?: string; maxPages?: number },
): AsyncGenerator<FeedClaims> {
  let after = options.after ?? null;
  const maxPages = options.maxPages ?? 1000;
  for (let pages = 0; pages < maxPages; pages++) {
    const { token } = await fetchFeedPage(client, { after, ...(options.limit !== undefined ? { limit: options.limit } : {}) });
    const v = verifyFeedPage(token, options.jwks, { audience: options.nodeId, after, ...(options.issuer ? { issuer: options.issuer } : {}) });
    if (!v.ok) throw new FeedVerificationError(v.error);
    yield v.claims;
    after = v.claims.nextCursor ?? after;
    if (!v.claims.hasMore) return;
  }
}
