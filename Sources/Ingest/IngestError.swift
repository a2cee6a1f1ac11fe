/// Why a corpus could not be loaded.
///
/// Each case names the file and says what to try.
public enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The path does not exist.
  case pathNotFound(path: String)
  /// The path exists but could not be read (permissions, a special file).
  case unreadable(path: String, reason: String)
  /// A folder was given but holds no `*.txt` files.
  case noTextFiles(directory: String)
  /// The file contains NUL bytes or is not text in any supported encoding; `line` is the
  /// 1-based line of the first offending byte.
  case binaryFile(path: String, line: Int)

  /// What happened, the offending path, and what to try.
  public var description: String {
    switch self {
    case .pathNotFound(let path):
      "No file or folder at \(path). Check the path, or pass a folder of newsletter .txt files."
    case .unreadable(let path, let reason):
      "Cannot read \(path): \(reason). Check its permissions."
    case .noTextFiles(let directory):
      "The folder \(directory) contains no .txt files. Convert the newsletters to plain "
        + "text (UTF-8 or GB18030) with a .txt extension, or pass the files themselves."
    case .binaryFile(let path, let line):
      "\(path) is not a text file (binary or undecodable bytes at line \(line)). Save it as "
        + "UTF-8 or GB18030 plain text, or remove it from the input."
    }
  }
}
