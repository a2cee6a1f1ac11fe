/// What an LSA fit was asked for: the number of latent dimensions and how to compute the
/// truncated SVD.
public struct LSAOptions: Sendable, Hashable, Codable {
  /// How the truncated SVD is computed.
  public enum Algorithm: String, Sendable, Hashable, Codable, CaseIterable {
    /// Dense LAPACK `dgesdd` of the whole matrix, then truncation. Exact to rounding;
    /// O(m n min(m, n)) time and about 2 m n doubles of memory.
    case exact
    /// Halko–Martinsson–Tropp randomized range finder with power iterations; O(nnz (k + p)
    /// (2q + 2) + (m + n)(k + p)²) time and O((m + n)(k + p)) memory. Each σ is a lower
    /// bound of the exact one; on TF-IDF matrices (flat spectra) the leading half of the top
    /// k agree with exact to 10⁻³ at q = 5 and the trailing ones are up to a few percent low,
    /// like scikit-learn's `TruncatedSVD`.
    case randomized
    /// ``exact`` when it is cheap: at most ``LSAOptions/automaticExactLimit`` entries and a
    /// cost m · n · min(m, n) of at most ``LSAOptions/automaticExactCost``; ``randomized``
    /// otherwise.
    case automatic
  }

  /// The largest m × n that ``Algorithm/automatic`` decomposes densely: 10⁷ entries (80 MB
  /// of doubles).
  public static let automaticExactLimit = 10_000_000

  /// The largest m · n · min(m, n), dgesdd's cost up to a constant, that ``Algorithm/automatic``
  /// decomposes densely: 10⁹.
  ///
  /// The seeds model (106 × 6,068, cost 7 · 10⁷) stays exact; a 1,000 × 6,664 matrix (6.7 · 10⁹)
  /// goes randomized, where the exact SVD would be a fit's largest stage. The timings behind the
  /// threshold are in `bench/README.md`.
  public static let automaticExactCost = 1_000_000_000

  /// Number of latent dimensions k (the LSA topics), at least 1.
  ///
  /// The fit may return fewer; see ``LSAModel``. Models written before this name was chosen
  /// stored it as `rank`, which still decodes.
  public var dimensionCount: Int
  /// The SVD algorithm; default ``Algorithm/automatic``.
  public var algorithm: Algorithm
  /// Extra random directions p sampled beyond k; default 10.
  ///
  /// The default follows Halko, Martinsson and Tropp (2011, §4.2) and scikit-learn's
  /// `n_oversamples`: the top-k error shrinks quickly with p, the cost grows linearly.
  public var oversampling: Int
  /// Power iterations q (default 5): each multiplies by A Aᵀ, sharpening the spectrum's decay.
  ///
  /// On the seeds' TF-IDF matrix the largest relative σ error of the top 10 is about 7 % at q = 2,
  /// 2 % at q = 5 and 0.2 % at q = 10 (scikit-learn, which uses 5, behaves the same; see the
  /// Reduction tests).
  public var powerIterations: Int

  /// Options with the defaults above.
  public init(
    dimensionCount: Int, algorithm: Algorithm = .automatic, oversampling: Int = 10, powerIterations: Int = 5
  ) {
    self.dimensionCount = dimensionCount
    self.algorithm = algorithm
    self.oversampling = oversampling
    self.powerIterations = powerIterations
  }

  private enum CodingKeys: String, CodingKey {
    case dimensionCount, algorithm, oversampling, powerIterations
  }

  /// Keys of models written before a rename, read only when the current key is absent.
  private enum LegacyCodingKeys: String, CodingKey {
    /// The old name of ``dimensionCount``.
    case rank
  }

  /// Decodes options, reading ``dimensionCount`` from the older key `rank` when it is absent.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let legacy = try decoder.container(keyedBy: LegacyCodingKeys.self)
    if !container.contains(.dimensionCount), legacy.contains(.rank) {
      dimensionCount = try legacy.decode(Int.self, forKey: .rank)
    } else {
      dimensionCount = try container.decode(Int.self, forKey: .dimensionCount)
    }
    algorithm = try container.decode(Algorithm.self, forKey: .algorithm)
    oversampling = try container.decode(Int.self, forKey: .oversampling)
    powerIterations = try container.decode(Int.self, forKey: .powerIterations)
  }

  /// The algorithm actually used for an m × n matrix.
  public func resolvedAlgorithm(documentCount m: Int, termCount n: Int) -> Algorithm {
    switch algorithm {
    case .automatic:
      let entries = m.multipliedReportingOverflow(by: n)
      return entries.overflow || entries.partialValue > Self.automaticExactLimit
        || entries.partialValue * min(m, n) > Self.automaticExactCost ? .randomized : .exact
    case let chosen: return chosen
    }
  }
}
