import Foundation
import PolicyLensKit
import Testing
import TestSupport

@Suite("The committed seeds model")
struct CommittedModelTests {
  @Test("refitting seeds/ with the stored parameters reproduces models/seeds")
  func refitMatchesCommittedModel() async throws {
    let committed = SeedModel.model
    var options = committed.manifest.parameters
    // Rediscover phrases from scratch, as the original fit did.
    let discovered = options.textAnalysis.discoveredPhrases
    options.textAnalysis.discoveredPhrases = []
    options.choosesDimensionsAutomatically = false
    let refit = try await Pipeline.fit(
      paths: [RepositoryPaths.seeds.path], options: options, cacheDirectory: TextAnalyzerFixture.cache,
      progress: { _ in })

    #expect(
      refit.manifest.corpus.checksum == committed.manifest.corpus.checksum, "seeds/ changed since the model was fitted")
    #expect(refit.manifest.parameters.textAnalysis.discoveredPhrases == discovered)
    #expect(refit.articles.map(\.id) == committed.articles.map(\.id))
    #expect(refit.articles == committed.articles)
    #expect(refit.tfidf.terms == committed.tfidf.terms)
    #expect(refit.tfidf.documentFrequency == committed.tfidf.documentFrequency)
    expectClose(refit.tfidf.inverseDocumentFrequency, committed.tfidf.inverseDocumentFrequency)
    #expect(refit.weights.rowStarts == committed.weights.rowStarts)
    #expect(refit.weights.columnIndices == committed.weights.columnIndices)
    expectClose(refit.weights.values, committed.weights.values)
    expectClose(refit.lsa.singularValues, committed.lsa.singularValues, tolerance: .decomposition)
    // Signs are fixed by convention, so the vectors compare directly; the absolute floor
    // allows for another BLAS build's rounding in near-zero entries.
    let vectorTolerance = Tolerance(relative: 1e-7, absolute: 1e-9)
    expectClose(refit.lsa.termLoadings.elements, committed.lsa.termLoadings.elements, tolerance: vectorTolerance)
    expectClose(
      refit.lsa.documentCoordinates.elements, committed.lsa.documentCoordinates.elements, tolerance: vectorTolerance)
  }

  @Test("stored coordinates are the fold-in of the stored weights (U = A V Σ⁻¹)")
  func coordinatesAreFoldIn() {
    let model = SeedModel.model
    let folded = model.lsa.transform(model.weights)
    expectClose(
      folded.elements, model.lsa.documentCoordinates.elements, tolerance: Tolerance(relative: 1e-9, absolute: 1e-12))
  }

  @Test("every article has an id, a region, a date, and a unique id")
  func articlesAreComplete() {
    let articles = SeedModel.model.articles
    #expect(articles.count > 100)
    #expect(Set(articles.map(\.id)).count == articles.count)
    #expect(articles.allSatisfy { !$0.region.isEmpty && $0.date != nil && !$0.title.isEmpty })
  }
}
