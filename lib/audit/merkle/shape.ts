/**
 * Tree-shape arithmetic shared by proof generation and verification: which subtrees make up an
 * inclusion proof (RFC 9162 §2.1.3.1) or a consistency proof (§2.1.4.1), without hashing.
 *
 * Sizes and indices are JavaScript numbers, valid up to Number.MAX_SAFE_INTEGER (2^53 - 1).
 * Bitwise operators are avoided on purpose: they truncate to 32 bits, and a log (or a crafted
 * proof claiming a tree size) can exceed 2^32 entries.
 */

/** A tree size or leaf index: a non-negative safe integer. */
export function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

/** LSB(x) of RFC 9162 §2.1.3.2: whether the least significant bit is set. */
export function lsb(x: number): boolean {
  return x % 2 === 1;
}

/** x >> 1 without 32-bit truncation. */
export function half(x: number): number {
  return Math.floor(x / 2);
}

export function isPowerOfTwo(x: number): boolean {
  if (x < 1) return false;
  while (x > 1) {
    if (lsb(x)) return false;
    x = half(x);
  }
  return true;
}

/** Number of set bits: the number of perfect subtrees in a compact range [0, x). */
export function popCount(x: number): number {
  let count = 0;
  while (x > 0) {
    if (lsb(x)) count++;
    x = half(x);
  }
  return count;
}

/** The k of RFC 9162 §2.1.1: the largest power of two smaller than n (n >= 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** A half-open range of leaves [lo, hi) whose subtree root is one proof element. */
export type LeafRange = readonly [lo: number, hi: number];

/**
 * The subtrees whose roots form PATH(index, D[0:size]) (RFC 9162 §2.1.3.1), in proof order:
 * the sibling nearest the leaf first. PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n]) when m < k,
 * and PATH(m - k, D[k:n]) : MTH(D[0:k]) otherwise; walking down from the root collects the
 * siblings top-down, so the list is reversed at the end. Requires 0 <= index < size.
 */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  const ranges: LeafRange[] = [];
  let lo = 0;
  let hi = size;
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo);
    if (index < lo + k) {
      ranges.push([lo + k, hi]);
      hi = lo + k;
    } else {
      ranges.push([lo, lo + k]);
      lo += k;
    }
  }
  return ranges.reverse();
}

/**
 * The subtrees whose roots form PROOF(m, D[0:n]) = SUBPROOF(m, D[n], true) (RFC 9162 §2.1.4.1),
 * in proof order. SUBPROOF(m, D[m], true) = {}; SUBPROOF(m, D[m], false) = {MTH(D[m])};
 * for m < n: SUBPROOF(m, D[0:k], b) : MTH(D[k:n]) when m <= k, else
 * SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k]). The proof from an empty tree, or between equal
 * sizes, is empty. Requires 0 <= m <= n.
 */
export function consistencyRanges(m: number, n: number): LeafRange[] {
  if (m === 0 || m === n) return [];
  const ranges: LeafRange[] = [];
  let lo = 0;
  let hi = n;
  let b = true; // whether the subtree for m is the one the client already holds the root of
  for (;;) {
    if (lo + m === hi) {
      if (!b) ranges.push([lo, hi]);
      break;
    }
    const k = splitPoint(hi - lo);
    if (m <= k) {
      ranges.push([lo + k, hi]);
      hi = lo + k;
    } else {
      ranges.push([lo, lo + k]);
      lo += k;
      m -= k;
      b = false;
    }
  }
  return ranges.reverse();
}
