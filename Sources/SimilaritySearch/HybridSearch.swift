/// Ranking that blends a lexical score (TF-IDF cosine: the words two texts share) with a
/// latent one (LSA cosine: the topics they share), then filters and diversifies the result.
///
///     score(q, d) = w · lexical(q, d) + (1 − w) · latent(q, d) + boost(d)
///
/// with *w* = ``lexicalWeight``. Lexical evidence is precise (an article that names 低空经济
/// is about it) and is what a small corpus has; the latent space links articles that say the
/// same thing in other words, and gains weight as a corpus grows. `boost` lets the caller
/// prefer some documents (for example those of a place a free-text query names) without
/// dropping the rest.
///
/// Candidates are walked best first (``RankedIndices``) and kept while they pass the caller's
/// filter and the ``Diversification`` rules, so a filtered search costs little more than an
/// unfiltered one. Ties are broken by index ascending.
///
/// - Complexity: O(*n*·*k* + *nnz*) to score *n* documents of dimension *k* with *nnz* stored
///   TF-IDF weights, plus O(*n* log 512) for the first candidates.
public struct HybridSearch<Latent: DenseRowStorage, Lexical: SparseRowStorage>: Sendable {
  /// The latent index (unit rows of UΣ).
  public let latent: CosineIndex<Latent>
  /// The lexical index (l2-normalised TF-IDF rows).
  public let lexical: LexicalIndex<Lexical>

  /// Indexes the same documents twice; both must have the same number of rows.
  public init(latent: CosineIndex<Latent>, lexical: LexicalIndex<Lexical>) {
    precondition(
      latent.documentCount == lexical.documentCount,
      "the latent index has \(latent.documentCount) rows, the lexical one \(lexical.documentCount)")
    self.latent = latent
    self.lexical = lexical
  }

  /// Number of indexed documents.
  public var documentCount: Int { latent.documentCount }

  /// What to search for: the same text seen both ways.
  public struct Query: Sendable {
    /// The query's vector in the latent space (any scaling).
    public var latentVector: [Double]
    /// The query's TF-IDF weights as (term column, weight).
    public var terms: [(column: Int, value: Double)]

    public init(latentVector: [Double], terms: [(column: Int, value: Double)]) {
      self.latentVector = latentVector
      self.terms = terms
    }
  }

  /// One result with the parts of its score.
  public struct Match: Sendable, Hashable {
    /// The document's row.
    public var index: Int
    /// The blended score used for ranking (boost included).
    public var score: Double
    /// TF-IDF cosine with the query.
    public var lexicalScore: Double
    /// LSA cosine with the query.
    public var latentScore: Double
  }

  /// The blended score of every document (without boosts), with its parts.
  public func scores(for query: Query, lexicalWeight: Double) -> (
    blended: [Double], lexical: [Double], latent: [Double]
  ) {
    precondition((0...1).contains(lexicalWeight), "lexicalWeight must be in 0…1")
    let lexicalScores =
      lexicalWeight > 0 ? lexical.scores(for: query.terms) : [Double](repeating: 0, count: documentCount)
    let latentScores =
      lexicalWeight < 1 ? latent.scores(for: query.latentVector) : [Double](repeating: 0, count: documentCount)
    let blended = zip(lexicalScores, latentScores).map { lexicalWeight * $0 + (1 - lexicalWeight) * $1 }
    return (blended, lexicalScores, latentScores)
  }

  /// The best `count` documents for `query`.
  ///
  /// - Parameters:
  ///   - query: The query, seen both ways.
  ///   - count: Maximum number of results.
  ///   - lexicalWeight: *w* in the type's formula, in 0…1.
  ///   - rules: Near-duplicate threshold (on the blended score; none by default); see
  ///     ``Diversification``.
  ///   - admits: Candidates returning `false` are skipped (the query itself, other places …).
  ///   - isDuplicate: Marks extra duplicates of the query (for example the same title).
  ///   - groupKey: At most one result per non-`nil` key (for example one per region).
  ///   - boost: Added to a candidate's blended score before ranking.
  /// - Returns: Matches ordered by score descending, ties by index ascending.
  public func search(
    _ query: Query, count: Int, lexicalWeight: Double,
    rules: Diversification = Diversification(duplicateThreshold: .infinity),
    admits: (Int) -> Bool = { _ in true }, isDuplicate: (Int) -> Bool = { _ in false },
    groupKey: (Int) -> String? = { _ in nil }, boost: ((Int) -> Double)? = nil
  ) -> [Match] {
    precondition(count >= 0, "count must be non-negative")
    let parts = scores(for: query, lexicalWeight: lexicalWeight)
    var ranked = parts.blended
    if let boost { for i in ranked.indices { ranked[i] += boost(i) } }
    var seen = Set<String>()
    var matches: [Match] = []
    for candidate in RankedIndices(ranked) {
      if matches.count == count { break }
      guard admits(candidate) else { continue }
      // The duplicate rule reads the unboosted score: a preferred place is not a copy.
      let neighbour = Neighbour(index: candidate, score: parts.blended[candidate])
      guard rules.admits(neighbour, isDuplicate: isDuplicate, groupKey: groupKey, seen: &seen) else { continue }
      matches.append(
        Match(
          index: candidate, score: ranked[candidate], lexicalScore: parts.lexical[candidate],
          latentScore: parts.latent[candidate]))
    }
    return matches
  }
}
