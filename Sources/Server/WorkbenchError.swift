/// Why the server cannot start.
public enum WorkbenchError: Error, Equatable, CustomStringConvertible {
  /// The themes file is missing or unreadable.
  case unreadableThemes(path: String, reason: String)

  public var description: String {
    switch self {
    case .unreadableThemes(let path, let reason):
      "Cannot read the theme file \(path) (\(reason)). Pass --themes-file <file>, or restore models/themes.yaml."
    }
  }
}
