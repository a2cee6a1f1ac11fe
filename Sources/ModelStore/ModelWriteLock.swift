import Foundation

/// An exclusive lock held by the one process that may write a model directory at a time.
///
/// `fit` and `add` take it before they read or replace the model, so two writers run one after
/// the other and neither loses the other's work (an `add` loads the model the previous writer
/// committed). It is `flock(2)` on a hidden lock file beside the model, `.NAME.lock` in the
/// model's parent folder: the model folder itself is swapped whole by each write, so a lock
/// file inside it would not outlive the write. The kernel drops the lock when its holder exits,
/// however it exits, so a killed writer never leaves the model locked. The lock file itself is
/// left in place (removing it would let two processes lock two different files).
///
/// Readers do not take it; they check that the model did not change while they read (see
/// ``ModelDirectory/readingOneGeneration(_:)``).
public enum ModelWriteLock {
  /// Runs `body` holding the write lock of the model at `model`, waiting as long as another
  /// process holds it.
  ///
  /// - Parameters:
  ///   - model: The model directory (it need not exist yet).
  ///   - waiting: Called once, with the lock file's path, when another process holds the lock
  ///     and this one starts to wait.
  ///   - body: The reading and writing of the model.
  /// - Throws: ``ModelStoreError/cannotWrite(path:reason:)`` when the lock file cannot be
  ///   created or the wait is cancelled; whatever `body` throws.
  public static func withLock<T>(
    model: URL, waiting: (String) -> Void, _ body: () async throws -> T
  ) async throws -> T {
    let descriptor = try await lock(model: model, waiting: waiting)
    defer { close(descriptor) }  // closing the descriptor releases the lock
    return try await body()
  }

  /// The descriptor of the locked lock file.
  private static func lock(model: URL, waiting: (String) -> Void) async throws(ModelStoreError) -> Int32 {
    let directory = model.standardizedFileURL.resolvingSymlinksInPath()
    let parent = directory.deletingLastPathComponent()
    let url = parent.appendingPathComponent(".\(directory.lastPathComponent).lock")
    do {
      try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    } catch {
      throw .cannotWrite(path: directory.path, reason: "its folder cannot be created")
    }
    let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw .cannotWrite(
        path: directory.path, reason: "the lock file \(url.path) cannot be opened (\(String(cString: strerror(errno))))"
      )
    }
    var hasWaited = false
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      guard errno == EWOULDBLOCK || errno == EINTR else {
        let reason = String(cString: strerror(errno))
        close(descriptor)
        throw .cannotWrite(path: directory.path, reason: "the lock file \(url.path) cannot be locked (\(reason))")
      }
      if !hasWaited {
        hasWaited = true
        waiting(url.path)
      }
      // Polling (not a blocking flock) keeps the cooperative thread pool free for the holder
      // when both writers run in one process.
      do {
        try await Task.sleep(for: .milliseconds(50))
      } catch {
        close(descriptor)
        throw .cannotWrite(path: directory.path, reason: "cancelled while waiting for another writer")
      }
    }
    return descriptor
  }
}
