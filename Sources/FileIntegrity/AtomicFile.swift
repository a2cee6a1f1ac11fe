import Foundation

/// Writes one file so that readers see either its old content or the complete new content,
/// never a part: the bytes go to a hidden temporary file beside the destination, which
/// `rename(2)` then puts in its place (atomic within one file system, and an existing
/// memory mapping of the old file stays valid).
///
/// This is the one way PolicyLens writes a single file (reports, CSV tables, `ingest --out`,
/// analyzer and lexicon caches); ``DirectoryTransaction`` does the same for a directory.
public enum AtomicFile {
  /// Replaces (or creates) the file at `url` with `data`.
  ///
  /// The parent folder must exist. On failure the temporary file is removed and the
  /// destination is as it was.
  ///
  /// - Throws: ``FileIntegrityError/cannotWrite(path:reason:)``.
  public static func write(_ data: Data, to url: URL) throws(FileIntegrityError) {
    let temporary = url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
    try InProgressWrites.step(path: url.path) { () throws(FileIntegrityError) in
      InProgressWrites.register(temporary)
      defer { InProgressWrites.forget(temporary) }
      do throws(FileIntegrityError) {
        try FileWriting.create(temporary.path, with: data)
      } catch {
        throw .cannotWrite(path: url.path, reason: error.errorDescription ?? "\(error)")
      }
      guard rename(temporary.path, url.path) == 0 else {
        let reason = String(cString: strerror(errno))
        try? FileManager.default.removeItem(at: temporary)
        throw .cannotWrite(path: url.path, reason: reason)
      }
    }
  }
}
