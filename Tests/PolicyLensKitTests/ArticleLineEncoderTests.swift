import Foundation
import Ingest
import Testing

@testable import PolicyLensKit

/// `ArticleLineEncoder` must write what `JSONEncoder` writes for `articles.jsonl`, byte for byte.
@Suite struct ArticleLineEncoderTests {
  static func foundationLine(_ article: Article) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(article))
  }

  static func ourLine(_ article: Article) -> [UInt8] {
    var bytes: [UInt8] = []
    ArticleLineEncoder.append(article, to: &bytes)
    return bytes
  }

  @Test func seedsModelArticles() throws {
    let articles = SeedModel.model.articles
    #expect(articles.count > 100)
    for article in articles {
      let ours = Self.ourLine(article)
      #expect(ours == (try Self.foundationLine(article)), "article \(article.id)")
    }
  }

  @Test func escapesAndAbsentFields() throws {
    let awkward = "引号\"反斜杠\\斜杠/制表\t换行\n回车\r退格\u{08}换页\u{0C}控制\u{01}\u{1F}删除\u{7F}分隔\u{2028}😀"
    let articles = [
      Article(
        id: "2024-1#1", file: "a/b.txt", publication: "双周决策观察", issue: "2024年第1期", date: nil, region: "上海市",
        city: nil, section: "", title: awkward, body: [], source: nil, sourceDate: nil, urls: [],
        lines: LineRange(first: 1, last: 1)),
      Article(
        id: "x\"y", file: awkward, publication: "", issue: "", date: "2024-01-08", region: "", city: "浦东",
        section: "s", title: "", body: [awkward, "", "普通段落"], source: "新华社", sourceDate: "20240101",
        urls: ["https://example.com/a?b=c&d=\"e\"", ""], lines: LineRange(first: 12, last: 340)),
    ]
    // A traditional-character Word article: format, pages and the simplified fold.
    var document = articles[1]
    document.format = .docx
    document.pages = PageRange(first: 2, last: 3)
    document.simplified = Article.SimplifiedText(title: "简体\"标题", body: ["第一段", awkward])
    var page = articles[0]
    page.format = .html
    for article in articles + [document, page] {
      let ours = Self.ourLine(article)
      #expect(ours == (try Self.foundationLine(article)), "\(String(decoding: ours, as: UTF8.self))")
      #expect(try JSONDecoder().decode(Article.self, from: Data(ours)) == article)
    }
  }
}
