/// Line-by-line state machine behind ``ThemeCatalog/init(parsing:fileName:)``.
struct ThemeFileParser {
  private struct Draft {
    var line: Int
    var fields: [String: Int] = [:]
    var key: String?
    var name: String?
    var description = ""
    var seeds: [String]?
    var examples: [String] = []
    var counterExamples: [String] = []
  }

  /// The list fields a theme may have.
  private static let listFields = ["seeds", "examples", "counter-examples"]

  let fileName: String
  private var sawThemes = false
  private var itemIndent: Int?
  private var fieldIndent = 0
  private var seedIndent: Int?
  /// The list field whose "- item" lines are being read, if any.
  private var blockList: String?
  private var draft: Draft?
  private var themes: [ThemeDefinition] = []
  private var keyLines: [String: Int] = [:]

  init(fileName: String) { self.fileName = fileName }

  private func fail(_ line: Int, _ problem: ThemeFileProblem) -> ThemeTaggingError {
    .invalidThemeFile(file: fileName, line: line, problem: problem)
  }

  mutating func consume(_ rawLine: String, lineNumber: Int) throws(ThemeTaggingError) {
    let line = Self.strippingComment(rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : rawLine)
    let leading = line.prefix { $0 == " " || $0 == "\t" }
    let content = String(line.dropFirst(leading.count)).trimmingTrailingSpaces()
    guard !content.isEmpty else { return }
    guard !leading.contains("\t") else { throw fail(lineNumber, .tabIndentation) }
    let indent = leading.count

    if indent == 0 {
      try finishDraft()
      let (name, value) = try splitField(content, lineNumber: lineNumber)
      switch name {
      case "version":
        guard value == "1" || value == "\"1\"" else {
          throw fail(lineNumber, .unsupportedVersion(value))
        }
      case "themes":
        guard value.isEmpty else { throw fail(lineNumber, .unexpectedLine(content)) }
        sawThemes = true
      default:
        throw fail(lineNumber, .unknownSection(name))
      }
      return
    }
    guard sawThemes else { throw fail(lineNumber, .badIndentation(expected: 0, found: indent)) }

    if content == "-" || content.hasPrefix("- ") {
      let rest = String(content.dropFirst())
      if let field = blockList, indent > fieldIndent {
        if let seedIndent, seedIndent != indent {
          throw fail(lineNumber, .badIndentation(expected: seedIndent, found: indent))
        }
        seedIndent = indent
        let item = try scalar(rest, lineNumber: lineNumber)
        guard !item.isEmpty else { throw fail(lineNumber, .emptyValue(field: field)) }
        append([item], to: field)
        return
      }
      if let itemIndent, itemIndent != indent {
        throw fail(lineNumber, .badIndentation(expected: itemIndent, found: indent))
      }
      try finishDraft()
      itemIndent = indent
      let spaces = rest.prefix { $0 == " " }.count
      let field = String(rest.dropFirst(spaces))
      guard !field.isEmpty else { throw fail(lineNumber, .unexpectedLine(content)) }
      fieldIndent = indent + 1 + spaces
      draft = Draft(line: lineNumber)
      try addField(field, lineNumber: lineNumber)
      return
    }
    guard draft != nil else { throw fail(lineNumber, .unexpectedLine(content)) }
    if blockList != nil, indent > fieldIndent { throw fail(lineNumber, .unexpectedLine(content)) }
    guard indent == fieldIndent else {
      throw fail(lineNumber, .badIndentation(expected: fieldIndent, found: indent))
    }
    try addField(content, lineNumber: lineNumber)
  }

  private mutating func addField(_ text: String, lineNumber: Int) throws(ThemeTaggingError) {
    blockList = nil
    seedIndent = nil
    let (name, value) = try splitField(text, lineNumber: lineNumber)
    guard ["key", "name", "description"].contains(name) || Self.listFields.contains(name) else {
      throw fail(lineNumber, .unknownField(name))
    }
    guard draft?.fields[name] == nil else { throw fail(lineNumber, .duplicateField(name)) }
    draft?.fields[name] = lineNumber
    switch name {
    case "key":
      let key = try scalar(value, lineNumber: lineNumber)
      guard ThemeDefinition.isValidKey(key) else { throw fail(lineNumber, .invalidKey(key)) }
      if let first = keyLines[key] { throw fail(lineNumber, .duplicateKey(key, firstLine: first)) }
      keyLines[key] = lineNumber
      draft?.key = key
    case "name":
      let name = try scalar(value, lineNumber: lineNumber)
      guard !name.isEmpty else { throw fail(lineNumber, .emptyValue(field: "name")) }
      draft?.name = name
    case "description":
      let description = try scalar(value, lineNumber: lineNumber)
      draft?.description = description
    default:
      if name == "seeds" { draft?.seeds = [] }
      if value.isEmpty {
        blockList = name
      } else if value.hasPrefix("[") {
        append(try flowList(value, lineNumber: lineNumber), to: name)
      } else {
        throw fail(lineNumber, .unexpectedLine("\(name): \(value)"))
      }
    }
  }

  private mutating func append(_ items: [String], to field: String) {
    switch field {
    case "seeds":
      let current = draft?.seeds ?? []
      draft?.seeds = current + items
    case "examples": draft?.examples += items
    default: draft?.counterExamples += items
    }
  }

  private mutating func finishDraft() throws(ThemeTaggingError) {
    blockList = nil
    seedIndent = nil
    guard let current = draft else { return }
    draft = nil
    guard let key = current.key else {
      throw fail(current.line, .missingField("key", themeKey: nil))
    }
    guard let name = current.name else {
      throw fail(current.line, .missingField("name", themeKey: key))
    }
    guard let seeds = current.seeds else {
      throw fail(current.line, .missingField("seeds", themeKey: key))
    }
    var seen = Set<String>()
    let unique = seeds.filter { !$0.isEmpty && seen.insert($0).inserted }
    guard !unique.isEmpty else {
      throw fail(current.fields["seeds"] ?? current.line, .missingSeedTerms(themeKey: key))
    }
    if let both = current.examples.first(where: current.counterExamples.contains) {
      throw fail(
        current.fields["counter-examples"] ?? current.line,
        .contradictoryExamples(article: both, themeKey: key))
    }
    themes.append(
      ThemeDefinition(
        key: key, name: name, description: current.description, seedTerms: unique,
        examples: Self.unique(current.examples), counterExamples: Self.unique(current.counterExamples)))
  }

  private static func unique(_ values: [String]) -> [String] {
    var seen = Set<String>()
    return values.filter { seen.insert($0).inserted }
  }

  mutating func finish() throws(ThemeTaggingError) -> [ThemeDefinition] {
    try finishDraft()
    guard !themes.isEmpty else { throw .noThemes(file: fileName) }
    return themes
  }

  private func splitField(_ text: String, lineNumber: Int) throws(ThemeTaggingError) -> (
    String, String
  ) {
    guard let colon = text.firstIndex(of: ":") else {
      throw fail(lineNumber, .unexpectedLine(text))
    }
    let name = String(text[..<colon])
    let value = String(text[text.index(after: colon)...])
    guard !name.isEmpty, !name.contains(" "), value.isEmpty || value.hasPrefix(" ") else {
      throw fail(lineNumber, .unexpectedLine(text))
    }
    return (name, value.trimmingSpaces())
  }

  private func scalar(_ text: String, lineNumber: Int) throws(ThemeTaggingError) -> String {
    let trimmed = text.trimmingSpaces()
    guard let quote = trimmed.first, quote == "\"" || quote == "'" else { return trimmed }
    guard trimmed.count >= 2, trimmed.last == quote else {
      throw fail(lineNumber, .unterminated("quoted string \(trimmed)"))
    }
    return String(trimmed.dropFirst().dropLast())
  }

  private func flowList(_ text: String, lineNumber: Int) throws(ThemeTaggingError) -> [String] {
    guard text.hasSuffix("]") else { throw fail(lineNumber, .unterminated("list \(text)")) }
    var items: [String] = []
    var current = ""
    var quote: Character?
    for character in text.dropFirst().dropLast() {
      if let open = quote {
        if character == open { quote = nil }
        current.append(character)
      } else if character == "\"" || character == "'" {
        quote = character
        current.append(character)
      } else if character == "," || character == "，" {
        items.append(try scalar(current, lineNumber: lineNumber))
        current = ""
      } else {
        current.append(character)
      }
    }
    guard quote == nil else { throw fail(lineNumber, .unterminated("quoted string in \(text)")) }
    items.append(try scalar(current, lineNumber: lineNumber))
    return items.filter { !$0.isEmpty }
  }

  /// Removes a `#` comment that starts the line or follows whitespace, outside quotes.
  static func strippingComment(_ line: String) -> String {
    var quote: Character?
    var previous: Character = " "
    var result = ""
    for character in line {
      if let open = quote {
        if character == open { quote = nil }
      } else if character == "\"" || character == "'" {
        quote = character
      } else if character == "#", previous == " " || previous == "\t" {
        break
      }
      result.append(character)
      previous = character
    }
    return result
  }
}

extension String {
  fileprivate func trimmingSpaces() -> String {
    String(drop { $0 == " " }).trimmingTrailingSpaces()
  }

  fileprivate func trimmingTrailingSpaces() -> String {
    var copy = self
    while let last = copy.last, last == " " || last == "\t" { copy.removeLast() }
    return copy
  }
}
