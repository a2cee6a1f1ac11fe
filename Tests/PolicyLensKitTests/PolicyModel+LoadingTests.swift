import Foundation
import ModelStore
import PolicyLensKit
import TestSupport
import Testing
import ThemeTagging

@Suite("PolicyModel loaded in parts")
struct PolicyModelLoadingTests {
  @Test(
    "without its TF-IDF rows, coordinates and term loadings a model tags as a whole load does, and reads the first two for examples"
  )
  func withoutTermWeights() async throws {
    try await SeedModel.withTemporaryDirectory { folder in
      let directory = folder.appendingPathComponent("m")
      try await SeedModel.model.save(to: directory)
      let whole = try PolicyModel.load(from: directory, articleText: false)
      var light = try PolicyModel.load(
        from: directory, articleText: false, termWeights: false, documentCoordinates: false, termLoadings: false)
      #expect(whole.hasTermWeights && !light.hasTermWeights)
      #expect(whole.hasDocumentCoordinates && !light.hasDocumentCoordinates)
      #expect(whole.hasTermLoadings && !light.hasTermLoadings && light.lsa.termLoadings.rowCount == 0)
      var catalog = try #require(light.fittedThemeCatalog)
      #expect(try light.themes(from: catalog).articles == (try whole.themes(from: catalog).articles))
      for row in [0, 17, 105] {
        #expect(
          try light.articleThemes(ofRow: row, catalog: catalog) == whole.articleThemes(ofRow: row, catalog: catalog))
      }
      #expect(!(try light.loadExampleDataIfNeeded(toTagWith: catalog, from: directory)))
      #expect(!light.hasTermWeights && !light.hasDocumentCoordinates)

      catalog.themes[0].examples = [whole.articles[3].id]
      #expect(try light.loadExampleDataIfNeeded(toTagWith: catalog, from: directory))
      #expect(light.hasTermWeights && light.weights == whole.weights)
      #expect(light.hasDocumentCoordinates && light.latentVectors == whole.latentVectors)
      #expect(!light.hasTermLoadings, "reading the coordinates leaves the loadings mapped")
      #expect(try light.themes(from: catalog).articles == (try whole.themes(from: catalog).articles))
    }
  }

  @Test("a damaged TF-IDF file is not read by a load without the rows, and is reported when they are read")
  func damagedTermWeights() async throws {
    try await SeedModel.withTemporaryDirectory { folder in
      let directory = folder.appendingPathComponent("m")
      try await SeedModel.model.save(to: directory)
      let file = directory.appendingPathComponent(ModelFile.tfidfValues.name)
      var data = try Data(contentsOf: file)
      data[data.count / 2] ^= 0x01
      try data.write(to: file)
      var light = try PolicyModel.load(from: directory, articleText: false, termWeights: false)
      #expect(throws: ModelStoreError.checksumMismatch(path: file.path)) {
        try light.loadTermWeights(from: directory)
      }
      #expect(!light.hasTermWeights)
      #expect(throws: ModelStoreError.checksumMismatch(path: file.path)) {
        try PolicyModel.load(from: directory, articleText: false)
      }
    }
  }

  @Test(
    "a damaged file that tagging reads is reported by a load without the TF-IDF rows and coordinates",
    arguments: [
      ModelFile.themeEvidence, .latentUnitRows, .termLoadings, .articleIndex,
    ])
  func damagedFileRead(_ damaged: ModelFile) async throws {
    try await SeedModel.withTemporaryDirectory { folder in
      let directory = folder.appendingPathComponent("m")
      try await SeedModel.model.save(to: directory)
      let file = directory.appendingPathComponent(damaged.name)
      var data = try Data(contentsOf: file)
      data[data.count - 3] ^= 0x01
      try data.write(to: file)
      #expect(throws: ModelStoreError.checksumMismatch(path: file.path)) {
        try PolicyModel.load(
          from: directory, articleText: false, termWeights: false, documentCoordinates: false, termLoadings: false)
      }
    }
  }

  @Test("a damaged coordinates file is not read by a load without them, and is reported when they are read")
  func damagedCoordinates() async throws {
    try await SeedModel.withTemporaryDirectory { folder in
      let directory = folder.appendingPathComponent("m")
      try await SeedModel.model.save(to: directory)
      let file = directory.appendingPathComponent(ModelFile.documentCoordinates.name)
      var data = try Data(contentsOf: file)
      data[data.count / 2] ^= 0x01
      try data.write(to: file)
      var light = try PolicyModel.load(from: directory, articleText: false, documentCoordinates: false)
      #expect(throws: ModelStoreError.checksumMismatch(path: file.path)) {
        try light.loadDocumentCoordinates(from: directory)
      }
      #expect(!light.hasDocumentCoordinates)
    }
  }

  @Test("reading the TF-IDF rows of a model replaced since it was loaded is an error")
  func replacedBeforeTermWeights() async throws {
    try await SeedModel.withTemporaryDirectory { folder in
      let directory = folder.appendingPathComponent("m")
      try await SeedModel.model.save(to: directory)
      var light = try PolicyModel.load(from: directory, articleText: false, termWeights: false)
      var changed = SeedModel.model
      changed.articles[0].title += "（修订）"
      try await changed.save(to: directory)
      #expect(throws: ModelStoreError.modelBeingReplaced(path: directory.path)) {
        try light.loadTermWeights(from: directory)
      }
    }
  }
}
