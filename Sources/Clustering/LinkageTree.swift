import LinearAlgebra

/// A hierarchical clustering (dendrogram) built by average linkage on cosine distance.
///
/// Starting from singletons, the two clusters with the smallest average pairwise distance
///
///     D(A, B) = (1 / |A||B|) Σ_{a∈A, b∈B} (1 − cos(a, b))
///
/// are merged until one cluster remains (UPGMA). The nearest-neighbour-chain algorithm
/// finds the same merges as the naive method in O(*n*²) time (Müllner 2011), and the
/// Lance–Williams update D(k, A∪B) = (|A| D(k, A) + |B| D(k, B)) / (|A| + |B|) keeps one
/// distance matrix.
///
/// ``merges`` follows SciPy's linkage-matrix convention, so results compare directly with
/// `scipy.cluster.hierarchy.linkage(X, method="average", metric="cosine")`: documents are
/// clusters 0..<n, merge *i* creates cluster *n* + *i*, merges are sorted by distance (stable),
/// and each merge lists the smaller cluster id first. Distances here are 1 − cos computed from
/// normalized rows; SciPy's `pdist` computes the same quantity in a different order, so they
/// agree to rounding. Zero vectors are at distance 1 from everything.
///
/// - Complexity: O(*n*²·*d*) to build the distance matrix, O(*n*²) for the merges, O(*n*²)
///   memory (8 bytes × *n*²: 32 MB for 2 000 documents).
public struct LinkageTree: Sendable, Hashable, Codable {
  /// One merge: clusters `left` and `right` join at `distance` into a cluster of `size`.
  public struct Merge: Sendable, Hashable, Codable {
    /// The smaller of the two merged cluster ids.
    public var left: Int
    /// The larger of the two merged cluster ids.
    public var right: Int
    /// Average cosine distance between the two clusters.
    public var distance: Double
    /// Number of documents in the new cluster.
    public var size: Int
  }

  /// Number of documents (leaves).
  public let documentCount: Int
  /// The *n* − 1 merges, by non-decreasing distance.
  public let merges: [Merge]

  /// Builds the tree over the rows of `documentVectors`.
  ///
  /// - Parameter documentVectors: *documents × dimensions*, any row scaling.
  /// - Throws: ``ClusteringError/tooFewDocuments(documentCount:clusterCount:)`` for an empty matrix.
  public init(averageLinkageOf documentVectors: Matrix) throws(ClusteringError) {
    let n = documentVectors.rowCount
    guard n >= 1 else { throw .tooFewDocuments(documentCount: 0, clusterCount: 1) }
    documentCount = n
    // Unclipped 1 − cos, as SciPy's pdist(metric="cosine"), with a zero diagonal.
    var distance = UnitRows(documentVectors).gram()
    for index in distance.indices { distance[index] = 1 - distance[index] }
    merges = Self.label(Self.nearestNeighbourChain(&distance, n: n), n: n)
  }

  /// Builds the tree from a full symmetric row-major *n × n* distance matrix with a zero
  /// diagonal (for example 1 − co-association in ``ConsensusClustering``).
  init(averageLinkageOfDistances distances: [Double], documentCount n: Int) {
    precondition(n >= 1 && distances.count == n * n, "a distance matrix needs n × n entries for n ≥ 1")
    documentCount = n
    var distance = distances
    merges = Self.label(Self.nearestNeighbourChain(&distance, n: n), n: n)
  }

  /// SciPy's `nn_chain` on a full symmetric distance matrix; returns merges in the order
  /// found, with slot ids (the merged cluster lives on in the larger slot).
  private static func nearestNeighbourChain(_ d: inout [Double], n: Int) -> [(Int, Int, Double)] {
    var size = [Int](repeating: 1, count: n)
    var chain: [Int] = []
    var found: [(Int, Int, Double)] = []
    found.reserveCapacity(max(0, n - 1))
    for _ in 0..<max(0, n - 1) {
      if chain.isEmpty, let first = size.firstIndex(where: { $0 > 0 }) { chain.append(first) }
      var x = 0
      var y = 0
      var currentMinimum = Double.infinity
      while true {
        x = chain[chain.count - 1]
        if chain.count > 1 {
          y = chain[chain.count - 2]
          currentMinimum = d[x * n + y]
        } else {
          currentMinimum = .infinity
        }
        for i in 0..<n where size[i] > 0 && i != x {
          if d[x * n + i] < currentMinimum {
            currentMinimum = d[x * n + i]
            y = i
          }
        }
        if chain.count > 1, y == chain[chain.count - 2] { break }
        chain.append(y)
      }
      chain.removeLast(2)
      if x > y { swap(&x, &y) }
      let nx = Double(size[x])
      let ny = Double(size[y])
      found.append((x, y, currentMinimum))
      size[x] = 0
      size[y] += Int(nx)
      for i in 0..<n where size[i] > 0 && i != y {
        let updated = (nx * d[i * n + x] + ny * d[i * n + y]) / (nx + ny)
        d[i * n + y] = updated
        d[y * n + i] = updated
      }
    }
    return found
  }

  /// Sorts merges by distance (stable) and renames slots to SciPy's cluster ids with a
  /// union–find, as `scipy.cluster.hierarchy._hierarchy.label` does.
  private static func label(_ found: [(Int, Int, Double)], n: Int) -> [Merge] {
    let order = found.indices.sorted {
      found[$0].2 < found[$1].2 || (found[$0].2 == found[$1].2 && $0 < $1)
    }
    var parent = Array(0..<(2 * n - 1))
    var clusterSize = [Int](repeating: 1, count: 2 * n - 1)
    var next = n
    func find(_ x: Int) -> Int {
      var root = x
      while parent[root] != root { root = parent[root] }
      var node = x
      while parent[node] != root {
        let up = parent[node]
        parent[node] = root
        node = up
      }
      return root
    }
    var merges: [Merge] = []
    for index in order {
      let (a, b, distance) = found[index]
      let x = find(a)
      let y = find(b)
      let size = clusterSize[x] + clusterSize[y]
      merges.append(Merge(left: min(x, y), right: max(x, y), distance: distance, size: size))
      parent[x] = next
      parent[y] = next
      clusterSize[next] = size
      next += 1
    }
    return merges
  }

  /// Cuts the tree into `clusterCount` clusters by undoing the last `clusterCount − 1` merges.
  ///
  /// Equivalent to SciPy's `cut_tree(Z, n_clusters=clusterCount)` up to label names; labels
  /// here are numbered by first appearance.
  ///
  /// - Throws: ``ClusteringError/tooFewDocuments(documentCount:clusterCount:)`` when
  ///   `clusterCount` exceeds the number of documents;
  ///   ``ClusteringError/invalidParameter(name:value:allowed:)`` when it is below 1.
  /// - Complexity: O(*n* α(*n*)).
  public func labels(clusterCount: Int) throws(ClusteringError) -> [Int] {
    guard clusterCount >= 1 else {
      throw .invalidParameter(name: "clusterCount", value: clusterCount, allowed: "at least 1")
    }
    guard clusterCount <= documentCount else {
      throw .tooFewDocuments(documentCount: documentCount, clusterCount: clusterCount)
    }
    return cut(validatedClusterCount: clusterCount)
  }

  /// ``labels(clusterCount:)`` for a count already checked to lie in 1…n.
  func cut(validatedClusterCount clusterCount: Int) -> [Int] {
    let n = documentCount
    var parent = Array(0..<(2 * n - 1))
    func find(_ x: Int) -> Int {
      var root = x
      while parent[root] != root { root = parent[root] }
      return root
    }
    for (index, merge) in merges.prefix(n - clusterCount).enumerated() {
      parent[find(merge.left)] = n + index
      parent[find(merge.right)] = n + index
    }
    return relabelledByFirstAppearance((0..<n).map(find)).labels
  }
}
