import Foundation

/// Words an analyst adds to the lexicon, in jieba's user-dictionary format.
///
/// Each non-empty line is `word [frequency] [tag]` (jieba's `re_userdict`); lines whose
/// first non-space character is `#` are comments. Without a frequency, a word gets the
/// frequency jieba's `suggest_freq(word, tune=True)` would give it (see
/// ``TextAnalyzer``), which makes the maximum-probability path keep it whole. A frequency
/// of 0 removes a word from the DAG (jieba's `del_word`).
///
/// The dictionary is stored by value in ``TextAnalysisOptions``, so a model records the
/// exact words it was built with, not a path that may change later.
public struct UserDictionary: Codable, Sendable, Hashable {
  /// One user word.
  public struct Entry: Codable, Sendable, Hashable {
    /// The word as written; it is normalised (NFKC, lower case) when added.
    public var word: String
    /// A jieba frequency, or `nil` for "high enough to keep the word whole".
    public var frequency: Int?
    /// A part-of-speech tag, kept for the record (segmentation ignores it).
    public var tag: String?

    /// Creates an entry.
    public init(word: String, frequency: Int? = nil, tag: String? = nil) {
      self.word = word
      self.frequency = frequency
      self.tag = tag
    }
  }

  /// The words in file order; later entries override earlier ones, as in jieba.
  public var entries: [Entry]

  /// Creates a dictionary from entries.
  public init(entries: [Entry] = []) {
    self.entries = entries
  }

  /// Parses dictionary text.
  ///
  /// - Parameters:
  ///   - text: Lines of `word [frequency] [tag]`; `#` comments and blank lines are skipped.
  ///   - source: A name for error messages, usually the file path.
  /// - Throws: ``TextAnalysisError/malformedUserDictionary(source:line:content:reason:)``
  ///   for a line with more than three fields, a non-numeric frequency, a tag that is not
  ///   lower-case letters, or a word containing a character that splits jieba's blocks
  ///   (anything other than Han, Latin letters, digits and `+#&._%-`), which could never match.
  public init(parsing text: String, source: String) throws(TextAnalysisError) {
    var entries: [Entry] = []
    var lineNumber = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
      if line.isEmpty || line.hasPrefix("#") { continue }
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
      func fail(_ reason: String) -> TextAnalysisError {
        .malformedUserDictionary(source: source, line: lineNumber, content: line, reason: reason)
      }
      guard fields.count <= 3 else { throw fail("expected at most 3 fields, found \(fields.count)") }
      var frequency: Int?
      var tag: String?
      for field in fields.dropFirst() {
        if frequency == nil, tag == nil, let value = Int(field) {
          guard value >= 0 else { throw fail("frequency must be non-negative, got \(value)") }
          frequency = value
        } else if tag == nil, field.allSatisfy({ $0.isASCII && $0.isLowercase }) {
          tag = field
        } else {
          throw fail("\"\(field)\" is neither a frequency (integer) nor a tag (lower-case letters)")
        }
      }
      let word = fields[0]
      var scalars: [UInt32] = []
      TextNormalizer.normalize(word, into: &scalars)
      if let bad = scalars.first(where: { !ScalarClass.isBlock($0) }), let scalar = Unicode.Scalar(bad) {
        throw fail(
          "the word contains \"\(Character(scalar))\", which ends a segmentation block; "
            + "use Han, Latin letters, digits and +#&._%- only")
      }
      entries.append(Entry(word: word, frequency: frequency, tag: tag))
    }
    self.entries = entries
  }

  /// Reads and parses a dictionary file (UTF-8; invalid bytes become U+FFFD).
  ///
  /// - Throws: ``TextAnalysisError/userDictionaryNotFound(path:)``,
  ///   ``TextAnalysisError/unreadableFile(path:reason:)``, or a parse error.
  public init(contentsOf url: URL) throws(TextAnalysisError) {
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw .userDictionaryNotFound(path: url.path)
    }
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
      throw .unreadableFile(path: url.path, reason: "\(error.localizedDescription)")
    }
    try self.init(parsing: String(decoding: data, as: UTF8.self), source: url.path)
  }
}
