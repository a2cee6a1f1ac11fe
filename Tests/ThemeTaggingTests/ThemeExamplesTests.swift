import LinearAlgebra
import Testing

@testable import ThemeTagging

@Suite struct ThemeExamplesTests {
  /// Six articles in a 3-dimensional latent space and a 4-term vocabulary.
  static let latent = Matrix(rows: [
    [1, 0, 0], [0.8, 0.6, 0], [0, 1, 0], [0, 0.6, 0.8], [0, 0, 1], [0.6, 0, 0.8],
  ])
  static let weights = SparseMatrix(
    rowCount: 6, columnCount: 4, rowStarts: [0, 1, 3, 4, 5, 7, 8], columnIndices: [0, 0, 1, 1, 2, 2, 3, 3],
    values: [1, 0.6, 0.8, 1, 1, 0.6, 0.8, 1])

  static func similarities(_ examples: ThemeExamples) -> [ExampleSimilarity] {
    (0..<6).map { examples.similarity(ofRow: $0, unitLatentRows: latent, termWeights: weights) }
  }

  @Test("closeness is measured above the corpus mean: Δcos averages to zero over the articles")
  func relativeToCorpusMean() {
    let learned = ThemeExamples(
      examples: [0, 1], counterExamples: [4], unitLatentRows: Self.latent, termWeights: Self.weights)
    let all = Self.similarities(learned)
    for value in [all.map(\.latent), all.map(\.lexical), all.map(\.counterLatent)] {
      #expect(abs(value.reduce(0, +) / 6) < 1e-12)
    }
    // The examples' own rows are closest to their centroid, the counter-example to its own.
    #expect(all[0].latent > all[2].latent && all[1].latent > all[4].latent)
    #expect(all[4].counterLatent == all.map(\.counterLatent).max())
    #expect(all[0].label == true && all[4].label == false && all[2].label == nil)
  }

  @Test("without counter-examples the counter feature is exactly zero, not a corpus-wide shift")
  func noCounterExamples() {
    let learned = ThemeExamples(
      examples: [0], counterExamples: [], unitLatentRows: Self.latent, termWeights: Self.weights)
    #expect(Self.similarities(learned).allSatisfy { $0.counterLatent == 0 })
    // cos(row 1, row 0) = 0.8, mean cos with row 0 over the six rows = (1 + 0.8 + 0 + 0 + 0 + 0.6) / 6 = 0.4.
    #expect(abs(Self.similarities(learned)[1].latent - 0.4) < 1e-12)
  }

  @Test("each theme's contrast is the largest closeness to another theme's examples")
  func contrast() {
    let a = ExampleSimilarity(latent: 0.3, lexical: 0, counterLatent: 0, label: nil)
    let b = ExampleSimilarity(latent: -0.1, lexical: 0, counterLatent: 0, label: nil)
    let c = ExampleSimilarity(latent: 0.2, lexical: 0, counterLatent: 0, label: nil)
    let contrasted = ExampleSimilarity.contrasting([a, nil, b, c], keys: ["a", "n", "b", "c"])
    #expect(contrasted.map { $0?.otherLatent } == [0.2, nil, 0.3, 0.3])
    #expect(contrasted.map { $0?.otherTheme } == ["c", nil, "a", "a"])
    let alone = ExampleSimilarity.contrasting([a, nil], keys: ["a", "n"])[0]
    #expect(alone?.otherLatent == 0 && alone?.otherTheme == nil)
  }
}
