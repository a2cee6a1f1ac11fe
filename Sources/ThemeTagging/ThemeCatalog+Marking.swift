/// How an analyst marked an article for one theme (the `examples:` and `counter-examples:`
/// lists of a themes file).
public enum ThemeMark: String, Sendable, Hashable, CaseIterable, Codable {
  /// Listed under `examples:`: the article carries the theme.
  case example
  /// Listed under `counter-examples:`: the article does not carry it.
  case counterExample = "counter-example"
  /// Listed under neither (a mark taken back).
  case none
}

extension ThemeCatalog {
  /// The text of a themes file with `article` marked for the theme `key`, everything else kept
  /// as written (comments, other themes, the order of fields).
  ///
  /// The theme's `examples:` and `counter-examples:` fields (flow or block lists) are replaced by
  /// flow lists written after its last field: the article is added to the list `mark` names (at
  /// the end) and removed from the other one; `.none` removes it from both. A list that ends up
  /// empty is left out. Items are written double-quoted (single-quoted when they hold a double
  /// quote), so ids with `#` and titles with commas survive. The result is parsed again and
  /// compared with the expected catalog before it is returned, so a file this cannot edit
  /// faithfully is refused rather than damaged.
  ///
  /// - Parameters:
  ///   - article: An article id (or exact title), as the lists hold them.
  ///   - mark: What to record.
  ///   - key: The theme's key.
  ///   - text: The themes file as it is now.
  ///   - fileName: The file's name, for error messages.
  /// - Returns: The new text, and the catalog it parses to.
  /// - Throws: ``ThemeTaggingError/invalidThemeFile(file:line:problem:)`` when `text` does not
  ///   parse, names no theme `key` (``ThemeFileProblem/unknownTheme(_:)``), or the mark cannot
  ///   be written faithfully (``ThemeFileProblem/unwritableMark(article:themeKey:)``: the
  ///   article holds both quote characters or a line break, or the edit would change more).
  /// - Complexity: O(*n*) in the length of the file, twice (the edit and the check).
  public static func marking(
    _ article: String, as mark: ThemeMark, inTheme key: String, text: String, fileName: String
  ) throws(ThemeTaggingError) -> (text: String, catalog: ThemeCatalog) {
    let catalog = try ThemeCatalog(parsing: text, fileName: fileName)
    guard let themeIndex = catalog.themes.firstIndex(where: { $0.key == key }) else {
      throw .invalidThemeFile(file: fileName, line: 1, problem: .unknownTheme(key))
    }
    guard !article.contains(where: \.isNewline), !(article.contains("\"") && article.contains("'")),
      !article.isEmpty
    else {
      throw .invalidThemeFile(file: fileName, line: 1, problem: .unwritableMark(article: article, themeKey: key))
    }
    var expected = catalog
    var theme = expected.themes[themeIndex]
    theme.examples.removeAll { $0 == article }
    theme.counterExamples.removeAll { $0 == article }
    switch mark {
    case .example: theme.examples.append(article)
    case .counterExample: theme.counterExamples.append(article)
    case .none: break
    }
    expected.themes[themeIndex] = theme

    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let blocks = themeBlocks(lines)
    guard blocks.count == catalog.themes.count else {
      throw .invalidThemeFile(file: fileName, line: 1, problem: .unwritableMark(article: article, themeKey: key))
    }
    let block = blocks[themeIndex]
    // Drop the old lists (each field's line and the deeper lines under it), last first.
    var kept: [String] = []
    var index = block.range.lowerBound
    var lastContent = block.range.lowerBound
    while index < block.range.upperBound {
      let line = lines[index]
      let content = contentOf(line)
      if indentOf(line) == block.fieldIndent || index == block.range.lowerBound,
        let field = fieldName(content, isItemStart: index == block.range.lowerBound),
        field == "examples" || field == "counter-examples"
      {
        guard index != block.range.lowerBound else {
          // A theme starting with its examples is rare; rewriting it is refused, not guessed.
          throw .invalidThemeFile(
            file: fileName, line: index + 1, problem: .unwritableMark(article: article, themeKey: key))
        }
        index += 1
        while index < block.range.upperBound,
          contentOf(lines[index]).isEmpty || indentOf(lines[index]) > block.fieldIndent
        {
          if !contentOf(lines[index]).isEmpty && indentOf(lines[index]) > block.fieldIndent {
            index += 1
            continue
          }
          // A blank or comment line: part of the list only if deeper lines follow it.
          var next = index
          while next < block.range.upperBound, contentOf(lines[next]).isEmpty { next += 1 }
          if next < block.range.upperBound, indentOf(lines[next]) > block.fieldIndent {
            index = next
          } else {
            break
          }
        }
        continue
      }
      kept.append(line)
      if !content.isEmpty { lastContent = kept.count - 1 }
      index += 1
    }
    let indent = String(repeating: " ", count: block.fieldIndent)
    var added: [String] = []
    if !theme.examples.isEmpty { added.append(indent + "examples: " + flowList(theme.examples)) }
    if !theme.counterExamples.isEmpty {
      added.append(indent + "counter-examples: " + flowList(theme.counterExamples))
    }
    kept.insert(contentsOf: added, at: lastContent + 1)
    lines.replaceSubrange(block.range, with: kept)
    let result = lines.joined(separator: "\n")
    let reparsed = try ThemeCatalog(parsing: result, fileName: fileName)
    guard reparsed == expected else {
      throw .invalidThemeFile(
        file: fileName, line: block.range.lowerBound + 1, problem: .unwritableMark(article: article, themeKey: key))
    }
    return (result, reparsed)
  }

  /// The lines of each theme entry under `themes:` (from its `- ` line to the line before the
  /// next entry or top-level field) and the indentation of its fields, in file order.
  private static func themeBlocks(_ lines: [String]) -> [(range: Range<Int>, fieldIndent: Int)] {
    var starts: [(line: Int, fieldIndent: Int)] = []
    var itemIndent: Int?
    var inThemes = false
    var end = lines.count
    for (number, line) in lines.enumerated() {
      let content = contentOf(line)
      guard !content.isEmpty else { continue }
      let indent = indentOf(line)
      if indent == 0 {
        if inThemes && !starts.isEmpty {
          end = number
          break
        }
        inThemes = content.hasPrefix("themes:")
        continue
      }
      guard inThemes, content == "-" || content.hasPrefix("- ") else { continue }
      if itemIndent == nil { itemIndent = indent }
      guard indent == itemIndent else { continue }
      let spaces = content.dropFirst().prefix { $0 == " " }.count
      starts.append((number, indent + 1 + spaces))
    }
    return starts.enumerated().map { position, start in
      var upper = position + 1 < starts.count ? starts[position + 1].line : end
      // Trailing blank and comment lines belong between entries, not to this one.
      while upper > start.line + 1, contentOf(lines[upper - 1]).isEmpty { upper -= 1 }
      return (start.line..<upper, start.fieldIndent)
    }
  }

  /// A line without its comment and surrounding spaces.
  private static func contentOf(_ line: String) -> String {
    let stripped = ThemeFileParser.strippingComment(line.hasSuffix("\r") ? String(line.dropLast()) : line)
    return String(stripped.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }

  private static func indentOf(_ line: String) -> Int { line.prefix { $0 == " " }.count }

  /// The field a line starts (`examples` for `examples: [a]`), if any.
  private static func fieldName(_ content: String, isItemStart: Bool) -> String? {
    var field = Substring(content)
    if isItemStart {
      guard field.hasPrefix("-") else { return nil }
      field = field.dropFirst().drop { $0 == " " }
    }
    guard let colon = field.firstIndex(of: ":") else { return nil }
    return String(field[..<colon])
  }

  private static func flowList(_ items: [String]) -> String {
    "[" + items.map { $0.contains("\"") ? "'\($0)'" : "\"\($0)\"" }.joined(separator: ", ") + "]"
  }
}
