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
  ///
  /// Defaults to ``StopWords/policyNews``.
  public var stopWords: [String]
  /// Whether one-scalar terms (`省`, `市`, `x`) are kept.
  ///
  /// Default `false`: in policy news they are mostly function words or fragments of unknown names.
  public var keepsSingleCharacterTerms: Bool
  /// Whether numbers, percentages and numeral-only Han tokens (`2024`, `3.5%`, `三年`) are kept.
  ///
  /// Default `false`: they date an article rather than say what it is about. Alphanumeric terms
  /// such as `5g` or `c919` are always kept.
  public var keepsNumbers: Bool
  /// Whether unknown words are recognised with jieba's HMM (`HMM=True`, the default).
  public var usesHiddenMarkovModel: Bool
  /// Whether a Han term of three or more characters is followed by its parts that are words of the
  /// lexicon (every substring of length 2 up to one less than the term's), as jieba's search mode
  /// indexes them: `优化营商环境` also gives `优化`, `营商`, `营商环境`, `环境`.
  ///
  /// Default `false` here; `fit` turns it on, so that an analyst typing `营商环境` finds an article
  /// that says `优化营商环境`, and a theme seed `人工智能` matches `生成式人工智能`. Parts are filtered like terms
  /// (stop words, numerals, one-character words).
  public var indexesSubwords: Bool

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
    usesHiddenMarkovModel: Bool = true,
    indexesSubwords: Bool = false
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
    self.indexesSubwords = indexesSubwords
  }

  private enum CodingKeys: String, CodingKey {
    case formatVersion, lexiconPath, lexiconChecksum, userDictionary, discoveredPhrases, stopWords
    case keepsSingleCharacterTerms, keepsNumbers, usesHiddenMarkovModel, indexesSubwords
  }

  /// Decodes options; `indexesSubwords` is absent from models written before it existed
  /// and then reads as `false`, which is how those models were built.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    formatVersion = try container.decode(Int.self, forKey: .formatVersion)
    lexiconPath = try container.decode(String.self, forKey: .lexiconPath)
    lexiconChecksum = try container.decodeIfPresent(String.self, forKey: .lexiconChecksum)
    userDictionary = try container.decode(UserDictionary.self, forKey: .userDictionary)
    discoveredPhrases = try container.decode([String].self, forKey: .discoveredPhrases)
    stopWords = try container.decode([String].self, forKey: .stopWords)
    keepsSingleCharacterTerms = try container.decode(Bool.self, forKey: .keepsSingleCharacterTerms)
    keepsNumbers = try container.decode(Bool.self, forKey: .keepsNumbers)
    usesHiddenMarkovModel = try container.decode(Bool.self, forKey: .usesHiddenMarkovModel)
    indexesSubwords = try container.decodeIfPresent(Bool.self, forKey: .indexesSubwords) ?? false
  }
}
