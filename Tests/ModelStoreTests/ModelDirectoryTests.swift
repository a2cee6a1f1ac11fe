import FileIntegrity
import Foundation
import LinearAlgebra
import ModelStore
import TestSupport
import Testing

@Suite("ModelDirectory")
struct ModelDirectoryTests {
  /// A temporary folder removed when the closure returns.
  func withFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("model-directory-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
  }

  /// Writes a two-file model (idf and singular values) and returns its entries.
  func writeModel(to url: URL) throws -> [String: StoredFile] {
    var writer = try ModelDirectoryWriter(replacing: url)
    try writer.write(NumPyFormat.encode([1.5, 2.5, 3.5]), as: .inverseDocumentFrequency, shape: [3])
    // In parts (header, then the elements), as a fit writes its large arrays.
    try writer.write(NumPyFormat.parts(Matrix(rows: [[1, 2], [3, 4], [5, 6]])), as: .termLoadings, shape: [3, 2])
    try writer.commit(manifest: Data("{}".utf8))
    return writer.entries
  }

  @Test("what the writer records reads back, copied and mapped")
  func roundTrip() throws {
    try withFolder { folder in
      let url = folder.appendingPathComponent("m")
      let entries = try writeModel(to: url)
      #expect(Set(entries.keys) == [ModelFile.inverseDocumentFrequency.name, ModelFile.termLoadings.name])
      let files = ModelDirectory(url: url, entries: entries)
      #expect(try files.manifestData() == Data("{}".utf8))
      #expect(try files.doubles(.inverseDocumentFrequency, count: 3) == [1.5, 2.5, 3.5])
      #expect(try files.matrix(.termLoadings, rows: 3, columns: 2) == Matrix(rows: [[1, 2], [3, 4], [5, 6]]))
      let mapped = try files.array(
        .termLoadings, of: Double.self, shape: [3, 2], fortranOrder: true, verifiesChecksum: false)
      #expect(mapped.elements == [1, 3, 5, 2, 4, 6])
      #expect(
        throws: ModelStoreError.shapeMismatch(
          path: files.path(.inverseDocumentFrequency), expected: "[4]", found: "[3]")
      ) {
        try files.doubles(.inverseDocumentFrequency, count: 4)
      }
    }
  }

  @Test("a changed byte is a checksum mismatch; a mapped read checks only the size")
  func checksumMismatch() throws {
    try withFolder { folder in
      let url = folder.appendingPathComponent("m")
      let files = ModelDirectory(url: url, entries: try writeModel(to: url))
      let file = url.appendingPathComponent(ModelFile.inverseDocumentFrequency.name)
      var data = try Data(contentsOf: file)
      data[data.count - 1] ^= 0x01
      try data.write(to: file)
      #expect(throws: ModelStoreError.checksumMismatch(path: file.path)) {
        try files.doubles(.inverseDocumentFrequency, count: 3)
      }
      #expect(try files.mappedData(.inverseDocumentFrequency).count == data.count)
      try data.dropLast().write(to: file)
      #expect(
        throws: ModelStoreError.malformedFile(
          path: file.path, reason: "\(data.count - 1) bytes, manifest says \(data.count) (truncated?)")
      ) {
        try files.mappedData(.inverseDocumentFrequency)
      }
    }
  }

  @Test("a file read intact once and changed in place afterwards is still a checksum mismatch")
  func changedAfterVerification() throws {
    try withFolder { folder in
      let url = folder.appendingPathComponent("m")
      let files = ModelDirectory(url: url, entries: try writeModel(to: url))
      let file = url.appendingPathComponent(ModelFile.inverseDocumentFrequency.name)
      // Read twice: the second read may rely on the record of the first.
      #expect(try files.doubles(.inverseDocumentFrequency, count: 3) == [1.5, 2.5, 3.5])
      #expect(try files.doubles(.inverseDocumentFrequency, count: 3) == [1.5, 2.5, 3.5])
      let handle = try FileHandle(forWritingTo: file)
      try handle.seek(toOffset: UInt64(try Data(contentsOf: file).count - 1))
      try handle.write(contentsOf: Data([0x7F]))
      try handle.close()
      #expect(throws: ModelStoreError.checksumMismatch(path: file.path)) {
        try files.doubles(.inverseDocumentFrequency, count: 3)
      }
    }
  }

  @Test("a file the manifest does not list, or a missing directory, is reported")
  func missing() throws {
    try withFolder { folder in
      let url = folder.appendingPathComponent("m")
      #expect(throws: ModelStoreError.missingModel(path: url.path)) { try ModelDirectory(url: url).manifestData() }
      let files = ModelDirectory(url: url, entries: try writeModel(to: url))
      #expect(
        throws: ModelStoreError.malformedFile(path: files.path(.manifest), reason: "it does not list articles.jsonl")
      ) {
        try files.verifiedData(.articles)
      }
    }
  }

  @Test("a writer that fails leaves the previous model and no staging folder")
  func failedWriteKeepsModel() throws {
    try withFolder { folder in
      let url = folder.appendingPathComponent("m")
      let entries = try writeModel(to: url)
      var writer = try ModelDirectoryWriter(replacing: url)
      try writer.write(NumPyFormat.encode([9.0]), as: .inverseDocumentFrequency, shape: [1])
      writer.abandon()
      #expect(
        try ModelDirectory(url: url, entries: entries).doubles(.inverseDocumentFrequency, count: 3) == [1.5, 2.5, 3.5])
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["m"])
    }
  }
}

@Suite("ModelDirectory.checkReplaceable")
struct ModelDirectoryReplaceableTests {
  func withFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("replaceable-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
  }

  @Test("a new path, an empty folder and a model folder may be replaced")
  func accepted() throws {
    try withFolder { folder in
      try ModelDirectory.checkReplaceable(folder.appendingPathComponent("new"))
      try ModelDirectory.checkReplaceable(folder)
      let model = folder.appendingPathComponent("m")
      var writer = try ModelDirectoryWriter(replacing: model)
      try writer.write(NumPyFormat.encode([1.0]), as: .inverseDocumentFrequency, shape: [1])
      try writer.commit(manifest: Data("{}".utf8))
      try ModelDirectory.checkReplaceable(model)
      // A damaged model that lost its manifest still holds only model files: it may be refitted.
      try FileManager.default.removeItem(at: model.appendingPathComponent(ModelFile.manifest.name))
      try ModelDirectory.checkReplaceable(model)
      // Replacing a model with a model works.
      var again = try ModelDirectoryWriter(replacing: model)
      try again.write(NumPyFormat.encode([2.0]), as: .inverseDocumentFrequency, shape: [1])
      try again.commit(manifest: Data("{}".utf8))
    }
  }

  @Test("a folder without a manifest, or with other files, is refused and kept")
  func refused() throws {
    try withFolder { folder in
      let user = folder.appendingPathComponent("docs")
      try FileManager.default.createDirectory(at: user, withIntermediateDirectories: false)
      try Data("thesis".utf8).write(to: user.appendingPathComponent("thesis.txt"))
      #expect(throws: ModelStoreError.self) { try ModelStoreTestsWriter.write(to: user) }
      #expect(FileManager.default.contents(atPath: user.appendingPathComponent("thesis.txt").path) != nil)
      // A manifest.json alone does not make a folder a model when other files are beside it.
      try Data("{}".utf8).write(to: user.appendingPathComponent("manifest.json"))
      #expect(throws: ModelStoreError.self) { try ModelDirectory.checkReplaceable(user) }
      #expect(throws: ModelStoreError.self) { try ModelStoreTestsWriter.write(to: user) }
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["docs"])
    }
  }
}

/// Writes a one-file model.
enum ModelStoreTestsWriter {
  static func write(to url: URL) throws {
    var writer = try ModelDirectoryWriter(replacing: url)
    try writer.write(NumPyFormat.encode([1.0]), as: .inverseDocumentFrequency, shape: [1])
    try writer.commit(manifest: Data("{}".utf8))
  }
}

@Suite("ModelDirectory.readingOneGeneration")
struct ModelDirectoryGenerationTests {
  /// Writes generation `marker`: every file and the manifest hold it.
  static func writeGeneration(_ marker: Double, to url: URL) throws {
    var writer = try ModelDirectoryWriter(replacing: url)
    try writer.write(NumPyFormat.encode([marker]), as: .inverseDocumentFrequency, shape: [1])
    try writer.write(NumPyFormat.encode([marker]), as: .singularValues, shape: [1])
    try writer.commit(manifest: Data("{\"generation\": \(marker)}".utf8))
  }

  @Test("a read during which the model is replaced runs again and returns the new generation")
  func retries() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("generation-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: url) }
    try Self.writeGeneration(1, to: url)
    var calls = 0
    let value = try ModelDirectory.readingOneGeneration(at: url) { () throws(ModelStoreError) -> Int in
      calls += 1
      if calls == 1 { try? Self.writeGeneration(2, to: url) }
      return calls
    }
    #expect(value == 2)
  }

  @Test("a model replaced under every attempt is reported as being replaced")
  func givesUp() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("generation-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: url) }
    try Self.writeGeneration(0, to: url)
    var generation = 0.0
    #expect(throws: ModelStoreError.modelBeingReplaced(path: url.path)) {
      try ModelDirectory.readingOneGeneration(at: url) { () throws(ModelStoreError) in
        generation += 1
        try? Self.writeGeneration(generation, to: url)
      }
    }
  }

  @Test("readers racing a writer never see files of two generations")
  func racingWriter() async throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("generation-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: url) }
    try Self.writeGeneration(0, to: url)
    let writer = Task.detached {
      for generation in 1...150 { try? Self.writeGeneration(Double(generation), to: url) }
    }
    var mixed = 0
    var reads = 0
    while reads < 2_000 {
      reads += 1
      let pair = try? ModelDirectory.readingOneGeneration(at: url) { () throws(ModelStoreError) in
        // Two files read by path, as a query reads them, with a pause between for the writer.
        let first = FileManager.default.contents(
          atPath: url.appendingPathComponent(ModelFile.inverseDocumentFrequency.name).path)
        if reads % 7 == 0 { usleep(200) }
        let second = FileManager.default.contents(
          atPath: url.appendingPathComponent(ModelFile.singularValues.name).path)
        return (first, second)
      }
      if let pair, pair.0 != pair.1 { mixed += 1 }
    }
    await writer.value
    #expect(mixed == 0)
  }
}
