import Foundation
import Testing

@testable import Ingest
import TestSupport

@Suite("NewsletterParser on hand-written edge cases")
struct NewsletterParserEdgeCaseTests {
  func biweekly() throws -> Newsletter {
    NewsletterParser.parse(try fixtureText("biweekly-edge.txt"), file: "biweekly-edge.txt")
  }

  func digest() throws -> Newsletter {
    NewsletterParser.parse(try fixtureText("digest-edge.txt"), file: "digest-edge.txt")
  }

  @Test("reads the issue header 2024年第21期 and the print date 11月7日印发")
  func issueHeader() throws {
    let newsletter = try biweekly()
    #expect(newsletter.publication == .biweekly)
    #expect(newsletter.issue == "2024年第21期")
    #expect(newsletter.date == "2024-11-07")
    #expect(newsletter.articles.allSatisfy { $0.date == "2024-11-07" && $0.issue == "2024年第21期" })
    #expect(newsletter.articles.map(\.id) == ["2024-21#1", "2024-21#2", "2024-21#3", "2024-21#4"])
  }

  @Test("matches a contents list that repeats titles, including a duplicated title")
  func duplicatedTitle() throws {
    let titles = try biweekly().articles.map(\.title)
    #expect(titles == ["ＡＩ＋制造：长三角协同发展报告发布", "上海出台数据要素新政", "上海出台数据要素新政", "深圳前海推出QFLP试点新规"])
  }

  @Test("uses 【区域】 markers for region and section; an empty section yields no article")
  func regionMarkers() throws {
    let articles = try biweekly().articles
    #expect(articles.map(\.region) == ["区域", "上海", "上海", "广东"])
    #expect(articles.map(\.section) == ["区域", "上海", "上海", "广东"])
    #expect(!articles.contains { $0.region == "北京" })
    #expect(articles[3].city == "深圳")
    #expect(articles[3].body == ["前海管理局发布QFLP（合格境外有限合伙人）试点办法，最高奖励500万元。"])
  }

  @Test("keeps tagged paragraphs inside an overview and repairs a mid-sentence break")
  func overview() throws {
    let body = try biweekly().articles[0].body
    #expect(body.count == 3)
    #expect(body[2] == "【江苏】苏州、无锡集聚了大批工业软件企业，这一趋势在2024年进一步加快。")
    #expect(try biweekly().articles[0].source == "新华日报")
    #expect(try biweekly().articles[0].sourceDate == "2024-11-01")
  }

  @Test("reports the front page and back page as boilerplate")
  func biweeklyBoilerplate() throws {
    let blocks = try biweekly().boilerplate
    #expect(blocks.map(\.kind).contains(.contents))
    #expect(blocks.first { $0.kind == .contents }?.text.contains("- 【上海】") == true)
    #expect(blocks.last?.kind == .distribution)
    #expect(blocks.last?.text.hasSuffix("送：新区各委办局") == true)
  }

  @Test("parses a digest: sections, empty section, source lines, URLs, page furniture")
  func digestStructure() throws {
    let newsletter = try digest()
    #expect(newsletter.publication == .digest)
    #expect(newsletter.issue == "2023年（总第二十五期）")
    #expect(newsletter.date == "2023-07-15")
    let articles = newsletter.articles
    #expect(articles.map(\.title) == ["商务部：印发《工作清单》", "四部门：清理政策措施", "中日经贸合作新机遇", "深圳：出台AI产业新政", "前海：推出跨境金融试点", "图书推荐"])
    #expect(articles.map(\.section) == ["热点关注", "热点关注", "国际视野", "国内动态", "国内动态", "图书推荐"])
    #expect(articles.map(\.region) == ["全国", "全国", "国际", "广东", "广东", "全国"])
    #expect(articles.map(\.city) == [nil, nil, nil, "深圳", "深圳", nil])
    #expect(articles.map(\.id).first == "digest-2023-25#1")
    #expect(articles[0].urls == ["https://mp.weixin.qq.com/s/abc"])
    #expect(articles[1].body == ["四部门联合印发通知，部署清理妨碍统一市场和公平竞争的政策措施。"])
    #expect(articles[1].date == "2023-07-05")
    // No source line: the issue date stands in.
    #expect(articles[4].source == nil)
    #expect(articles[4].date == "2023-07-15")
    #expect(newsletter.boilerplate.contains { $0.kind == .furniture && $0.text == "7" })
    #expect(articles[5].body == ["书名/著者：变量/何帆", "出版社：中信出版集团"])
  }

  @Test("gives the same articles for CRLF, CR and LF line endings and a BOM")
  func lineEndings() throws {
    let text = try fixtureText("biweekly-edge.txt")
    let reference = NewsletterParser.parse(text, file: "x.txt").articles
    for variant in [
      text.replacingOccurrences(of: "\n", with: "\r\n"), text.replacingOccurrences(of: "\n", with: "\r"),
      "\u{FEFF}" + text,
    ] {
      let articles = NewsletterParser.parse(variant, file: "x.txt").articles
      #expect(articles.map(\.title) == reference.map(\.title))
      #expect(articles.map(\.body) == reference.map(\.body))
    }
  }

  @Test("keeps text that is not a newsletter as one article, with a warning")
  func notANewsletter() {
    let newsletter = NewsletterParser.parse("会议纪要\n\n今天讨论了预算。\n\n明天继续。", file: "notes.txt")
    #expect(newsletter.articles.count == 1)
    #expect(newsletter.articles.first?.id == "notes#1")
    #expect(newsletter.articles.first?.title == "会议纪要")
    #expect(newsletter.articles.first?.body == ["今天讨论了预算。", "明天继续。"])
    // It names no date, so it is undated, and says so.
    #expect(newsletter.warnings == [.notANewsletter(file: "notes.txt"), .undated(file: "notes.txt")])
  }

  @Test("returns no articles and a warning for empty text")
  func emptyText() {
    for text in ["", "\n\n  \n"] {
      let newsletter = NewsletterParser.parse(text, file: "e.txt")
      #expect(newsletter.articles.isEmpty)
      #expect(newsletter.warnings == [.emptyFile(file: "e.txt")])
    }
  }

  // The two tests below feed inputs large enough that a quadratic algorithm would run for
  // minutes, and check the output against an oracle rather than a wall-clock bound (which
  // fails on a loaded machine and passes a slow algorithm on a fast one).

  @Test("parses one giant line whole: title and body concatenate back to the line")
  func giantLine() throws {
    let line = String(repeating: "数字经济促进文化产业发展，", count: 200_000)  // 2.6 M characters
    let newsletter = NewsletterParser.parse(line, file: "big.txt")
    #expect(newsletter.articles.count == 1)
    let article = try #require(newsletter.articles.first)
    #expect(article.title + article.body.joined() == line)
  }

  @Test("joins a long run of unpunctuated lines into their concatenation")
  func manyBrokenLines() {
    let lines = Array(repeating: Substring(String(repeating: "数字经济促进文化产业发展", count: 4)), count: 50_000)
    let joined = Paragraphs.joinBrokenLines(lines)
    #expect(joined.count == 1)
    #expect(joined.first == lines.joined())
  }

  @Test("warns when a contents entry has no title in the body, and keeps the text")
  func unmatchedEntry() throws {
    let text = try fixtureText("biweekly-edge.txt").replacingOccurrences(
      of: "- 【广东】 深圳前海推出QFLP试点新规", with: "- 【广东】 深圳前海推出QFLP试点新规\n广州发布并不存在的文章")
    let newsletter = NewsletterParser.parse(text, file: "x.txt")
    #expect(newsletter.articles.count == 4)
    #expect(newsletter.warnings == [.unmatchedContentsEntry(file: "x.txt", title: "广州发布并不存在的文章")])
  }

  @Test("finds titles by shape when there is no contents list")
  func withoutContents() throws {
    let text = try fixtureText("biweekly-edge.txt")
    let withoutList = text.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("- 【") }.joined(separator: "\n")
    let titles = NewsletterParser.parse(withoutList, file: "x.txt").articles.map(\.title)
    #expect(titles.first == "ＡＩ＋制造：长三角协同发展报告发布")
    #expect(titles.contains("深圳前海推出QFLP试点新规"))
    #expect(titles.filter { $0 == "上海出台数据要素新政" }.count == 2)
  }
}

@Suite("Plain text that is not a newsletter")
struct PlainTextArticleTests {
  @Test(
    "dates written out in the text",
    arguments: [
      ("2024年5月10日，苏州市印发", "2024-05-10"), ("发布于 2023-06-27 人民网", "2023-06-27"),
      ("2024/5/9 更新", "2024-05-09"), ("截至2024.12.1", "2024-12-01"), ("共12024年5月1日", nil),
      ("2024年13月1日", nil), ("电话 2024-5", nil),
    ])
  func firstDate(text: String, expected: String?) {
    #expect(IssueHeader.firstDate(in: text) == expected)
  }

  @Test("title from the first line, place from the gazetteer, date from the text")
  func plainArticle() {
    let newsletter = NewsletterParser.parse("杭州市发布人形机器人政策\n2024年6月3日，浙江省杭州市发布政策。\n", file: "n.txt")
    let article = newsletter.articles[0]
    #expect(article.title == "杭州市发布人形机器人政策")
    #expect(article.region == "浙江")
    #expect(article.city == "杭州")
    #expect(article.date == "2024-06-03")
    #expect(!newsletter.warnings.contains(.undated(file: "n.txt")))
    let undated = NewsletterParser.parse("一则说明\n没有日期和地点。\n", file: "u.txt")
    #expect(undated.articles[0].region == "全国")
    #expect(undated.warnings.contains(.undated(file: "u.txt")))
  }
}
