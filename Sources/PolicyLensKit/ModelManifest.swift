import FileIntegrity
import Ingest
import ModelStore

/// `manifest.json` of a model directory: what was fitted, from what, with which settings,
/// and the checksum of every file, so that loading can tell a sound model from a damaged one.
public struct ModelManifest: Sendable, Hashable, Codable {
  /// The layout version of a model written whole (`fit`, a compacting `add`); every build reads it.
  public static let currentFormatVersion = 1
  /// The layout version of a model with segments (``segments``): builds before segments refuse
  /// it with a clear message rather than reading only the base files.
  public static let segmentedFormatVersion = 2

  /// Layout version of the directory.
  public var formatVersion: Int
  /// When the model was written (ISO 8601, UTC).
  public var createdAt: String
  /// The program that wrote it (`policylens 0.1.0`).
  public var generator: String
  /// Everything `fit` was asked for, with the text analysis resolved (lexicon checksum,
  /// discovered phrases) so that queries analyse text exactly as fitting did.
  public var parameters: FitOptions
  /// The SVD algorithm actually used (`exact` or `randomized`).
  public var algorithm: String
  /// ‖A‖²_F of the training weights (denominator of each topic's share of variance).
  public var totalSumOfSquares: Double
  /// The input files and their checksums.
  public var corpus: CorpusSummary
  /// Sizes of the fitted parts.
  public var counts: Counts
  /// Articles appended by `policylens add` (fold-in) since the fit.
  public var foldedInArticleCount: Int
  /// Every data file of the model with its checksum and shape.
  public var files: [String: StoredFile]
  /// The themes file `fit` read, as given (its copy is `themes.yaml` in the model): commands
  /// run where that path still names a file tag with it as it is now when it was edited after
  /// the fit, and say so.
  public var themesSource: String? = nil
  /// The theme columns of `theme_evidence.npy` (`nil`: the model stores no theme evidence).
  public var themeEvidence: ThemeEvidenceColumns? = nil
  /// The article count of each segment `add` appended after the base files, in order.
  ///
  /// `nil` when there are none (see `ModelFile.segmentName(_:)`). The last
  /// `segments.reduce(0, +)` of the ``foldedInArticleCount`` articles are in segments.
  public var segments: [Int]? = nil

  /// The number of segments (0 when the model was written whole).
  public var segmentCount: Int { segments?.count ?? 0 }

  /// What the columns of `theme_evidence.npy` were counted for.
  public struct ThemeEvidenceColumns: Sendable, Hashable, Codable {
    /// Per column, the checksum of the theme's text signature (`ThemeTagger.textSignature(ofTheme:)`).
    public var signatures: [String]
    /// Per column, the theme's phrases; `theme_evidence_phrases.npy` indexes them.
    public var phrases: [[String]]

    public init(signatures: [String], phrases: [[String]]) {
      self.signatures = signatures
      self.phrases = phrases
    }
  }

  /// One input file of the corpus.
  public struct CorpusFile: Sendable, Hashable, Codable {
    public var name: String
    public var bytes: Int
    public var checksum: String
  }

  /// The corpus a model was fitted on.
  public struct CorpusSummary: Sendable, Hashable, Codable {
    /// The input files; empty when the manifest was loaded without them (see
    /// ``CodingUserInfoKey/skipsCorpusFiles``).
    public var files: [CorpusFile]
    /// Checksum over the files' names and checksums, in order.
    public var checksum: String

    public init(files: [CorpusFile], checksum: String) {
      self.files = files
      self.checksum = checksum
    }

    /// The files `corpus` was read from, as ingest recorded them (nothing is read again):
    /// one entry per newsletter, under its file name (`Newsletter.file`), with its size and
    /// checksum.
    public init(_ corpus: Corpus) {
      let files = zip(corpus.newsletters, corpus.sources).map { newsletter, source in
        CorpusFile(name: newsletter.file, bytes: source.byteCount, checksum: source.checksum)
      }
      let combined = files.map { "\($0.name)\t\($0.checksum)" }.joined(separator: "\n")
      self.init(files: files, checksum: Checksum.hex(of: Array(combined.utf8)))
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      checksum = try container.decode(String.self, forKey: .checksum)
      let skipsFiles = CodingUserInfoKey.skipsCorpusFiles.flatMap { decoder.userInfo[$0] as? Bool } == true
      files = skipsFiles ? [] : try container.decode([CorpusFile].self, forKey: .files)
    }
  }

  /// Sizes of a model's parts.
  public struct Counts: Sendable, Hashable, Codable {
    public var articles: Int
    public var terms: Int
    public var dimensions: Int
    public var nonZeroWeights: Int
  }

  /// A data file: its checksum, byte count, and array shape where it is an array.
  public typealias StoredFile = ModelStore.StoredFile
}

extension CodingUserInfoKey {
  /// Set to `true` to decode a ``ModelManifest`` without its corpus file list: a query does
  /// not need it, and a 100k-article corpus lists thousands of files. (The initializer is
  /// failable in the API only; were it ever nil, the files would simply be decoded.)
  static let skipsCorpusFiles = CodingUserInfoKey(rawValue: "skipsCorpusFiles")
  /// Set to `true` to decode a ``ModelManifest`` without its text-analysis parameters.
  ///
  /// A query by article id analyses no text, and the stop words, user dictionary and discovered
  /// phrases are most of the manifest. `parameters.textAnalysis` is then empty options, with no
  /// lexicon path and no stop words.
  static let skipsTextAnalysis = CodingUserInfoKey(rawValue: "skipsTextAnalysis")
}
