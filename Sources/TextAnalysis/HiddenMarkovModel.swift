/// jieba's `finalseg`: a BMES hidden Markov model that groups runs of unknown Han
/// characters into words.
///
/// Each character is labelled B (begins a word), M (middle), E (ends) or S (single). The
/// most probable label sequence is found by Viterbi:
///
///     V[0][y] = start(y) + emit(y, c₀)
///     V[t][y] = max over y₀ ∈ prev(y) of V[t−1][y₀] + trans(y₀, y) + emit(y, cₜ)
///
/// with prev(B) = {E, S}, prev(M) = {M, B}, prev(S) = {S, E}, prev(E) = {B, M}; the last
/// label is E or S. Missing emissions are jieba's `MIN_FLOAT` (−3.14 × 10¹⁰⁰). Ties go to
/// the alphabetically larger label, as Python's `max` over `(probability, label)` tuples
/// does, so the labels match jieba 0.42.1 exactly. The parameters are jieba's, generated
/// into `HMMTables.swift` by `scripts/generate_hmm_tables.py`.
///
/// - Complexity: O(*n*) time and memory for a run of *n* characters (8 candidates per step).
struct HiddenMarkovModel: Sendable {
  static let minFloat = -3.14e100
  // State indices: B = 0, M = 1, E = 2, S = 3 (alphabetical order B < E < M < S for ties).
  private static let b = 0, m = 1, e = 2, s = 3
  private static let previous: [(Int, Int)] = [(2, 3), (1, 0), (0, 1), (3, 2)]
  /// Rank of each state in alphabetical order, for tie-breaking.
  private static let alphabeticalRank = [0, 2, 1, 3]

  /// Emission log-probabilities, `4 × 20,950` for U+4E00–U+9FD5, row-major by character.
  let emission: [Double]
  let start: [Double]
  let transition: [Double]

  /// Number of emission values: 4 states × the Han characters U+4E00–U+9FD5.
  static let emissionCount = (0x9FD5 - 0x4E00 + 1) * 4

  /// The model parsed from `HMMTables`, once per process.
  ///
  /// Parsing its ~28,000 lines takes tens of milliseconds; the analyzer cache stores
  /// ``emission`` so that a cached analyzer skips it.
  static let shared = HiddenMarkovModel()

  /// A 64-bit fingerprint of the generated tables, so caches of ``emission`` are keyed by
  /// the tables they were parsed from.
  static let tablesFingerprint: UInt64 = {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for var text in [HMMTables.emissionB, HMMTables.emissionM, HMMTables.emissionE, HMMTables.emissionS] {
      text.withUTF8 { bytes in
        // FNV-1a over 8-byte words (a fingerprint, not a checksum of record).
        var index = 0
        while index + 8 <= bytes.count {
          let word = UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: index, as: UInt64.self)
          hash = (hash ^ word) &* 0x0000_0100_0000_01B3
          hash ^= hash >> 29
          index += 8
        }
        while index < bytes.count {
          hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01B3
          index += 1
        }
        hash = (hash ^ UInt64(bytes.count)) &* 0x0000_0100_0000_01B3
      }
    }
    return hash
  }()

  /// The model with emissions read back from a cache (``emissionCount`` values).
  init(emission: [Double]) {
    precondition(emission.count == HiddenMarkovModel.emissionCount)
    self.emission = emission
    self.start = HMMTables.start
    self.transition = HMMTables.transition.flatMap { $0 }
  }

  private init() {
    let count = 0x9FD5 - 0x4E00 + 1
    var emission = Array(repeating: HiddenMarkovModel.minFloat, count: count * 4)
    let sources = [HMMTables.emissionB, HMMTables.emissionM, HMMTables.emissionE, HMMTables.emissionS]
    for (state, source) in sources.enumerated() {
      for line in source.split(separator: "\n") {
        guard let first = line.unicodeScalars.first,
          let value = Double(String(line.unicodeScalars.dropFirst()))
        else { continue }
        emission[Int(first.value - 0x4E00) * 4 + state] = value
      }
    }
    self.emission = emission
    self.start = HMMTables.start
    self.transition = HMMTables.transition.flatMap { $0 }
  }

  @inline(__always) private func emit(_ scalar: UInt32, _ state: Int) -> Double {
    emission[Int(scalar &- 0x4E00) &* 4 &+ state]
  }

  /// Appends to `ends` the end offsets of the words of `scalars[range]` (all Han).
  ///
  /// `work` is scratch space reused across calls.
  func cut(_ scalars: [UInt32], _ range: Range<Int>, ends: inout [Int], work: inout [UInt8]) {
    let n = range.count
    guard n > 0 else { return }
    if n == 1 {
      ends.append(range.upperBound)
      return
    }
    work.removeAll(keepingCapacity: true)
    work.reserveCapacity(n * 4)
    var probability: [Double] = [0, 0, 0, 0]
    var next: [Double] = [0, 0, 0, 0]
    let first = scalars[range.lowerBound]
    for state in 0..<4 { probability[state] = start[state] + emit(first, state) }
    work.append(contentsOf: [0, 0, 0, 0])
    for t in 1..<n {
      let scalar = scalars[range.lowerBound + t]
      for state in 0..<4 {
        let emitted = emit(scalar, state)
        let (p0, p1) = HiddenMarkovModel.previous[state]
        let c0 = probability[p0] + transition[p0 * 4 + state] + emitted
        let c1 = probability[p1] + transition[p1 * 4 + state] + emitted
        let takesFirst =
          c0 > c1 || (c0 == c1 && HiddenMarkovModel.alphabeticalRank[p0] > HiddenMarkovModel.alphabeticalRank[p1])
        next[state] = takesFirst ? c0 : c1
        work.append(UInt8(takesFirst ? p0 : p1))
      }
      swap(&probability, &next)
    }
    // max over (V[E], 'E'), (V[S], 'S'): S wins ties.
    var state =
      probability[HiddenMarkovModel.e] > probability[HiddenMarkovModel.s] ? HiddenMarkovModel.e : HiddenMarkovModel.s
    var labels = [UInt8](repeating: 0, count: n)
    for t in stride(from: n - 1, through: 0, by: -1) {
      labels[t] = UInt8(state)
      if t > 0 { state = Int(work[t * 4 + state]) }
    }
    // jieba's __cut: B opens, E closes, S stands alone; a trailing open word is flushed.
    var nextStart = 0
    for t in 0..<n {
      let label = Int(labels[t])
      if label == HiddenMarkovModel.e || label == HiddenMarkovModel.s {
        ends.append(range.lowerBound + t + 1)
        nextStart = t + 1
      }
    }
    if nextStart < n { ends.append(range.upperBound) }
  }
}
