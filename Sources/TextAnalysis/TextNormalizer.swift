import Foundation

/// Unicode normalisation applied before segmentation: NFKC, then lower-cased letters.
///
/// NFKC folds compatibility variants into their plain forms: full-width Latin letters and
/// digits become ASCII (`ＥＳＧ` → `ESG`), the ideographic space becomes a space, full-width
/// punctuation becomes its ASCII counterpart (`，` → `,`, `（` → `(`), and ligatures and
/// circled numbers are spelled out (`ﬁ` → `fi`, `①` → `1`). Letters are then lower-cased, so
/// `ESG`, `Esg` and `ｅｓｇ` are one term `esg`.
///
/// Most scalars in Chinese news take a fast path that never builds a `String`: ASCII
/// (lower-cased in place), U+4E00–U+9FFF and the CJK and general punctuation that NFKC leaves
/// unchanged are copied, U+FF01–U+FF5E are shifted to ASCII, U+3000 becomes a space. Any
/// other run of scalars (with the scalar before it, so combining marks compose) goes
/// through Foundation's `precomposedStringWithCompatibilityMapping` and `lowercased()`.
///
/// Invalid UTF-8 never reaches this type: decoding bytes into a `String` (for example
/// `String(decoding:as: UTF8.self)`) already replaced each ill-formed sequence by U+FFFD,
/// which passes through unchanged and later becomes a one-scalar symbol token.
public enum TextNormalizer {
  /// The normalised text: NFKC, then lower-cased.
  ///
  /// - Complexity: O(*n*) in the number of scalars.
  public static func normalize(_ text: String) -> String {
    var scalars: [UInt32] = []
    normalize(text, into: &scalars)
    var result = String.UnicodeScalarView()
    for value in scalars {
      if let scalar = Unicode.Scalar(value) { result.append(scalar) }
    }
    return String(result)
  }

  /// The scalar values of ``normalize(_:)``'s result, without building the `String`.
  ///
  /// - Complexity: O(*n*) in the number of scalars.
  public static func normalizedScalarValues(of text: String) -> [UInt32] {
    var scalars: [UInt32] = []
    normalize(text, into: &scalars)
    return scalars
  }

  /// Appends the normalised scalars of `text` to `buffer`, which is emptied first.
  static func normalize(_ text: String, into buffer: inout [UInt32]) {
    buffer.removeAll(keepingCapacity: true)
    buffer.reserveCapacity(text.utf8.count)
    var pending: [UInt32] = []
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if let fast = fastPath(value) {
        if !pending.isEmpty { flush(&pending, into: &buffer) }
        buffer.append(fast)
      } else {
        if pending.isEmpty, let previous = buffer.popLast() { pending.append(previous) }
        pending.append(value)
      }
    }
    if !pending.isEmpty { flush(&pending, into: &buffer) }
  }

  /// The NFKC and lower-case image of a scalar whose mapping is a single known scalar
  /// that cannot compose with a following combining mark, or `nil` for the slow path.
  @inline(__always) static func fastPath(_ value: UInt32) -> UInt32? {
    if value < 0x80 { return value &- 0x41 < 26 ? value + 0x20 : value }
    if value &- 0x4E00 <= 0x9FFF - 0x4E00 { return value }
    if value &- 0xFF01 <= 0xFF5E - 0xFF01 {
      let ascii = value - 0xFEE0
      return ascii &- 0x41 < 26 ? ascii + 0x20 : ascii
    }
    if value &- 0x3001 <= 0x3029 - 0x3001 { return value }
    if value == 0x3000 { return 0x20 }
    // General punctuation that NFKC keeps: dashes, quotes, bullets, ‰, ′.
    if value &- 0x2010 <= 0x2023 - 0x2010 { return value == 0x2011 || value == 0x2017 ? nil : value }
    if value &- 0x2027 <= 0x2032 - 0x2027 { return value == 0x202F ? nil : value }
    return nil
  }

  private static func flush(_ pending: inout [UInt32], into buffer: inout [UInt32]) {
    var view = String.UnicodeScalarView()
    for value in pending {
      if let scalar = Unicode.Scalar(value) { view.append(scalar) }
    }
    let normalized = String(view).precomposedStringWithCompatibilityMapping.lowercased()
    for scalar in normalized.unicodeScalars { buffer.append(scalar.value) }
    pending.removeAll(keepingCapacity: true)
  }
}
