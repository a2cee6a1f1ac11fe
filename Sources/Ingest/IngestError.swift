/// Why a corpus could not be loaded.
///
/// Each case names the file and says what to try.
public enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The path does not exist.
  case pathNotFound(path: String)
  /// The path exists but could not be read (permissions, an I/O error).
  case unreadable(path: String, reason: String)
  /// The path is not a regular file or folder: `kind` says what it is (a named pipe, a
  /// device, a socket, a symbolic link that loops or points nowhere).
  case notAFile(path: String, kind: String)
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
      "Cannot read \(path): \(reason). "
        + (reason.lowercased().contains("permission")
          ? "Check its permissions." : "Check the disk or copy the file elsewhere, or leave it out of the input.")
    case .notAFile(let path, let kind):
      "\(path) is \(kind), not a newsletter file. Pass text files (.txt) or folders of them."
    case .noTextFiles(let directory):
      "The folder \(directory) contains no .txt files. Convert the newsletters to plain "
        + "text (UTF-8 or GB18030) with a .txt extension, or pass the files themselves."
    case .binaryFile(let path, let line):
      "\(path) is not a text file (binary or undecodable bytes at line \(line)). Save it as "
        + "UTF-8 or GB18030 plain text, or remove it from the input."
    }
  }
}
