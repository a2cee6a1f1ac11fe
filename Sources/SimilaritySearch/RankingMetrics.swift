import Foundation

/// Standard measures of a ranked list against graded relevance judgements, as TREC and
/// scikit-learn's `ndcg_score` define them.
///
/// Grades are non-negative integers (0 = not relevant); a document counts as *relevant* for
/// the binary measures when its grade is at least 1. Documents without a judgement have
/// grade 0. With *rel(i)* the grade of the document at rank *i* (1-based) and *R* the number
/// of relevant documents:
///
///     DCG@k  = Σᵢ₌₁ᵏ (2^rel(i) − 1) / log₂(i + 1)
///     nDCG@k = DCG@k / DCG@k of the ideal ordering (grades sorted descending)
///     P@k    = |relevant in the top k| / k
///     AP     = (1/R) Σ over relevant ranks i of P@i       (0 when R = 0)
///     R@k    = |relevant in the top k| / R                (0 when R = 0)
///
/// The exponential gain makes a grade-2 answer worth three grade-1 answers at the same rank,
/// which is how analysts weigh "the same kind of policy" against "related".
public struct RankingMetrics: Sendable, Hashable, Codable {
  /// nDCG at 10.
  public var ndcgAt10: Double
  /// Precision at 5.
  public var precisionAt5: Double
  /// Average precision (MAP when averaged over queries), over the whole ranked list given.
  public var averagePrecision: Double
  /// Recall at 10.
  public var recallAt10: Double

  public init(ndcgAt10: Double, precisionAt5: Double, averagePrecision: Double, recallAt10: Double) {
    self.ndcgAt10 = ndcgAt10
    self.precisionAt5 = precisionAt5
    self.averagePrecision = averagePrecision
    self.recallAt10 = recallAt10
  }

  /// The measures of one ranked list.
  ///
  /// - Parameters:
  ///   - ranking: Document keys, best first (at least 10 for nDCG@10 and R@10 to be exact).
  ///   - grades: The judged grade of each document; missing keys are grade 0.
  /// - Complexity: O(*m* + *j* log *j*) for *m* ranked and *j* judged documents.
  public init<Key: Hashable>(ranking: [Key], grades: [Key: Int]) {
    let relevantCount = grades.values.filter { $0 > 0 }.count
    func gain(_ grade: Int) -> Double { Double((1 << max(0, min(grade, 30))) - 1) }
    func discount(_ rank: Int) -> Double { 1 / log2(Double(rank + 1)) }
    let top10 = ranking.prefix(10).map { grades[$0] ?? 0 }
    let dcg = top10.enumerated().reduce(0) { $0 + gain($1.element) * discount($1.offset + 1) }
    let ideal = grades.values.sorted(by: >).prefix(10).enumerated().reduce(0) {
      $0 + gain($1.element) * discount($1.offset + 1)
    }
    ndcgAt10 = ideal > 0 ? dcg / ideal : 0
    precisionAt5 = Double(ranking.prefix(5).filter { (grades[$0] ?? 0) > 0 }.count) / 5
    var hits = 0
    var precisionSum = 0.0
    for (offset, key) in ranking.enumerated() where (grades[key] ?? 0) > 0 {
      hits += 1
      precisionSum += Double(hits) / Double(offset + 1)
    }
    averagePrecision = relevantCount > 0 ? precisionSum / Double(relevantCount) : 0
    recallAt10 = relevantCount > 0 ? Double(top10.filter { $0 > 0 }.count) / Double(relevantCount) : 0
  }

  /// The mean of each measure over several queries (all zero for none).
  public static func mean(of all: [RankingMetrics]) -> RankingMetrics {
    guard !all.isEmpty else { return RankingMetrics(ndcgAt10: 0, precisionAt5: 0, averagePrecision: 0, recallAt10: 0) }
    let n = Double(all.count)
    return RankingMetrics(
      ndcgAt10: all.reduce(0) { $0 + $1.ndcgAt10 } / n, precisionAt5: all.reduce(0) { $0 + $1.precisionAt5 } / n,
      averagePrecision: all.reduce(0) { $0 + $1.averagePrecision } / n,
      recallAt10: all.reduce(0) { $0 + $1.recallAt10 } / n)
  }
}
