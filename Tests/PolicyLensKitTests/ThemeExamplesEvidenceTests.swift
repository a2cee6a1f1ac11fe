import PolicyLensKit
import Testing
import ThemeTagging

@Suite("Examples the evidence already finds")
struct ThemeExamplesEvidenceTests {
  /// The seeds model's fitted themes, their tags without examples, and the probability of theme
  /// `theme` for every article, from the explanations (examples included).
  static func probabilities(ofTheme theme: Int, catalog: ThemeCatalog) throws -> [Double] {
    let model = SeedModel.model
    return try model.articles.indices.map { row in
      try #require(
        try model.themeExplanations(ofArticle: row, catalog: catalog).first { $0.key == catalog.themes[theme].key }
      ).probability
    }
  }

  @Test("examples that the evidence tags label themselves and change no other article")
  func confirmingExamples() throws {
    let model = SeedModel.model
    let catalog = try #require(model.fittedThemeCatalog)
    let plain = try model.themes(from: catalog).articles
    // The theme with the most tagged articles, and two of them as its examples.
    let counts = catalog.themes.indices.map { theme in
      plain.count { $0.themes.contains { $0.key == catalog.themes[theme].key } }
    }
    let theme = try #require(counts.indices.max { counts[$0] < counts[$1] })
    let key = catalog.themes[theme].key
    let tagged = plain.indices.filter { plain[$0].themes.contains { $0.key == key } }
    var marked = catalog
    marked.themes[theme].examples = tagged.prefix(2).map { model.articles[$0].id }

    let tagger = model.themeTagger(for: marked)
    let context = try #require(try model.exampleContext(for: marked, tagger: tagger))
    #expect(context.themes[theme]?.extendsEvidence == false)
    let withExamples = try model.themes(from: marked).articles
    for row in plain.indices {
      if tagged.prefix(2).contains(row) {
        #expect(withExamples[row].themes.first { $0.key == key }?.score == 1)
      } else {
        #expect(withExamples[row] == plain[row], "article \(model.articles[row].id) moved")
      }
    }
  }

  @Test("an example the evidence misses makes the theme learn from its examples")
  func extendingExamples() throws {
    let model = SeedModel.model
    let catalog = try #require(model.fittedThemeCatalog)
    let theme = 0
    let before = try Self.probabilities(ofTheme: theme, catalog: catalog)
    let plain = try model.themes(from: catalog).articles
    let key = catalog.themes[theme].key
    let tagged = try #require(plain.indices.first { plain[$0].themes.contains { $0.key == key } })
    // The untagged article closest to the threshold: the evidence misses it.
    let missed = try #require(
      plain.indices.filter { !plain[$0].themes.contains { $0.key == key } }.max { before[$0] < before[$1] })
    var marked = catalog
    marked.themes[theme].examples = [model.articles[tagged].id, model.articles[missed].id]

    let tagger = model.themeTagger(for: marked)
    let context = try #require(try model.exampleContext(for: marked, tagger: tagger))
    #expect(context.themes[theme]?.extendsEvidence == true)
    let after = try Self.probabilities(ofTheme: theme, catalog: marked)
    #expect(after[missed] == 1)
    let moved = before.indices.filter { ![tagged, missed].contains($0) && abs(after[$0] - before[$0]) > 1e-9 }
    #expect(moved.count > model.articles.count / 2, "the example model should re-score the other articles")
  }
}
