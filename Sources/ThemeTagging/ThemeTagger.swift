import LinearAlgebra

/// Assigns themes to articles by combining seed-term evidence, latent similarity and a
/// per-theme calibration against the corpus itself, so no threshold is tuned per theme.
///
/// For theme θ with seed terms *S*_θ (those found in the vocabulary) and article *d* with
/// l2-normalized TF-IDF row *x*_d:
///
/// 1. **Seed mass** (direct evidence): E(d, θ) = Σ_{t ∈ S_θ} x_{d,t}.
/// 2. **Latent similarity**: the seeds are folded into the latent space as a pseudo-document
///    with equal weights, θ̂ = Σ_{t ∈ S_θ} V_t (rows of the term loadings *V*, the same map
///    that turns a TF-IDF row into its *U*Σ row), and R(d, θ) = cos(v_d, θ̂), with v_d the
///    article's document vector.
/// 3. **Calibration against a background**: the articles that contain *no* seed term of θ,
///    B_θ = {d : E(d, θ) = 0}, show what latent similarity to θ looks like by chance. The
///    score is a robust z-score against them (median and 1.4826 × MAD, see ``RobustScale``):
///
///        Z(d, θ) = (R(d, θ) − median_{B_θ} R) / scale_{B_θ} R
///
///    If B_θ has fewer than max(5, ⌈n/4⌉) articles (the theme's seeds are nearly everywhere),
///    or R is constant on it, all *n* articles are the background instead.
///
/// Article *d* carries θ when E(d, θ) > 0 — at least one seed term occurs in it, so nothing
/// is tagged by latent similarity alone — and Z(d, θ) ≥ τ (``ThemeTaggerOptions/threshold``,
/// default 3.5, the usual outlier cut-off for modified z-scores). An article that merely
/// mentions a seed term in passing has a latent similarity like the background's and is not
/// tagged; an article about the theme is far out in the background's tail.
///
/// The seed mass enters once, through the article's vector (which contains those weights)
/// and as the evidence gate. Adding a separate z-score of *E* was tried and rejected: *E* is 0
/// for most articles, so its robust scale depends on how common the theme is, making rare
/// themes fire on single mentions and common ones fire too rarely.
///
/// When the background is the whole corpus, *Z* > 0 means R above its median, so a theme whose
/// seeds occur in (nearly) every article tags at most ⌊n/2⌋ of them.
///
/// **Without a latent space** (both latent inputs `nil`), Z(d, θ) is the robust z-score of
/// E(d, θ) over all articles and the same rules apply; this is coarser, and a theme tags at
/// most ⌊n/2⌋ articles.
///
/// Seed terms match vocabulary terms exactly, or ignoring case for Latin letters; unmatched
/// seeds are listed in ``unmatchedSeedTerms``. A theme with no matched seed never tags.
///
/// - Complexity: Tagging is O(*nnz* · *s* + *n*·*k*·*T* + *T*·*n* log *n*) for *n* articles,
///   *T* themes, latent dimension *k*, and *s* themes per seed term (usually 1).
public struct ThemeTagger: Sendable {
  /// The themes, in catalog order; ``ThemeScore/theme`` indexes this array.
  public let themes: [ThemeDefinition]
  /// Options (threshold).
  public let options: ThemeTaggerOptions
  /// Number of vocabulary terms the tagger was built for.
  public let termCount: Int
  /// For each theme, the vocabulary columns of its matched seed terms, ascending.
  public let seedTermIndices: [[Int]]
  /// For each theme, seed terms not in the vocabulary (in file order).
  public let unmatchedSeedTerms: [[String]]
  /// For each term, the themes it seeds.
  private let themesOfTerm: [Int: [Int]]

  /// Prepares tagging for a vocabulary.
  ///
  /// - Parameters:
  ///   - themes: Theme definitions; keys must be unique.
  ///   - terms: The vocabulary, in TF-IDF column order.
  ///   - options: The threshold.
  /// - Complexity: O(|terms| + total seed terms).
  public init(
    themes: [ThemeDefinition], terms: [String], options: ThemeTaggerOptions = ThemeTaggerOptions()
  ) {
    precondition(Set(themes.map(\.key)).count == themes.count, "theme keys must be unique")
    var exact: [String: Int] = [:]
    var folded: [String: Int] = [:]
    for (index, term) in terms.enumerated() {
      if exact[term] == nil { exact[term] = index }
      if folded[term.lowercased()] == nil { folded[term.lowercased()] = index }
    }
    var indices: [[Int]] = []
    var unmatched: [[String]] = []
    var themesOfTerm: [Int: [Int]] = [:]
    for (themeIndex, theme) in themes.enumerated() {
      var found = Set<Int>()
      var missing: [String] = []
      for seed in theme.seedTerms {
        if let index = exact[seed] ?? folded[seed.lowercased()] {
          found.insert(index)
        } else {
          missing.append(seed)
        }
      }
      let sorted = found.sorted()
      for term in sorted { themesOfTerm[term, default: []].append(themeIndex) }
      indices.append(sorted)
      unmatched.append(missing)
    }
    self.themes = themes
    self.options = options
    self.termCount = terms.count
    self.seedTermIndices = indices
    self.unmatchedSeedTerms = unmatched
    self.themesOfTerm = themesOfTerm
  }

  /// Prepares tagging of a parsed catalog for a vocabulary; see ``init(themes:terms:options:)``.
  public init(
    catalog: ThemeCatalog, terms: [String], options: ThemeTaggerOptions = ThemeTaggerOptions()
  ) {
    self.init(themes: catalog.themes, terms: terms, options: options)
  }

  /// The themes of every article (see the type's documentation for the method).
  ///
  /// - Parameters:
  ///   - termWeights: l2-normalized TF-IDF, *articles × terms* (columns as `terms`).
  ///   - documentVectors: The articles' latent vectors (rows of *U*Σ), or `nil` for
  ///     seed-term evidence only; give both latent inputs or neither.
  ///   - termLoadings: *terms × k* loadings *V*, or `nil`.
  /// - Returns: For each article, its themes by score descending, ties by theme index.
  public func tag(
    termWeights: SparseMatrix, documentVectors: Matrix? = nil, termLoadings: Matrix? = nil
  )
    -> [[ThemeScore]]
  {
    tagging(termWeights: termWeights, documentVectors: documentVectors, termLoadings: termLoadings)
      .tags
  }

  /// Tags and per-theme calibration details (for `--explain` and reports).
  ///
  /// - Parameters: As ``tag(termWeights:documentVectors:termLoadings:)``.
  public func tagging(
    termWeights: SparseMatrix, documentVectors: Matrix? = nil, termLoadings: Matrix? = nil
  )
    -> ThemeTagResult
  {
    precondition(
      termWeights.columnCount == termCount,
      "TF-IDF has \(termWeights.columnCount) terms; the tagger was built for \(termCount)")
    precondition(
      (documentVectors == nil) == (termLoadings == nil),
      "give both documentVectors and termLoadings, or neither")
    let n = termWeights.rowCount
    let themeCount = themes.count
    let seedMass = seedMasses(termWeights)
    var latent: [[Double]]?  // [theme][document]
    if let documentVectors, let termLoadings {
      precondition(documentVectors.rowCount == n, "one document vector per article")
      precondition(termLoadings.rowCount == termCount, "one loading row per term")
      precondition(
        documentVectors.columnCount == termLoadings.columnCount,
        "document vectors and loadings must share k")
      latent = latentSimilarities(documentVectors, termLoadings)
    }
    var tags = [[ThemeScore]](repeating: [], count: n)
    var calibrations: [ThemeCalibration] = []
    for theme in 0..<themeCount {
      let masses = (0..<n).map { seedMass[$0][theme] }
      let withSeeds = masses.count { $0 > 0 }
      let calibration: RobustScale
      var similarities: [Double]?
      if let latent {
        let values = latent[theme]
        let background = (0..<n).filter { masses[$0] == 0 }.map { values[$0] }
        let minimumBackground = max(5, (n + 3) / 4)
        let backgroundScale = RobustScale(of: background)
        calibration =
          background.count >= minimumBackground && backgroundScale.scale > 0
          ? backgroundScale : RobustScale(of: values)
        similarities = values
      } else {
        calibration = RobustScale(of: masses)
      }
      var tagged = 0
      for d in 0..<n where masses[d] > 0 {
        let score = calibration.standardized(similarities?[d] ?? masses[d])
        guard score >= options.threshold, score > 0 else { continue }
        tagged += 1
        tags[d].append(
          ThemeScore(
            theme: theme, key: themes[theme].key, score: score, seedMass: masses[d],
            latentSimilarity: similarities?[d],
            matchedSeedTerms: matchedSeeds(document: d, theme: theme, termWeights)))
      }
      calibrations.append(
        ThemeCalibration(
          theme: theme, median: calibration.median, scale: calibration.scale,
          isLatent: latent != nil, articlesWithSeedTerms: withSeeds, taggedArticles: tagged))
    }
    for d in 0..<n {
      tags[d].sort { $0.score > $1.score || ($0.score == $1.score && $0.theme < $1.theme) }
    }
    return ThemeTagResult(tags: tags, calibrations: calibrations)
  }

  /// E(d, θ) for all articles and themes, [article][theme].
  private func seedMasses(_ termWeights: SparseMatrix) -> [[Double]] {
    var result = [[Double]](
      repeating: [Double](repeating: 0, count: themes.count), count: termWeights.rowCount)
    for d in 0..<termWeights.rowCount {
      for index in termWeights.rowStarts[d]..<termWeights.rowStarts[d + 1] {
        guard let owners = themesOfTerm[Int(termWeights.columnIndices[index])] else { continue }
        for theme in owners { result[d][theme] += termWeights.values[index] }
      }
    }
    return result
  }

  /// R(d, θ) for all themes and articles, [theme][article].
  private func latentSimilarities(_ documentVectors: Matrix, _ termLoadings: Matrix) -> [[Double]] {
    let n = documentVectors.rowCount
    let k = documentVectors.columnCount
    let documentNorms = documentVectors.rowNorms()
    return seedTermIndices.map { seeds -> [Double] in
      var pseudo = [Double](repeating: 0, count: k)
      for term in seeds {
        for j in 0..<k { pseudo[j] += termLoadings[term, j] }
      }
      let norm = l2Norm(pseudo)
      guard norm > 0, norm.isFinite else { return [Double](repeating: 0, count: n) }
      var dots = [Double](repeating: 0, count: n)
      for j in 0..<k where pseudo[j] != 0 {
        let coefficient = pseudo[j] / norm
        for i in 0..<n { dots[i] += coefficient * documentVectors[i, j] }
      }
      return (0..<n).map {
        documentNorms[$0] > 0 ? min(1, max(-1, dots[$0] / documentNorms[$0])) : 0
      }
    }
  }

  private func matchedSeeds(document d: Int, theme: Int, _ termWeights: SparseMatrix) -> [Int] {
    var found: [(term: Int, weight: Double)] = []
    for index in termWeights.rowStarts[d]..<termWeights.rowStarts[d + 1] {
      let term = Int(termWeights.columnIndices[index])
      if themesOfTerm[term]?.contains(theme) == true, termWeights.values[index] > 0 {
        found.append((term, termWeights.values[index]))
      }
    }
    return found.sorted { $0.weight > $1.weight || ($0.weight == $1.weight && $0.term < $1.term) }
      .map(\.term)
  }

  /// How many articles carry each theme, indexed like ``themes``.
  ///
  /// - Parameter tags: The output of ``tag(termWeights:documentVectors:termLoadings:)``.
  /// - Complexity: O(total tags).
  public func articleCounts(_ tags: [[ThemeScore]]) -> [Int] {
    var counts = [Int](repeating: 0, count: themes.count)
    for article in tags {
      for score in article { counts[score.theme] += 1 }
    }
    return counts
  }
}
