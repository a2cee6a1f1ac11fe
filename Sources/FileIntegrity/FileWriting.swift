import Foundation

/// Writes a new file with `write(2)`, so that a failure carries the system's own reason
/// (`No space left on device`, `File too large` under `ulimit -f`) rather than a generic
/// Foundation error.
enum FileWriting {
  /// Creates `path` (which must not exist) holding `data`.
  ///
  /// - Throws: The `errno` of the first failing call, as a reason sentence; a partly written
  ///   file is removed.
  static func create(_ path: String, with data: Data) throws(FileIntegrityError) {
    try create(path, parts: [data])
  }

  /// Creates `path` (which must not exist) holding `parts`, one after the other.
  ///
  /// - Throws: The `errno` of the first failing call, as a reason sentence; a partly written
  ///   file is removed.
  static func create(_ path: String, parts: [any FileBytes]) throws(FileIntegrityError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: reason(errno)) }
    var failure: Int32?
    for part in parts where failure == nil {
      part.withFileBytes { bytes in
        var offset = 0
        while offset < bytes.count, let base = bytes.baseAddress {
          let written = write(descriptor, base + offset, bytes.count - offset)
          if written < 0 {
            if errno == EINTR { continue }
            failure = errno
            return
          }
          offset += written
        }
      }
    }
    if close(descriptor) != 0, failure == nil { failure = errno }
    if let failure {
      unlink(path)
      throw .cannotWrite(path: path, reason: reason(failure))
    }
  }

  /// `strerror`, with the limit named for EFBIG (which on a healthy disk means `ulimit -f`).
  static func reason(_ code: Int32) -> String {
    let text = String(cString: strerror(code))
    return code == EFBIG ? "\(text) (the file-size limit, ulimit -f, was reached)" : text
  }
}
