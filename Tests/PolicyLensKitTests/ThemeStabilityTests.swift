import Foundation
import PolicyLensKit
import TestSupport
import Testing
import ThemeTagging

@Suite("Theme tags and unrelated articles")
struct ThemeStabilityTests {
  @Test("adding a newsletter of ten articles changes at most 5% of the other articles' tags")
  func tagsStayWhenArticlesArrive() async throws {
    let committed = SeedModel.model
    var options = committed.manifest.parameters
    options.textAnalysis.discoveredPhrases = []
    options.choosesDimensionsAutomatically = true
    let seeds = try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.seeds.path).sorted()
    let withoutFirst = seeds.dropFirst().map { RepositoryPaths.seeds.appendingPathComponent($0).path }
    let smaller = try await Pipeline.fit(
      paths: withoutFirst, options: options, cacheDirectory: TextAnalyzerFixture.cache, progress: { _ in })
    let catalog = try ThemeCatalog(
      parsing: String(contentsOf: RepositoryPaths.root.appendingPathComponent("models/themes.yaml"), encoding: .utf8))
    let before = Dictionary(
      uniqueKeysWithValues: try smaller.themes(from: catalog).articles.map { ($0.id, Set($0.themes.map(\.key))) })
    let after = Dictionary(
      uniqueKeysWithValues: try committed.themes(from: catalog).articles.map { ($0.id, Set($0.themes.map(\.key))) })
    #expect(before.count == committed.articles.count - 10)
    var pairs = 0
    var changed = 0
    for (id, tags) in before {
      let later = try #require(after[id])
      pairs += tags.union(later).count
      changed += tags.symmetricDifference(later).count
    }
    print("theme stability: \(changed) of \(pairs) (article, theme) tags changed when 10 articles were added")
    #expect(pairs > 50)
    #expect(Double(changed) <= 0.05 * Double(pairs), "\(changed) of \(pairs) tags moved")
  }
}
