/// Several ``PhraseCounter``s counting in one pass over a text.
///
/// The counts are the same, counter by counter, as each counter's own
/// ``PhraseCounter/counts(in:candidatePositions:)``: at each position, the longest of a
/// counter's phrases that starts there is counted and the counter skips past it. What changes
/// is the work: one search for the position's scalar among every counter's first scalars,
/// instead of one per counter, which is what a tagger with twenty themes spends most of
/// counting a corpus's theme evidence on.
///
/// - Complexity: O(*n* · *c*) for a text of *n* candidate positions and *c* phrases (of all
///   counters) sharing a first scalar (plus O(log *s*) per position outside the Basic
///   Multilingual Plane, for *s* distinct first scalars).
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
  /// Where each counter's counts start in ``PhraseCounts``, and their end (one more element).
  private let firstCount: [Int]

  private struct Candidate: Sendable {
    /// Where the phrase's scalars start in `scalarPool`, and how many there are.
    var start: Int
    var length: Int
    var counter: Int
    /// The phrase's count in ``PhraseCounts``: its counter's first, plus its index there.
    var slot: Int
    var isWord: Bool
  }

  /// Counters for these phrase lists, one per list.
  init(_ counters: [PhraseCounter]) {
    var firstCount = [0]
    for counter in counters { firstCount.append(firstCount[firstCount.count - 1] + counter.phrases.count) }
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
            start: scalarPool.count, length: phrase.scalars.count, counter: phrase.counter,
            slot: firstCount[phrase.counter] + phrase.index, isWord: phrase.isWord))
        scalarPool += phrase.scalars
      }
      bucketStarts.append(candidates.count)
    }
    // (Empty, and every position binary-searched, past 65,534 first scalars.)
    var bucketOfBMPScalar = [UInt16](repeating: 0, count: keys.count < Int(UInt16.max) ? 0x1_0000 : 0)
    if !bucketOfBMPScalar.isEmpty {
      for (bucket, key) in keys.enumerated() where key < 0x1_0000 { bucketOfBMPScalar[Int(key)] = UInt16(bucket + 1) }
    }
    self.counters = counters
    self.firstScalarValues = keys
    self.bucketOfBMPScalar = bucketOfBMPScalar
    self.firstCount = firstCount
    self.bucketStarts = bucketStarts
    self.candidates = candidates
    self.scalarPool = scalarPool
  }

  /// The count of each phrase of each counter in `scalars`, looking only at
  /// `candidatePositions` (ascending; positions whose scalar starts no phrase may be left out).
  func counts(in scalars: [Unicode.Scalar], candidatePositions: [Int]) -> PhraseCounts {
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
              flat[candidate.slot] += 1
              next[candidate.counter] = end
            }
          }
        }
      }
    }
    return PhraseCounts(values: flat, firstCount: firstCount)
  }

  /// The counts of one text, counter after counter in one array.
  struct PhraseCounts {
    fileprivate let values: [Int]
    fileprivate let firstCount: [Int]

    /// The count of phrase `phrase` of counter `counter`.
    subscript(counter: Int, phrase: Int) -> Int { values[firstCount[counter] + phrase] }

    /// The counts of counter `counter`'s phrases, in its order.
    func counts(ofCounter counter: Int) -> ArraySlice<Int> { values[firstCount[counter]..<firstCount[counter + 1]] }

    /// The sum of counter `counter`'s counts.
    func total(ofCounter counter: Int) -> Int { counts(ofCounter: counter).reduce(0, +) }
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
