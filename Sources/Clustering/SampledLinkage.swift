import LinearAlgebra

/// An average-linkage tree (``LinkageTree``) for a corpus of any size: on every document up to
/// a sample size, else on an evenly spread sample, with every other document given the cluster
/// whose centroid is nearest by cosine.
///
/// The tree needs all pairwise distances of its leaves (8 bytes × *n*²: 80 GB for 100,000
/// documents), so above ``ConsensusOptions/sampleSize`` documents (*s*, default 2,000) it is
/// built on *s* documents drawn one from each of *s* equal consecutive strata of the document
/// order (as ``ConsensusClustering`` samples). The cut gives the sample's clusters; a cluster's
/// centroid is the normalised sum of its sample members' unit vectors, and every other document
/// joins the cluster with the nearest centroid (ties: the lower label). Unlike the consensus,
/// no document is left unclustered: a cut of the tree places every document.
///
/// At or below *s* documents, the tree and labels are exactly ``LinkageTree/init(averageLinkageOf:)``
/// and ``LinkageTree/labels(clusterCount:)``, and no random number is drawn.
///
/// - Complexity: O(*m*²·*d*) time and O(*m*²) memory for the tree, *m* = min(*n*, *s*), plus
///   O(*n*·*k*·*d*) for the assignment.
public struct SampledLinkage: Sendable, Hashable {
  /// The tree; leaf *i* is document `sampleRows[i]`.
  public let tree: LinkageTree
  /// The documents the tree was built on, in increasing order (every document when there are
  /// at most the sample size).
  public let sampleRows: [Int]
  /// Cluster of every document, numbered by first appearance among the documents.
  public let labels: [Int]

  /// Whether the tree was built on a sample.
  public var isSampled: Bool { sampleRows.count < labels.count }

  /// Builds the tree and cuts it into `clusterCount` clusters.
  ///
  /// - Parameters:
  ///   - documentVectors: *documents × dimensions*, any row scaling (cosine).
  ///   - sampleSize: The most documents the tree is built on (`nil`: all), at least 2.
  ///   - clusterCount: The number of clusters, 1 … min(*n*, sample size).
  ///   - generator: Draws the sample (untouched when there is none).
  /// - Throws: ``ClusteringError/tooFewDocuments(documentCount:clusterCount:)`` for an empty
  ///   matrix or more clusters than leaves; ``ClusteringError/invalidParameter(name:value:allowed:)``.
  public init(
    averageLinkageOf documentVectors: Matrix, sampleSize: Int?, clusterCount: Int,
    using generator: inout some RandomNumberGenerator
  ) throws(ClusteringError) {
    let n = documentVectors.rowCount
    if let sampleSize, sampleSize < 2 {
      throw .invalidParameter(name: "sampleSize", value: sampleSize, allowed: "at least 2")
    }
    let leafCount = min(n, sampleSize ?? n)
    guard leafCount < n else {
      tree = try LinkageTree(averageLinkageOf: documentVectors)
      labels = try tree.labels(clusterCount: clusterCount)
      sampleRows = Array(0..<n)
      return
    }
    let rows = UnitRows(documentVectors)
    let sample = evenlySpreadSample(count: leafCount, of: n, using: &generator)
    var sampleVectors = Matrix(rowCount: leafCount, columnCount: rows.dimension)
    for (position, row) in sample.enumerated() {
      for j in 0..<rows.dimension { sampleVectors[position, j] = rows.values[row * rows.dimension + j] }
    }
    tree = try LinkageTree(averageLinkageOf: sampleVectors)
    let sampleLabels = try tree.labels(clusterCount: clusterCount)
    let assigned = ConsensusClustering.assign(
      rows, sample: sample, sampleLabels: sampleLabels, clusterCount: clusterCount, acceptsEveryDocument: true)
    labels = assigned.labels.map { $0 ?? 0 }
    sampleRows = sample
  }
}
