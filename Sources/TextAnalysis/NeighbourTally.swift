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
  /// Entropy (nats) of the characters before each string, by id.
  private(set) var leftEntropies: [Double]
  /// Entropy (nats) of the characters after each string, by id.
  private(set) var rightEntropies: [Double]

  /// Tallies the neighbours of the frequent strings `strings` lists.
  init(of strings: FrequentStrings, in runs: HanRuns) {
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
    for (length, occurrences) in strings.occurrences.enumerated() {
      for (start, id) in occurrences {
        if !isTallied[Int(id)] {
          isTallied[Int(id)] = true
          ids.append(id)
        }
        let end = start + length
        if !isRunStart[start] { left[Self.key(id, characters[start - 1]), default: 0] += 1 }
        if !isRunEnd[end] { right[Self.key(id, characters[end]), default: 0] += 1 }
      }
    }
    leftEntropies = Self.entropies(of: left, counts: strings.counts)
    rightEntropies = Self.entropies(of: right, counts: strings.counts)
  }

  private static func key(_ id: Int32, _ neighbour: UInt32) -> UInt64 { UInt64(id) << 32 | UInt64(neighbour) }

  /// ln *n* − (Σ *c* ln *c*) / *n* per string, from the (string, neighbour) pair counts and
  /// the strings' occurrences *n*.
  private static func entropies(of pairs: [UInt64: Int], counts: [Int]) -> [Double] {
    var sums = [Double](repeating: 0, count: counts.count)
    for (key, c) in pairs where c > 1 {
      sums[Int(key >> 32)] += Double(c) * log(Double(c))
    }
    return zip(sums, counts).map { sum, count in
      let n = Double(count)
      return log(n) - sum / n
    }
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
