/// The strings of Han characters that phrase discovery counts: every string of up to a
/// maximum length whose two parts one character shorter are both frequent (occur at least a
/// minimum number of times), found length by length.
///
/// This is the Apriori principle: a string occurs no more often than its parts, so a string
/// with an infrequent part cannot be frequent and is never counted. Every frequent string,
/// and every substring of one, is counted exactly; the table's size follows the corpus's
/// frequent strings rather than its characters × the maximum length.
struct FrequentStrings {
  /// Each counted string, by id.
  private(set) var grams: [NGram] = []
  /// Occurrences of each counted string, by id.
  private(set) var counts: [Int] = []
  /// `occurrences[L]`: where each occurrence of a frequent string of length *L* starts (an
  /// index into ``HanRuns/characters``), and the string's id; empty below the listed lengths.
  private(set) var occurrences: [[(start: Int, id: Int32)]]
  private var ids: [NGram: Int32] = [:]

  /// Counts the strings of up to `maximumLength` (at most 8) characters in `runs`, and lists
  /// the occurrences of the frequent ones of `listedLengths`.
  init(in runs: HanRuns, maximumLength: Int, minimumCount: Int, listing listedLengths: ClosedRange<Int>) {
    let characters = runs.characters
    occurrences = Array(repeating: [], count: maximumLength + 1)
    // Bit L of frequentLengths[i]: the string of length L starting at character i is frequent.
    var frequentLengths = [UInt16](repeating: 0, count: characters.count)
    var counted: [(start: Int, id: Int32)] = []
    for length in 1...maximumLength {
      counted.removeAll(keepingCapacity: true)
      let partBit = UInt16(1) << (length - 1)
      for run in runs.ranges where run.count >= length {
        for start in run.lowerBound...(run.upperBound - length) {
          if length > 1, frequentLengths[start] & partBit == 0 || frequentLengths[start + 1] & partBit == 0 {
            continue
          }
          let id = id(of: NGram(characters[start..<(start + length)]))
          counts[Int(id)] += 1
          counted.append((start, id))
        }
      }
      if counted.isEmpty { break }
      let bit = UInt16(1) << length
      let isListed = listedLengths.contains(length)
      for occurrence in counted where counts[Int(occurrence.id)] >= minimumCount {
        frequentLengths[occurrence.start] |= bit
        if isListed { occurrences[length].append(occurrence) }
      }
    }
  }

  /// Occurrences of `gram`: exact for frequent strings and their substrings, 0 for strings
  /// never counted.
  func count(of gram: NGram) -> Int {
    ids[gram].map { counts[Int($0)] } ?? 0
  }

  private mutating func id(of gram: NGram) -> Int32 {
    if let id = ids[gram] { return id }
    let id = Int32(grams.count)
    ids[gram] = id
    grams.append(gram)
    counts.append(0)
    return id
  }
}
