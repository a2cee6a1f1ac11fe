import Foundation
import TestSupport
import Testing

@testable import ThemeTagging

@Suite struct ThemeCatalogTests {
  @Test("the shipped models/themes.yaml parses and covers the required themes")
  func shippedFile() throws {
    let url = RepositoryPaths.root.appendingPathComponent("models/themes.yaml")
    let text = try String(contentsOf: url, encoding: .utf8)
    let catalog = try ThemeCatalog(parsing: text)
    #expect(catalog.themes.count >= 14)
    #expect(Set(catalog.themes.map(\.key)).count == catalog.themes.count)
    #expect(
      catalog.themes.allSatisfy { ThemeDefinition.isValidKey($0.key) && !$0.seedTerms.isEmpty })
    #expect(catalog.themes.allSatisfy { !$0.description.isEmpty })
    let names = catalog.themes.map(\.name)
    for required in [
      "低空经济", "新质生产力", "未来产业", "人工智能/大模型", "人形机器人/具身智能", "绿色低碳/双碳", "绿色金融",
      "科技金融", "数字经济/数据要素", "营商环境", "专精特新/中小企业", "自贸区/制度型开放", "新能源汽车/充电/储能", "民营经济",
    ] {
      #expect(names.contains(required), "missing theme \(required)")
    }
    // Each theme's own name (or its first part) is one of its seeds.
    for theme in catalog.themes {
      let head = String(theme.name.split(separator: "/").first ?? "")
      #expect(theme.seedTerms.contains(head), "\(theme.key): seeds should include \(head)")
    }
  }

  @Test("flow lists, block lists, quotes and comments")
  func formats() throws {
    let text = """
      # comment
      version: 1
      themes:   # trailing comment
        - key: a-1
          name: "甲 # not a comment"
          description: 说明：含冒号
          seeds: [低空, "无人机, 航空", 'eVTOL', 低空]
        -   key: b
            name: 乙
            seeds:
              - 绿色金融   # comment
              - "ESG"

      """
    let catalog = try ThemeCatalog(parsing: text)
    #expect(
      catalog.themes == [
        ThemeDefinition(
          key: "a-1", name: "甲 # not a comment", description: "说明：含冒号",
          seedTerms: ["低空", "无人机, 航空", "eVTOL"]),
        ThemeDefinition(key: "b", name: "乙", description: "", seedTerms: ["绿色金融", "ESG"]),
      ])
    #expect(catalog.allSeedTerms.count == 5)
  }

  struct BadFile: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var expected: ThemeTaggingError
    var testDescription: String { name }
  }

  static let badFiles: [BadFile] = [
    BadFile(
      name: "unknown field", text: "themes:\n  - key: a\n    name: A\n    seed: [x]\n",
      expected: .invalidThemeFile(file: "t.yaml", line: 4, problem: .unknownField("seed"))),
    BadFile(
      name: "missing seeds",
      text: "themes:\n  - key: a\n    name: A\n  - key: b\n    name: B\n    seeds: [x]\n",
      expected: .invalidThemeFile(
        file: "t.yaml", line: 2, problem: .missingField("seeds", themeKey: "a"))),
    BadFile(
      name: "empty seed list", text: "themes:\n  - key: a\n    name: A\n    seeds: []\n",
      expected: .invalidThemeFile(
        file: "t.yaml", line: 4, problem: .missingSeedTerms(themeKey: "a"))),
    BadFile(
      name: "duplicate key",
      text:
        "themes:\n  - key: a\n    name: A\n    seeds: [x]\n  - key: a\n    name: B\n    seeds: [y]\n",
      expected: .invalidThemeFile(
        file: "t.yaml", line: 5, problem: .duplicateKey("a", firstLine: 2))),
    BadFile(
      name: "field indentation", text: "themes:\n  - key: a\n     name: A\n    seeds: [x]\n",
      expected: .invalidThemeFile(
        file: "t.yaml", line: 3, problem: .badIndentation(expected: 4, found: 5))),
    BadFile(
      name: "item indentation",
      text: "themes:\n  - key: a\n    name: A\n    seeds: [x]\n - key: b\n",
      expected: .invalidThemeFile(
        file: "t.yaml", line: 5, problem: .badIndentation(expected: 2, found: 1))),
    BadFile(
      name: "tab", text: "themes:\n\t- key: a\n",
      expected: .invalidThemeFile(file: "t.yaml", line: 2, problem: .tabIndentation)),
    BadFile(
      name: "non-ASCII key", text: "themes:\n  - key: 低空\n",
      expected: .invalidThemeFile(file: "t.yaml", line: 2, problem: .invalidKey("低空"))),
    BadFile(
      name: "unterminated list", text: "themes:\n  - key: a\n    name: A\n    seeds: [x, y\n",
      expected: .invalidThemeFile(file: "t.yaml", line: 4, problem: .unterminated("list [x, y"))),
    BadFile(
      name: "version", text: "version: 2\nthemes:\n",
      expected: .invalidThemeFile(file: "t.yaml", line: 1, problem: .unsupportedVersion("2"))),
    BadFile(
      name: "unknown section", text: "topics:\n",
      expected: .invalidThemeFile(file: "t.yaml", line: 1, problem: .unknownSection("topics"))),
    BadFile(
      name: "duplicate field", text: "themes:\n  - key: a\n    name: A\n    name: B\n",
      expected: .invalidThemeFile(file: "t.yaml", line: 4, problem: .duplicateField("name"))),
    BadFile(
      name: "seed item without dash",
      text: "themes:\n  - key: a\n    name: A\n    seeds:\n      x\n",
      expected: .invalidThemeFile(file: "t.yaml", line: 5, problem: .unexpectedLine("x"))),
    BadFile(name: "no themes", text: "# empty\nthemes:\n", expected: .noThemes(file: "t.yaml")),
  ]

  @Test("malformed files report the line and the problem", arguments: badFiles)
  func errors(_ bad: BadFile) {
    #expect(throws: bad.expected) { try ThemeCatalog(parsing: bad.text, fileName: "t.yaml") }
  }

  @Test("error messages start with file and line and say what to do")
  func messages() {
    let error = ThemeTaggingError.invalidThemeFile(
      file: "themes.yaml", line: 12, problem: .unknownField("seed"))
    #expect(
      error.description
        == "themes.yaml line 12: unknown field 'seed'. Allowed fields: key, name, description, seeds, examples, counter-examples."
    )
  }

  @Test("theme keys are lowercase ASCII words joined by single hyphens")
  func keys() {
    #expect(ThemeDefinition.isValidKey("low-altitude-economy"))
    #expect(ThemeDefinition.isValidKey("6g"))
    for bad in ["", "-a", "a-", "a--b", "A", "a_b", "低空", "a b"] {
      #expect(!ThemeDefinition.isValidKey(bad), "\(bad)")
    }
  }
}

@Suite struct ThemeExamplesParsingTests {
  @Test("examples and counter-examples are read as lists, flow or block")
  func lists() throws {
    let catalog = try ThemeCatalog(
      parsing: """
        themes:
          - key: low-altitude
            name: 低空经济
            seeds: [低空经济]
            examples: [2024-21#1, "长三角加速低空经济产业布局"]
            counter-examples:
              - 2024-21#8
        """)
    #expect(catalog.themes[0].examples == ["2024-21#1", "长三角加速低空经济产业布局"])
    #expect(catalog.themes[0].counterExamples == ["2024-21#8"])
  }

  @Test("an article that is both an example and a counter-example is refused, naming the line")
  func contradiction() {
    #expect(
      throws: ThemeTaggingError.invalidThemeFile(
        file: "themes.yaml", line: 6, problem: .contradictoryExamples(article: "2024-21#1", themeKey: "a"))
    ) {
      try ThemeCatalog(
        parsing: """
          themes:
            - key: a
              name: A
              seeds: [x]
              examples: [2024-21#1]
              counter-examples: [2024-21#1]
          """)
    }
  }
}
