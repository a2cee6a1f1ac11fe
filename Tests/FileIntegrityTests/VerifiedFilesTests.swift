import FileIntegrity
import Foundation
import Testing

@Suite("VerifiedFiles")
struct VerifiedFilesTests {
  @Test("a recorded file matches until it is written to, even at the same size with its time restored")
  func writesInvalidate() throws {
    try withTemporaryFolder { folder in
      let records = VerifiedFiles(folder: folder.appendingPathComponent("cache/verified"))
      let file = folder.appendingPathComponent("term_loadings.npy")
      try Data("0123456789".utf8).write(to: file)
      let checksum = Checksum.hex(of: try Data(contentsOf: file))
      let before = try #require(VerifiedFiles.state(ofFileAt: file.path))
      #expect(!records.contains(before, checksum: checksum))
      records.insert(before, checksum: checksum)
      #expect(records.contains(try #require(VerifiedFiles.state(ofFileAt: file.path)), checksum: checksum))
      #expect(!records.contains(before, checksum: "0000000000000000"))

      // One byte changed in place, same size, modification time set back: the status-change
      // time still moves, so the record no longer matches.
      let modified = try #require(
        try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date)
      let handle = try FileHandle(forWritingTo: file)
      try handle.seek(toOffset: 3)
      try handle.write(contentsOf: Data("X".utf8))
      try handle.close()
      try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: file.path)
      let after = try #require(VerifiedFiles.state(ofFileAt: file.path))
      #expect(!records.contains(after, checksum: checksum))
    }
  }

  @Test("a file replaced by another (a new inode) does not match the old one's record")
  func replacementInvalidates() throws {
    try withTemporaryFolder { folder in
      let records = VerifiedFiles(folder: folder.appendingPathComponent("verified"))
      let file = folder.appendingPathComponent("a.npy")
      try Data("same bytes".utf8).write(to: file)
      let state = try #require(VerifiedFiles.state(ofFileAt: file.path))
      records.insert(state, checksum: "abc")
      try Data("same bytes".utf8).write(to: file, options: .atomic)
      #expect(!records.contains(try #require(VerifiedFiles.state(ofFileAt: file.path)), checksum: "abc"))
      #expect(VerifiedFiles.state(ofFileAt: folder.appendingPathComponent("missing").path) == nil)
    }
  }
}
