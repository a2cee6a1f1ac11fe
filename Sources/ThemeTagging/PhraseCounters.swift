/// Several ``PhraseCounter``s counting in one pass over a text.
///
/// The counts are the same, counter by counter, as each counter's own
/// ``PhraseCounter/counts(in:candidatePositions:)``: at each position, the longest of a
/// counter's phrases that starts there is counted and the counter skips past it. What changes
/// is the work: one search for the position's scalar among every counter's first scalars,
/// instead of one per counter, which is what a tagger with twenty themes spends most of
/// counting a corpus's theme evidence on.
///
/// - Complexity: O(*n* · (log *s* + *c*)) for a text of *n* candidate positions, *s* distinct
///   first scalars and *c* phrases (of all counters) sharing a first scalar.
struct PhraseCounters: Sendable {
  /// The counters, in the order of the counts.
  let counters: [PhraseCounter]
  /// The scalars any phrase starts with, ascending.
  private let firstScalarValues: [UInt32]
  /// For each first scalar, the phrases starting with it: counter by counter, longest first
  /// within a counter.
  private let candidates: [[Candidate]]

  private struct Candidate: Sendable {
    var scalars: [Unicode.Scalar]
    var counter: Int
    var index: Int
    var isWord: Bool
  }

  /// Counters for these phrase lists, one per list.
  init(_ counters: [PhraseCounter]) {
    var table: [UInt32: [Candidate]] = [:]
    for (counter, phrases) in counters.map(\.phrases).enumerated() {
      for (index, phrase) in phrases.enumerated() {
        let scalars = Array(phrase.unicodeScalars)
        table[scalars[0].value, default: []].append(
          Candidate(
            scalars: scalars, counter: counter, index: index,
            isWord: scalars.allSatisfy(PhraseCounter.isASCIIWordScalar)
          ))
      }
    }
    let keys = table.keys.sorted()
    self.counters = counters
    self.firstScalarValues = keys
    self.candidates = keys.map { key in
      (table[key] ?? []).sorted {
        $0.counter != $1.counter ? $0.counter < $1.counter : $0.scalars.count > $1.scalars.count
      }
    }
  }

  /// The count of each phrase of each counter in `scalars`, looking only at
  /// `candidatePositions` (ascending; positions whose scalar starts no phrase may be left out).
  func counts(in scalars: [Unicode.Scalar], candidatePositions: [Int]) -> [[Int]] {
    var counts = counters.map { [Int](repeating: 0, count: $0.phrases.count) }
    // Per counter, the first position it may match at again (past its last match).
    var next = [Int](repeating: 0, count: counters.count)
    for position in candidatePositions {
      guard let bucket = bucket(of: scalars[position].value) else { continue }
      for candidate in candidates[bucket] where position >= next[candidate.counter] {
        let end = position + candidate.scalars.count
        guard end <= scalars.count, scalars[position..<end].elementsEqual(candidate.scalars) else { continue }
        if candidate.isWord {
          let before = position > 0 && PhraseCounter.isASCIIWordScalar(scalars[position - 1])
          let after = end < scalars.count && PhraseCounter.isASCIIWordScalar(scalars[end])
          if before || after { continue }
        }
        counts[candidate.counter][candidate.index] += 1
        next[candidate.counter] = end
      }
    }
    return counts
  }

  @inline(__always)
  private func bucket(of value: UInt32) -> Int? {
    PhraseCounter.position(of: value, inAscending: firstScalarValues)
  }
}
