import Foundation

/// The temporary files and staging folders this process is writing right now, so that an
/// interrupted process (Ctrl-C, `kill`) can remove them before it exits, and the hidden
/// folders other processes left behind when they were killed outright.
///
/// ``AtomicFile`` and ``DirectoryTransaction`` register what they create and forget it once it
/// is renamed into place or removed; the program's signal handler calls ``removeAll()``.
public enum InProgressWrites {
  private static let state = Mutex()

  /// Removes every temporary file and staging folder this process has not yet committed.
  ///
  /// Safe to call from a signal-handling queue while writes are under way: each write then
  /// fails, and the destinations are as they were.
  public static func removeAll() {
    for url in state.drain() { try? FileManager.default.removeItem(at: url) }
  }

  static func register(_ url: URL) { state.insert(url) }
  static func forget(_ url: URL) { state.remove(url) }

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

  /// A set of URLs behind a lock.
  private final class Mutex: @unchecked Sendable {
    private let lock = NSLock()
    private var urls: Set<URL> = []

    func insert(_ url: URL) { lock.withLock { _ = urls.insert(url) } }
    func remove(_ url: URL) { lock.withLock { _ = urls.remove(url) } }
    func drain() -> Set<URL> {
      lock.withLock {
        defer { urls = [] }
        return urls
      }
    }
  }
}
