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
  /// For each scalar of the Basic Multilingual Plane, its bucket + 1 (0: no phrase starts with
  /// it), so that a position costs one load instead of a binary search; scalars above it are
  /// searched in ``firstScalarValues``.
  private let bucketOfBMPScalar: [UInt16]
  /// For each first scalar *b*, its phrases are `candidates[bucketStarts[b]..<bucketStarts[b + 1]]`:
  /// counter by counter, longest first within a counter.
  private let bucketStarts: [Int]
  /// Every phrase of every counter, grouped by first scalar.
  ///
  /// Plain values (the scalars live in `scalarPool`), so the counting loop copies no arrays and
  /// touches no reference counts.
  private let candidates: [Candidate]
  /// The scalar values of every phrase, one after another.
  private let scalarPool: [UInt32]

  private struct Candidate: Sendable {
    /// Where the phrase's scalars start in `scalarPool`, and how many there are.
    var start: Int
    var length: Int
    var counter: Int
    var index: Int
    var isWord: Bool
  }

  /// Counters for these phrase lists, one per list.
  init(_ counters: [PhraseCounter]) {
    var table: [UInt32: [(scalars: [UInt32], counter: Int, index: Int, isWord: Bool)]] = [:]
    for (counter, phrases) in counters.map(\.phrases).enumerated() {
      for (index, phrase) in phrases.enumerated() {
        let scalars = phrase.unicodeScalars.map(\.value)
        let isWord = phrase.unicodeScalars.allSatisfy(PhraseCounter.isASCIIWordScalar)
        table[scalars[0], default: []].append((scalars, counter, index, isWord))
      }
    }
    let keys = table.keys.sorted()
    var bucketStarts = [0]
    var candidates: [Candidate] = []
    var scalarPool: [UInt32] = []
    for key in keys {
      let bucket = (table[key] ?? []).sorted {
        $0.counter != $1.counter ? $0.counter < $1.counter : $0.scalars.count > $1.scalars.count
      }
      for phrase in bucket {
        candidates.append(
          Candidate(
            start: scalarPool.count, length: phrase.scalars.count, counter: phrase.counter, index: phrase.index,
            isWord: phrase.isWord))
        scalarPool += phrase.scalars
      }
      bucketStarts.append(candidates.count)
    }
    var bucketOfBMPScalar = [UInt16](repeating: 0, count: 0x1_0000)
    if keys.count < Int(UInt16.max) {
      for (bucket, key) in keys.enumerated() where key < 0x1_0000 { bucketOfBMPScalar[Int(key)] = UInt16(bucket + 1) }
    }
    self.counters = counters
    self.firstScalarValues = keys
    self.bucketOfBMPScalar = keys.count < Int(UInt16.max) ? bucketOfBMPScalar : []
    self.bucketStarts = bucketStarts
    self.candidates = candidates
    self.scalarPool = scalarPool
  }

  /// The count of each phrase of each counter in `scalars`, looking only at
  /// `candidatePositions` (ascending; positions whose scalar starts no phrase may be left out).
  func counts(in scalars: [Unicode.Scalar], candidatePositions: [Int]) -> [[Int]] {
    // All counts in one array, counter after counter (`firstCount[c]` is counter c's first).
    var firstCount = [0]
    for counter in counters { firstCount.append(firstCount[firstCount.count - 1] + counter.phrases.count) }
    var flat = [Int](repeating: 0, count: firstCount[counters.count])
    // Per counter, the first position it may match at again (past its last match).
    var next = [Int](repeating: 0, count: counters.count)
    scalars.withUnsafeBufferPointer { text in
      candidates.withUnsafeBufferPointer { candidates in
        scalarPool.withUnsafeBufferPointer { pool in
          for position in candidatePositions {
            guard let bucket = bucket(of: text[position].value) else { continue }
            for candidate in candidates[bucketStarts[bucket]..<bucketStarts[bucket + 1]]
            where position >= next[candidate.counter] {
              let end = position + candidate.length
              guard end <= text.count else { continue }
              var offset = 1  // the first scalar is the bucket's
              while offset < candidate.length && text[position + offset].value == pool[candidate.start + offset] {
                offset += 1
              }
              guard offset == candidate.length else { continue }
              if candidate.isWord {
                let before = position > 0 && PhraseCounter.isASCIIWordScalar(text[position - 1])
                let after = end < text.count && PhraseCounter.isASCIIWordScalar(text[end])
                if before || after { continue }
              }
              flat[firstCount[candidate.counter] + candidate.index] += 1
              next[candidate.counter] = end
            }
          }
        }
      }
    }
    return counters.indices.map { Array(flat[firstCount[$0]..<firstCount[$0 + 1]]) }
  }

  @inline(__always)
  private func bucket(of value: UInt32) -> Int? {
    if value < 0x1_0000 && !bucketOfBMPScalar.isEmpty {
      let stored = Int(bucketOfBMPScalar[Int(value)])
      return stored == 0 ? nil : stored - 1
    }
    return PhraseCounter.position(of: value, inAscending: firstScalarValues)
  }
}
