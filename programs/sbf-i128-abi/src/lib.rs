//! 128-bit integer builtins for Solana programs built with the upstream LLVM 23 BPF backend.
//!
//! # Why this crate exists
//! The BPF backend of LLVM 23 has no 128-bit multiply or divide instruction, so it lowers
//! `mul`/`udiv`/`urem`/`sdiv`/`srem` on `i128` (and `u64::checked_mul`, which becomes
//! `umul.with.overflow.i64` and then a 128-bit multiply) to libcalls: `__multi3`,
//! `__udivti3`, `__umodti3`, `__divti3`, `__modti3` (and `__fix*dfti`/`__float*tidf` for
//! float conversions). It calls them with LLVM's *own* convention for `i128`:
//!
//! * each `i128` argument in two registers, low half first: `a` in r1:r2, `b` in r3:r4;
//! * an `i128` result in r0 (low half) and r2 (high half) (LLVM PR #190894, "bpf: Support
//!   aggregate returns").
//!
//! Rust's `compiler_builtins`, built by rustc for a BPF target, defines the same symbols
//! with rustc's BPF C ABI instead: `i128` arguments passed *by pointer* and the result
//! through a hidden *sret pointer*. The caller puts the low half of `a` in r1; the callee
//! takes r1 for a pointer: `Access violation writing 8 bytes ...` on the first 128-bit
//! multiply (Anchor's account `init` reaches one). `solana-compiler-builtins` 0.3 (Rust ABI:
//! `i128` by value but returned via sret) disagrees with LLVM 23.1.4 the same way.
//!
//! # The fix
//! The functions below are declared `extern "unadjusted"`: rustc then emits the LLVM
//! signature verbatim (`define i128 @__multi3(i128, i128)`), and LLVM's own lowering of that
//! signature is by construction the convention its libcalls use. `compiler_builtins`' copies
//! are weak symbols, so these strong definitions replace them at link time. The bodies use
//! only 64-bit operations (128-bit values are handled as `(lo, hi)` pairs), so they never
//! emit a libcall themselves (which would recurse).
//!
//! The arithmetic is exercised against native `u128`/`i128` on the host by `cargo test`.
#![no_std]
#![cfg_attr(target_arch = "bpf", feature(abi_unadjusted))]

/// Full 64 x 64 -> 128 bit product as `(lo, hi)`, from four 32 x 32 -> 64 bit products.
#[inline(always)]
pub fn mul64(a: u64, b: u64) -> (u64, u64) {
    const M: u64 = 0xffff_ffff;
    let (a0, a1, b0, b1) = (a & M, a >> 32, b & M, b >> 32);
    let p00 = a0 * b0;
    let p01 = a0 * b1;
    let p10 = a1 * b0;
    let p11 = a1 * b1;
    // middle column: at most 3 * (2^32 - 1), fits in 64 bits
    let mid = (p00 >> 32) + (p01 & M) + (p10 & M);
    let lo = (mid << 32) | (p00 & M);
    let hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
    (lo, hi)
}

/// Wrapping 128 x 128 -> 128 bit product of `(lo, hi)` pairs.
#[inline(always)]
pub fn mul128(a_lo: u64, a_hi: u64, b_lo: u64, b_hi: u64) -> (u64, u64) {
    let (lo, hi) = mul64(a_lo, b_lo);
    let hi = hi
        .wrapping_add(a_lo.wrapping_mul(b_hi))
        .wrapping_add(a_hi.wrapping_mul(b_lo));
    (lo, hi)
}

/// `(u1:u0) / v` for `u1 < v`: 64-bit quotient and remainder.
/// Hacker's Delight (2nd ed.) figure 9-3 `divlu`, with 32-bit digits on 64-bit words.
#[inline(always)]
fn divlu(u1: u64, u0: u64, v: u64) -> (u64, u64) {
    const B: u64 = 1 << 32;
    const M: u64 = B - 1;
    let s = v.leading_zeros();
    let v = v << s; // normalise: top bit set
    let (vn1, vn0) = (v >> 32, v & M);
    let un32 = if s == 0 {
        u1
    } else {
        (u1 << s) | (u0 >> (64 - s))
    };
    let un10 = u0 << s;
    let (un1, un0) = (un10 >> 32, un10 & M);

    let mut q1 = un32 / vn1;
    let mut rhat = un32 - q1 * vn1;
    while q1 >= B || q1 * vn0 > (rhat << 32) + un1 {
        q1 -= 1;
        rhat += vn1;
        if rhat >= B {
            break;
        }
    }
    // (un32:un1) - q1 * v, computed modulo 2^64: the true value is below v
    let un21 = (un32 << 32)
        .wrapping_add(un1)
        .wrapping_sub(q1.wrapping_mul(v));

    let mut q0 = un21 / vn1;
    let mut rhat = un21 - q0 * vn1;
    while q0 >= B || q0 * vn0 > (rhat << 32) + un0 {
        q0 -= 1;
        rhat += vn1;
        if rhat >= B {
            break;
        }
    }
    let r = (un21 << 32)
        .wrapping_add(un0)
        .wrapping_sub(q0.wrapping_mul(v))
        >> s;
    ((q1 << 32) | q0, r)
}

/// Unsigned 128-bit division: `((q_lo, q_hi), (r_lo, r_hi))`. A zero divisor gives
/// quotient 0 and remainder `n` (Rust checks for zero before dividing, so never reached).
#[inline(always)]
pub fn udivmod128(n_lo: u64, n_hi: u64, d_lo: u64, d_hi: u64) -> ((u64, u64), (u64, u64)) {
    if d_hi == 0 {
        if d_lo == 0 {
            return ((0, 0), (n_lo, n_hi));
        }
        if n_hi == 0 {
            return ((n_lo / d_lo, 0), (n_lo % d_lo, 0));
        }
        // high quotient digit by a native division, low digit by divlu (r1 < d_lo)
        let (q_hi, r1) = (n_hi / d_lo, n_hi % d_lo);
        let (q_lo, r) = divlu(r1, n_lo, d_lo);
        return ((q_lo, q_hi), (r, 0));
    }
    // d >= 2^64: the quotient fits in 64 bits.
    if n_hi < d_hi || (n_hi == d_hi && n_lo < d_lo) {
        return ((0, 0), (n_lo, n_hi));
    }
    // Hacker's Delight figure 9-5 (`udivdi3` scaled up): estimate the quotient from the top
    // 64 bits of the normalised divisor, it is exact or one too large; step back one, then
    // correct upwards once.
    let s = d_hi.leading_zeros();
    let v1 = if s == 0 {
        d_hi
    } else {
        (d_hi << s) | (d_lo >> (64 - s))
    };
    let (q1, _) = divlu(n_hi >> 1, (n_lo >> 1) | (n_hi << 63), v1); // n_hi >> 1 < 2^63 <= v1
    let mut q = (q1 >> (63 - s)).saturating_sub(1);
    let (p_lo, p_hi) = mul128(q, 0, d_lo, d_hi); // q * d <= n
    let (mut r_lo, borrow) = n_lo.overflowing_sub(p_lo);
    let mut r_hi = n_hi.wrapping_sub(p_hi).wrapping_sub(borrow as u64);
    if r_hi > d_hi || (r_hi == d_hi && r_lo >= d_lo) {
        q += 1;
        let (lo, borrow) = r_lo.overflowing_sub(d_lo);
        r_lo = lo;
        r_hi = r_hi.wrapping_sub(d_hi).wrapping_sub(borrow as u64);
    }
    ((q, 0), (r_lo, r_hi))
}

/// Two's complement negation of a `(lo, hi)` pair.
#[inline(always)]
pub fn neg128(lo: u64, hi: u64) -> (u64, u64) {
    let lo2 = (!lo).wrapping_add(1);
    (lo2, (!hi).wrapping_add((lo2 == 0) as u64))
}

#[inline(always)]
fn abs128(lo: u64, hi: u64) -> (u64, u64, bool) {
    if (hi as i64) < 0 {
        let (l, h) = neg128(lo, hi);
        (l, h, true)
    } else {
        (lo, hi, false)
    }
}

/// Signed 128-bit division, truncating; the remainder has the sign of the dividend.
#[inline(always)]
pub fn sdivmod128(n_lo: u64, n_hi: u64, d_lo: u64, d_hi: u64) -> ((u64, u64), (u64, u64)) {
    let (nl, nh, nneg) = abs128(n_lo, n_hi);
    let (dl, dh, dneg) = abs128(d_lo, d_hi);
    let ((ql, qh), (rl, rh)) = udivmod128(nl, nh, dl, dh);
    let q = if nneg != dneg {
        neg128(ql, qh)
    } else {
        (ql, qh)
    };
    let r = if nneg { neg128(rl, rh) } else { (rl, rh) };
    (q, r)
}

const F64_MANT_BITS: u32 = 52;
const F64_BIAS: u32 = 1023;

/// |f| truncated to a `(lo, hi)` integer, saturating at 2^limit - 1; `None` for NaN.
#[inline(always)]
fn f64_magnitude(bits: u64, limit: u32) -> Option<(u64, u64)> {
    let exp = ((bits >> F64_MANT_BITS) & 0x7ff) as u32;
    let frac = bits & ((1 << F64_MANT_BITS) - 1);
    if exp == 0x7ff && frac != 0 {
        return None;
    }
    if exp < F64_BIAS {
        return Some((0, 0)); // |f| < 1 (zero and subnormals included)
    }
    let e = exp - F64_BIAS; // |f| = m * 2^(e - 52), m has 53 bits
    if e >= limit {
        return Some(if limit == 128 {
            (u64::MAX, u64::MAX)
        } else {
            (u64::MAX, u64::MAX >> 1)
        });
    }
    let m = frac | (1 << F64_MANT_BITS);
    Some(if e < F64_MANT_BITS {
        (m >> (F64_MANT_BITS - e), 0)
    } else {
        let sh = e - F64_MANT_BITS; // 0..=75
        if sh == 0 {
            (m, 0)
        } else if sh < 64 {
            (m << sh, m >> (64 - sh))
        } else {
            (0, m << (sh - 64))
        }
    })
}

/// `f64 -> u128`, truncating; negative and NaN give 0, too large saturates.
#[inline(always)]
pub fn f64_to_u128(f: f64) -> (u64, u64) {
    let bits = f.to_bits();
    if bits >> 63 != 0 {
        return (0, 0);
    }
    f64_magnitude(bits, 128).unwrap_or((0, 0))
}

/// `f64 -> i128`, truncating; NaN gives 0, out of range saturates.
#[inline(always)]
pub fn f64_to_i128(f: f64) -> (u64, u64) {
    let bits = f.to_bits();
    let neg = bits >> 63 != 0;
    match f64_magnitude(bits, 127) {
        None => (0, 0),
        Some((lo, hi)) if neg => {
            if (lo, hi) == (u64::MAX, u64::MAX >> 1) {
                (0, 1 << 63) // i128::MIN
            } else {
                neg128(lo, hi)
            }
        }
        Some(m) => m,
    }
}

/// `u128 -> f64`, round to nearest even.
#[inline(always)]
pub fn u128_to_f64(lo: u64, hi: u64) -> f64 {
    if hi == 0 {
        return lo as f64; // __floatundidf: 64-bit, one register each way, no ABI issue
    }
    // Shift right by s so the value fits 64 bits (top bit at 63), fold the dropped bits into a
    // sticky bit 0: the u64 -> f64 conversion then rounds exactly as a direct one would.
    let s = 64 - hi.leading_zeros(); // 1..=64
    let (m, dropped) = if s == 64 {
        (hi, lo)
    } else {
        ((hi << (64 - s)) | (lo >> s), lo << (64 - s))
    };
    let f = (m | (dropped != 0) as u64) as f64;
    // exact scaling by 2^s: add s to the exponent field (f is normal and < 2^65)
    f64::from_bits(f.to_bits() + ((s as u64) << F64_MANT_BITS))
}

/// `i128 -> f64`, round to nearest even.
#[inline(always)]
pub fn i128_to_f64(lo: u64, hi: u64) -> f64 {
    let (l, h, neg) = abs128(lo, hi);
    let f = u128_to_f64(l, h);
    if neg { -f } else { f }
}

/// The exported symbols, BPF only. `extern "unadjusted"` = LLVM's native i128 convention.
#[cfg(target_arch = "bpf")]
mod exports {
    use super::*;

    #[inline(always)]
    fn split(x: u128) -> (u64, u64) {
        (x as u64, (x >> 64) as u64)
    }
    #[inline(always)]
    fn join((lo, hi): (u64, u64)) -> u128 {
        ((hi as u128) << 64) | lo as u128
    }

    #[unsafe(no_mangle)]
    pub extern "unadjusted" fn __multi3(a: i128, b: i128) -> i128 {
        let ((al, ah), (bl, bh)) = (split(a as u128), split(b as u128));
        join(mul128(al, ah, bl, bh)) as i128
    }
    #[unsafe(no_mangle)]
    pub extern "unadjusted" fn __udivti3(n: u128, d: u128) -> u128 {
        let ((nl, nh), (dl, dh)) = (split(n), split(d));
        join(udivmod128(nl, nh, dl, dh).0)
    }
    #[unsafe(no_mangle)]
    pub extern "unadjusted" fn __umodti3(n: u128, d: u128) -> u128 {
        let ((nl, nh), (dl, dh)) = (split(n), split(d));
        join(udivmod128(nl, nh, dl, dh).1)
    }
    #[unsafe(no_mangle)]
    pub extern "unadjusted" fn __divti3(n: i128, d: i128) -> i128 {
        let ((nl, nh), (dl, dh)) = (split(n as u128), split(d as u128));
        join(sdivmod128(nl, nh, dl, dh).0) as i128
    }
    #[unsafe(no_mangle)]
    pub extern "unadjusted" fn __modti3(n: i128, d: i128) -> i128 {
        let ((nl, nh), (dl, dh)) = (split(n as u128), split(d as u128));
        join(sdivmod128(nl, nh, dl, dh).1) as i128
    }
    #[unsafe(no_mangle)]
    pub extern "unadjusted" fn __fixunsdfti(f: f64) -> u128 {
        join(f64_to_u128(f))
    }
    #[unsafe(no_mangle)]
    pub extern "unadjusted" fn __fixdfti(f: f64) -> i128 {
        join(f64_to_i128(f)) as i128
    }
    #[unsafe(no_mangle)]
    pub extern "unadjusted" fn __floatuntidf(a: u128) -> f64 {
        let (lo, hi) = split(a);
        u128_to_f64(lo, hi)
    }
    #[unsafe(no_mangle)]
    pub extern "unadjusted" fn __floattidf(a: i128) -> f64 {
        let (lo, hi) = split(a as u128);
        i128_to_f64(lo, hi)
    }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;

    fn split(x: u128) -> (u64, u64) {
        (x as u64, (x >> 64) as u64)
    }
    fn join((lo, hi): (u64, u64)) -> u128 {
        ((hi as u128) << 64) | lo as u128
    }

    /// xorshift-based values biased towards edge cases (0, 1, powers of two, all ones...).
    struct Gen(u64);
    impl Gen {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn u128(&mut self) -> u128 {
            let r = self.next();
            let shape = r % 8;
            let bits = (self.next() % 129) as u32;
            let v = ((self.next() as u128) << 64) | self.next() as u128;
            match shape {
                0 => v,
                1 => {
                    if bits == 128 {
                        v
                    } else {
                        v & ((1u128 << bits) - 1)
                    }
                }
                2 => {
                    if bits >= 128 {
                        0
                    } else {
                        1u128 << bits
                    }
                }
                3 => (if bits >= 128 { 0 } else { 1u128 << bits }).wrapping_sub(1),
                4 => (self.next() % 16) as u128,
                5 => u128::MAX - (self.next() % 4) as u128,
                6 => (self.next() as u128) << 64 | (self.next() % 3) as u128,
                _ => v >> (self.next() % 128),
            }
        }
    }

    #[test]
    fn against_native() {
        let mut g = Gen(0x9E37_79B9_7F4A_7C15);
        for _ in 0..2_000_000 {
            let (a, b) = (g.u128(), g.u128());
            let (al, ah) = split(a);
            let (bl, bh) = split(b);
            assert_eq!(join(mul128(al, ah, bl, bh)), a.wrapping_mul(b), "{a} * {b}");
            let (x, y) = (al, bl);
            assert_eq!(join(mul64(x, y)), x as u128 * y as u128);
            if let (Some(q0), Some(r0)) = (a.checked_div(b), a.checked_rem(b)) {
                let (q, r) = udivmod128(al, ah, bl, bh);
                assert_eq!((join(q), join(r)), (q0, r0), "{a} / {b}");
                let (sa, sb) = (a as i128, b as i128);
                if !(sa == i128::MIN && sb == -1) {
                    let (q, r) = sdivmod128(al, ah, bl, bh);
                    assert_eq!(
                        (join(q) as i128, join(r) as i128),
                        (sa / sb, sa % sb),
                        "{sa} / {sb}"
                    );
                }
            }
            assert_eq!(u128_to_f64(al, ah), a as f64, "{a} as f64");
            assert_eq!(
                i128_to_f64(al, ah),
                a as i128 as f64,
                "{} as f64",
                a as i128
            );
            let f = f64::from_bits(g.next());
            if !f.is_nan() {
                assert_eq!(join(f64_to_u128(f)), f as u128, "{f} as u128");
                assert_eq!(join(f64_to_i128(f)) as i128, f as i128, "{f} as i128");
            }
            let f = a as f64
                * if g.next().is_multiple_of(2) {
                    1.0
                } else {
                    -0.75
                };
            assert_eq!(join(f64_to_u128(f)), f as u128, "{f} as u128");
            assert_eq!(join(f64_to_i128(f)) as i128, f as i128, "{f} as i128");
        }
        for f in [
            0.0,
            -0.0,
            0.5,
            1.0,
            -1.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            1e38,
            -1e38,
            1.7e38,
            -1.7e38,
            3.5e38,
        ] {
            assert_eq!(join(f64_to_u128(f)), f as u128, "{f} as u128");
            assert_eq!(join(f64_to_i128(f)) as i128, f as i128, "{f} as i128");
        }
    }
}
