/// A set of theme definitions, usually parsed from `themes.yaml`.
///
/// The file format is a small subset of YAML, read by a hand-written parser so that every
/// error names its line and what to do:
///
/// ```yaml
/// version: 1                      # optional; only 1 is supported
/// themes:
///   - key: low-altitude-economy   # ASCII: a-z, 0-9, single hyphens
///     name: 低空经济
///     description: 无人机与通用航空   # optional, one line
///     seeds: [低空经济, 低空, 无人机]  # flow list …
///   - key: green-finance
///     name: 绿色金融
///     seeds:                      # … or one "- term" per line, indented deeper
///       - 绿色金融
///       - "ESG"                   # quotes ("…" or '…') are optional
/// ```
///
/// Comments start with `#` at the beginning of a line or after whitespace, outside quotes.
/// Indentation is spaces only; all themes share one indentation, and each theme's fields
/// align with the field written after `- `. Anchors, multi-line strings, escapes and other
/// YAML features are not supported. Duplicate seeds within a theme are dropped (first kept).
public struct ThemeCatalog: Sendable, Hashable, Codable {
  /// The themes, in file order.
  public var themes: [ThemeDefinition]

  /// A catalog of the given themes (keys should be unique; ``ThemeTagger`` requires it).
  public init(themes: [ThemeDefinition]) {
    self.themes = themes
  }

  /// Every seed term of every theme, without duplicates, in file order — for example to add
  /// to the segmenter's lexicon so that compounds such as 新质生产力 are never split.
  public var allSeedTerms: [String] {
    var seen = Set<String>()
    return themes.flatMap(\.seedTerms).filter { seen.insert($0).inserted }
  }

  /// Parses a theme definition file.
  ///
  /// - Parameters:
  ///   - text: The file's contents.
  ///   - fileName: Used in error messages (e.g. `themes.yaml`).
  /// - Throws: ``ThemeTaggingError/invalidThemeFile(file:line:problem:)`` naming the first
  ///   offending line; ``ThemeTaggingError/noThemes(file:)`` when no theme is defined.
  /// - Complexity: O(length of `text`).
  public init(parsing text: String, fileName: String = "themes.yaml") throws(ThemeTaggingError) {
    var parser = ThemeFileParser(fileName: fileName)
    var lineNumber = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      try parser.consume(String(line), lineNumber: lineNumber)
    }
    themes = try parser.finish()
  }
}
