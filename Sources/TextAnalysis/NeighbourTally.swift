/// The characters just before and just after each occurrence of the frequent strings that
/// phrase discovery scores, and the boundary entropies they give.
///
/// With *n* occurrences of a string and *c*ₐ of them next to character *a*, the entropy
/// −Σ (*c*ₐ / *n*) ln(*c*ₐ / *n*) equals ln *n* − (Σ *c*ₐ ln *c*ₐ) / *n*; an occurrence at the
/// start or end of a run counts as a distinct neighbour of its own (*c* = 1, adding 0 to the
/// sum), since punctuation is a word boundary.
struct NeighbourTally {
  /// The ids (in ``FrequentStrings``) of the strings tallied, each once.
  private(set) var ids: [Int32] = []
  /// Σ *c* ln *c* over each string's left neighbours, by id.
  private var leftSums: [Double]
  /// Σ *c* ln *c* over each string's right neighbours, by id.
  private var rightSums: [Double]
  private let counts: [Int]

  /// Tallies the neighbours of the frequent strings of `lengths` in `runs`.
  init(of strings: FrequentStrings, in runs: HanRuns, lengths: ClosedRange<Int>) {
    let characters = runs.characters
    // Runs are contiguous in `characters`: a run's end index is the next run's start.
    var isRunStart = [Bool](repeating: false, count: characters.count + 1)
    var isRunEnd = [Bool](repeating: false, count: characters.count + 1)
    for run in runs.ranges {
      isRunStart[run.lowerBound] = true
      isRunEnd[run.upperBound] = true
    }
    var isTallied = [Bool](repeating: false, count: strings.counts.count)
    var left: [UInt64: Int] = [:]
    var right: [UInt64: Int] = [:]
    for length in lengths where length < strings.occurrences.count {
      for (start, id) in strings.occurrences[length] {
        if !isTallied[Int(id)] {
          isTallied[Int(id)] = true
          ids.append(id)
        }
        let end = start + length
        if !isRunStart[start] { left[Self.key(id, characters[start - 1]), default: 0] += 1 }
        if !isRunEnd[end] { right[Self.key(id, characters[end]), default: 0] += 1 }
      }
    }
    counts = strings.counts
    leftSums = Self.sums(of: left, count: counts.count)
    rightSums = Self.sums(of: right, count: counts.count)
  }

  /// Entropy (nats) of the characters before the string `id`.
  func leftEntropy(of id: Int32) -> Double { entropy(sum: leftSums[Int(id)], occurrences: counts[Int(id)]) }

  /// Entropy (nats) of the characters after the string `id`.
  func rightEntropy(of id: Int32) -> Double { entropy(sum: rightSums[Int(id)], occurrences: counts[Int(id)]) }

  private func entropy(sum: Double, occurrences: Int) -> Double {
    let n = Double(occurrences)
    return log(n) - sum / n
  }

  private static func key(_ id: Int32, _ neighbour: UInt32) -> UInt64 { UInt64(id) << 32 | UInt64(neighbour) }

  private static func sums(of pairs: [UInt64: Int], count: Int) -> [Double] {
    var sums = [Double](repeating: 0, count: count)
    for (key, c) in pairs where c > 1 {
      sums[Int(key >> 32)] += Double(c) * log(Double(c))
    }
    return sums
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
