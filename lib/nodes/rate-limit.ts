/**
 * Per-node rate limit: a token bucket per node, in this process's memory.
 *
 * Each node's bucket holds up to `burst` tokens and refills at `ratePerSecond`. A request takes
 * `cost` tokens (1 for a single call; a batch route may charge more). A request that costs more
 * than the whole bucket is charged the whole bucket (it waits for a full one), so that a large but
 * allowed batch is slowed down, never made impossible. When the tokens are not there, the request
 * is refused with 429 RATE_LIMITED and Retry-After: the whole seconds until they will be.
 *
 * Scope: per process. On serverless (AWS Lambda) every concurrent instance has its own buckets,
 * so a node may get up to (instances × rate) in total; this limit protects one instance and
 * smooths a node's bursts. The GLOBAL limit is the WAF's rate-based rule that the serverless
 * deployment (infra/, still to come) puts in front of the API, which counts across all instances. Buckets are keyed by authenticated node id only
 * (the limit runs after authentication), so there are at most as many as registered nodes.
 *
 * Pure apart from the map: time is passed in, so tests are deterministic.
 */
export interface RateLimitSettings {
  /** Tokens added per second. */
  ratePerSecond: number;
  /** Bucket size: the largest burst. */
  burst: number;
}

export const DEFAULT_NODE_RATE_LIMIT: RateLimitSettings = { ratePerSecond: 200, burst: 400 };

export type RateDecision = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  readonly settings: RateLimitSettings;
  /** Takes `cost` tokens from `key`'s bucket at `nowMs`, or says how long to wait. */
  take(key: string, cost: number, nowMs: number): RateDecision;
}

interface Bucket {
  tokens: number;
  at: number;
}

export function createRateLimiter(settings: RateLimitSettings = DEFAULT_NODE_RATE_LIMIT): RateLimiter {
  const { ratePerSecond, burst } = settings;
  if (!(ratePerSecond > 0) || !Number.isFinite(ratePerSecond)) throw new RangeError("ratePerSecond must be a positive number");
  if (!(burst >= 1) || !Number.isFinite(burst)) throw new RangeError("burst must be at least 1");
  const buckets = new Map<string, Bucket>();
  return {
    settings: { ratePerSecond, burst },
    take(key, cost, nowMs) {
      const charge = Math.min(Math.max(Number.isFinite(cost) ? cost : 1, 1), burst);
      const bucket = buckets.get(key) ?? { tokens: burst, at: nowMs };
      // Refill for the time elapsed (a clock that went backwards adds nothing).
      const elapsed = Math.max(0, nowMs - bucket.at) / 1000;
      bucket.tokens = Math.min(burst, bucket.tokens + elapsed * ratePerSecond);
      bucket.at = Math.max(bucket.at, nowMs);
      buckets.set(key, bucket);
      if (bucket.tokens >= charge) {
        bucket.tokens -= charge;
        return { ok: true, remaining: Math.floor(bucket.tokens) };
      }
      const waitSeconds = (charge - bucket.tokens) / ratePerSecond;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitSeconds)) };
    },
  };
}
