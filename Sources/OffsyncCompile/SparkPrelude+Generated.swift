/// The three bodies of the Spark prelude that are spelled out rather than written by hand:
/// each is long and regular, and Spark SQL cannot loop over it.
extension SparkPrelude {
    static let twoTo32: UInt64 = 1 << 32

    /// The hash's constants: for the length, each 8-byte word, the tail and the finish.
    static let (kLength, kWord, kTail, kFinish): (UInt64, UInt64, UInt64, UInt64) =
        (0xA076_1D64_78BD_642F, 0xE703_7ED1_A0B4_28DB, 0x8EBC_6AF0_9C88_C6E3, 0x5899_65CC_7537_4CC3)

    /// A constant's four 16-bit limbs, lowest first.
    static func limbs(_ k: UInt64) -> [UInt64] { (0..<4).map { (k >> (16 * UInt64($0))) & 0xFFFF } }

    /// (h, l): the 32-bit halves of the high and low 64 bits of a × k, xored. `a` is given by
    /// its 32-bit halves, `k` by four 16-bit limb expressions: every product of a half and a
    /// limb is under 2^48, so BIGINT never overflows (Spark's ANSI mode would fail the query).
    /// Let-bindings are lambdas over one-element arrays; the lambdas hold built-ins only.
    static func mum(high: String, low: String, k: [String], tag: String) -> String {
        let (a, p, t, m, q, r) = ("a\(tag)", "p\(tag)", "t\(tag)", "m\(tag)", "q\(tag)", "r\(tag)")
        let m32 = twoTo32
        return """
            transform(array(named_struct('ah', \(high), 'al', \(low))), \(a) ->
              transform(array(named_struct(
                  'll0', \(a).al * \(k[0]), 'll1', \(a).al * \(k[1]), 'lh0', \(a).al * \(k[2]), 'lh1', \(a).al * \(k[3]),
                  'hl0', \(a).ah * \(k[0]), 'hl1', \(a).ah * \(k[1]), 'hh0', \(a).ah * \(k[2]), 'hh1', \(a).ah * \(k[3]))), \(p) ->
              transform(array(named_struct(
                  'll', \(p).ll0 + (\(p).ll1 % 65536) * 65536, 'llc', \(p).ll1 div 65536,
                  'lh', \(p).lh0 + (\(p).lh1 % 65536) * 65536, 'lhc', \(p).lh1 div 65536,
                  'hl', \(p).hl0 + (\(p).hl1 % 65536) * 65536, 'hlc', \(p).hl1 div 65536,
                  'hh', \(p).hh0 + (\(p).hh1 % 65536) * 65536, 'hhc', \(p).hh1 div 65536)), \(t) ->
              transform(array(named_struct(
                  'llL', \(t).ll % \(m32), 'llH', \(t).ll div \(m32) + \(t).llc,
                  'lhL', \(t).lh % \(m32), 'lhH', \(t).lh div \(m32) + \(t).lhc,
                  'hlL', \(t).hl % \(m32), 'hlH', \(t).hl div \(m32) + \(t).hlc,
                  'hhL', \(t).hh % \(m32), 'hhH', \(t).hh div \(m32) + \(t).hhc)), \(m) ->
              transform(array(named_struct('mid', \(m).llH + \(m).lhL + \(m).hlL,
                                           'hlr', \(m).hhL + \(m).lhH + \(m).hlH)), \(q) ->
              transform(array(named_struct('hlr', \(q).hlr + \(q).mid div \(m32))), \(r) ->
                  named_struct('h', ((\(m).hhH + \(r).hlr div \(m32)) % \(m32)) ^ (\(q).mid % \(m32)),
                               'l', (\(r).hlr % \(m32)) ^ \(m).llL)
              )[0])[0])[0])[0])[0])[0]
            """
    }

    /// A little-endian 32-bit word of the hex text `x` from byte `first` (0-based).
    static func word32(_ x: String, from first: Int) -> String {
        let parts = [3, 2, 1, 0].map { "substr(\(x), \(2 * (first + $0) + 1), 2)" }.joined(separator: " || ")
        return "CAST(conv(\(parts), 16, 10) AS BIGINT)"
    }

    /// os_hash_hex's body: a fold over step 0 (the length), steps 1…words (8-byte words), the
    /// zero-padded tail if any, and the finish; `h` is the upper-case hex of the bytes.
    static func hashHex() -> String {
        let words = "(length(h) div 16)"
        let tail = "(length(h) % 16 <> 0)"
        let word = "rpad(substr(h, (i - 1) * 16 + 1, 16), 16, '0')"
        let ks = (0..<4).map { j in
            "'k\(j)', (CASE WHEN i <= \(words) THEN \(limbs(kWord)[j]) WHEN i = \(words) + 1 AND \(tail) THEN \(limbs(kTail)[j]) ELSE \(limbs(kFinish)[j]) END)"
        }
        let step = """
            named_struct(
                    'wh', CASE WHEN i = 0 THEN \(kLength >> 32) WHEN i <= \(words) OR (i = \(words) + 1 AND \(tail)) THEN \(word32(word, from: 4)) ELSE 0 END,
                    'wl', CASE WHEN i = 0 THEN (length(h) div 2) ^ \(kLength & 0xFFFF_FFFF) WHEN i <= \(words) OR (i = \(words) + 1 AND \(tail)) THEN \(word32(word, from: 0)) ELSE 0 END,
                    \(ks.joined(separator: ", ")))
            """
        let body = mum(high: "s.h ^ st.wh", low: "s.l ^ st.wl", k: ["st.k0", "st.k1", "st.k2", "st.k3"], tag: "_m")
        return """
            aggregate(sequence(0, \(words) + CASE WHEN \(tail) THEN 2 ELSE 1 END),
                named_struct('h', CAST(0 AS BIGINT), 'l', CAST(0 AS BIGINT)),
                (s, i) -> transform(array(\(step)), st ->
            \(body)
                )[0],
                s -> CAST(s.h AS DECIMAL(20, 0)) * \(twoTo32) + s.l)
            """
    }

    /// Whole seconds plus `digits` fraction digits of `p`, the k-th times the k-th scale (0.1,
    /// then each a tenth of the one before, in floating point, as offsync adds them), as one
    /// flat sum: Spark's parser refuses 323 nested parentheses.
    static func fraction(digits: Int) -> String {
        var expression = "whole"
        var scale = 0.1
        for j in 1...digits {
            // A Double's description reads back as the same Double.
            expression += "\n    + (ascii(substr(p, \(j), 1)) - 48) * CAST('\(scale)' AS DOUBLE)"
            scale /= 10
        }
        return expression
    }

    /// The shortest `%.Ne` text of a finite `x` that reads back as `x`: a binary search over
    /// N = 0…16 (reading back holds from some N on), 4–5 format_string calls instead of 17.
    static func shortestExponentText() -> String {
        func readsBack(_ p: Int) -> String { "try_cast(format_string('%.\(p)e', x) AS DOUBLE) = x" }
        func search(_ low: Int, _ high: Int) -> String {
            if low == high { return "format_string('%.\(low)e', x)" }
            let middle = (low + high) / 2
            return "CASE WHEN \(readsBack(middle)) THEN \(search(low, middle)) ELSE \(search(middle + 1, high)) END"
        }
        return "CASE WHEN x IS NOT NULL AND NOT isnan(x) AND abs(x) < CAST('Infinity' AS DOUBLE) THEN \(search(0, 16)) END"
    }
}
