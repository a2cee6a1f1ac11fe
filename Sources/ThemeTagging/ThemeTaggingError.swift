/// Errors in theme definitions, with the file and line to fix.
public enum ThemeTaggingError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The definition file is malformed at `line` (1-based).
  case invalidThemeFile(file: String, line: Int, problem: ThemeFileProblem)
  /// The definition file defines no themes.
  case noThemes(file: String)
  /// A theme's examples or counter-examples name articles the model does not have.
  case unknownExamples(themeKey: String, articles: [String], suggestions: [String])

  /// What went wrong, the offending value, and what to try.
  public var description: String {
    switch self {
    case .invalidThemeFile(let file, let line, let problem):
      "\(file) line \(line): \(problem)"
    case .unknownExamples(let key, let articles, let suggestions):
      "Theme '\(key)' lists examples the model does not have: \(articles.joined(separator: ", "))."
        + (suggestions.isEmpty ? "" : " Closest articles: \(suggestions.joined(separator: ", ")).")
        + " Use ids from `policylens articles` or exact titles."
    case .noThemes(let file):
      "\(file) defines no themes. Add entries under `themes:` (see models/themes.yaml for the format)."
    }
  }
}

/// What is wrong with one line of a theme definition file.
public enum ThemeFileProblem: Sendable, Hashable, CustomStringConvertible {
  /// Indentation uses a tab character.
  case tabIndentation
  /// A line is indented differently from what its position requires.
  case badIndentation(expected: Int, found: Int)
  /// A field name other than key, name, description, seeds.
  case unknownField(String)
  /// A top-level entry other than version and themes.
  case unknownSection(String)
  /// The same field appears twice in one theme.
  case duplicateField(String)
  /// A theme lacks a required field (reported at the theme's first line).
  case missingField(String, themeKey: String?)
  /// A theme's seed list is empty.
  case missingSeedTerms(themeKey: String)
  /// Two themes share a key.
  case duplicateKey(String, firstLine: Int)
  /// A key that is not lowercase ASCII letters, digits and hyphens.
  case invalidKey(String)
  /// A field's value is empty where text is required.
  case emptyValue(field: String)
  /// A quoted string or flow list is not closed on its line.
  case unterminated(String)
  /// An unsupported `version:` value.
  case unsupportedVersion(String)
  /// A line that fits nowhere in the format.
  case unexpectedLine(String)
  /// An article listed both as an example and as a counter-example of one theme.
  case contradictoryExamples(article: String, themeKey: String)
  /// No theme has this key (when marking an article for it).
  case unknownTheme(String)
  /// A mark the file cannot record faithfully by an automatic edit (see
  /// ``ThemeCatalog/marking(_:as:inTheme:text:fileName:)``).
  case unwritableMark(article: String, themeKey: String)

  /// What went wrong, the offending value, and what to try.
  public var description: String {
    switch self {
    case .tabIndentation:
      "indentation contains a tab. Indent with spaces only."
    case .badIndentation(let expected, let found):
      "expected \(expected) spaces of indentation, found \(found). Align theme fields under "
        + "the first field after `- `, and seed items deeper than `seeds:`."
    case .unknownField(let name):
      "unknown field '\(name)'. Allowed fields: key, name, description, seeds, examples, counter-examples."
    case .unknownSection(let name):
      "unknown top-level entry '\(name)'. Allowed: version, themes."
    case .duplicateField(let name):
      "field '\(name)' appears twice in this theme. Keep one."
    case .missingField(let name, let key):
      "theme \(key.map { "'\($0)' " } ?? "")has no '\(name)' field. Add `\(name): …`."
    case .missingSeedTerms(let key):
      "theme '\(key)' has no seed terms. List at least one under `seeds:`."
    case .duplicateKey(let key, let firstLine):
      "theme key '\(key)' is already used on line \(firstLine). Keys must be unique."
    case .invalidKey(let key):
      "theme key '\(key)' is not valid. Use lowercase ASCII letters, digits and hyphens, "
        + "e.g. low-altitude-economy."
    case .emptyValue(let field):
      "field '\(field)' is empty. Give it a value."
    case .unterminated(let text):
      "unterminated \(text). Close it on the same line."
    case .unsupportedVersion(let value):
      "unsupported version '\(value)'. This PolicyLens reads version: 1."
    case .contradictoryExamples(let article, let key):
      "theme '\(key)' lists \(article) both under examples and under counter-examples. Keep it in one."
    case .unknownTheme(let key):
      "no theme has the key '\(key)'. Use a key listed by `policylens themes`."
    case .unwritableMark(let article, let key):
      "cannot record the mark of \(article) for theme '\(key)' by an automatic edit of this file. "
        + "Add it under `examples:` or `counter-examples:` of the theme by hand."
    case .unexpectedLine(let text):
      "cannot read '\(text)'. Expected `themes:`, `- key: …`, a field `name: value`, or a seed `- term`."
    }
  }
}
