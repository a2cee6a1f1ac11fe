/// Decides whether a body line is the title a contents entry announces.
///
/// Contents lists and bodies spell titles slightly differently: spaces around numbers
/// (`首批 162 家` / `首批162家`), case (`SAAS` / `SaaS`), a dropped or added word
/// (`苏州工业园` / `苏州工业园区`), a title cut short in the contents. Both sides are
/// normalised (whitespace, `*` and region tags removed, full-width ASCII folded, ASCII
/// lowercased), then compared: equal, or one a prefix of the other covering at least 60 % of
/// the longer, or a Sørensen–Dice coefficient on character bigrams of at least 0.75:
///
///     dice(a, b) = 2 |bigrams(a) ∩ bigrams(b)| / (|bigrams(a)| + |bigrams(b)|)
struct TitleMatcher {
  /// Longest line (in scalars) considered a possible title.
  static let maximumTitleLength = 90

  /// Normalised form used for comparison.
  static func key(_ text: some StringProtocol) -> [Unicode.Scalar] {
    var result: [Unicode.Scalar] = []
    result.reserveCapacity(text.unicodeScalars.count)
    var insideTag = false
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x3010: insideTag = true  // 【
      case 0x3011: insideTag = false  // 】
      case _ where insideTag: continue
      case 0x2A: continue  // *
      case _ where isTrimmable(scalar): continue
      case 0xFF01...0xFF5E:
        let folded = Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
        result.append(lowercased(folded))
      default: result.append(lowercased(scalar))
      }
    }
    return result
  }

  @inline(__always)
  static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
  }

  /// Whether `line` can be a title at all: annex notes (`附：《…》`) repeat document names
  /// from titles but never are one.
  static func canBeTitle(_ line: Substring) -> Bool {
    // A scalar takes at most 4 UTF-8 bytes, so the byte count rejects long lines in O(1).
    line.utf8.count <= 4 * maximumTitleLength && line.unicodeScalars.count <= maximumTitleLength
      && !line.hasBytePrefix("附：") && !line.hasBytePrefix("附:")
  }

  /// The index (within `window`) of the first entry that `key` matches.
  ///
  /// The next entry (offset 0) may match loosely (``matches(_:_:)``); entries further on, which
  /// would mean skipping a contents entry, must match exactly after normalisation.
  static func firstMatch(of key: [Unicode.Scalar], in window: some Collection<[Unicode.Scalar]>) -> Int? {
    for (offset, entry) in window.enumerated() {
      if offset == 0 ? matches(key, entry) : key == entry { return offset }
    }
    return nil
  }

  /// A cheap filter before building a key: every rule in ``matches(_:_:)`` needs the longer
  /// key to be at most twice the shorter, and a key is never longer than its line.
  static func isPlausibleLength(_ line: Substring, for window: some Collection<[Unicode.Scalar]>) -> Bool {
    let lineCount = line.unicodeScalars.count
    return window.contains { lineCount <= 2 * $0.count + 16 }
  }

  /// Whether two normalised keys name the same title.
  static func matches(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
    if a.isEmpty || b.isEmpty { return false }
    if a == b { return true }
    let (short, long) = a.count <= b.count ? (a, b) : (b, a)
    if short.count >= 6, short.count * 10 >= long.count * 6, long.starts(with: short) { return true }
    guard short.count >= 4, short.count * 2 >= long.count else { return false }
    return dice(a, b) >= 0.75
  }

  static func dice(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
    func bigrams(_ s: [Unicode.Scalar]) -> [UInt64: Int] {
      var counts: [UInt64: Int] = [:]
      for i in 0..<(s.count - 1) {
        counts[UInt64(s[i].value) << 32 | UInt64(s[i + 1].value), default: 0] += 1
      }
      return counts
    }
    let x = bigrams(a), y = bigrams(b)
    var shared = 0
    for (gram, count) in x { shared += min(count, y[gram] ?? 0) }
    return 2 * Double(shared) / Double(a.count - 1 + b.count - 1)
  }
}
