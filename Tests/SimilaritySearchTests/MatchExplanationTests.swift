import LinearAlgebra
import TestSupport
import Testing

@testable import SimilaritySearch

/// A random sparse l2-normalized row over `termCount` terms.
func randomSparseRow(termCount: Int, using generator: inout SplitMix64) -> [(
  column: Int, value: Double
)] {
  var row: [(column: Int, value: Double)] = []
  for t in 0..<termCount where Bool.random(using: &generator) {
    row.append((t, Double.random(in: 0.1...1, using: &generator)))
  }
  if row.isEmpty { row.append((0, 1)) }
  let norm = row.reduce(0) { $0 + $1.value * $1.value }.squareRoot()
  return row.map { ($0.column, $0.value / norm) }
}

func project(_ row: [(column: Int, value: Double)], _ loadings: Matrix) -> [Double] {
  (0..<loadings.columnCount).map { j in row.reduce(0) { $0 + $1.value * loadings[$1.column, j] } }
}

@Suite struct MatchExplanationTests {
  @Test("latent contributions sum to the latent cosine and are symmetric")
  func latentSumsToCosine() {
    for seed in UInt64(0)..<100 {
      var generator = SplitMix64(seed: seed)
      let terms = Int.random(in: 2...8, using: &generator)
      let k = Int.random(in: 1...4, using: &generator)
      let loadings = randomMatrix(rows: terms, columns: k, using: &generator)
      let q = randomSparseRow(termCount: terms, using: &generator)
      let d = randomSparseRow(termCount: terms, using: &generator)
      let parts = MatchExplanation.latentContributions(
        query: q, document: d, termLoadings: loadings)
      let cosine = referenceCosine(project(q, loadings), project(d, loadings))
      // Summation over up to 8 terms: a few ulps per term.
      expectClose(
        parts.reduce(0) { $0 + $1.contribution }, cosine,
        tolerance: Tolerance(relative: 1e-10, absolute: 1e-12))
      let swapped = MatchExplanation.latentContributions(
        query: d, document: q, termLoadings: loadings)
      #expect(parts.map(\.term) == swapped.map(\.term))
      expectClose(parts.map(\.contribution), swapped.map(\.contribution))
      let present = Set(q.map(\.column)).union(d.map(\.column))
      #expect(parts.allSatisfy { present.contains($0.term) }, "seed \(seed)")
    }
  }

  @Test("a synonym pair explains a match with no shared term")
  func synonymsExplainLatentMatch() {
    // Terms 0 and 1 load on topic 0 (synonyms), term 2 on topic 1.
    let loadings = Matrix(rows: [[0.7, 0], [0.7, 0], [0, 1]])
    let q: [(column: Int, value: Double)] = [(0, 0.9), (2, 0.436)]
    let d: [(column: Int, value: Double)] = [(1, 1)]
    #expect(MatchExplanation.lexical(query: q, document: d, count: 3).isEmpty)
    let top = MatchExplanation.latent(query: q, document: d, termLoadings: loadings, count: 3)
    #expect(Set(top.map(\.term)) == [0, 1])
    #expect(!top.contains { $0.term == 2 })
  }

  @Test("lexical contributions are the shared-term products, largest first")
  func lexical() {
    let q: [(column: Int, value: Double)] = [(0, 0.6), (1, 0.8)]
    let d: [(column: Int, value: Double)] = [(1, 0.6), (2, 0.8), (0, 0.0)]
    let top = MatchExplanation.lexical(query: q, document: d, count: 5)
    #expect(top.map(\.term) == [1])
    expectClose(top[0].contribution, 0.8 * 0.6)
  }
}
