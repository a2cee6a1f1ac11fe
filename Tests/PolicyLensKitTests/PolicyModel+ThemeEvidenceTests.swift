import Foundation
import ModelStore
import PolicyLensKit
import TestSupport
import Testing
import ThemeTagging

@Suite("PolicyModel's stored theme evidence")
struct PolicyModelThemeEvidenceTests {
  static func catalog(_ model: PolicyModel) throws -> ThemeCatalog {
    try #require(model.fittedThemeCatalog, "the seeds model keeps its themes")
  }

  @Test("a saved model stores its themes' evidence; tagging from it, without the text, gives the same tags")
  func storedTagsEqualCounted() async throws {
    try await SeedModel.withTemporaryDirectory { folder in
      let directory = folder.appendingPathComponent("m")
      var model = SeedModel.model
      model.themeEvidence = nil
      let manifest = try await model.save(to: directory)
      #expect(manifest.themeEvidence != nil)
      #expect(manifest.files[ModelFile.themeEvidence.name] != nil)
      #expect(manifest.files[ModelFile.themeEvidencePhrases.name] != nil)
      let light = try PolicyModel.load(from: directory, articleText: false)
      let catalog = try Self.catalog(light)
      #expect(!light.hasArticleText && light.articles.allSatisfy(\.body.isEmpty))
      #expect(light.storesThemeEvidence(for: light.themeTagger(for: catalog)))
      let counted = try model.themes(from: catalog)
      let stored = try light.themes(from: catalog)
      #expect(stored.articles == counted.articles)
      #expect(stored.counts == counted.counts)
      for row in [0, 17, 105] {
        #expect(try light.articleThemes(ofRow: row, catalog: catalog) == counted.articles[row])
      }
      let suggestions = try model.themeSuggestions(forTheme: 0, catalog: catalog, count: 5)
      #expect(try light.themeSuggestions(forTheme: 0, catalog: catalog, count: 5) == suggestions)
    }
  }

  @Test("evidence read from a model equals the table counted from the text, entry for entry")
  func readEqualsCounted() async throws {
    try await SeedModel.withTemporaryDirectory { folder in
      let directory = folder.appendingPathComponent("m")
      var model = SeedModel.model
      model.themeEvidence = nil
      try await model.save(to: directory)
      let light = try PolicyModel.load(from: directory, articleText: false)
      let stored = try #require(light.themeEvidence)
      let tagger = model.themeTagger(for: try Self.catalog(model))
      var counted = ThemeEvidenceTable(signatures: stored.signatures)
      for article in model.articles {
        counted.append(tagger.textEvidence(title: article.analysisTitle, body: article.analysisBody))
      }
      #expect(stored.articleCount == counted.articleCount)
      #expect(stored.table == counted)
      for row in 0..<counted.articleCount {
        for column in counted.signatures.indices {
          #expect(stored.evidence(ofArticle: row, column: column) == counted.evidence(ofArticle: row, column: column))
        }
      }
    }
  }

  @Test("an edited theme is counted in the text, which a model loaded without it reads first")
  func editedThemeReadsText() async throws {
    try await SeedModel.withTemporaryDirectory { folder in
      let directory = folder.appendingPathComponent("m")
      try await SeedModel.model.save(to: directory)
      var light = try PolicyModel.load(from: directory, articleText: false)
      var catalog = try Self.catalog(light)
      catalog.themes[0].seedTerms.append("新质生产力")
      #expect(!light.storesThemeEvidence(for: light.themeTagger(for: catalog)))
      #expect(try light.loadArticleTextIfNeeded(toTagWith: catalog, from: directory))
      #expect(light.hasArticleText && light.articles == SeedModel.model.articles)
      #expect(try light.themes(from: catalog).articles == (try SeedModel.model.themes(from: catalog).articles))
      #expect(!(try light.loadArticleTextIfNeeded(toTagWith: catalog, from: directory)))
    }
  }

  @Test("the full articles of a few rows read alone equal those of a whole load")
  func fullArticlesOfRows() async throws {
    try await SeedModel.withTemporaryDirectory { folder in
      let directory = folder.appendingPathComponent("m")
      try await SeedModel.model.save(to: directory)
      let light = try PolicyModel.load(from: directory, articleText: false)
      let rows = [105, 0, 42]
      #expect(try light.fullArticles(atRows: rows, from: directory) == rows.map { SeedModel.model.articles[$0] })
    }
  }

  @Test("added articles get their evidence when the model is saved, equal to counting all")
  func addedArticles() async throws {
    try await SeedModel.withTemporaryDirectory { folder in
      let directory = folder.appendingPathComponent("m")
      try await SeedModel.model.save(to: directory)
      let model = try PolicyModel.load(from: directory)
      var article = model.articles[3]
      article.id = "new#1"
      article.body = article.body.reversed() + ["低空经济与无人机起降场。"]
      let added = try await Pipeline.add(
        articles: [article], to: model, cacheDirectory: TextAnalyzerFixture.cache, progress: { _ in })
      try await added.model.save(to: directory)
      let light = try PolicyModel.load(from: directory, articleText: false)
      let catalog = try Self.catalog(light)
      #expect(light.themeEvidence?.table.articleCount == 107)
      #expect(light.storesThemeEvidence(for: light.themeTagger(for: catalog)))
      var counted = added.model
      counted.themeEvidence = nil
      #expect(try light.themes(from: catalog).articles == (try counted.themes(from: catalog).articles))
    }
  }

  @Test("a damaged evidence file is a checksum mismatch")
  func damagedEvidence() async throws {
    try await SeedModel.withTemporaryDirectory { folder in
      let directory = folder.appendingPathComponent("m")
      try await SeedModel.model.save(to: directory)
      let file = directory.appendingPathComponent(ModelFile.themeEvidence.name)
      var data = try Data(contentsOf: file)
      data[data.count - 5] ^= 0x01
      try data.write(to: file)
      #expect(throws: ModelStoreError.checksumMismatch(path: file.path)) {
        try PolicyModel.load(from: directory, articleText: false)
      }
    }
  }
}
