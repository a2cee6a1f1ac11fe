import Foundation

/// Why a file or directory could not be written whole.
public enum FileIntegrityError: Error, Equatable, CustomStringConvertible, LocalizedError {
  /// Nothing at `path` was changed; `reason` is the system's explanation (`No space left on
  /// device`, `Permission denied` …).
  case cannotWrite(path: String, reason: String)

  public var description: String {
    switch self {
    case .cannotWrite(let path, let reason):
      "Cannot write \(path): \(reason). Nothing there was changed; check free space and permissions."
    }
  }

  /// The system's reason alone, for callers whose own message already names the path
  /// (`localizedDescription` returns this).
  public var errorDescription: String? {
    switch self {
    case .cannotWrite(_, let reason): reason
    }
  }

  /// The system's explanation of a Foundation or POSIX error: `strerror` of the underlying
  /// POSIX code when there is one, else the localized description.
  static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain,
      let message = strerror(Int32(underlying.code))
    {
      return String(cString: message)
    }
    if nsError.domain == NSPOSIXErrorDomain, let message = strerror(Int32(nsError.code)) {
      return String(cString: message)
    }
    return nsError.localizedDescription
  }
}
