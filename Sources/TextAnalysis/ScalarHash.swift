/// The 64-bit key of a word in the lexicon: FNV-1a over its Unicode scalar values.
///
/// The hash is incremental, so the keys of all prefixes `w[i..<i+1]`, `w[i..<i+2]`, …
/// cost one multiply each while the DAG is built. Each step `h ← (h ⊕ s) × p` is a
/// bijection of `h` for fixed `s` (the FNV prime `p` is odd), so two words of one
/// character never collide; longer words collide with probability about 2⁻⁶⁴ per pair,
/// that is below 10⁻⁸ over the ~600,000 keys of jieba's dictionary.
struct ScalarHash {
  static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
  static let prime: UInt64 = 0x0000_0100_0000_01B3

  @inline(__always) static func step(_ hash: UInt64, _ scalar: UInt32) -> UInt64 {
    (hash ^ UInt64(scalar)) &* prime
  }

  static func hash<C: Collection>(_ scalars: C) -> UInt64 where C.Element == UInt32 {
    var hash = offsetBasis
    for scalar in scalars { hash = step(hash, scalar) }
    return hash
  }

  static func hash(_ text: String) -> UInt64 {
    var hash = offsetBasis
    for scalar in text.unicodeScalars { hash = step(hash, scalar.value) }
    return hash
  }
}
