import LinearAlgebra

/// Which terms make two documents similar, as an exact additive split of the score.
///
/// Let *q* and *d* be the two documents' TF-IDF rows (l2-normalized), *V* the term loadings
/// (*terms × k*) and q̂ = *qV*, d̂ = *dV* their latent vectors (the rows of *U*Σ that
/// ``CosineIndex`` is built from). The latent cosine splits over terms:
///
///     cos(q̂, d̂) = Σₜ cₜ,   cₜ = ½ (qₜ (Vₜ · d̂) + dₜ (Vₜ · q̂)) / (‖q̂‖ ‖d̂‖)
///
/// Each half alone already sums to the cosine, because q̂ · d̂ = Σₜ qₜ (Vₜ · d̂); averaging the
/// two sides makes the split symmetric in *q* and *d*. Only terms present in *q* or *d* can
/// contribute, so every explaining term occurs in one of the two articles, and a term
/// present in only one of them still gets credit when its loadings point at the other
/// article's topics (synonyms and related vocabulary — the reason LSA finds the match).
///
/// Without loadings, ``lexical(query:document:count:)`` splits the plain TF-IDF cosine
/// instead: cₜ = qₜ dₜ, non-zero only for shared terms.
///
/// The split explains the cosine of rows of *XV* (that is, *U*Σ). If the index is built from
/// rows of *U* (no Σ), the shown score differs and this split is an approximation.
public enum MatchExplanation {
  /// The `count` terms with the largest positive latent contribution (see the type's doc).
  ///
  /// - Parameters:
  ///   - query: The query's TF-IDF row as (term, weight) pairs, e.g. `SparseMatrix.row(_:)`.
  ///   - document: The matched document's TF-IDF row.
  ///   - termLoadings: *terms × k* loadings *V*.
  ///   - count: Maximum number of terms returned.
  /// - Returns: Terms by contribution descending, ties by term index ascending; only positive
  ///   contributions. Empty when either latent vector is zero.
  /// - Complexity: O((*nnz(q)* + *nnz(d)*) · *k* + *m* log *m*), *m* the distinct terms.
  public static func latent(
    query: [(column: Int, value: Double)], document: [(column: Int, value: Double)],
    termLoadings: Matrix, count: Int
  ) -> [TermContribution] {
    let all = latentContributions(query: query, document: document, termLoadings: termLoadings)
    return top(all, count: count)
  }

  /// Every term's latent contribution (positive and negative); they sum to cos(q̂, d̂).
  ///
  /// - Complexity: O((*nnz(q)* + *nnz(d)*) · *k* + *m*) for *m* loaded terms: pass the
  ///   loadings of the two rows' terms only, as the query model does.
  public static func latentContributions(
    query: [(column: Int, value: Double)], document: [(column: Int, value: Double)],
    termLoadings: Matrix
  ) -> [TermContribution] {
    let q̂ = project(query, on: termLoadings)
    let d̂ = project(document, on: termLoadings)
    let normProduct = norm(q̂) * norm(d̂)
    guard normProduct > 0, normProduct.isFinite else { return [] }
    // Dense over the loaded terms (the rows' terms, relocated by the caller): no hashing.
    var contributions = [Double](repeating: 0, count: termLoadings.rowCount)
    var isPresent = [Bool](repeating: false, count: termLoadings.rowCount)
    for (term, weight) in query {
      contributions[term] += 0.5 * weight * loadingDot(term, d̂, termLoadings) / normProduct
      isPresent[term] = true
    }
    for (term, weight) in document {
      contributions[term] += 0.5 * weight * loadingDot(term, q̂, termLoadings) / normProduct
      isPresent[term] = true
    }
    return isPresent.indices.filter { isPresent[$0] }.map {
      TermContribution(term: $0, contribution: contributions[$0])
    }
  }

  /// The `count` shared terms with the largest product qₜ dₜ; they sum to the TF-IDF cosine.
  ///
  /// - Complexity: O(*nnz(q)* + *nnz(d)* + *m* log *m*) for sorted rows.
  public static func lexical(
    query: [(column: Int, value: Double)], document: [(column: Int, value: Double)], count: Int
  ) -> [TermContribution] {
    var weights: [Int: Double] = [:]
    for (term, weight) in document { weights[term, default: 0] += weight }
    var shared: [TermContribution] = []
    for (term, weight) in query {
      if let other = weights[term] {
        shared.append(TermContribution(term: term, contribution: weight * other))
      }
    }
    return top(shared, count: count)
  }

  /// The terms behind a ``HybridSearch`` score, split by kind of evidence.
  ///
  /// - `shared`: terms that occur in **both** texts, by their contribution to the blended
  ///   score, w · q̂ₜ dₜ + (1 − w) · cₜ (q̂ the unit query row, cₜ the latent share above);
  ///   only positive contributions. These are the words "because of" may name: each of them
  ///   is in both articles.
  /// - `related`: terms that occur in only one of the two texts but pull them together in the
  ///   latent space ((1 − w) · cₜ > 0), largest first: vocabulary the other article does not
  ///   use, linked through the topics.
  ///
  /// - Parameters:
  ///   - query: The query's TF-IDF row (any scaling; it is normalised).
  ///   - document: The document's l2-normalised TF-IDF row.
  ///   - termLoadings: *terms × k* loadings *V* indexed like the rows' columns.
  ///   - lexicalWeight: *w*, as in the search.
  ///   - count: Maximum number of terms in each list.
  /// - Complexity: as ``latentContributions(query:document:termLoadings:)``.
  public static func hybrid(
    query: [(column: Int, value: Double)], document: [(column: Int, value: Double)],
    termLoadings: Matrix, lexicalWeight: Double, count: Int
  ) -> (shared: [TermContribution], related: [TermContribution]) {
    let queryNorm = l2Norm(query.map(\.value))
    guard queryNorm > 0, queryNorm.isFinite else { return ([], []) }
    let termCount = termLoadings.rowCount
    var documentWeights = [Double?](repeating: nil, count: termCount)
    for (term, weight) in document { documentWeights[term] = (documentWeights[term] ?? 0) + weight }
    var queryWeights = [Double?](repeating: nil, count: termCount)
    for (term, weight) in query { queryWeights[term] = (queryWeights[term] ?? 0) + weight / queryNorm }
    var latentShare = [Double](repeating: 0, count: termCount)
    if lexicalWeight < 1 {
      for contribution in latentContributions(query: query, document: document, termLoadings: termLoadings) {
        latentShare[contribution.term] = (1 - lexicalWeight) * contribution.contribution
      }
    }
    var shared: [TermContribution] = []
    var related: [TermContribution] = []
    for term in 0..<termCount {
      switch (queryWeights[term], documentWeights[term]) {
      case (let q?, let d?):
        shared.append(TermContribution(term: term, contribution: lexicalWeight * q * d + latentShare[term]))
      case (nil, nil): continue
      default: related.append(TermContribution(term: term, contribution: latentShare[term]))
      }
    }
    return (top(shared, count: count), top(related, count: count))
  }

  private static func top(_ contributions: [TermContribution], count: Int) -> [TermContribution] {
    precondition(count >= 0, "count must be non-negative")
    return Array(
      contributions.filter { $0.contribution > 0 }
        .sorted {
          $0.contribution > $1.contribution
            || ($0.contribution == $1.contribution && $0.term < $1.term)
        }
        .prefix(count))
  }

  private static func project(_ row: [(column: Int, value: Double)], on loadings: Matrix)
    -> [Double]
  {
    var result = [Double](repeating: 0, count: loadings.columnCount)
    loadings.elements.withUnsafeBufferPointer { elements in
      for (term, weight) in row {
        precondition(
          term >= 0 && term < loadings.rowCount,
          "term \(term) outside the \(loadings.rowCount) loaded terms")
        // Column-major: term t's loading on dimension j is element t + j · rows.
        for j in 0..<loadings.columnCount { result[j] += weight * elements[term + j * loadings.rowCount] }
      }
    }
    return result
  }

  private static func loadingDot(_ term: Int, _ vector: [Double], _ loadings: Matrix) -> Double {
    loadings.elements.withUnsafeBufferPointer { elements in
      var dot = 0.0
      for j in 0..<loadings.columnCount { dot += elements[term + j * loadings.rowCount] * vector[j] }
      return dot
    }
  }

  private static func norm(_ vector: [Double]) -> Double { l2Norm(vector) }
}
