/// Thresholds for ``PhraseDiscovery``.
public struct PhraseDiscoveryOptions: Codable, Sendable, Hashable {
  /// Shortest phrase, in Han characters.
  ///
  /// Default 2.
  public var minimumLength: Int
  /// Longest phrase, in Han characters; at most 8.
  ///
  /// Default 6, the length of most policy slogans (`新质生产力` is 5).
  public var maximumLength: Int
  /// Fewest occurrences in the corpus.
  ///
  /// Default 5: rarer strings have unreliable entropies.
  public var minimumCount: Int
  /// Smallest cohesion (minimum pointwise mutual information over split points, in nats).
  ///
  /// Default 3: the phrase occurs e³ ≈ 20 times more often than its parts would by chance.
  public var minimumCohesion: Double
  /// Smallest left and right boundary entropy, in nats.
  ///
  /// Default 1: at least ~e distinct equally likely neighbours on each side.
  public var minimumBoundaryEntropy: Double
  /// Whether candidates the analyzer already knows as words are left out.
  ///
  /// Default `true`.
  public var excludesKnownWords: Bool
  /// At most this many candidates, best first.
  ///
  /// Default 200.
  public var maximumCandidateCount: Int

  /// Creates options; defaults are documented on each property.
  public init(
    minimumLength: Int = 2, maximumLength: Int = 6, minimumCount: Int = 5, minimumCohesion: Double = 3,
    minimumBoundaryEntropy: Double = 1, excludesKnownWords: Bool = true, maximumCandidateCount: Int = 200
  ) {
    self.minimumLength = minimumLength
    self.maximumLength = maximumLength
    self.minimumCount = minimumCount
    self.minimumCohesion = minimumCohesion
    self.minimumBoundaryEntropy = minimumBoundaryEntropy
    self.excludesKnownWords = excludesKnownWords
    self.maximumCandidateCount = maximumCandidateCount
  }
}

/// A string that behaves like a word in a corpus, with the evidence for it.
public struct PhraseCandidate: Codable, Sendable, Hashable {
  /// The phrase, normalised.
  public var phrase: String
  /// Occurrences in the corpus.
  public var count: Int
  /// Minimum pointwise mutual information over the phrase's split points, in nats.
  public var cohesion: Double
  /// Entropy of the character before each occurrence, in nats.
  public var leftEntropy: Double
  /// Entropy of the character after each occurrence, in nats.
  public var rightEntropy: Double
  /// `cohesion × min(leftEntropy, rightEntropy)`; candidates are sorted by it.
  public var score: Double

  /// Creates a candidate.
  public init(phrase: String, count: Int, cohesion: Double, leftEntropy: Double, rightEntropy: Double, score: Double) {
    self.phrase = phrase
    self.count = count
    self.cohesion = cohesion
    self.leftEntropy = leftEntropy
    self.rightEntropy = rightEntropy
    self.score = score
  }
}

extension TextAnalysisOptions {
  /// These options with the candidates' phrases appended to ``discoveredPhrases``
  /// (duplicates skipped); build a new ``TextAnalyzer`` from the result.
  public func addingDiscoveredPhrases(_ candidates: [PhraseCandidate]) -> TextAnalysisOptions {
    var copy = self
    var seen = Set(discoveredPhrases)
    for candidate in candidates where seen.insert(candidate.phrase).inserted {
      copy.discoveredPhrases.append(candidate.phrase)
    }
    return copy
  }
}
