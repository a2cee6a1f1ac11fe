import Foundation

/// Writes a directory of files so that readers see either the old directory or the complete
/// new one, never a mix: files go to a hidden staging directory beside the destination, and
/// `commit()` swaps it into place.
///
/// On Linux the swap is one `renameat2(RENAME_EXCHANGE)` call, atomic even when a model
/// already exists; where that call is unavailable, the old directory is first renamed aside
/// (a reader in that instant sees no model rather than a half-written one). Until `commit()`,
/// the destination is untouched, so a full disk or a crash mid-write loses nothing.
///
/// This is the one way PolicyLens writes a directory; ``AtomicFile`` does the same for a file.
public struct DirectoryTransaction: Sendable {
  /// The directory being replaced or created.
  public let destination: URL
  /// Where files are staged until commit.
  public let staging: URL

  /// Creates the staging directory next to `destination`, first removing the staging folders
  /// of earlier writers of `destination` that were killed (their process is gone), and
  /// registers it with ``InProgressWrites`` so that an interrupted process removes it (a symbolic link is followed: the
  /// folder it points to is replaced, not the link).
  ///
  /// - Throws: ``FileIntegrityError/cannotWrite(path:reason:)``.
  public init(replacing destination: URL) throws(FileIntegrityError) {
    self.destination = destination.standardizedFileURL.resolvingSymlinksInPath()
    let parent = self.destination.deletingLastPathComponent()
    self.staging = parent.appendingPathComponent(
      ".\(self.destination.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
    let (destination, staging) = (self.destination, self.staging)
    try InProgressWrites.step(path: destination.path) { () throws(FileIntegrityError) in
      do {
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        InProgressWrites.removeStaleStaging(besides: destination)
        try? FileManager.default.removeItem(at: staging)
        InProgressWrites.register(staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
      } catch {
        InProgressWrites.forget(staging)
        throw .cannotWrite(path: destination.path, reason: FileIntegrityError.reason(error))
      }
    }
  }

  /// Writes `data` as file `name` in the staging directory.
  ///
  /// On failure the transaction is abandoned.
  public func write(_ data: Data, named name: String) throws(FileIntegrityError) {
    try write([data], named: name)
  }

  /// Writes `parts`, one after the other, as file `name` in the staging directory.
  ///
  /// On failure the transaction is abandoned.
  public func write(_ parts: [any FileBytes], named name: String) throws(FileIntegrityError) {
    let url = staging.appendingPathComponent(name)
    do {
      try InProgressWrites.step(path: url.path) { () throws(FileIntegrityError) in
        try FileWriting.create(url.path, parts: parts)
      }
    } catch {
      abandon()
      throw .cannotWrite(
        path: destination.appendingPathComponent(name).path, reason: error.errorDescription ?? "\(error)")
    }
  }

  /// Puts the file at `existing` into the staging directory as `name` without copying its bytes:
  /// a hard link, or a copy where links are refused (another file system).
  ///
  /// Safe because writers never change a file in place: the old generation and the new one share
  /// a file that neither will modify. On failure the transaction is abandoned.
  public func link(_ existing: URL, named name: String) throws(FileIntegrityError) {
    let url = staging.appendingPathComponent(name)
    do {
      try InProgressWrites.step(path: url.path) { () throws(FileIntegrityError) in
        guard Foundation.link(existing.path, url.path) != 0 else { return }
        do {
          try FileManager.default.copyItem(at: existing, to: url)
        } catch {
          throw .cannotWrite(path: url.path, reason: FileIntegrityError.reason(error))
        }
      }
    } catch {
      abandon()
      throw .cannotWrite(
        path: destination.appendingPathComponent(name).path, reason: error.errorDescription ?? "\(error)")
    }
  }

  /// Moves the staged directory into place and removes the old one.
  ///
  /// On failure the transaction is abandoned and the destination is as it was.
  public func commit() throws(FileIntegrityError) {
    // One step: an interruption waits for the swap to finish rather than cutting it in half.
    try InProgressWrites.step(path: destination.path) { () throws(FileIntegrityError) in try swapIntoPlace() }
  }

  private func swapIntoPlace() throws(FileIntegrityError) {
    let fileManager = FileManager.default
    var isDirectory: ObjCBool = false
    if fileManager.fileExists(atPath: destination.path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        abandon()
        throw .cannotWrite(path: destination.path, reason: "a file (not a directory) is in the way")
      }
      if Self.exchange(staging.path, destination.path) {
        try? fileManager.removeItem(at: staging)  // now holds the old model
        InProgressWrites.forget(staging)
        return
      }
      let aside = staging.appendingPathExtension("old")
      do {
        try fileManager.moveItem(at: destination, to: aside)
      } catch {
        abandon()
        throw .cannotWrite(path: destination.path, reason: FileIntegrityError.reason(error))
      }
      do {
        try fileManager.moveItem(at: staging, to: destination)
      } catch {
        try? fileManager.moveItem(at: aside, to: destination)
        abandon()
        throw .cannotWrite(path: destination.path, reason: FileIntegrityError.reason(error))
      }
      try? fileManager.removeItem(at: aside)
      InProgressWrites.forget(staging)
    } else {
      do {
        try fileManager.moveItem(at: staging, to: destination)
      } catch {
        abandon()
        throw .cannotWrite(path: destination.path, reason: FileIntegrityError.reason(error))
      }
      InProgressWrites.forget(staging)
    }
  }

  /// Removes the staging directory, leaving the destination as it was.
  public func abandon() {
    try? FileManager.default.removeItem(at: staging)
    InProgressWrites.forget(staging)
  }

  private typealias RenameAt2 =
    @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

  /// Atomically exchanges two paths with Linux's renameat2, when the C library has it.
  private static func exchange(_ a: String, _ b: String) -> Bool {
    #if os(Linux)
      guard let symbol = dlsym(nil, "renameat2") else { return false }
      let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
      let renameExchange: UInt32 = 2  // RENAME_EXCHANGE in <linux/fs.h>
      return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    #else
      return false
    #endif
  }
}
