import Reduction
import TextAnalysis
import Vectorization

/// Everything `fit` was asked for: text analysis, weighting, reduction and the random seed.
public struct FitOptions: Sendable, Hashable, Codable {
  /// How articles become terms (lexicon, user dictionary, stop words …).
  public var textAnalysis: TextAnalysisOptions
  /// Whether phrases discovered in the corpus (PMI + boundary entropy) are added to the lexicon before segmenting.
  ///
  /// The accepted phrases are stored in the model.
  public var discoversPhrases: Bool
  /// How many discovered phrases at most are added.
  public var discoveredPhraseLimit: Int
  /// Phrase discovery reads at most this many articles, evenly spaced through the corpus:
  /// a phrase frequent enough to matter shows up in such a sample, and the n-gram counts of a
  /// sample fit in memory where those of a 100k-article corpus would not.
  public static let phraseDiscoverySampleLimit = 1_000
  /// Term weighting; see `TFIDFOptions`.
  public var tfidf: TFIDFOptions
  /// Latent dimensions and SVD algorithm; see `LSAOptions`.
  public var lsa: LSAOptions
  /// Whether `lsa.dimensionCount` is replaced by
  /// ``automaticDimensionCount(documentCount:termCount:)`` once the corpus size is known (the
  /// CLI's default when `--dimensions` is not given).
  public var choosesDimensionsAutomatically: Bool
  /// Seed of the generator behind the randomized SVD.
  public var seed: UInt64
  /// Whether place names (``Ingest/Gazetteer/placeNames``: 江苏, 苏州市, 长三角, 全市 …) are left out of the terms.
  ///
  /// Default `true`: a place says where a policy is, not what it is about, so with places as terms
  /// a Shanghai article matched other Shanghai articles on unrelated subjects. The article's region
  /// and city keep the place; a free-text query that names one uses it as a region preference.
  public var excludesPlaceNames: Bool
  /// How many times an article's title counts in its text (default 3): headlines name the
  /// policy in a few words, where bodies wander.
  public var titleRepetitions: Int
  /// The default of ``titleRepetitions``.
  public static let defaultTitleRepetitions = 3

  /// Creates options; the defaults are PolicyLens's recommended settings.
  public init(
    textAnalysis: TextAnalysisOptions, discoversPhrases: Bool = true,
    discoveredPhraseLimit: Int = 200, tfidf: TFIDFOptions = Self.defaultTFIDF,
    lsa: LSAOptions = LSAOptions(dimensionCount: 100), choosesDimensionsAutomatically: Bool = false,
    seed: UInt64 = 42, excludesPlaceNames: Bool = true,
    titleRepetitions: Int = Self.defaultTitleRepetitions
  ) {
    self.choosesDimensionsAutomatically = choosesDimensionsAutomatically
    self.textAnalysis = textAnalysis
    self.discoversPhrases = discoversPhrases
    self.discoveredPhraseLimit = discoveredPhraseLimit
    self.tfidf = tfidf
    self.lsa = lsa
    self.seed = seed
    self.excludesPlaceNames = excludesPlaceNames
    self.titleRepetitions = titleRepetitions
  }

  private enum CodingKeys: String, CodingKey {
    case textAnalysis, discoversPhrases, discoveredPhraseLimit, tfidf, lsa, choosesDimensionsAutomatically
    case seed, excludesPlaceNames, titleRepetitions
  }

  /// Keys of models written before a rename, read only when the current key is absent.
  private enum LegacyCodingKeys: String, CodingKey {
    /// The old name of ``choosesDimensionsAutomatically``.
    case choosesRankAutomatically
  }

  /// Decodes options; models written before `excludesPlaceNames` and `titleRepetitions`
  /// existed kept places and counted the title 3 times, which is what they read as, and
  /// older models name ``choosesDimensionsAutomatically`` `choosesRankAutomatically`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let skipsTextAnalysis = CodingUserInfoKey.skipsTextAnalysis.flatMap { decoder.userInfo[$0] as? Bool } == true
    textAnalysis =
      skipsTextAnalysis
      ? TextAnalysisOptions(lexiconPath: "", stopWords: [])
      : try container.decode(TextAnalysisOptions.self, forKey: .textAnalysis)
    discoversPhrases = try container.decode(Bool.self, forKey: .discoversPhrases)
    discoveredPhraseLimit = try container.decode(Int.self, forKey: .discoveredPhraseLimit)
    tfidf = try container.decode(TFIDFOptions.self, forKey: .tfidf)
    lsa = try container.decode(LSAOptions.self, forKey: .lsa)
    let legacy = try decoder.container(keyedBy: LegacyCodingKeys.self)
    if !container.contains(.choosesDimensionsAutomatically), legacy.contains(.choosesRankAutomatically) {
      choosesDimensionsAutomatically = try legacy.decode(Bool.self, forKey: .choosesRankAutomatically)
    } else {
      choosesDimensionsAutomatically = try container.decode(Bool.self, forKey: .choosesDimensionsAutomatically)
    }
    seed = try container.decode(UInt64.self, forKey: .seed)
    excludesPlaceNames = try container.decodeIfPresent(Bool.self, forKey: .excludesPlaceNames) ?? false
    titleRepetitions = try container.decodeIfPresent(Int.self, forKey: .titleRepetitions) ?? 3
  }

  /// The number of dimensions used when none is asked for: 100 (the usual LSA choice for news-sized
  /// corpora, and scikit-learn's recommendation for `TruncatedSVD` on text), but at most half
  /// the documents or terms, so a small corpus keeps a compressed, less noisy space.
  public static func automaticDimensionCount(documentCount: Int, termCount: Int) -> Int {
    max(1, min(100, min(documentCount, termCount) / 2))
  }

  /// Words that name a policy's form or stage rather than its subject (条例, 实施方案, 若干措施, 印发, 出台, 加快, 推动 …).
  ///
  /// Headlines are full of them, so with titles counted three times they make a regulation on
  /// business environment look like a regulation on new energy. `fit` drops them unless asked to
  /// keep them (`--instrument-words`); on the hand-judged check set dropping them raised
  /// precision@min(5,R) from 0.40 to 0.44. They stay available to `terms` and to analyses that care
  /// about the instrument.
  public static let policyInstrumentWords = [
    "条例", "实施方案", "行动方案", "若干措施", "措施", "意见", "实施意见", "通知", "印发", "出台",
    "发布", "方案", "办法", "举措", "行动计划", "计划", "三年", "加快", "推动", "推进", "支持",
    "发展", "高质量发展", "打造", "建设",
  ]

  /// Sublinear term frequency (1 + ln tf), smoothed idf, l2 rows: long articles that
  /// repeat a word twenty times should not drown a short one that names it twice.
  public static let defaultTFIDF = TFIDFOptions(sublinearTermFrequency: true)
}
