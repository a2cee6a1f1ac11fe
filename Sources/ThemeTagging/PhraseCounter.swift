/// Counts occurrences of a set of phrases in text, longest match first.
///
/// At each position the longest phrase that starts there is counted and skipped, so
/// overlapping phrases (低空 inside 低空经济) count once. Texts and phrases are compared as given; normalise both the same way first
/// (NFKC and lower case, as `TextNormalizer` does).
///
/// A phrase made only of ASCII letters and digits (`ai`, `5g`, `esg`) matches only where it
/// is not part of a longer ASCII word (`ai` does not match inside `said`).
///
/// Counting on the text rather than on terms matches a phrase at both granularities: a seed
/// 人工智能 is found inside 生成式人工智能 whatever the segmenter did with it.
///
/// - Complexity: O(*n* · *c*) for a text of *n* scalars and *c* phrases sharing a first
///   scalar (a handful).
public struct PhraseCounter: Sendable {
  /// The phrases, without duplicates or empty strings, in the order given.
  public let phrases: [String]
  /// The scalars phrases start with, ascending, and for each the phrases starting with it,
  /// longest first: a binary search over a few dozen values, no hashing, per position.
  private let firstScalarValues: [UInt32]
  private let candidates: [[(scalars: [Unicode.Scalar], index: Int, isWord: Bool)]]

  /// A counter for `phrases` (empty and repeated phrases are dropped).
  public init(_ phrases: [String]) {
    var seen = Set<String>()
    let unique = phrases.filter { !$0.isEmpty && seen.insert($0).inserted }
    var table: [Unicode.Scalar: [(scalars: [Unicode.Scalar], index: Int, isWord: Bool)]] = [:]
    for (index, phrase) in unique.enumerated() {
      let scalars = Array(phrase.unicodeScalars)
      let isWord = scalars.allSatisfy(Self.isASCIIWordScalar)
      table[scalars[0], default: []].append((scalars, index, isWord))
    }
    for key in table.keys { table[key]?.sort { $0.scalars.count > $1.scalars.count } }
    let keys = table.keys.sorted { $0.value < $1.value }
    self.phrases = unique
    self.firstScalarValues = keys.map(\.value)
    self.candidates = keys.map { table[$0] ?? [] }
  }

  /// The position of `value` in ``firstScalarValues``, if any.
  @inline(__always)
  private func bucket(of value: UInt32) -> Int? { Self.position(of: value, inAscending: firstScalarValues) }

  /// The position of `value` in `values` (ascending), if any: a binary search, no hashing.
  @inline(__always)
  static func position(of value: UInt32, inAscending values: [UInt32]) -> Int? {
    var (low, high) = (0, values.count)
    while low < high {
      let middle = (low + high) / 2
      if values[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low < values.count && values[low] == value ? low : nil
  }

  /// How often each phrase occurs in `text` (indexed like ``phrases``).
  public func counts(in text: String) -> [Int] {
    let scalars = Array(text.unicodeScalars)
    return counts(in: scalars, candidatePositions: scalars.indices)
  }

  /// The values of the scalars some phrase starts with, ascending.
  var firstScalars: [UInt32] { firstScalarValues }

  /// How often each phrase occurs in `scalars`, looking for matches only at `candidatePositions`
  /// (increasing), which must include every position holding a scalar of ``firstScalars``.
  ///
  /// The count equals ``counts(in:)``'s on the same text: a phrase can start only at such a
  /// position, and a match skips the positions it covers whichever positions are listed. Many
  /// counters over one text share one list (``ScalarBitmap/positions(in:)``), so a text is
  /// scanned once, not once per counter.
  func counts(in scalars: [Unicode.Scalar], candidatePositions: some Sequence<Int>) -> [Int] {
    var counts = [Int](repeating: 0, count: phrases.count)
    guard !phrases.isEmpty else { return counts }
    var next = 0
    for position in candidatePositions where position >= next {
      guard let bucket = bucket(of: scalars[position].value) else { continue }
      for candidate in candidates[bucket] where position + candidate.scalars.count <= scalars.count {
        let end = position + candidate.scalars.count
        guard scalars[position..<end].elementsEqual(candidate.scalars) else { continue }
        if candidate.isWord {
          let before = position > 0 && Self.isASCIIWordScalar(scalars[position - 1])
          let after = end < scalars.count && Self.isASCIIWordScalar(scalars[end])
          if before || after { continue }
        }
        counts[candidate.index] += 1
        next = end
        break
      }
    }
    return counts
  }

  static func isASCIIWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
  }
}
