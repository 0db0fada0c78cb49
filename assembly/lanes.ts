// SHA-256 word operations written once for two lane widths: T = u32 (one nonce at a time, the scalar
// build) and T = v128 (four nonces side by side, the SIMD build). The isVector<T>() checks are resolved
// at compile time, so each instantiation contains only its own instructions.

@inline export function splat<T>(x: u32): T {
  if (isVector<T>()) return i32x4.splat(x) as T;
  return x as T;
}

/** Reads one u32 of per-job data and broadcasts it to every lane. */
@inline export function loadSplat<T>(ptr: usize): T {
  if (isVector<T>()) return v128.load32_splat(ptr) as T;
  return load<u32>(ptr) as T;
}

@inline export function add<T>(a: T, b: T): T {
  if (isVector<T>()) return i32x4.add(a as v128, b as v128) as T;
  return ((a as u32) + (b as u32)) as T;
}

@inline export function xor<T>(a: T, b: T): T {
  if (isVector<T>()) return v128.xor(a as v128, b as v128) as T;
  return ((a as u32) ^ (b as u32)) as T;
}

@inline export function shr<T>(a: T, n: i32): T {
  if (isVector<T>()) return i32x4.shr_u(a as v128, n) as T;
  return ((a as u32) >>> n) as T;
}

@inline export function shl<T>(a: T, n: i32): T {
  if (isVector<T>()) return i32x4.shl(a as v128, n) as T;
  return ((a as u32) << n) as T;
}

// There is no lane rotate in wasm SIMD; the two shifted halves never overlap, so xor-ing the six
// shifts of a Σ together is the same as or-ing each rotate and xor-ing the three.
@inline export function bigSigma0<T>(a: T): T {
  return xor<T>(
    xor<T>(xor<T>(shr<T>(a, 2), shl<T>(a, 30)), xor<T>(shr<T>(a, 13), shl<T>(a, 19))),
    xor<T>(shr<T>(a, 22), shl<T>(a, 10)),
  );
}

@inline export function bigSigma1<T>(e: T): T {
  return xor<T>(
    xor<T>(xor<T>(shr<T>(e, 6), shl<T>(e, 26)), xor<T>(shr<T>(e, 11), shl<T>(e, 21))),
    xor<T>(shr<T>(e, 25), shl<T>(e, 7)),
  );
}

@inline export function smallSigma0<T>(w: T): T {
  return xor<T>(
    xor<T>(xor<T>(shr<T>(w, 7), shl<T>(w, 25)), xor<T>(shr<T>(w, 18), shl<T>(w, 14))),
    shr<T>(w, 3),
  );
}

@inline export function smallSigma1<T>(w: T): T {
  return xor<T>(
    xor<T>(xor<T>(shr<T>(w, 17), shl<T>(w, 15)), xor<T>(shr<T>(w, 19), shl<T>(w, 13))),
    shr<T>(w, 10),
  );
}

/** Ch(e, f, g): f where e is set, else g. One bitselect in SIMD. */
@inline export function choose<T>(e: T, f: T, g: T): T {
  if (isVector<T>()) return v128.bitselect(f as v128, g as v128, e as v128) as T;
  return ((((f as u32) ^ (g as u32)) & (e as u32)) ^ (g as u32)) as T;
}

/** Maj(a, b, c): where a and c agree that is the majority, elsewhere b decides. */
@inline export function majority<T>(a: T, b: T, c: T): T {
  if (isVector<T>()) return v128.bitselect(b as v128, a as v128, v128.xor(a as v128, c as v128)) as T;
  return (((a as u32) & (b as u32)) | ((c as u32) & ((a as u32) | (b as u32)))) as T;
}

/**
 * Maj(a, b, c) given ab = a ^ b and bc = b ^ c: b ^ (ab & bc). Where a and b agree (ab clear) that is b;
 * elsewhere c decides, and where b and c differ (bc set) c = ~b. The unrolled rounds pass the previous
 * round's a ^ b as bc, so Maj costs an xor, an and and an xor.
 */
@inline export function majorityAfter<T>(b: T, ab: T, bc: T): T {
  if (isVector<T>()) return v128.xor(b as v128, v128.and(ab as v128, bc as v128)) as T;
  return ((b as u32) ^ ((ab as u32) & (bc as u32))) as T;
}

/** Byte-swaps each 32-bit lane (big-endian message words <-> little-endian integers). */
@inline export function byteSwap<T>(a: T): T {
  if (isVector<T>()) return i8x16.shuffle(a as v128, a as v128, 3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12) as T;
  return bswap<u32>(a as u32) as T;
}

/** The nonces of one group: start, start+1, ... one per lane. */
@inline export function laneNonces<T>(start: u32): T {
  if (isVector<T>()) return i32x4.add(i32x4.splat(start), v128(0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0)) as T;
  return start as T;
}

/** True when some lane's value is <= limit (unsigned). */
@inline export function anyAtMost<T>(a: T, limit: u32): bool {
  if (isVector<T>()) return v128.any_true(i32x4.le_u(a as v128, i32x4.splat(limit)));
  return (a as u32) <= limit;
}

@inline export function lanesOf<T>(): u32 {
  return isVector<T>() ? 4 : 1;
}
