/// Why a ``TextAnalyzer`` could not be built: a missing or malformed lexicon or user
/// dictionary, or a lexicon that changed since a model recorded it.
public enum TextAnalysisError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The lexicon file does not exist.
  case lexiconNotFound(path: String)
  /// The lexicon or user dictionary exists but could not be read.
  case unreadableFile(path: String, reason: String)
  /// A lexicon line is not `word frequency [tag]`.
  case malformedLexicon(path: String, line: Int, content: String)
  /// The lexicon has no words with a positive frequency.
  case emptyLexicon(path: String)
  /// The lexicon's checksum differs from the one recorded in the options (a model built
  /// with another dictionary).
  case lexiconChecksumMismatch(path: String, expected: String, actual: String)
  /// The user dictionary file does not exist.
  case userDictionaryNotFound(path: String)
  /// A user dictionary line is not `word [frequency] [tag]`, or its word cannot be matched.
  case malformedUserDictionary(source: String, line: Int, content: String, reason: String)

  public var description: String {
    switch self {
    case .lexiconNotFound(let path):
      "Lexicon not found at \(path). Install Debian's python3-jieba (its dict.txt is the default "
        + "lexicon) or pass the path of a jieba-format dictionary (`word frequency [tag]` per line)."
    case .unreadableFile(let path, let reason):
      "Cannot read \(path): \(reason). Check that the file exists and is readable."
    case .malformedLexicon(let path, let line, let content):
      "Malformed lexicon entry at \(path):\(line): \"\(content.prefix(80))\". Each line must be "
        + "`word frequency [tag]` with a non-negative integer frequency; fix or delete the line."
    case .emptyLexicon(let path):
      "The lexicon \(path) has no word with a positive frequency. Use jieba's dict.txt or another "
        + "dictionary in `word frequency [tag]` format."
    case .lexiconChecksumMismatch(let path, let expected, let actual):
      "The lexicon \(path) has checksum \(actual), but the model was built with \(expected). "
        + "Restore the original dictionary or refit the model with the current one."
    case .userDictionaryNotFound(let path):
      "User dictionary not found at \(path). Create it (one `word [frequency] [tag]` per line, "
        + "`#` starts a comment) or pass another path."
    case .malformedUserDictionary(let source, let line, let content, let reason):
      "Malformed user dictionary entry at \(source):\(line): \"\(content.prefix(80))\": \(reason). "
        + "Each line is `word [frequency] [tag]`; lines starting with # are comments."
    }
  }
}
