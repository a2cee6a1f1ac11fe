/// Everything that decides which terms a ``TextAnalyzer`` produces, recordable in a model.
///
/// The options are self-contained except for the base lexicon, which is referenced by path
/// and pinned by checksum: the user dictionary, discovered phrases and stop words are stored
/// by value. Store ``TextAnalyzer/resolvedOptions`` (these options with
/// ``lexiconChecksum`` filled in) in a model manifest; building an analyzer from them at
/// query time gives the same segmentation, or throws
/// ``TextAnalysisError/lexiconChecksumMismatch(path:expected:actual:)`` if the dictionary
/// file changed.
public struct TextAnalysisOptions: Codable, Sendable, Hashable {
  /// Version of this encoding; bumped when a field's meaning changes.
  public var formatVersion: Int
  /// Path of the jieba-format base lexicon (`word frequency [tag]` per line).
  public var lexiconPath: String
  /// Expected checksum of the lexicon (`fnv1a64:…`), or `nil` to accept any file.
  public var lexiconChecksum: String?
  /// Domain words added on top of the lexicon; see ``UserDictionary``.
  public var userDictionary: UserDictionary
  /// Phrases accepted from ``PhraseDiscovery``, added like user words without a frequency.
  public var discoveredPhrases: [String]
  /// Terms removed by ``TextAnalyzer/terms(in:)``, compared after normalisation.
  /// Defaults to ``StopWords/policyNews``.
  public var stopWords: [String]
  /// Whether one-scalar terms (`省`, `市`, `x`) are kept. Default `false`: in policy news
  /// they are mostly function words or fragments of unknown names.
  public var keepsSingleCharacterTerms: Bool
  /// Whether numbers, percentages and numeral-only Han tokens (`2024`, `3.5%`, `三年`) are
  /// kept. Default `false`: they date an article rather than say what it is about.
  /// Alphanumeric terms such as `5g` or `c919` are always kept.
  public var keepsNumbers: Bool
  /// Whether unknown words are recognised with jieba's HMM (`HMM=True`, the default).
  public var usesHiddenMarkovModel: Bool

  /// The path of Debian python3-jieba's dictionary, the lexicon PolicyLens is tested with.
  public static let debianJiebaLexiconPath = "/usr/lib/python3/dist-packages/jieba/dict.txt"

  /// Creates options; every default is documented on its property.
  public init(
    lexiconPath: String,
    lexiconChecksum: String? = nil,
    userDictionary: UserDictionary = UserDictionary(),
    discoveredPhrases: [String] = [],
    stopWords: [String] = StopWords.policyNews,
    keepsSingleCharacterTerms: Bool = false,
    keepsNumbers: Bool = false,
    usesHiddenMarkovModel: Bool = true
  ) {
    self.formatVersion = 1
    self.lexiconPath = lexiconPath
    self.lexiconChecksum = lexiconChecksum
    self.userDictionary = userDictionary
    self.discoveredPhrases = discoveredPhrases
    self.stopWords = stopWords
    self.keepsSingleCharacterTerms = keepsSingleCharacterTerms
    self.keepsNumbers = keepsNumbers
    self.usesHiddenMarkovModel = usesHiddenMarkovModel
  }
}
