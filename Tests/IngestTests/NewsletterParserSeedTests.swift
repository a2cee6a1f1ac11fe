import Foundation
import Testing

@testable import Ingest
import TestSupport

@Suite("NewsletterParser on the seed corpus")
struct NewsletterParserSeedTests {
  static let files = [
    "000_01685ed864da3128.txt", "001_50df36279a5e3298.txt", "002_978983cdd4d6daa1.txt",
    "003_920302f8d3419d4c.txt", "004_ed97ee6178b6ef7d.txt",
  ]

  static func seed(_ file: String) throws -> SeedFixture.Seed {
    try #require(try SeedFixture.load().seeds.first { $0.file == file })
  }

  @Test("finds exactly the hand-verified titles, in order", arguments: files)
  func titles(file: String) throws {
    let expected = try Self.seed(file)
    let newsletter = try SeedFixture.parsedSeed(file)
    #expect(newsletter.articles.map(\.title) == expected.titles)
    #expect(newsletter.publication?.name == expected.publication)
    #expect(newsletter.issue == expected.issue)
    #expect(newsletter.date == expected.date)
    #expect(newsletter.warnings.isEmpty, "\(newsletter.warnings)")
  }

  @Test("gives the sampled articles their id, region, city, section, date and source", arguments: files)
  func samples(file: String) throws {
    let expected = try Self.seed(file)
    let articles = try SeedFixture.parsedSeed(file).articles
    for sample in expected.samples {
      let article = try #require(articles.first { $0.id == sample.id }, "no article \(sample.id)")
      #expect(article.title == sample.title)
      #expect(article.region == sample.region, "\(sample.id)")
      #expect(article.city == sample.city, "\(sample.id)")
      #expect(article.section == sample.section, "\(sample.id)")
      #expect(article.date == sample.date, "\(sample.id)")
      #expect(article.source == sample.source, "\(sample.id)")
      #expect(article.sourceDate == sample.sourceDate, "\(sample.id)")
    }
  }

  /// Counts characters in the article's fields that hold input text: title, body, source,
  /// source date (digits only, as printed in the biweekly) and URLs.
  static func landedCharacterCount(_ article: Article) -> Int {
    visibleCharacterCount(article.title) + article.body.reduce(0) { $0 + visibleCharacterCount($1) }
      + visibleCharacterCount(article.source ?? "") + (article.sourceDate ?? "").filter(\.isNumber).count
      + article.urls.reduce(0) { $0 + visibleCharacterCount($1) }
  }

  @Test("puts at least 99% of the non-boilerplate characters into article fields", arguments: files)
  func coverage(file: String) throws {
    let url = RepositoryPaths.seeds.appendingPathComponent(file)
    let text = try String(contentsOf: url, encoding: .utf8)
    let newsletter = NewsletterParser.parse(text, file: file)
    let boilerplate = newsletter.boilerplate.reduce(0) { $0 + visibleCharacterCount($1.text) }
    let expected = visibleCharacterCount(text) - boilerplate
    let landed = newsletter.articles.reduce(0) { $0 + Self.landedCharacterCount($1) }
    #expect(expected > 0)
    #expect(landed <= expected)
    #expect(Double(landed) >= 0.99 * Double(expected), "\(landed) of \(expected) characters")
  }

  @Test("assigns every non-blank line to exactly one article or boilerplate block", arguments: files)
  func everyLineOnce(file: String) throws {
    let url = RepositoryPaths.seeds.appendingPathComponent(file)
    let text = try String(contentsOf: url, encoding: .utf8)
    let newsletter = NewsletterParser.parse(text, file: file)
    var owners = [Int](repeating: 0, count: TextLine.lines(of: text).count + 1)
    for range in newsletter.articles.map(\.lines) + newsletter.boilerplate.map(\.lines) {
      for line in range.first...range.last { owners[line] += 1 }
    }
    for line in TextLine.lines(of: text) where !line.isBlank {
      #expect(
        owners[line.number] == 1, "line \(line.number) “\(line.text.prefix(20))” owned \(owners[line.number]) times")
    }
  }

  @Test("reports masthead, contents and distribution as boilerplate", arguments: files)
  func boilerplateKinds(file: String) throws {
    let newsletter = try SeedFixture.parsedSeed(file)
    let kinds = Set(newsletter.boilerplate.map(\.kind))
    #expect(kinds.contains(.masthead))
    #expect(kinds.contains(.contents))
    if newsletter.publication == .biweekly {
      #expect(kinds.contains(.distribution))
      let distribution = newsletter.boilerplate.filter { $0.kind == .distribution }.map(\.text).joined()
      #expect(distribution.contains("扫描二维码"))
    }
    // No article body repeats masthead or contents lines.
    let contents = newsletter.boilerplate.filter { $0.kind == .contents }.map(\.text).joined(separator: "\n")
    for article in newsletter.articles {
      #expect(!article.body.contains { $0.hasPrefix("- 【") || $0 == "主办" || $0.hasPrefix("报：") })
      #expect(!contents.isEmpty)
    }
  }

  @Test("gives unique ids that are stable across parses", arguments: files)
  func stableIDs(file: String) throws {
    let first = try SeedFixture.parsedSeed(file).articles.map(\.id)
    let second = try SeedFixture.parsedSeed(file).articles.map(\.id)
    #expect(first == second)
    #expect(Set(first).count == first.count)
  }

  @Test("repairs paragraphs broken across blank lines mid-sentence")
  func brokenParagraphs() throws {
    let articles = try SeedFixture.parsedSeed("000_01685ed864da3128.txt").articles
    let body = articles[0].body.joined(separator: "\n")
    #expect(body.contains("是仅次于四川的军用无人机生产大省"))
    #expect(!articles[0].body.contains { $0.hasPrefix("产大省") })
    // Sub-headings stay separate paragraphs.
    #expect(articles[0].body.contains("产业规划先行"))
    // The overview's 【浙江】… paragraphs stay inside the one article.
    #expect(articles[0].body.contains { $0.hasPrefix("【浙江】以杭州") })
  }

  @Test("keeps 004's 新质生产力 overview one article with its 【北京】… parts as paragraphs")
  func overviewArticle() throws {
    let overview = try SeedFixture.parsedSeed("004_ed97ee6178b6ef7d.txt").articles[0]
    #expect(overview.title == "各地加快布局“新质生产力”")
    for part in ["【北京】开辟量子", "【上海】加快打造未来产业先导区", "【江苏】开辟五个领域"] {
      #expect(overview.body.contains { $0.hasPrefix(part) }, "\(part)")
    }
  }

  @Test("moves digest URLs out of bodies and keeps 附： notes")
  func digestURLs() throws {
    let articles = try SeedFixture.parsedSeed("003_920302f8d3419d4c.txt").articles
    let first = articles[0]
    #expect(first.urls == ["https://mp.weixin.qq.com/s/YoVB5VIa0LZPZwZU-fXOPA"])
    #expect(first.body.contains { $0.hasPrefix("附：") })
    for article in articles {
      #expect(!article.body.contains { $0.contains("mp.weixin.qq.com") }, "\(article.id)")
    }
    let books = try #require(articles.last)
    #expect(books.section == "图书推荐")
    #expect(books.body.allSatisfy { !$0.contains("<p>") })
  }

  @Test("encodes articles with the agreed snake_case JSON keys")
  func jsonKeys() throws {
    let article = try SeedFixture.parsedSeed("000_01685ed864da3128.txt").articles[7]
    let data = try JSONEncoder().encode(article)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    for key in [
      "id", "file", "publication", "issue", "date", "region", "section", "title", "body", "source", "source_date",
      "urls",
    ] {
      #expect(object[key] != nil, "missing key \(key)")
    }
    #expect(try JSONDecoder().decode(Article.self, from: data) == article)
  }
}
