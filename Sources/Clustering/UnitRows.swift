import LinearAlgebra

/// Document vectors scaled to unit L2 norm by `Matrix.unitRows()` (zero or non-finite rows
/// become zero vectors), stored row-major so that one document's vector is contiguous (the
/// access pattern of every loop in this module).
struct UnitRows: Sendable {
  let count: Int
  let dimension: Int
  var values: [Double]

  init(count: Int, dimension: Int, values: [Double]) {
    precondition(values.count == count * dimension, "\(values.count) values for \(count) × \(dimension) rows")
    (self.count, self.dimension, self.values) = (count, dimension, values)
  }

  init(_ matrix: Matrix) {
    count = matrix.rowCount
    dimension = matrix.columnCount
    // The transpose's column-major elements are the unit rows in row-major order.
    values = matrix.unitRows().transposed().elements
  }

  @inline(__always)
  func dot(_ i: Int, _ centres: [Double], _ c: Int) -> Double {
    var sum = 0.0
    let a = i * dimension
    let b = c * dimension
    for j in 0..<dimension { sum += values[a + j] * centres[b + j] }
    return sum
  }

  /// The cosine-similarity matrix, row-major *count × count*.
  /// - Complexity: O(*n*²·*k*) time, O(*n*²) memory.
  func gram() -> [Double] {
    var gram = [Double](repeating: 0, count: count * count)
    values.withUnsafeBufferPointer { x in
      gram.withUnsafeMutableBufferPointer { g in
        for i in 0..<count {
          for j in i..<count {
            var sum = 0.0
            for t in 0..<dimension { sum += x[i * dimension + t] * x[j * dimension + t] }
            g[i * count + j] = sum
            g[j * count + i] = sum
          }
        }
      }
    }
    return gram
  }

  /// Cosine distances 1 − cos, clipped to [0, 2] with a zero diagonal — scikit-learn's
  /// `cosine_distances` — row-major *count × count*.
  func cosineDistances() -> [Double] {
    var distances = gram()
    for index in distances.indices { distances[index] = min(2, max(0, 1 - distances[index])) }
    for i in 0..<count { distances[i * count + i] = 0 }
    return distances
  }
}

/// Renumbers labels by order of first appearance: the first document's cluster becomes 0, the next
/// new cluster 1, and so on.
///
/// Equal partitions then have equal label arrays.
/// - Returns: The new labels and `mapping[old] = new` for every old label that occurs.
func relabelledByFirstAppearance(_ labels: [Int]) -> (labels: [Int], mapping: [Int: Int]) {
  var mapping: [Int: Int] = [:]
  let relabelled = labels.map { label -> Int in
    if let existing = mapping[label] { return existing }
    let next = mapping.count
    mapping[label] = next
    return next
  }
  return (relabelled, mapping)
}
