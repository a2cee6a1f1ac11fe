import Foundation

/// The temporary files and staging folders this process is writing right now, so that an
/// interrupted process (Ctrl-C, `kill`) can remove them before it exits, and the hidden
/// folders other processes left behind when they were killed outright.
///
/// ``AtomicFile`` and ``DirectoryTransaction`` register what they create and forget it once it
/// is renamed into place or removed; the program's signal handler calls ``removeAll()``.
public enum InProgressWrites {
  private static let state = Mutex()

  /// Removes every temporary file and staging folder this process has not yet committed, and
  /// refuses every later write step.
  ///
  /// Safe to call from a signal-handling queue while writes are under way: it waits for the
  /// step under way (one file, or the swap into place) to finish, so a destination is either
  /// as it was or completely replaced; each later step fails.
  public static func removeAll() {
    for url in state.close() {
      // A writer thread may still be inside the folder; try again if it was not empty.
      for _ in 0..<3 where (try? FileManager.default.removeItem(at: url)) == nil {
        guard FileManager.default.fileExists(atPath: url.path) else { break }
      }
    }
  }

  /// Runs `body`, one step of a write that ``removeAll()`` must not cut in half, unless the
  /// process is being interrupted.
  ///
  /// - Throws: ``FileIntegrityError/cannotWrite(path:reason:)`` naming `path` once
  ///   ``removeAll()`` has run; whatever `body` throws.
  static func step<T>(path: String, _ body: () throws(FileIntegrityError) -> T) throws(FileIntegrityError) -> T {
    state.lock.lock()
    defer { state.lock.unlock() }
    guard !state.isClosed else { throw .cannotWrite(path: path, reason: "interrupted") }
    return try body()
  }

  static func register(_ url: URL) { state.lock.withLock { _ = state.urls.insert(url) } }
  static func forget(_ url: URL) { state.lock.withLock { _ = state.urls.remove(url) } }

  /// Removes the staging folders that killed writers of `destination` left behind.
  ///
  /// They are the hidden `.NAME.staging-PID` and `.NAME.staging-PID.old` folders beside it whose
  /// process is no longer running; a folder of a live process is left alone.
  static func removeStaleStaging(besides destination: URL) {
    let parent = destination.deletingLastPathComponent()
    let prefix = ".\(destination.lastPathComponent).staging-"
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
    let ownProcess = ProcessInfo.processInfo.processIdentifier
    for name in names where name.hasPrefix(prefix) {
      let suffix = name.dropFirst(prefix.count)
      guard let pid = Int32(suffix.prefix { $0.isASCII && $0.isNumber }), pid > 0, pid != ownProcess else { continue }
      if kill(pid, 0) == -1 && errno == ESRCH {
        try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
      }
    }
  }

  /// The registered URLs behind a lock (recursive: a step may register or forget).
  private final class Mutex: @unchecked Sendable {
    let lock = NSRecursiveLock()
    var urls: Set<URL> = []
    var isClosed = false

    /// Refuses later steps; returns the URLs to remove.
    func close() -> Set<URL> {
      lock.withLock {
        isClosed = true
        defer { urls = [] }
        return urls
      }
    }
  }
}
