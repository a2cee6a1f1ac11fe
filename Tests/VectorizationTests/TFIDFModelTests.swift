import Foundation
import LinearAlgebra
import TestSupport
import Testing
import Vectorization

@Suite struct TFIDFModelTests {
  static let reference: TFIDFReference = {
    do { return try loadFixture(TFIDFReference.self, named: "tfidf_reference.json", in: .module) } catch {
      fatalError("fixture tfidf_reference.json: \(error)")
    }
  }()

  static var caseNames: [String] { reference.cases.map(\.name) }

  func documents(for name: String) -> [[String]] {
    Self.reference.documents[name.hasPrefix("hand") ? "hand" : "seeds"] ?? []
  }

  func expectSameWeights(
    _ actual: SparseMatrix, _ expected: SparseMatrix, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(actual.rowCount == expected.rowCount, sourceLocation: sourceLocation)
    #expect(actual.columnCount == expected.columnCount, sourceLocation: sourceLocation)
    #expect(actual.rowStarts == expected.rowStarts, sourceLocation: sourceLocation)
    #expect(actual.columnIndices == expected.columnIndices, sourceLocation: sourceLocation)
    expectClose(actual.values, expected.values, tolerance: .closedForm, sourceLocation: sourceLocation)
  }

  @Test("weights equal scikit-learn's TfidfVectorizer", arguments: caseNames)
  func matchesScikitLearn(caseName: String) throws {
    let reference = try #require(Self.reference.cases.first { $0.name == caseName })
    let model = try TFIDFModel(fitting: documents(for: caseName), options: reference.options.value)
    #expect(model.terms == reference.terms)
    #expect(model.documentFrequency == reference.documentFrequency)
    if let idf = reference.inverseDocumentFrequency {
      expectClose(model.inverseDocumentFrequency, idf, tolerance: .closedForm)
    }
    expectSameWeights(model.trainingWeights, reference.weights.matrix)
    if let held = reference.transformDocuments, let expected = reference.transformWeights {
      expectSameWeights(model.transform(held), expected.matrix)
    }
  }

  @Test("transform of the training documents reproduces the training weights", arguments: caseNames)
  func transformReproducesTraining(caseName: String) throws {
    let reference = try #require(Self.reference.cases.first { $0.name == caseName })
    let documents = documents(for: caseName)
    let model = try TFIDFModel(fitting: documents, options: reference.options.value)
    #expect(model.transform(documents) == model.trainingWeights)
  }

  @Test("rows have unit L2 norm; empty documents give empty rows")
  func unitRows() throws {
    let model = try TFIDFModel(fitting: documents(for: "seeds"))
    for i in 0..<model.trainingWeights.rowCount {
      let row = model.trainingWeights.row(i)
      if row.isEmpty { continue }
      expectClose(row.reduce(0) { $0 + $1.value * $1.value }, 1)
    }
    let withEmpty = try TFIDFModel(fitting: [["a"], [], ["b", "a"]])
    #expect(withEmpty.trainingWeights.row(1).isEmpty)
  }

  @Test("a term in every document gets the minimum idf, exactly 1 with smoothing")
  func ubiquitousTerm() throws {
    let documents = [["x", "a"], ["x", "b", "b"], ["x", "c", "a"]]
    for smooth in [true, false] {
      let model = try TFIDFModel(fitting: documents, options: TFIDFOptions(smoothIDF: smooth))
      let x = try #require(model.vocabulary.index(of: "x"))
      #expect(model.inverseDocumentFrequency[x] == 1)
      #expect(model.inverseDocumentFrequency.allSatisfy { $0 >= 1 })
    }
  }

  @Test("hand-computed weights: two documents")
  func handComputed() throws {
    // n = 2; df(a) = 2, df(b) = 1; smooth idf: a → ln(3/3)+1 = 1, b → ln(3/2)+1.
    let model = try TFIDFModel(fitting: [["a", "b", "a"], ["a"]], options: TFIDFOptions(norm: .none))
    let idfB = log(1.5) + 1
    expectClose(model.inverseDocumentFrequency, [1, idfB])
    #expect(model.trainingWeights.dense() == Matrix(rows: [[2, idfB], [1, 0]]))
  }

  @Test("the vocabulary is sorted by code point and independent of document order")
  func vocabularyOrder() throws {
    let documents = [["经济", "b", "A"], ["a", "发展", "经济"], ["Z"]]
    let model = try TFIDFModel(fitting: documents)
    #expect(model.terms == ["A", "Z", "a", "b", "发展", "经济"])
    let reversed = try TFIDFModel(fitting: documents.reversed())
    #expect(reversed.terms == model.terms)
    #expect(reversed.inverseDocumentFrequency == model.inverseDocumentFrequency)
  }

  @Test("coverage counts unknown and pruned tokens")
  func coverage() throws {
    let model = try TFIDFModel(
      fitting: [["a", "b"], ["a", "c"], ["a", "d"]],
      options: TFIDFOptions(maximumDocumentFrequency: .proportion(0.9)))
    #expect(model.vocabulary.index(of: "a") == nil, "in every document, pruned by max_df")
    let coverage = model.coverage(of: [["a", "b", "zzz", "b"], []])
    #expect(
      coverage == [TermCoverage(tokenCount: 4, knownTokenCount: 2), TermCoverage(tokenCount: 0, knownTokenCount: 0)])
    #expect(coverage[0].unknownShare == 0.5)
    #expect(coverage[1].unknownShare == 0)
    let weights = model.transform([["zzz"]])
    #expect(weights.nonZeroCount == 0 && weights.rowCount == 1)
  }

  @Test("errors name the flags and values")
  func errors() throws {
    #expect(throws: VectorizationError.emptyCorpus) { try TFIDFModel(fitting: []) }
    #expect(throws: VectorizationError.noTokens(documentCount: 2)) { try TFIDFModel(fitting: [[], []]) }
    let pruning = TFIDFOptions(minimumDocumentFrequency: .count(3))
    let expected = VectorizationError.emptyVocabulary(
      documentCount: 4, minimumDocumentFrequency: .count(3), maximumDocumentFrequency: .proportion(1))
    #expect(throws: expected) { try TFIDFModel(fitting: [["a"], ["a", "b"], ["b"], ["c"]], options: pruning) }
    #expect(expected.description.contains("--min-df 3"))
    #expect(expected.description.contains("--max-df 1.0"))
    #expect(
      throws: VectorizationError.conflictingDocumentFrequencyBounds(
        minimum: .count(2), maximum: .proportion(0.1), documentCount: 4)
    ) {
      try TFIDFModel(
        fitting: [["a"], ["a"], ["b"], ["b"]],
        options: TFIDFOptions(minimumDocumentFrequency: .count(2), maximumDocumentFrequency: .proportion(0.1)))
    }
    for invalid in [
      TFIDFOptions(minimumDocumentFrequency: .proportion(1.5)),
      TFIDFOptions(maximumDocumentFrequency: .count(0)),
      TFIDFOptions(minimumDocumentFrequency: .count(-1)),
      TFIDFOptions(maximumFeatures: 0),
    ] {
      #expect(throws: VectorizationError.self) { try TFIDFModel(fitting: [["a"]], options: invalid) }
    }
  }

  @Test("maximumFeatures keeps the most frequent terms; ties keep term order")
  func maximumFeatures() throws {
    let documents = [["c", "c", "c", "a", "b"], ["b", "d"], ["a"]]
    let model = try TFIDFModel(fitting: documents, options: TFIDFOptions(maximumFeatures: 2))
    // Totals: c 3, a 2, b 2, d 1 → c plus the first of the tied a, b.
    #expect(model.terms == ["a", "c"])
  }

  @Test("a Codable round trip gives an equal model that transforms alike")
  func codable() throws {
    let model = try TFIDFModel(fitting: documents(for: "seeds"), options: TFIDFOptions(sublinearTermFrequency: true))
    let decoded = try JSONDecoder().decode(TFIDFModel.self, from: JSONEncoder().encode(model))
    #expect(decoded == model)
    #expect(decoded.transform([["经济", "发展"]]) == model.transform([["经济", "发展"]]))
  }
}
