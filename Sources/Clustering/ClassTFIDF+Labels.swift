extension ClassTFIDF {
  /// Label terms for each cluster: its most distinctive terms, without excluded terms and
  /// without a term that is part of, or contains, a term already chosen.
  ///
  /// Terms are read by weight descending (ties by term index). A term is skipped when
  /// `isExcluded` says so (places, stop words, words naming a policy's form) or when it is a
  /// substring of a chosen term (经济 after 低空经济) or of an excluded one read before it (海市
  /// after 上海市: a part of a skipped word owes its weight to that word). A term that contains chosen terms
  /// replaces them in place (低空经济 after 低空), so with sub-words indexed a label reads
  /// 低空经济 无人机, not 低空 低空经济 经济.
  ///
  /// - Parameters:
  ///   - count: Terms per cluster.
  ///   - names: The text of each term, indexed like the columns.
  ///   - isExcluded: Whether a term may not label a cluster.
  /// - Returns: One list per cluster, at most `count` terms, only positive weights.
  /// - Complexity: O(*C*·*m* log *m* + *C*·*m*·`count`).
  public func labelTerms(count: Int, names: [String], isExcluded: (String) -> Bool) -> [[String]] {
    precondition(count >= 0, "count must be non-negative")
    precondition(names.count == termCount, "one name per term: \(termCount) terms, \(names.count) names")
    return topTerms(count: termCount).map { ranked in
      var chosen: [String] = []
      var skipped: [String] = []
      for weighted in ranked where chosen.count < count {
        let term = names[weighted.term]
        if isExcluded(term) {
          skipped.append(term)
          continue
        }
        if chosen.contains(where: { $0.contains(term) }) || skipped.contains(where: { $0.contains(term) }) { continue }
        if let first = chosen.firstIndex(where: { term.contains($0) }) {
          chosen[first] = term
          chosen = chosen.enumerated().filter { $0.offset == first || !term.contains($0.element) }.map(\.element)
        } else {
          chosen.append(term)
        }
      }
      return chosen
    }
  }
}
