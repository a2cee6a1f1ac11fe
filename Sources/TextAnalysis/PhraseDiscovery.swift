/// Finds new words in a corpus from how cohesive a string is inside and how freely it
/// combines outside.
///
/// The method is the unsupervised new-word discovery of Matrix67 ("互联网时代的社会语言学：
/// 基于SNS的文本数据挖掘", 2012), itself after Church and Hanks (1990) for pointwise mutual
/// information and Harris (1955) for boundary variety. Over all runs of Han characters in
/// the normalised texts, with *N* Han characters in total and *c(s)* the occurrences of
/// string *s*, *p(s) = c(s) / N*:
///
///     cohesion(w) = min over 1 ≤ i < |w| of ln( p(w) / (p(w[..<i]) · p(w[i...])) )
///     H_left(w)   = −Σ_a (c(a w) / c(w)) ln(c(a w) / c(w))   over characters a before w
///     H_right(w)  = the same over characters after w
///     score(w)    = cohesion(w) × min(H_left(w), H_right(w))
///
/// A fragment of a longer word (`低空经` of `低空经济`) has a low right entropy; a chance
/// juxtaposition of two common words (`发展的`) has a low cohesion. An occurrence at the
/// start or end of a run (next to punctuation or Latin text) counts as its own distinct
/// neighbour, the highest-entropy choice, since punctuation is a word boundary.
///
/// Candidates must reach ``PhraseDiscoveryOptions/minimumCount``,
/// ``PhraseDiscoveryOptions/minimumCohesion`` and
/// ``PhraseDiscoveryOptions/minimumBoundaryEntropy`` on both sides; candidates that start or
/// end with a function character (`的 了 和 与 及 在 是 对 将 为 等 也 都 就 而 并 其 之`) are
/// left out, and so are known words when an analyzer is given and
/// ``PhraseDiscoveryOptions/excludesKnownWords`` is set.
public enum PhraseDiscovery {
  /// Ranked phrase candidates of a corpus.
  ///
  /// - Parameters:
  ///   - texts: The corpus; each text is normalised with ``TextNormalizer``.
  ///   - options: Thresholds; see ``PhraseDiscoveryOptions``.
  ///   - analyzer: Used to leave out words the lexicon already has; `nil` keeps them.
  /// - Returns: Candidates by descending score, then by phrase, at most
  ///   ``PhraseDiscoveryOptions/maximumCandidateCount``.
  /// - Complexity: O(*N* · *m*) time for *N* Han characters and maximum length *m*; the
  ///   n-gram table holds only strings whose every substring is frequent (a string occurs no
  ///   more often than its parts), so its size follows the corpus's frequent strings rather
  ///   than *N* · *m*.
  public static func candidates(
    in texts: [String], options: PhraseDiscoveryOptions = PhraseDiscoveryOptions(), analyzer: TextAnalyzer? = nil
  ) -> [PhraseCandidate] {
    let maximumLength = min(max(options.maximumLength, 2), 8)
    let minimumLength = max(options.minimumLength, 2)
    guard minimumLength <= maximumLength else { return [] }
    let runs = HanRuns(texts)
    let total = Double(runs.characters.count)
    guard total > 0 else { return [] }
    let strings = FrequentStrings(
      in: runs, maximumLength: maximumLength, minimumCount: options.minimumCount, listing: minimumLength...maximumLength
    )
    let neighbours = NeighbourTally(of: strings, in: runs)

    var candidates: [PhraseCandidate] = []
    for id in neighbours.ids {
      let count = strings.counts[Int(id)]
      let characters = strings.grams[Int(id)].scalars
      if functionCharacters.contains(characters[0]) || functionCharacters.contains(characters[characters.count - 1]) {
        continue
      }
      var cohesion = Double.infinity
      for split in 1..<characters.count {
        let head = strings.count(of: NGram(characters[..<split]))
        let tail = strings.count(of: NGram(characters[split...]))
        let pmi = log((Double(count) / total) / ((Double(head) / total) * (Double(tail) / total)))
        cohesion = min(cohesion, pmi)
      }
      guard cohesion >= options.minimumCohesion else { continue }
      let leftEntropy = neighbours.leftEntropies[Int(id)]
      let rightEntropy = neighbours.rightEntropies[Int(id)]
      guard min(leftEntropy, rightEntropy) >= options.minimumBoundaryEntropy else { continue }
      let phrase = String(String.UnicodeScalarView(characters.compactMap(Unicode.Scalar.init)))
      if options.excludesKnownWords, let analyzer, analyzer.containsWord(phrase) { continue }
      candidates.append(
        PhraseCandidate(
          phrase: phrase, count: count, cohesion: cohesion, leftEntropy: leftEntropy, rightEntropy: rightEntropy,
          score: cohesion * min(leftEntropy, rightEntropy)))
    }
    candidates.sort { $0.score != $1.score ? $0.score > $1.score : $0.phrase < $1.phrase }
    return Array(candidates.prefix(max(options.maximumCandidateCount, 0)))
  }

  private static let functionCharacters: Set<UInt32> = Set(
    "的了和与及在是对将为等也都就而并其之".unicodeScalars.map(\.value))
}

/// Up to eight Han characters of U+4E00–U+9FD5 packed 16 bits each (they are below
/// U+10000 and non-zero, so the length is implicit).
struct NGram: Hashable {
  private var low: UInt64 = 0
  private var high: UInt64 = 0
  private(set) var count = 0

  init() {}

  init<C: Collection>(_ scalars: C) where C.Element == UInt32 {
    for scalar in scalars { append(scalar) }
  }

  mutating func append(_ scalar: UInt32) {
    precondition(count < 8 && scalar < 0x10000, "NGram holds up to 8 BMP characters")
    if count < 4 {
      low |= UInt64(scalar) << (16 * UInt64(count))
    } else {
      high |= UInt64(scalar) << (16 * UInt64(count - 4))
    }
    count += 1
  }

  // The characters are non-zero, so the two words determine the count.
  func hash(into hasher: inout Hasher) {
    hasher.combine(low)
    hasher.combine(high)
  }

  var scalars: [UInt32] {
    (0..<count).map { index in
      let word = index < 4 ? low : high
      return UInt32(truncatingIfNeeded: (word >> (16 * UInt64(index % 4))) & 0xFFFF)
    }
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
