import FileIntegrity
import Foundation
import Testing

/// A temporary folder removed when the closure returns.
func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("file-integrity-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: url) }
  return try body(url)
}

@Suite("AtomicFile")
struct AtomicFileTests {
  @Test("replaces a file's content and leaves no temporary file")
  func replaces() throws {
    try withTemporaryFolder { folder in
      let file = folder.appendingPathComponent("report.html")
      try AtomicFile.write(Data("old".utf8), to: file)
      try AtomicFile.write(Data("new".utf8), to: file)
      #expect(try Data(contentsOf: file) == Data("new".utf8))
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.html"])
    }
  }

  @Test("a failed write leaves the old content and no temporary file")
  func failureKeepsOld() throws {
    try withTemporaryFolder { folder in
      // A non-empty directory where the file should go: rename(2) refuses to replace it.
      let target = folder.appendingPathComponent("out")
      try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
      try Data("old".utf8).write(to: target.appendingPathComponent("kept.txt"))
      #expect(throws: FileIntegrityError.self) { try AtomicFile.write(Data("new".utf8), to: target) }
      #expect(try Data(contentsOf: target.appendingPathComponent("kept.txt")) == Data("old".utf8))
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out"])
    }
  }

  @Test("a missing parent folder is cannotWrite naming the file")
  func missingParent() throws {
    try withTemporaryFolder { folder in
      let file = folder.appendingPathComponent("no/such/folder/report.html")
      do {
        try AtomicFile.write(Data("x".utf8), to: file)
        Issue.record("writing into a missing folder succeeded")
      } catch let error as FileIntegrityError {
        guard case .cannotWrite(let path, _) = error else { return }
        #expect(path == file.path)
        #expect(error.description.contains(file.path))
      }
    }
  }
}

@Suite("DirectoryTransaction")
struct DirectoryTransactionTests {
  @Test("commit replaces the whole directory")
  func commitReplaces() throws {
    try withTemporaryFolder { folder in
      let destination = folder.appendingPathComponent("model")
      try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: false)
      try Data("stale".utf8).write(to: destination.appendingPathComponent("stale.txt"))
      let transaction = try DirectoryTransaction(replacing: destination)
      try transaction.write(Data("fresh".utf8), named: "fresh.txt")
      try transaction.commit()
      #expect(try FileManager.default.contentsOfDirectory(atPath: destination.path) == ["fresh.txt"])
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["model"])
    }
  }

  @Test("a failed write leaves the old directory and no staging directory")
  func failureKeepsOld() throws {
    try withTemporaryFolder { folder in
      let destination = folder.appendingPathComponent("model")
      try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: false)
      try Data("old".utf8).write(to: destination.appendingPathComponent("a.txt"))
      let transaction = try DirectoryTransaction(replacing: destination)
      try transaction.write(Data("new".utf8), named: "a.txt")
      #expect(throws: FileIntegrityError.self) {
        try transaction.write(Data("x".utf8), named: "missing-folder/b.txt")
      }
      #expect(try Data(contentsOf: destination.appendingPathComponent("a.txt")) == Data("old".utf8))
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["model"])
    }
  }
}
