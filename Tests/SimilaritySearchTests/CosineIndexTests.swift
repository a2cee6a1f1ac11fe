import LinearAlgebra
import TestSupport
import Testing

@testable import SimilaritySearch

/// A random matrix with entries in [−1, 1] and `zeroRows` rows set to zero.
func randomMatrix(
  rows: Int, columns: Int, zeroRows: Set<Int> = [], using generator: inout SplitMix64
) -> Matrix {
  var matrix = Matrix(rowCount: rows, columnCount: columns)
  for i in 0..<rows where !zeroRows.contains(i) {
    for j in 0..<columns { matrix[i, j] = Double.random(in: -1...1, using: &generator) }
  }
  return matrix
}

/// Reference cosine computed directly from the definition.
func referenceCosine(_ a: [Double], _ b: [Double]) -> Double {
  let dot = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
  let na = a.reduce(0) { $0 + $1 * $1 }.squareRoot()
  let nb = b.reduce(0) { $0 + $1 * $1 }.squareRoot()
  return na == 0 || nb == 0 ? 0 : dot / (na * nb)
}

@Suite struct CosineIndexTests {
  @Test("a non-zero document is identical to itself and similarity is symmetric")
  func selfSimilarityAndSymmetry() {
    for seed in UInt64(0)..<50 {
      var generator = SplitMix64(seed: seed)
      let n = Int.random(in: 1...8, using: &generator)
      let k = Int.random(in: 1...6, using: &generator)
      let matrix = randomMatrix(
        rows: n, columns: k, zeroRows: n > 1 ? [n - 1] : [], using: &generator)
      let index = CosineIndex(documentVectors: matrix)
      for i in 0..<n {
        let isZero = matrix.row(i).allSatisfy { $0 == 0 }
        expectClose(index.similarity(between: i, and: i), isZero ? 0 : 1)
        for j in 0..<n {
          #expect(
            index.similarity(between: i, and: j) == index.similarity(between: j, and: i),
            "seed \(seed)")
          expectClose(
            index.similarity(between: i, and: j), referenceCosine(matrix.row(i), matrix.row(j)),
            tolerance: Tolerance(relative: 1e-12, absolute: 1e-14))
        }
      }
    }
  }

  @Test("scaling a row does not change any score")
  func scaleInvariance() {
    var generator = SplitMix64(seed: 7)
    let matrix = randomMatrix(rows: 6, columns: 4, using: &generator)
    var scaled = matrix
    for j in 0..<4 { scaled[2, j] *= 37.5 }
    let a = CosineIndex(documentVectors: matrix)
    let b = CosineIndex(documentVectors: scaled)
    for i in 0..<6 {
      expectClose(
        b.similarity(between: 2, and: i), a.similarity(between: 2, and: i),
        tolerance: Tolerance(relative: 1e-12, absolute: 1e-14))
    }
  }

  @Test("nearest neighbours agree with a full sort of brute-force scores")
  func topKMatchesBruteForce() {
    for seed in UInt64(0)..<200 {
      var generator = SplitMix64(seed: seed)
      let n = Int.random(in: 1...8, using: &generator)
      let k = Int.random(in: 1...4, using: &generator)
      let matrix = randomMatrix(rows: n, columns: k, using: &generator)
      let index = CosineIndex(documentVectors: matrix)
      let query = Int.random(in: 0..<n, using: &generator)
      let count = Int.random(in: 0...n + 1, using: &generator)
      let result = index.nearestNeighbours(of: query, count: count)
      let scores = index.scores(for: index.unitVector(query))
      let expected = (0..<n).filter { $0 != query }
        .map { Neighbour(index: $0, score: scores[$0]) }
        .sorted { $0.ranks(before: $1) }
      #expect(result == Array(expected.prefix(count)), "seed \(seed)")
      #expect(!result.contains { $0.index == query }, "seed \(seed)")
      for (a, b) in zip(result, result.dropFirst()) { #expect(a.score >= b.score, "seed \(seed)") }
    }
  }

  @Test("equal scores come back in ascending index order")
  func tiesAreStable() {
    // Rows 1…6 are copies of one vector, row 7 another direction.
    var rows = Array(repeating: [1.0, 2.0, 0.0], count: 7)
    rows[0] = [1, 2, 0.5]
    rows.append([0, 0, 1])
    let index = CosineIndex(documentVectors: Matrix(rows: rows))
    let result = index.nearestNeighbours(of: 0, count: 4)
    #expect(result.map(\.index) == [1, 2, 3, 4])
    #expect(Set(result.map(\.score)).count == 1)
    let filtered = index.nearestNeighbours(of: [1, 2, 0], count: 3) { $0 >= 3 }
    #expect(filtered.map(\.index) == [3, 4, 5])
  }

  @Test("the filter removes candidates before ranking")
  func filterApplies() {
    var generator = SplitMix64(seed: 11)
    let matrix = randomMatrix(rows: 30, columns: 5, using: &generator)
    let index = CosineIndex(documentVectors: matrix)
    let result = index.nearestNeighbours(of: 4, count: 5) { $0.isMultiple(of: 2) }
    #expect(result.count == 5)
    #expect(result.allSatisfy { $0.index.isMultiple(of: 2) && $0.index != 4 })
    let all = index.nearestNeighbours(of: 4, count: 29).filter { $0.index.isMultiple(of: 2) }
    #expect(result == Array(all.prefix(5)))
  }

  @Test("a zero query or zero document scores zero")
  func zeroVectors() {
    let index = CosineIndex(documentVectors: Matrix(rows: [[1, 0], [0, 0], [0, 1]]))
    #expect(index.unitVector(1) == [0, 0])
    #expect(index.scores(for: [0, 0]) == [0, 0, 0])
    #expect(index.nearestNeighbours(of: [0, 0], count: 2).map(\.index) == [0, 1])
    #expect(index.similarity(between: 1, and: 0) == 0)
    #expect(index.nearestNeighbours(of: 1, count: 5).map(\.score) == [0, 0])
  }

  @Test("an empty index answers with no neighbours")
  func emptyIndex() {
    let index = CosineIndex(documentVectors: Matrix(rowCount: 0, columnCount: 3))
    #expect(index.nearestNeighbours(of: [1, 0, 0], count: 3).isEmpty)
  }

  @Test("on 100 000 × 100 rows, neighbours agree with brute-force scores and tie order")
  func largeIndex() {
    var generator = SplitMix64(seed: 3)
    let n = 100_000
    let k = 100
    // 1 000 random rows tiled 100 times: each score occurs 100 times, so ties are everywhere.
    let block = 1_000
    var elements: [Double] = []
    elements.reserveCapacity(n * k)
    for _ in 0..<k {
      let column = (0..<block).map { _ in Double.random(in: -1...1, using: &generator) }
      for _ in 0..<(n / block) { elements += column }
    }
    let matrix = Matrix(rowCount: n, columnCount: k, columnMajor: elements)
    let index = CosineIndex(documentVectors: matrix)
    let neighbours = index.nearestNeighbours(of: 5, count: 150)
    // Row 5's other copies (1005, 2005, …) score 1 and come first, in index order.
    #expect(neighbours.prefix(99).map(\.index) == Array(stride(from: 1005, to: n, by: block)))
    // Then the copies of the best other block row, again in index order.
    let norms = (0..<block).map { i in
      (0..<k).map { elements[i + $0 * n] * elements[i + $0 * n] }.reduce(0, +).squareRoot()
    }
    let cosine = (0..<block).map { i in
      (0..<k).map { elements[i + $0 * n] * elements[5 + $0 * n] }.reduce(0, +) / (norms[i] * norms[5])
    }
    let runnerUp = (0..<block).filter { $0 != 5 }.max { cosine[$0] < cosine[$1] } ?? 0
    #expect(
      neighbours.dropFirst(99).prefix(50).map(\.index) == Array(stride(from: runnerUp, to: 50 * block, by: block)))
    expectClose(neighbours[99].score, cosine[runnerUp], tolerance: Tolerance(relative: 1e-12, absolute: 1e-12))
  }
}
