import Foundation
import TestSupport
import Testing

@testable import ThemeTagging

@Suite struct ThemeCatalogMarkingTests {
  static let file = """
    # header comment
    version: 1
    themes:
      - key: a
        name: 甲
        seeds: [x, y]   # seeds of a
        examples:
          - "2024-1#1"
          - 标题，含逗号

        # between themes
      - key: b
        name: 乙
        counter-examples: ['2024-1#2']
        seeds:
          - z
    """

  /// The catalog of `text`, which must parse.
  func catalog(_ text: String) throws -> ThemeCatalog { try ThemeCatalog(parsing: text) }

  @Test("a new example goes to the end of the theme's list; everything else is kept as written")
  func addsExample() throws {
    let (text, catalog) = try ThemeCatalog.marking(
      "2024-2#3", as: .example, inTheme: "a", text: Self.file, fileName: "t.yaml")
    #expect(catalog.themes[0].examples == ["2024-1#1", "标题，含逗号", "2024-2#3"])
    #expect(catalog.themes[1] == (try self.catalog(Self.file)).themes[1])
    #expect(try self.catalog(text) == catalog)
    for kept in [
      "# header comment", "seeds: [x, y]   # seeds of a", "  # between themes", "counter-examples: ['2024-1#2']",
    ] {
      #expect(text.contains(kept), "lost \(kept)")
    }
    #expect(text.contains(#"    examples: ["2024-1#1", "标题，含逗号", "2024-2#3"]"#))
  }

  @Test("marking as a counter-example moves the article out of the examples; none removes it from both")
  func movesAndRemoves() throws {
    let moved = try ThemeCatalog.marking("2024-1#1", as: .counterExample, inTheme: "a", text: Self.file, fileName: "t")
    #expect(moved.catalog.themes[0].examples == ["标题，含逗号"])
    #expect(moved.catalog.themes[0].counterExamples == ["2024-1#1"])
    let removed = try ThemeCatalog.marking("2024-1#2", as: .none, inTheme: "b", text: moved.text, fileName: "t")
    #expect(removed.catalog.themes[1].counterExamples.isEmpty)
    #expect(!removed.text.contains("counter-examples: ['2024-1#2']"))
    #expect(removed.catalog.themes[1].seedTerms == ["z"])
    #expect(removed.catalog.themes[0] == moved.catalog.themes[0])
  }

  @Test("marking twice is the same as marking once")
  func idempotent() throws {
    let once = try ThemeCatalog.marking("2024-9#9", as: .example, inTheme: "b", text: Self.file, fileName: "t")
    let twice = try ThemeCatalog.marking("2024-9#9", as: .example, inTheme: "b", text: once.text, fileName: "t")
    #expect(once.text == twice.text)
  }

  @Test("every mark of every article of the shipped file round-trips through the parser")
  func shippedFile() throws {
    let url = RepositoryPaths.root.appendingPathComponent("models/themes.yaml")
    let original = try String(contentsOf: url, encoding: .utf8)
    let keys = try catalog(original).themes.map(\.key)
    var text = original
    for (index, key) in keys.enumerated() {
      text = try ThemeCatalog.marking("2024-\(index)#1", as: .example, inTheme: key, text: text, fileName: "t").text
      text = try ThemeCatalog.marking(#"含"引号"的标题"#, as: .counterExample, inTheme: key, text: text, fileName: "t").text
    }
    let marked = try catalog(text)
    for (index, theme) in marked.themes.enumerated() {
      #expect(theme.examples == ["2024-\(index)#1"])
      #expect(theme.counterExamples == [#"含"引号"的标题"#])
    }
    for key in keys {
      text = try ThemeCatalog.marking(
        "2024-\(keys.firstIndex(of: key) ?? 0)#1", as: .none, inTheme: key, text: text, fileName: "t"
      ).text
      text = try ThemeCatalog.marking(#"含"引号"的标题"#, as: .none, inTheme: key, text: text, fileName: "t").text
    }
    #expect(try catalog(text) == (try catalog(original)))
  }

  @Test("an unknown theme and an id that cannot be written are errors naming them")
  func refusals() throws {
    #expect(
      throws: ThemeTaggingError.invalidThemeFile(file: "t", line: 1, problem: .unknownTheme("zz"))
    ) { try ThemeCatalog.marking("x", as: .example, inTheme: "zz", text: Self.file, fileName: "t") }
    #expect(
      throws: ThemeTaggingError.invalidThemeFile(
        file: "t", line: 1, problem: .unwritableMark(article: #"a"b'c"#, themeKey: "a"))
    ) { try ThemeCatalog.marking(#"a"b'c"#, as: .example, inTheme: "a", text: Self.file, fileName: "t") }
  }
}
