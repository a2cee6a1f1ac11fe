import Testing

@testable import Ingest

@Suite("OriginalText")
struct OriginalTextTests {
  /// A stand-in for OpenCC on a few characters, so the walk is tested without it.
  static let table: [Character: Character] = [
    "經": "经", "濟": "济", "產": "产", "業": "业", "區": "区", "發": "发", "展": "展", "報": "报", "來": "来",
  ]

  static func fold(_ text: String) -> String { String(text.map { table[$0] ?? $0 }) }

  func article(title: String, body: [String], source: String? = nil, lines: LineRange) -> Article {
    Article(
      id: "t#1", file: "t.txt", publication: "t", issue: "", date: nil, region: "全国", city: nil, section: "",
      title: title, body: body, source: source, sourceDate: nil, urls: [], lines: lines)
  }

  @Test("title and paragraphs get their characters as written; the folded ones are kept for analysis")
  func restores() {
    let original = ["低空經濟產業", "", "產業發展很快，", "經濟區", "來源：某報 https://example.com/a"]
    let folded = original.map(Self.fold)
    // What the parser made of the folded lines: a title, one paragraph joined from two lines.
    let parsed = article(title: "低空经济产业", body: ["产业发展很快，经济区"], lines: LineRange(first: 1, last: 5))
    let restored = OriginalText.restore(
      parsed, original: original.map { Substring($0) }, folded: folded.map { Substring($0) })
    #expect(restored.title == "低空經濟產業")
    #expect(restored.body == ["產業發展很快，經濟區"])
    #expect(restored.simplified == Article.SimplifiedText(title: "低空经济产业", body: ["产业发展很快，经济区"]))
    #expect(restored.analysisTitle == "低空经济产业")
  }

  @Test("the source line is restored too, after the body")
  func source() {
    let original = ["低空經濟", "", "產業發展很快。", "（來源：經濟日報）"]
    let folded = original.map(Self.fold)
    let parsed = article(
      title: "低空经济", body: ["产业发展很快。"], source: "经济日报",
      lines: LineRange(first: 1, last: 4))
    let restored = OriginalText.restore(
      parsed, original: original.map { Substring($0) }, folded: folded.map { Substring($0) })
    #expect(restored.body == ["產業發展很快。"])
    #expect(restored.source == "經濟日報")
  }

  @Test("characters the parser added stay; a line whose folding changed its length keeps the folded text")
  func additionsAndLengthChanges() {
    let original = ["ESG", "報告經濟", "區區"]
    let folded = ["ESG", "报告经济", "区"]  // the last line changed length
    let parsed = article(title: "ESG", body: ["ESG 报告经济", "区"], lines: LineRange(first: 1, last: 3))
    let restored = OriginalText.restore(
      parsed, original: original.map { Substring($0) }, folded: folded.map { Substring($0) })
    #expect(restored.body == ["ESG 報告經濟", "区"])
  }

  @Test("an article already in simplified characters is left as it is")
  func unchanged() {
    let lines = ["低空经济", "产业发展"].map { Substring($0) }
    let parsed = article(title: "低空经济", body: ["产业发展"], lines: LineRange(first: 1, last: 2))
    #expect(OriginalText.restore(parsed, original: lines, folded: lines) == parsed)
  }
}
