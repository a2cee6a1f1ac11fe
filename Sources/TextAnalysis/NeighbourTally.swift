/// The characters just before and just after each occurrence of the frequent strings that
/// phrase discovery scores, and the boundary entropies they give.
///
/// With *n* occurrences of a string and *c*ₐ of them next to character *a*, the entropy
/// −Σ (*c*ₐ / *n*) ln(*c*ₐ / *n*) equals ln *n* − (Σ *c*ₐ ln *c*ₐ) / *n*; an occurrence at the
/// start or end of a run counts as a distinct neighbour of its own (*c* = 1, adding 0 to the
/// sum), since punctuation is a word boundary.
struct NeighbourTally {
  /// A dense id for each string tallied.
  private(set) var ids: [NGram: Int] = [:]
  /// Occurrences of each string, by id.
  private(set) var occurrences: [Int] = []
  /// Σ *c* ln *c* over each string's left neighbours, by id.
  private var leftSums: [Double] = []
  /// Σ *c* ln *c* over each string's right neighbours, by id.
  private var rightSums: [Double] = []

  /// Tallies the strings of `lengths` whose bit is set in `frequentPositions` (bit *L* of
  /// entry *i*: the string of length *L* starting at character *i* of `runs`).
  init(ofStringsAt frequentPositions: [UInt16], in runs: HanRuns, lengths: ClosedRange<Int>) {
    let characters = runs.characters
    var left: [UInt64: Int] = [:]
    var right: [UInt64: Int] = [:]
    for run in runs.ranges {
      for start in run {
        let mask = frequentPositions[start]
        guard mask != 0 else { continue }
        for length in lengths where start + length <= run.upperBound && mask & (1 << length) != 0 {
          let end = start + length
          let gram = NGram(characters[start..<end])
          let id = ids[gram] ?? newID(for: gram)
          occurrences[id] += 1
          if start > run.lowerBound { left[Self.key(id, characters[start - 1]), default: 0] += 1 }
          if end < run.upperBound { right[Self.key(id, characters[end]), default: 0] += 1 }
        }
      }
    }
    leftSums = Self.sums(of: left, count: ids.count)
    rightSums = Self.sums(of: right, count: ids.count)
  }

  /// Entropy (nats) of the characters before the string `id`.
  func leftEntropy(of id: Int) -> Double { entropy(sum: leftSums[id], occurrences: occurrences[id]) }

  /// Entropy (nats) of the characters after the string `id`.
  func rightEntropy(of id: Int) -> Double { entropy(sum: rightSums[id], occurrences: occurrences[id]) }

  private func entropy(sum: Double, occurrences: Int) -> Double {
    let n = Double(occurrences)
    return log(n) - sum / n
  }

  private mutating func newID(for gram: NGram) -> Int {
    let id = occurrences.count
    ids[gram] = id
    occurrences.append(0)
    return id
  }

  private static func key(_ id: Int, _ neighbour: UInt32) -> UInt64 { UInt64(id) << 32 | UInt64(neighbour) }

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
