/// One term's share of a similarity score.
public struct TermContribution: Sendable, Hashable, Codable {
  /// The term's column in the TF-IDF matrix.
  public var term: Int
  /// The term's additive share of the explained score (see ``MatchExplanation``).
  public var contribution: Double

  /// A contribution of `contribution` from term `term`.
  public init(term: Int, contribution: Double) {
    self.term = term
    self.contribution = contribution
  }
}
