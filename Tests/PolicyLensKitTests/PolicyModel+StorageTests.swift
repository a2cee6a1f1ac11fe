import Foundation
import ModelStore
import PolicyLensKit
import Testing
import TestSupport

@Suite("PolicyModel saving and loading")
struct PolicyModelStorageTests {
  @Test("a saved model loads back equal")
  func roundTrip() async throws {
    try await SeedModel.withTemporaryDirectory { folder in
      let directory = folder.appendingPathComponent("m")
      try await SeedModel.model.save(to: directory)
      let loaded = try PolicyModel.load(from: directory)
      #expect(loaded.articles == SeedModel.model.articles)
      #expect(loaded.tfidf == SeedModel.model.tfidf)
      #expect(loaded.lsa == SeedModel.model.lsa)
    }
  }

  @Test("replacing the theme definitions writes a new generation that shares every other file")
  func replaceThemeDefinitions() async throws {
    try await SeedModel.withTemporaryDirectory { folder in
      let directory = folder.appendingPathComponent("m")
      let before = try await SeedModel.model.save(to: directory)
      func inode(_ file: ModelFile) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(
          atPath: directory.appendingPathComponent(file.name).path)
        return try #require(attributes[.systemFileNumber] as? Int)
      }
      let numeric: [ModelFile] = [.termLoadings, .documentCoordinates, .tfidfValues, .articles, .vocabulary]
      let inodes = try numeric.map(inode)
      let definitions = Data("version: 1\nthemes:\n  - key: a\n    name: 甲\n    seeds: [低空]\n".utf8)
      let after = try PolicyModel.replaceThemeDefinitions(definitions, inModelAt: directory)

      let loaded = try PolicyModel.load(from: directory)  // verifies every checksum
      #expect(loaded.themeDefinitions == definitions)
      #expect(loaded.articles == SeedModel.model.articles)
      #expect(try numeric.map(inode) == inodes, "numeric files were rewritten, not linked")
      #expect(after.files[ModelFile.themeDefinitions.name]?.bytes == definitions.count)
      for (name, entry) in before.files where name != ModelFile.themeDefinitions.name {
        #expect(after.files[name] == entry, "\(name) changed")
      }
      let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "m" }
      #expect(leftovers.isEmpty, "staging left behind: \(leftovers)")
    }
  }

  @Test("a missing model says how to fit one")
  func missingModel() async throws {
    try await SeedModel.withTemporaryDirectory { folder in
      let path = folder.appendingPathComponent("none")
      #expect(throws: ModelStoreError.missingModel(path: path.path)) { try PolicyModel.load(from: path) }
    }
  }

  @Test(
    "a changed byte is a checksum mismatch", arguments: [ModelFile.inverseDocumentFrequency, .termLoadings, .articles])
  func corruptedFile(file: ModelFile) async throws {
    try await SeedModel.withTemporaryDirectory { folder in
      let directory = folder.appendingPathComponent("m")
      try await SeedModel.model.save(to: directory)
      let file = directory.appendingPathComponent(file.name)
      var data = try Data(contentsOf: file)
      data[data.count - 3] ^= 0x20
      try data.write(to: file)
      #expect(throws: ModelStoreError.checksumMismatch(path: file.path)) { try PolicyModel.load(from: directory) }
    }
  }

  @Test("a truncated file is reported as malformed, naming the file")
  func truncatedFile() async throws {
    try await SeedModel.withTemporaryDirectory { folder in
      let directory = folder.appendingPathComponent("m")
      try await SeedModel.model.save(to: directory)
      let file = directory.appendingPathComponent(ModelFile.documentCoordinates.name)
      let data = try Data(contentsOf: file)
      try data.prefix(data.count / 2).write(to: file)
      do {
        _ = try PolicyModel.load(from: directory)
        Issue.record("loading a truncated model succeeded")
      } catch let error as ModelStoreError {
        guard case .malformedFile(let path, let reason) = error else {
          Issue.record("unexpected error \(error)")
          return
        }
        #expect(path == file.path)
        #expect(reason.contains("truncated"))
      }
    }
  }

  @Test("a model from a newer format asks for an upgrade or a refit")
  func newerFormat() async throws {
    try await SeedModel.withTemporaryDirectory { folder in
      let directory = folder.appendingPathComponent("m")
      try await SeedModel.model.save(to: directory)
      let manifest = directory.appendingPathComponent(ModelFile.manifest.name)
      let text = try String(contentsOf: manifest, encoding: .utf8)
        .replacingOccurrences(of: "\"formatVersion\" : 1,", with: "\"formatVersion\" : 99,")
      try text.write(to: manifest, atomically: true, encoding: .utf8)
      let expected = ModelStoreError.unsupportedFormatVersion(
        path: manifest.path, found: 99, supported: ModelManifest.segmentedFormatVersion)
      #expect(throws: expected) { try PolicyModel.load(from: directory) }
      #expect(expected.description.contains("Upgrade policylens or refit"))
    }
  }

  @Test("saving over a model replaces it whole and leaves no staging folder behind")
  func replacesAtomically() async throws {
    try await SeedModel.withTemporaryDirectory { folder in
      let directory = folder.appendingPathComponent("m")
      try await SeedModel.model.save(to: directory)
      // A damaged model file is replaced with the rest (a file that is not the model's would
      // make the save refuse to replace the folder; see ModelDirectory.checkReplaceable).
      try Data("stale".utf8).write(to: directory.appendingPathComponent(ModelFile.inverseDocumentFrequency.name))
      try await SeedModel.model.save(to: directory)
      let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      #expect(names == ["m"])
      #expect(try PolicyModel.load(from: directory).articles.count == SeedModel.model.articles.count)
    }
  }

  @Test("a write that cannot happen throws cannotWrite and leaves nothing behind")
  func cannotWrite() async throws {
    try await SeedModel.withTemporaryDirectory { folder in
      let blocker = folder.appendingPathComponent("file")
      try Data("x".utf8).write(to: blocker)
      do {
        try await SeedModel.model.save(to: blocker.appendingPathComponent("m"))
        Issue.record("saving under a regular file succeeded")
      } catch let error as ModelStoreError {
        guard case .cannotWrite = error else {
          Issue.record("unexpected error \(error)")
          return
        }
        #expect(error.description.contains("previous model, if any, is unchanged"))
      }
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["file"])
    }
  }
}
