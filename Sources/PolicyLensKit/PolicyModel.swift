import Foundation
import Ingest
import LinearAlgebra
import ModelStore
import Reduction
import Synchronization
import TextAnalysis
import ThemeTagging
import Vectorization

/// A fitted PolicyLens model: the articles, how their text was analysed, their TF-IDF weights and
/// their latent topic coordinates.
///
/// `ModelStore` saves and loads it.
public struct PolicyModel: Sendable {
  /// Provenance, parameters and file checksums.
  public var manifest: ModelManifest
  /// The articles, in document (row) order.
  public var articles: [Article] {
    didSet { encodedArticleFiles = nil }
  }
  /// The article files `save(to:)` writes, when `fit` encoded them ahead (see
  /// ``EncodedArticleFiles``); dropped when ``articles`` change.
  var encodedArticleFiles: EncodedArticleFiles?
  /// Vocabulary, idf and the weights of every article (fold-ins included).
  public var tfidf: TFIDFModel
  /// Latent topics; `documentCoordinates` has one row per article (fold-ins included).
  public var lsa: LSAModel {
    didSet {
      latentVectorCache = LatentVectorCache()
      // A model set whole carries its coordinates (only a load leaves them out).
      hasDocumentCoordinates = true
      mappedUnitLatentRows = nil
      // Loadings set with it replace mapped ones; a model loaded without them keeps reading
      // the file when only its coordinates are added (`loadDocumentCoordinates(from:)`).
      if lsa.termLoadings.rowCount > 0 { mappedTermLoadings = nil }
    }
  }
  /// The theme file `fit` used, byte for byte (`themes.yaml` in the model folder).
  ///
  /// Commands tag with the model's own themes from any folder; `nil` when fitted without themes.
  public var themeDefinitions: Data? = nil
  /// The user dictionary file `fit` read, byte for byte (`userdict.txt` in the model folder).
  ///
  /// `nil` when none was given. Its entries are also in the manifest's text analysis options.
  public var userDictionaryFile: Data? = nil
  /// The text evidence of every article for the model's own themes (`theme_evidence.npy`).
  ///
  /// Tagging reads it instead of the text; `nil` for a model fitted without themes or before
  /// models stored it (tagging then counts in the text). `save(to:)` completes it.
  public var themeEvidence: StoredThemeEvidence? = nil
  /// Whether ``articles`` carry their text and sources (`articles.jsonl`).
  ///
  /// `false` when loaded with `articleText: false`, which reads only `article_index.tsv` (id,
  /// title, place, date, issue). See `loadArticleText(from:)`.
  public internal(set) var hasArticleText = true
  /// Whether ``lsa`` holds the articles' coordinates (`document_coordinates.npy`), and so
  /// ``latentVectors`` their latent vectors.
  ///
  /// `false` when loaded with `documentCoordinates: false`: the articles' unit latent rows are
  /// then read in place (`latent_unit_rows.npy`, mapped), which is all that tagging every article
  /// needs. See `loadDocumentCoordinates(from:)`.
  public internal(set) var hasDocumentCoordinates = true
  /// The articles' unit latent rows, row-major and mapped, when loaded without their coordinates.
  var mappedUnitLatentRows: NumPyArray<Double>?
  /// Whether ``lsa`` holds the term loadings V (`term_loadings.npy`).
  ///
  /// `false` when loaded with `termLoadings: false`: the file is then read in place
  /// (``mappedTermLoadings``), which is all that tagging needs (its themes' rows), and
  /// `lsa.termLoadings` is empty.
  public var hasTermLoadings: Bool { mappedTermLoadings == nil }
  /// The term loadings, column-major and mapped, when loaded without them.
  var mappedTermLoadings: NumPyArray<Double>?
  /// Whether ``weights`` holds the articles' TF-IDF rows (`tfidf_*.npy`).
  ///
  /// `false` when loaded with `termWeights: false`: ``weights`` is then all zeros, of the right
  /// shape. See `loadTermWeights(from:)`.
  public internal(set) var hasTermWeights = true

  /// Latent vectors of the articles: rows of UΣ (= A V, the TF-IDF rows projected on the topics).
  ///
  /// Cosine similarity is computed on these, so each topic counts in proportion to its strength; a
  /// free-text query q maps to q V, the same space. Computed on the first read after ``lsa`` is
  /// set (it scales the whole *n* × *k* matrix) and kept, for every copy of the model: commands
  /// that never read it (`topics`, `show`) do not pay for it.
  ///
  /// - Precondition: ``hasDocumentCoordinates``.
  public var latentVectors: Matrix {
    precondition(
      hasDocumentCoordinates, "the model was loaded without its coordinates (see loadDocumentCoordinates(from:))")
    return latentVectorCache.value { Self.latentVectors(of: lsa) }
  }
  private var latentVectorCache = LatentVectorCache()

  /// A model from its parts.
  public init(
    manifest: ModelManifest, articles: [Article], tfidf: TFIDFModel, lsa: LSAModel, themeDefinitions: Data? = nil,
    userDictionaryFile: Data? = nil
  ) {
    self.manifest = manifest
    self.articles = articles
    self.tfidf = tfidf
    self.lsa = lsa
    self.themeDefinitions = themeDefinitions
    self.userDictionaryFile = userDictionaryFile
  }

  private static func latentVectors(of lsa: LSAModel) -> Matrix {
    lsa.documentCoordinates.scalingColumns(by: lsa.singularValues)
  }

  /// The text analysis the model was fitted with, resolved (queries must use exactly this).
  public var textAnalysis: TextAnalysisOptions { manifest.parameters.textAnalysis }

  /// The weights of every article, documents × terms (the training rows, then fold-ins).
  ///
  /// - Precondition: ``hasTermWeights``.
  public var weights: SparseMatrix {
    precondition(hasTermWeights, "the model was loaded without its TF-IDF rows (see loadTermWeights(from:))")
    return tfidf.trainingWeights
  }

  /// Row of the article with `id`, if any.
  public func row(ofArticle id: String) -> Int? {
    articles.firstIndex { $0.id == id }
  }
}

/// ``PolicyModel/latentVectors``, computed on first use and shared by the copies of one model
/// value; setting ``PolicyModel/lsa`` starts a new, empty cache.
final class LatentVectorCache: Sendable {
  private let matrix = Mutex<Matrix?>(nil)

  /// The cached matrix, or `compute()`'s result, cached (computed once, under the lock).
  func value(_ compute: () -> Matrix) -> Matrix {
    matrix.withLock { cached in
      if let cached { return cached }
      let computed = compute()
      cached = computed
      return computed
    }
  }
}

/// A model's `term_loadings.npy` (terms × k, column-major), read in place by the theme tagger.
struct MappedTermLoadings: TermLoadingTable {
  let array: NumPyArray<Double>

  var rowCount: Int { array.shape[0] }
  var columnCount: Int { array.shape[1] }
  subscript(row: Int, column: Int) -> Double { array[row + column * rowCount] }
}
