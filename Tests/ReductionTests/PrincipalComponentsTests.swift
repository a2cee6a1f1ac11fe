import LinearAlgebra
import TestSupport
import Testing

@testable import Reduction

@Suite struct PrincipalComponentsTests {
  static func random(rows: Int, columns: Int, seed: UInt64) -> Matrix {
    var generator = SplitMix64(seed: seed)
    return Matrix(
      rowCount: rows, columnCount: columns,
      columnMajor: (0..<(rows * columns)).map { _ in Double.random(in: -1...1, using: &generator) })
  }

  static func distance(_ a: Matrix, _ i: Int, _ j: Int) -> Double {
    l2Norm((0..<a.columnCount).map { a[i, $0] - a[j, $0] })
  }

  @Test("all components are a rotation of the centred rows: pairwise distances are kept", arguments: 0..<20)
  func rotation(seed: UInt64) throws {
    let n = Int(seed % 7) + 2
    let d = Int(seed % 3) + 1
    let x = Self.random(rows: n, columns: d, seed: seed)
    let scores = try PrincipalComponents.scores(of: x, count: d)
    for i in 0..<n {
      for j in 0..<n {
        expectClose(Self.distance(scores, i, j), Self.distance(x, i, j), tolerance: .decomposition)
      }
    }
  }

  @Test("score columns are centred, uncorrelated, and in decreasing variance", arguments: 0..<20)
  func varianceOrder(seed: UInt64) throws {
    let x = Self.random(rows: 9, columns: 4, seed: seed)
    let scores = try PrincipalComponents.scores(of: x, count: 3)
    let columns = (0..<3).map(scores.column)
    for column in columns { expectClose(column.reduce(0, +), 0, tolerance: .decomposition) }
    let variances = columns.map { $0.reduce(0) { $0 + $1 * $1 } }
    #expect(variances[0] >= variances[1] && variances[1] >= variances[2])
    for a in 0..<3 {
      for b in (a + 1)..<3 {
        expectClose(zip(columns[a], columns[b]).reduce(0) { $0 + $1.0 * $1.1 }, 0, tolerance: .decomposition)
      }
    }
  }

  @Test("points spread along one planted direction score along it on the first component")
  func plantedDirection() throws {
    let direction = [1.0, 1.0, 0.0].map { $0 / 2.0.squareRoot() }
    let offsets = [-3.0, -1.0, 0.5, 2.0, 1.5]
    let x = Matrix(rows: offsets.map { t in direction.map { 5 + t * $0 } })
    let scores = try PrincipalComponents.scores(of: x, count: 2)
    let mean = offsets.reduce(0, +) / Double(offsets.count)
    let centred = offsets.map { $0 - mean }
    let first = scores.column(0)
    // The axis's sign is fixed by its largest entry, not by the planted direction.
    let sign: Double = first[0] * centred[0] < 0 ? -1 : 1
    let tolerance = Tolerance(relative: 1e-9, absolute: 1e-12)
    expectClose(first.map { $0 * sign }, centred, tolerance: tolerance)
    expectClose(scores.column(1), [Double](repeating: 0, count: 5), tolerance: tolerance)
  }

  @Test("fewer than two rows, or fewer columns than components, give zero scores")
  func degenerate() throws {
    #expect(
      try PrincipalComponents.scores(of: Matrix(rows: [[1, 2, 3]]), count: 2) == Matrix(rowCount: 1, columnCount: 2))
    #expect(
      try PrincipalComponents.scores(of: Matrix(rows: [[1], [2]]), count: 2) == Matrix(rowCount: 2, columnCount: 2))
    #expect(try PrincipalComponents.scores(of: Matrix(rowCount: 0, columnCount: 3), count: 2).rowCount == 0)
  }
}
