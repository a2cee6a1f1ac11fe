import Foundation
import LinearAlgebra

/// Terms that distinguish each cluster from the others: class-based TF-IDF (c-TF-IDF).
///
/// All documents of cluster *c* are treated as one class document. With *x*_{d,t} the input
/// weight of term *t* in document *d* (raw counts as in BERTopic, or TF-IDF weights):
///
///     tf(t, c) = Σ_{d ∈ c} x_{d,t}
///     f(t)     = Σ_c tf(t, c)                      total weight of t across classes
///     A        = (1 / C) Σ_c Σ_t tf(t, c)          average total weight per class
///     w(t, c)  = tf(t, c) / Σ_t tf(t, c) × ln(1 + A / f(t))
///
/// This is BERTopic's `ClassTfidfTransformer` (Grootendorst 2022) with L1-normalized class
/// term frequencies, except that *A* is not truncated to an integer. A term frequent in one
/// cluster and rare elsewhere gets a high weight; a term spread evenly over all clusters
/// gets a low one. Terms with f(t) = 0, and empty clusters, have weight 0.
///
/// - Complexity: O(*nnz* + *C*·*m*) time and O(*C*·*m*) memory for *m* terms and *C* clusters.
public struct ClassTFIDF: Sendable, Hashable, Codable {
  /// A term and its c-TF-IDF weight in one cluster.
  public struct WeightedTerm: Sendable, Hashable, Codable {
    /// The term's column in the input matrix.
    public var term: Int
    /// w(t, c) as defined above.
    public var weight: Double
  }

  /// Number of clusters (classes), `max(labels) + 1`.
  public let clusterCount: Int
  /// Number of terms (columns of the input).
  public let termCount: Int
  /// w(t, c), *clusters × terms*.
  public let weights: Matrix

  /// Computes c-TF-IDF weights.
  ///
  /// - Parameters:
  ///   - termWeights: *documents × terms*, non-negative (counts or TF-IDF).
  ///   - labels: Cluster of each document, 0 or greater.
  /// - Throws: ``ClusteringError/labelCountMismatch(labelCount:documentCount:)``,
  ///   ``ClusteringError/negativeLabel(document:label:)``.
  public init(termWeights: SparseMatrix, labels: [Int]) throws(ClusteringError) {
    guard labels.count == termWeights.rowCount else {
      throw .labelCountMismatch(labelCount: labels.count, documentCount: termWeights.rowCount)
    }
    if let bad = labels.firstIndex(where: { $0 < 0 }) {
      throw .negativeLabel(document: bad, label: labels[bad])
    }
    let k = (labels.max() ?? -1) + 1
    let m = termWeights.columnCount
    var tf = Matrix(rowCount: k, columnCount: m)
    for d in 0..<termWeights.rowCount {
      for index in termWeights.rowStarts[d]..<termWeights.rowStarts[d + 1] {
        tf[labels[d], Int(termWeights.columnIndices[index])] += termWeights.values[index]
      }
    }
    var termTotals = [Double](repeating: 0, count: m)
    var classTotals = [Double](repeating: 0, count: k)
    for t in 0..<m {
      for c in 0..<k {
        termTotals[t] += tf[c, t]
        classTotals[c] += tf[c, t]
      }
    }
    let average = k > 0 ? classTotals.reduce(0, +) / Double(k) : 0
    for t in 0..<m {
      let idf = termTotals[t] > 0 ? log(1 + average / termTotals[t]) : 0
      for c in 0..<k { tf[c, t] = classTotals[c] > 0 ? tf[c, t] / classTotals[c] * idf : 0 }
    }
    clusterCount = k
    termCount = m
    weights = tf
  }

  /// The `count` highest-weighted terms of each cluster.
  ///
  /// - Returns: One list per cluster, by weight descending, ties by term index ascending;
  ///   only positive weights.
  /// - Complexity: O(*C*·*m* log *m*).
  public func topTerms(count: Int) -> [[WeightedTerm]] {
    precondition(count >= 0, "count must be non-negative")
    var result: [[WeightedTerm]] = []
    for c in 0..<clusterCount {
      var terms: [WeightedTerm] = []
      for t in 0..<termCount where weights[c, t] > 0 {
        terms.append(WeightedTerm(term: t, weight: weights[c, t]))
      }
      terms.sort { $0.weight > $1.weight || ($0.weight == $1.weight && $0.term < $1.term) }
      result.append(Array(terms.prefix(count)))
    }
    return result
  }
}
