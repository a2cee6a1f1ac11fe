import Foundation

/// Remembers files found intact, by their identity and state on disk, so that a file checked
/// once is not hashed again until it changes.
///
/// A record holds a file's device and inode, its size, its modification and status-change
/// times (to the nanosecond) and the checksum it matched. Any write to a file moves its
/// status-change time, which no program can set back (unlike the modification time), and a
/// replaced file has a new inode: a file rewritten, truncated or edited in place, even to the
/// same size with its modification time restored, no longer matches its record and is hashed
/// again. What a record cannot see is damage that bypasses the file system (a failing disk
/// flipping bits under an unchanged inode); git's index makes the same trade.
/// `POLICYLENS_VERIFY=always` turns the records off.
///
/// Records are small files in `verified/` under `$POLICYLENS_CACHE` (default
/// `$XDG_CACHE_HOME/policylens`, else `~/.cache/policylens`), one per file and checksum,
/// written atomically; a record that cannot be read or written is simply not used.
public struct VerifiedFiles: Sendable {
  /// The folder holding the records.
  public let folder: URL

  /// The state of one file on disk, as `stat(2)` reports it.
  public struct FileState: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var statusChanged: Int64
  }

  /// Records in `folder` (created when the first record is written).
  public init(folder: URL) {
    self.folder = folder
  }

  /// The records of this process's user, or `nil` when `POLICYLENS_VERIFY=always` or no cache
  /// folder can be named.
  public static let shared: VerifiedFiles? = {
    let environment = ProcessInfo.processInfo.environment
    if environment["POLICYLENS_VERIFY"] == "always" { return nil }
    if let cache = environment["POLICYLENS_CACHE"], !cache.isEmpty {
      return VerifiedFiles(folder: URL(fileURLWithPath: cache).appendingPathComponent("verified"))
    }
    if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
      return VerifiedFiles(folder: URL(fileURLWithPath: cache).appendingPathComponent("policylens/verified"))
    }
    guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
    return VerifiedFiles(folder: URL(fileURLWithPath: home).appendingPathComponent(".cache/policylens/verified"))
  }()

  /// The state of the file at `path`, or `nil` when it cannot be read.
  public static func state(ofFileAt path: String) -> FileState? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return FileState(
      device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
      modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
      statusChanged: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
  }

  /// Whether a file in `state` was found to have `checksum` before, in this same state.
  public func contains(_ state: FileState, checksum: String) -> Bool {
    guard let recorded = try? String(contentsOf: record(state, checksum: checksum), encoding: .utf8) else {
      return false
    }
    return recorded == Self.line(state, checksum: checksum)
  }

  /// Remembers that a file in `state` (taken before it was read) has `checksum`.
  public func insert(_ state: FileState, checksum: String) {
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try? AtomicFile.write(Data(Self.line(state, checksum: checksum).utf8), to: record(state, checksum: checksum))
  }

  /// Whether `bytes`, the contents of a file read in `state` (taken before reading; `nil`:
  /// unknown), has `checksum`: from the shared records when the file is unchanged since it was
  /// last found intact, else by hashing, and then recorded when it matches.
  ///
  /// For files that store their own checksum (caches a process reads whole at start-up), so that
  /// only the first process after a change pays for the hash.
  public static func contents(
    _ bytes: UnsafeRawBufferPointer, haveChecksum checksum: UInt64, state: FileState?
  ) -> Bool {
    let hex = Checksum.hex(checksum)
    let records = state == nil ? nil : shared
    if let records, let state, records.contains(state, checksum: hex) { return true }
    guard Checksum.value(of: bytes) == checksum else { return false }
    if let records, let state { records.insert(state, checksum: hex) }
    return true
  }

  private func record(_ state: FileState, checksum: String) -> URL {
    folder.appendingPathComponent("\(state.device)-\(state.inode)-\(checksum)")
  }

  private static func line(_ state: FileState, checksum: String) -> String {
    "\(state.size) \(state.modified) \(state.statusChanged) \(checksum)\n"
  }
}
