/// A bound on how many documents a term may occur in: an absolute count or a proportion of
/// the corpus, like scikit-learn's `min_df` / `max_df`, which are counts when integers and
/// proportions when floats.
///
/// A proportion p is compared as df ≥ p·n (minimum) or df ≤ p·n (maximum) in floating point,
/// without rounding, exactly as scikit-learn does.
public enum DocumentFrequencyBound: Sendable, Hashable, Codable, CustomStringConvertible {
  /// At least / at most this many documents (≥ 0).
  case count(Int)
  /// At least / at most this proportion of the documents (0 … 1).
  case proportion(Double)

  /// The bound as a number of documents for a corpus of `documentCount` documents.
  public func documentCount(outOf documentCount: Int) -> Double {
    switch self {
    case .count(let count): Double(count)
    case .proportion(let proportion): proportion * Double(documentCount)
    }
  }

  /// `3` for a count, `0.5` for a proportion, as the flags spell them.
  public var description: String {
    switch self {
    case .count(let count): "\(count)"
    case .proportion(let proportion): "\(proportion)"
    }
  }
}
