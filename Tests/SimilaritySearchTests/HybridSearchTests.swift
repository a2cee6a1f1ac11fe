import Foundation
import LinearAlgebra
import TestSupport
import Testing

@testable import SimilaritySearch

/// Random sparse rows with l2-normalised non-zero rows, as CSR, plus their dense form.
func randomSparseRows(rows: Int, columns: Int, using generator: inout SplitMix64) -> (InMemorySparseRows, [[Double]]) {
  var dense = [[Double]](repeating: [Double](repeating: 0, count: columns), count: rows)
  var starts: [Int32] = [0]
  var indices: [Int32] = []
  var values: [Double] = []
  for i in 0..<rows {
    for j in 0..<columns where Double.random(in: 0..<1, using: &generator) < 0.4 {
      dense[i][j] = Double.random(in: 0.1...1, using: &generator)
    }
    let norm = l2Norm(dense[i])
    for j in 0..<columns where dense[i][j] != 0 {
      dense[i][j] /= norm
      indices.append(Int32(j))
      values.append(dense[i][j])
    }
    starts.append(Int32(values.count))
  }
  return (InMemorySparseRows(columnCount: columns, rowStarts: starts, columns: indices, values: values), dense)
}

@Suite struct HybridSearchTests {
  @Test("lexical scores are the cosine of the query with each row")
  func lexicalCosine() {
    for seed in UInt64(0)..<50 {
      var generator = SplitMix64(seed: seed)
      let n = Int.random(in: 1...8, using: &generator)
      let m = Int.random(in: 1...6, using: &generator)
      let (rows, dense) = randomSparseRows(rows: n, columns: m, using: &generator)
      let query = (0..<m).map { _ in Double.random(in: 0...1, using: &generator) }
      let scores = LexicalIndex(rows: rows).scores(for: query.enumerated().map { ($0.offset, $0.element) })
      for i in 0..<n {
        expectClose(scores[i], referenceCosine(query, dense[i]), tolerance: .closedForm)
      }
    }
  }

  @Test("over a million entries (scored on every core), a few-term query's scores are its cosines")
  func lexicalCosineLargeIndex() {
    // 4,000 rows of up to 300 random columns out of 50,000 terms, l2-normalised.
    var generator = SplitMix64(seed: 11)
    let (rowCount, termCount, perRow) = (4_000, 50_000, 300)
    var starts: [Int32] = [0]
    var columns: [Int32] = []
    var values: [Double] = []
    var rowsAsDictionaries: [[Int: Double]] = []
    for _ in 0..<rowCount {
      var row: [Int: Double] = [:]
      for _ in 0..<perRow {
        row[Int.random(in: 0..<termCount, using: &generator)] = Double.random(in: 0.1...1, using: &generator)
      }
      let norm = l2Norm(row.values)
      for column in row.keys.sorted() {
        columns.append(Int32(column))
        values.append(row[column]! / norm)
      }
      starts.append(Int32(values.count))
      rowsAsDictionaries.append(row.mapValues { $0 / norm })
    }
    #expect(values.count > 1 << 20, "the index should be scored in stretches")
    let index = LexicalIndex(
      rows: InMemorySparseRows(columnCount: termCount, rowStarts: starts, columns: columns, values: values))
    // Common columns of the first rows, one given twice (weights add), and one outside the index.
    let shared = Array(rowsAsDictionaries[0].keys.sorted().prefix(2)) + [rowsAsDictionaries[rowCount - 1].keys.min()!]
    let query: [(column: Int, value: Double)] = [
      (shared[0], 0.5), (shared[1], 1.0), (shared[2], 0.25), (shared[0], 0.5), (termCount + 3, 9),
    ]
    var dense: [Int: Double] = [:]
    for (column, value) in query where column < termCount { dense[column, default: 0] += value }
    let norm = l2Norm(dense.values)
    let scores = index.scores(for: query)
    #expect(scores[0] > 0 && scores[rowCount - 1] > 0)
    for (row, stored) in rowsAsDictionaries.enumerated() {
      let cosine = dense.reduce(0.0) { $0 + $1.value / norm * (stored[$1.key] ?? 0) }
      expectClose(scores[row], cosine, tolerance: .closedForm)
    }
  }

  @Test("the blended score is w · lexical + (1 − w) · latent, best first")
  func blend() {
    for seed in UInt64(0)..<50 {
      var generator = SplitMix64(seed: seed)
      let n = Int.random(in: 1...8, using: &generator)
      let (rows, dense) = randomSparseRows(rows: n, columns: 5, using: &generator)
      let latent = randomMatrix(rows: n, columns: 3, using: &generator)
      let search = HybridSearch(latent: CosineIndex(documentVectors: latent), lexical: LexicalIndex(rows: rows))
      let weight = Double.random(in: 0...1, using: &generator)
      let queryTerms = [(column: 1, value: 0.5), (column: 3, value: 1.0)]
      let queryVector = [0.3, -0.2, 0.9]
      let matches = search.search(.init(latentVector: queryVector, terms: queryTerms), count: n, lexicalWeight: weight)
      #expect(matches.count == n)
      let denseQuery = [0, 0.5, 0, 1.0, 0]
      for match in matches {
        let expected =
          weight * referenceCosine(denseQuery, dense[match.index])
          + (1 - weight) * referenceCosine(queryVector, latent.row(match.index))
        expectClose(match.score, expected, tolerance: .closedForm)
      }
      #expect(zip(matches, matches.dropFirst()).allSatisfy { $0.score >= $1.score }, "seed \(seed)")
    }
  }

  @Test("a boost lifts a candidate without counting toward the duplicate rule")
  func boost() {
    let latent = Matrix(rows: [[1, 0], [0.99, 0.1], [0.6, 0.8]])
    let search = HybridSearch(
      latent: CosineIndex(documentVectors: latent),
      lexical: LexicalIndex(rows: InMemorySparseRows(columnCount: 1, rowStarts: [0, 0, 0, 0], columns: [], values: [])))
    let plain = search.search(.init(latentVector: [1, 0], terms: []), count: 3, lexicalWeight: 0).map(\.index)
    #expect(plain == [0, 1, 2])
    let boosted = search.search(
      .init(latentVector: [1, 0], terms: []), count: 3, lexicalWeight: 0, boost: { $0 == 2 ? 0.5 : 0 })
    #expect(boosted.map(\.index) == [2, 0, 1])
  }
}

@Suite struct HybridExplanationTests {
  @Test("shared terms occur in both rows, related terms in exactly one")
  func sharedAndRelated() {
    for seed in UInt64(0)..<50 {
      var generator = SplitMix64(seed: seed)
      let (rows, _) = randomSparseRows(rows: 2, columns: 8, using: &generator)
      let index = LexicalIndex(rows: rows)
      let loadings = randomMatrix(rows: 8, columns: 3, using: &generator)
      let (query, document) = (index.row(0), index.row(1))
      let weight = Double.random(in: 0...1, using: &generator)
      let (shared, related) = MatchExplanation.hybrid(
        query: query, document: document, termLoadings: loadings, lexicalWeight: weight, count: 8)
      let inQuery = Set(query.map(\.column))
      let inDocument = Set(document.map(\.column))
      #expect(shared.allSatisfy { inQuery.contains($0.term) && inDocument.contains($0.term) }, "seed \(seed)")
      #expect(related.allSatisfy { inQuery.contains($0.term) != inDocument.contains($0.term) }, "seed \(seed)")
      #expect(zip(shared, shared.dropFirst()).allSatisfy { $0.contribution >= $1.contribution })
    }
  }

  @Test("with lexical weight 1 the shared contributions are q̂ₜ dₜ and sum to the TF-IDF cosine")
  func lexicalSplit() {
    var generator = SplitMix64(seed: 3)
    let (rows, dense) = randomSparseRows(rows: 2, columns: 6, using: &generator)
    let index = LexicalIndex(rows: rows)
    let loadings = randomMatrix(rows: 6, columns: 2, using: &generator)
    let (shared, related) = MatchExplanation.hybrid(
      query: index.row(0), document: index.row(1), termLoadings: loadings, lexicalWeight: 1, count: 6)
    #expect(related.isEmpty)
    expectClose(shared.reduce(0) { $0 + $1.contribution }, referenceCosine(dense[0], dense[1]), tolerance: .closedForm)
  }
}

@Suite struct RankingMetricsTests {
  @Test("a ranking computed by hand")
  func handComputed() {
    let metrics = RankingMetrics(ranking: ["a", "b", "c"], grades: ["a": 2, "c": 1, "d": 1])
    // DCG = 3/log2(2) + 1/log2(4) = 3.5; ideal = 3 + 1/log2(3) + 1/log2(4).
    expectClose(metrics.ndcgAt10, 3.5 / (3 + 1 / log2(3.0) + 0.5), tolerance: .closedForm)
    #expect(metrics.precisionAt5 == 2.0 / 5)
    expectClose(metrics.averagePrecision, (1 + 2.0 / 3) / 3, tolerance: .closedForm)
    expectClose(metrics.recallAt10, 2.0 / 3, tolerance: .closedForm)
  }

  @Test("the ideal ordering scores 1, a ranking with no relevant answer 0")
  func bounds() {
    let grades = ["a": 2, "b": 1, "c": 1]
    #expect(RankingMetrics(ranking: ["a", "b", "c"], grades: grades).ndcgAt10 == 1)
    let none = RankingMetrics(ranking: ["x", "y"], grades: grades)
    #expect(none.ndcgAt10 == 0 && none.averagePrecision == 0 && none.recallAt10 == 0)
    #expect(RankingMetrics(ranking: ["a"], grades: [:]).ndcgAt10 == 0)
  }
}
