/** The per-node token bucket, on a clock the test moves by hand. */
import { createRateLimiter, DEFAULT_NODE_RATE_LIMIT } from "../../lib/nodes/rate-limit";

const T = 1_780_000_000_000;

describe("token bucket per node", () => {
  it("allows the burst at once, then refuses with the whole seconds to wait", () => {
    const limiter = createRateLimiter({ ratePerSecond: 2, burst: 4 });
    for (let i = 0; i < 4; i++) expect(limiter.take("a", 1, T)).toEqual({ ok: true, remaining: 3 - i });
    expect(limiter.take("a", 1, T)).toEqual({ ok: false, retryAfterSeconds: 1 });
  });

  it("refills at the rate, never above the burst", () => {
    const limiter = createRateLimiter({ ratePerSecond: 2, burst: 4 });
    for (let i = 0; i < 4; i++) limiter.take("a", 1, T);
    expect(limiter.take("a", 1, T + 499).ok).toBe(false);
    expect(limiter.take("a", 1, T + 500)).toEqual({ ok: true, remaining: 0 });
    expect(limiter.take("a", 1, T + 500).ok).toBe(false);
    // An hour idle fills the bucket to the burst, not beyond.
    for (let i = 0; i < 4; i++) expect(limiter.take("a", 1, T + 3_600_000).ok).toBe(true);
    expect(limiter.take("a", 1, T + 3_600_000).ok).toBe(false);
  });

  it("keeps one bucket per node", () => {
    const limiter = createRateLimiter({ ratePerSecond: 1, burst: 1 });
    expect(limiter.take("a", 1, T).ok).toBe(true);
    expect(limiter.take("a", 1, T).ok).toBe(false);
    expect(limiter.take("b", 1, T).ok).toBe(true);
  });

  it("charges a costly request (a batch) more, and says how long until it fits", () => {
    const limiter = createRateLimiter({ ratePerSecond: 10, burst: 100 });
    expect(limiter.take("a", 70, T)).toEqual({ ok: true, remaining: 30 });
    // 30 left, 70 needed: 40 tokens at 10/s = 4 s.
    expect(limiter.take("a", 70, T)).toEqual({ ok: false, retryAfterSeconds: 4 });
    expect(limiter.take("a", 70, T + 3_999).ok).toBe(false);
    expect(limiter.take("a", 70, T + 4_000).ok).toBe(true);
  });

  it("rounds Retry-After up to whole seconds, at least 1", () => {
    const limiter = createRateLimiter({ ratePerSecond: 3, burst: 1 });
    limiter.take("a", 1, T);
    expect(limiter.take("a", 1, T)).toEqual({ ok: false, retryAfterSeconds: 1 });
    const slow = createRateLimiter({ ratePerSecond: 0.4, burst: 1 });
    slow.take("a", 1, T);
    expect(slow.take("a", 1, T)).toEqual({ ok: false, retryAfterSeconds: 3 });
  });

  it("charges a request costing more than the whole bucket the whole bucket: slowed down, never impossible", () => {
    const limiter = createRateLimiter({ ratePerSecond: 10, burst: 50 });
    expect(limiter.take("a", 10_000, T)).toEqual({ ok: true, remaining: 0 });
    expect(limiter.take("a", 10_000, T)).toEqual({ ok: false, retryAfterSeconds: 5 });
    expect(limiter.take("a", 10_000, T + 5_000).ok).toBe(true);
  });

  it("counts a cost below 1 (or not a number) as 1, and a clock that goes back adds nothing", () => {
    const limiter = createRateLimiter({ ratePerSecond: 1, burst: 2 });
    expect(limiter.take("a", 0, T)).toEqual({ ok: true, remaining: 1 });
    expect(limiter.take("a", Number.NaN, T)).toEqual({ ok: true, remaining: 0 });
    expect(limiter.take("a", 1, T - 10_000).ok).toBe(false);
    expect(limiter.take("a", 1, T + 999).ok).toBe(false);
    expect(limiter.take("a", 1, T + 1_000).ok).toBe(true);
  });

  it("has documented defaults and refuses nonsense settings", () => {
    expect(DEFAULT_NODE_RATE_LIMIT).toEqual({ ratePerSecond: 200, burst: 400 });
    expect(createRateLimiter().settings).toEqual(DEFAULT_NODE_RATE_LIMIT);
    expect(() => createRateLimiter({ ratePerSecond: 0, burst: 1 })).toThrow(RangeError);
    expect(() => createRateLimiter({ ratePerSecond: 1, burst: 0 })).toThrow(RangeError);
    expect(() => createRateLimiter({ ratePerSecond: Number.POSITIVE_INFINITY, burst: 1 })).toThrow(RangeError);
  });
});
