/// How term weights are computed: scikit-learn `TfidfVectorizer`'s options, with its defaults.
///
/// For term *t* in document *d*, with *n* training documents and *df(t)* the number of them
/// that contain *t*:
///
///     tf(t, d)  = count(t, d)                    or 1 + ln count(t, d)  (sublinearTermFrequency)
///     idf(t)    = ln((1 + n) / (1 + df(t))) + 1  (smoothIDF, default)  or ln(n / df(t)) + 1
///     w(t, d)   = tf(t, d) × idf(t)              (or tf alone without useIDF)
///
/// then each row is divided by its L2 (or L1) norm. The +1 outside the logarithm keeps terms
/// that occur in every document from getting weight zero. The defaults are scikit-learn's, so
/// that analysts can reproduce the weights with `TfidfVectorizer(analyzer=lambda d: d)` on
/// the same tokens; gensim's default (log₂(n / df), no +1) gives different numbers.
public struct TFIDFOptions: Sendable, Hashable, Codable {
  /// Row normalization.
  public enum Normalization: String, Sendable, Hashable, Codable, CaseIterable {
    /// Divide each row by √(Σ w²): dot products of rows are cosine similarities.
    case l2
    /// Divide each row by Σ |w|.
    case l1
    /// Leave rows unscaled.
    case none
  }

  /// Use 1 + ln(count) instead of the raw count (`sublinear_tf`); default `false`.
  public var sublinearTermFrequency: Bool
  /// Add one to n and to every df, as if one extra document contained every term (`smooth_idf`); default `true`.
  ///
  /// It also avoids division by zero.
  public var smoothIDF: Bool
  /// Multiply by idf at all (`use_idf`); default `true`.
  public var useIDF: Bool
  /// Row normalization (`norm`); default ``Normalization/l2``.
  public var norm: Normalization
  /// Drop terms in fewer documents (`min_df`); default `.count(1)`, which keeps everything.
  public var minimumDocumentFrequency: DocumentFrequencyBound
  /// Drop terms in more documents (`max_df`); default `.proportion(1.0)`, which keeps everything.
  ///
  /// Values like 0.5 remove corpus-specific stop words.
  public var maximumDocumentFrequency: DocumentFrequencyBound
  /// Keep only this many terms, those with the largest total count over the corpus
  /// (`max_features`), applied after the document-frequency bounds; default `nil` (no limit).
  ///
  /// Ties at the cut are broken by term order; scikit-learn's unstable sort may break them
  /// differently.
  public var maximumFeatures: Int?

  /// Options with scikit-learn's defaults unless given.
  public init(
    sublinearTermFrequency: Bool = false, smoothIDF: Bool = true, useIDF: Bool = true,
    norm: Normalization = .l2,
    minimumDocumentFrequency: DocumentFrequencyBound = .count(1),
    maximumDocumentFrequency: DocumentFrequencyBound = .proportion(1.0),
    maximumFeatures: Int? = nil
  ) {
    self.sublinearTermFrequency = sublinearTermFrequency
    self.smoothIDF = smoothIDF
    self.useIDF = useIDF
    self.norm = norm
    self.minimumDocumentFrequency = minimumDocumentFrequency
    self.maximumDocumentFrequency = maximumDocumentFrequency
    self.maximumFeatures = maximumFeatures
  }

  /// Checks the ranges scikit-learn enforces: counts ≥ 0 (`--min-df`) or ≥ 1 (`--max-df`),
  /// proportions in [0, 1], `maximumFeatures` ≥ 1.
  ///
  /// - Throws: ``VectorizationError/invalidOption(name:value:allowed:)``.
  public func validate() throws(VectorizationError) {
    for (name, bound, smallestCount) in [
      ("--min-df", minimumDocumentFrequency, 0), ("--max-df", maximumDocumentFrequency, 1),
    ] {
      switch bound {
      case .count(let count) where count < smallestCount:
        throw .invalidOption(
          name: name, value: "\(count)", allowed: "a document count ≥ \(smallestCount) or a proportion in [0, 1]")
      case .proportion(let p) where !(0...1).contains(p):
        throw .invalidOption(
          name: name, value: "\(p)", allowed: "a document count ≥ \(smallestCount) or a proportion in [0, 1]")
      default: break
      }
    }
    if let limit = maximumFeatures, limit < 1 {
      throw .invalidOption(name: "--max-features", value: "\(limit)", allowed: "at least 1")
    }
  }
}
