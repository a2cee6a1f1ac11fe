import Foundation
import Testing

@testable import Ingest
import TestSupport

@Suite("WebPageText")
struct WebPageTextTests {
  func extract(_ html: String) -> ExtractedDocument? {
    HTMLNode.parse(Array(html.utf8)).flatMap(WebPageText.extract(from:))
  }

  @Test("a WeChat page: the rich_media_content body, the account, the ct timestamp's date")
  func wechat() throws {
    let bytes = try Data(contentsOf: URL(fileURLWithPath: try DocumentFixtures.path("wechat.html")))
    let document = try #require(HTMLNode.parse([UInt8](bytes)).flatMap(WebPageText.extract(from:)))
    #expect(document.title == "深圳出台低空经济高质量发展实施方案")
    #expect(document.siteName == "深圳发布")
    // var ct = "1718000000" is 2024-06-10 06:13 UTC, 14:13 in Beijing.
    #expect(document.date == "2024-06-10")
    #expect(document.canonicalURL == "http://mp.weixin.qq.com/s?__biz=MzA3&mid=2650&idx=1")
    let lines = document.text.split(separator: "\n").map(String.init)
    #expect(lines.first == "深圳出台低空经济高质量发展实施方案")
    // The source's line break inside a Chinese sentence is not a space.
    #expect(lines.contains("近日，深圳市政府印发《深圳市低空经济高质量发展实施方案（2024—2025年）》，提出到2025年低空经济规模超过1000亿元。"))
    #expect(lines.contains("起降设施\t1000个"))
    #expect(!document.text.contains("扫一扫"))
    #expect(!document.text.contains("comments"))
  }

  @Test("a news page: the <article>, not navigation, asides or footer; the meta date and canonical link")
  func article() throws {
    let bytes = try Data(contentsOf: URL(fileURLWithPath: try DocumentFixtures.path("article.html")))
    let document = try #require(HTMLNode.parse([UInt8](bytes)).flatMap(WebPageText.extract(from:)))
    #expect(document.title == "广州发布数据要素市场化配置改革行动方案")
    #expect(document.date == "2024-03-21")
    #expect(document.canonicalURL == "http://gd.people.com.cn/n2/2024/0321/c123932-40783345.html")
    #expect(document.text.contains("数据要素市场规模突破100亿元"))
    for furniture in ["首页", "热门推荐", "版权所有"] { #expect(!document.text.contains(furniture)) }
    // The <h1> inside the article is the title line, not repeated.
    #expect(document.text.components(separatedBy: "广州发布数据要素市场化配置改革行动方案").count == 2)
  }

  @Test("without <article> or <main>, the element whose paragraphs hold the most text")
  func paragraphHeuristic() throws {
    let document = try #require(
      extract(
        """
        <html><head><title>标题</title></head><body>
        <div id="menu"><p>首页</p><p>新闻</p></div>
        <div id="content"><p>第一段正文，内容较长。</p><p>第二段正文，同样很长。</p></div>
        </body></html>
        """))
    #expect(document.text == "标题\n第一段正文，内容较长。\n第二段正文，同样很长。\n")
    #expect(document.date == nil)
  }

  @Test("an empty paragraph is a blank line, so a newsletter posted as a page parses as its text")
  func blankParagraphs() async throws {
    let document = try #require(
      extract("<html><body><article><p>第一</p><p><br></p><p></p><p>第二</p><p>第三</p></article></body></html>"))
    #expect(document.text == "第一\n\n第二\n第三\n")
    let text = try #require(try RepositoryPaths.seedFiles().first).path
    let fromText = try await CorpusLoader.load(paths: [text]).articles
    let page = try await CorpusLoader.load(
      paths: [RepositoryPaths.root.appendingPathComponent("bench/documents/seed-000.html").path]
    ).articles
    #expect(page.map(\.title) == fromText.map(\.title))
    #expect(page.map(\.body) == fromText.map(\.body))
    #expect(page.map(\.region) == fromText.map(\.region))
  }

  @Test("a page without article text gives nothing")
  func noBody() throws {
    let bytes = try Data(contentsOf: URL(fileURLWithPath: try DocumentFixtures.path("no-body.html")))
    #expect(HTMLNode.parse([UInt8](bytes)).flatMap(WebPageText.extract(from:)) == nil)
    #expect(extract("<html><body><script>var a = 1;</script></body></html>") == nil)
  }

  @Test("a GB18030 page that declares no charset is read as GB18030")
  func legacyEncoding() throws {
    // 双周 in GB18030 is CB AB D6 DC.
    let bytes =
      Array("<html><body><article><p>".utf8) + [0xCB, 0xAB, 0xD6, 0xDC] + Array("</p></article></body></html>".utf8)
    let document = try #require(HTMLNode.parse(bytes).flatMap(WebPageText.extract(from:)))
    #expect(document.text == "双周\n")
  }

  @Test("a Unix timestamp becomes the date in China Standard Time")
  func timestamps() {
    #expect(WebPageText.Metadata.wechatTimestamp(in: "var ct = \"1718000000\";") == "2024-06-10")
    // 2023-12-31 16:30 UTC is already 2024-01-01 in Beijing.
    #expect(WebPageText.Metadata.wechatTimestamp(in: "var ct = \"1704040200\"") == "2024-01-01")
    #expect(WebPageText.Metadata.wechatTimestamp(in: "var ct = \"17\"") == nil)
  }
}
