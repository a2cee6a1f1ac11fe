import Foundation
import Testing

@testable import Ingest
import TestSupport

/// PDF, Word and web pages through ``CorpusLoader``: the fixtures of
/// scripts/document_fixtures.py, and the bad input the loader must refuse clearly.
@Suite("CorpusLoader documents")
struct CorpusLoaderDocumentsTests {
  static let seedNumbers = ["000", "001", "002", "003", "004"]

  /// Character-level similarity after removing white space: 2 × matches / (|a| + |b|), matches
  /// from the longest common subsequence (what difflib's ratio approximates).
  static func similarity(_ a: String, _ b: String) -> Double {
    let x = Array(a.unicodeScalars.filter { !$0.properties.isWhitespace })
    let y = Array(b.unicodeScalars.filter { !$0.properties.isWhitespace })
    if x.isEmpty && y.isEmpty { return 1 }
    var previous = [Int](repeating: 0, count: y.count + 1)
    var current = previous
    for i in 1...max(x.count, 1) where !x.isEmpty {
      for j in 1...max(y.count, 1) where !y.isEmpty {
        current[j] = x[i - 1] == y[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
      }
      swap(&previous, &current)
    }
    return 2 * Double(previous[y.count]) / Double(x.count + y.count)
  }

  static func compact(_ text: String) -> String { text.filter { !$0.isWhitespace } }

  @Test("the PDF of each seed issue yields the articles of its text version", arguments: seedNumbers)
  func pdfMatchesText(number: String) async throws {
    let text = try #require(try RepositoryPaths.seedFiles().first { $0.lastPathComponent.hasPrefix(number) })
    let fromText = try await CorpusLoader.load(paths: [text.path]).articles
    let pdf = try await CorpusLoader.load(paths: [try DocumentFixtures.path("seed-\(number).pdf")])
    let fromPDF = pdf.articles
    #expect(fromPDF.count == fromText.count)
    #expect(pdf.newsletters.first?.issue == (try CorpusLoader.read(text.path).newsletter?.issue))
    var worst = 1.0
    for (a, b) in zip(fromText, fromPDF) {
      #expect(Self.compact(a.title) == Self.compact(b.title), "\(a.id)")
      #expect(a.id == b.id)
      #expect(a.region == b.region, "\(a.id)")
      #expect(a.city == b.city, "\(a.id)")
      #expect(a.date == b.date, "\(a.id)")
      #expect(a.source == b.source, "\(a.id)")
      let score = Self.similarity(a.body.joined(), b.body.joined())
      worst = min(worst, score)
      #expect(score >= 0.99, "\(a.id): body similarity \(score)")
      #expect(b.format == .pdf)
      let pages = try #require(b.pages)
      #expect(pages.first >= 1 && pages.last <= 80)
    }
    #expect(worst >= 0.99)
  }

  @Test("articles cite the pages they are on, in reading order")
  func pageRanges() async throws {
    let articles = try await CorpusLoader.load(paths: [try DocumentFixtures.path("seed-000.pdf")]).articles
    let pages = articles.compactMap(\.pages)
    #expect(pages.count == articles.count)
    #expect(zip(pages, pages.dropFirst()).allSatisfy { $0.last <= $1.first })
    // The first article starts on the first page, after the contents.
    #expect(pages.first?.first == 1)
  }

  @Test("a PDF of 500 pages is read in bounded time with a page per page")
  func fiveHundredPages() async throws {
    let folder = try DocumentFixtures.temporaryFolder()
    let path = folder + "/long.pdf"
    try DocumentFixtures.pdf(pageCount: 500).write(to: URL(fileURLWithPath: path))
    let extraction = try #require(try CorpusLoader.extract(path, options: .init(extractionTimeout: 60)))
    #expect(extraction.document.pageCount == 500)
    #expect(extraction.document.text.contains("Page 500 line 3"))
    let article = try #require(try await CorpusLoader.load(paths: [path]).articles.first)
    #expect(article.pages == PageRange(first: 1, last: 500))
  }

  @Test("a reader that takes too long is stopped, and nothing is read")
  func timeout() throws {
    let folder = try DocumentFixtures.temporaryFolder()
    let path = folder + "/slow.pdf"
    try DocumentFixtures.pdf(pageCount: 500).write(to: URL(fileURLWithPath: path))
    #expect(throws: IngestError.timedOut(path: path, seconds: 0.001)) {
      try CorpusLoader.extract(path, options: .init(extractionTimeout: 0.001))
    }
  }

  @Test(
    "bad documents are refused with their own error",
    arguments: [
      ("scanned.pdf", "no text layer"), ("encrypted.pdf", "password"), ("damaged.pdf", "damaged PDF"),
      ("not-a-zip.docx", "not a Word document"), ("no-body.html", "no article text"),
    ])
  func badDocuments(name: String, phrase: String) async throws {
    let path = try DocumentFixtures.path(name)
    do {
      _ = try await CorpusLoader.load(paths: [path])
      Issue.record("\(name) was read")
    } catch {
      #expect(error.description.contains(phrase), "\(error.description)")
      #expect(error.description.contains(path))
      #expect(error.isConfinedToDocument)
    }
  }

  @Test("a scan is reported with its page count")
  func scanned() async throws {
    let path = try DocumentFixtures.path("scanned.pdf")
    await #expect(throws: IngestError.noTextLayer(path: path, pageCount: 2)) {
      try await CorpusLoader.load(paths: [path])
    }
  }

  @Test("beside readable files, an unreadable document is skipped with a warning")
  func skipsBeside() async throws {
    let folder = try DocumentFixtures.temporaryFolder()
    for name in ["scanned.pdf", "policy.docx", "encrypted.pdf"] {
      try FileManager.default.copyItem(atPath: try DocumentFixtures.path(name), toPath: folder + "/" + name)
    }
    let corpus = try await CorpusLoader.load(paths: [folder])
    #expect(corpus.articles.map(\.file) == ["policy.docx"])
    let skipped = corpus.warnings.compactMap { warning -> String? in
      if case .skipped(let file, _) = warning { return (file as NSString).lastPathComponent }
      return nil
    }
    #expect(skipped == ["encrypted.pdf", "scanned.pdf"])
  }

  @Test("a Word document: its paragraphs, date and pages")
  func word() async throws {
    let corpus = try await CorpusLoader.load(paths: [try DocumentFixtures.path("policy.docx")])
    let article = try #require(corpus.articles.first)
    #expect(article.title == "关于加快发展低空经济的实施意见")
    #expect(article.date == "2024-06-18")
    #expect(article.format == .docx)
    #expect(article.pages == PageRange(first: 1, last: 2))
    #expect(article.body.contains("二、重点任务"))
  }

  @Test("a file whose extension lies is read as what it is, with a warning")
  func lyingExtension() async throws {
    let corpus = try await CorpusLoader.load(paths: [try DocumentFixtures.path("html-named.pdf")])
    #expect(corpus.articles.first?.format == .html)
    #expect(corpus.articles.first?.title == "广州发布数据要素市场化配置改革行动方案")
    #expect(corpus.warnings.contains(.formatMismatch(file: "html-named.pdf", named: .pdf, content: .html)))
    let folder = try DocumentFixtures.temporaryFolder()
    let text = folder + "/notes.docx"
    try Data("深圳推动融资租赁高质量发展\n2024年3月1日\n正文。".utf8).write(to: URL(fileURLWithPath: text))
    let fromText = try await CorpusLoader.load(paths: [text])
    #expect(fromText.articles.first?.format == nil)
    #expect(fromText.warnings.contains(.formatMismatch(file: "notes.docx", named: .docx, content: .text)))
  }

  @Test("a web page's date and canonical address complete its article")
  func webPage() async throws {
    let corpus = try await CorpusLoader.load(paths: [try DocumentFixtures.path("wechat.html")])
    let article = try #require(corpus.articles.first)
    #expect(article.date == "2024-06-10")
    #expect(article.urls.first == "http://mp.weixin.qq.com/s?__biz=MzA3&mid=2650&idx=1")
    #expect(article.source == "深圳发布")
    #expect(article.region == "广东")
    #expect(article.city == nil || article.city == "深圳")
    #expect(!corpus.warnings.contains(.undated(file: "wechat.html")))
  }

  @Test("a traditional article is shown as written and analysed in simplified characters")
  func traditional() async throws {
    let seedArticle = try #require(
      try await CorpusLoader.load(paths: [RepositoryPaths.seeds.appendingPathComponent("000_01685ed864da3128.txt").path]
      )
      .articles.first)
    for name in ["traditional.txt", "traditional.html"] {
      let corpus = try await CorpusLoader.load(paths: [try DocumentFixtures.path(name)])
      let article = try #require(corpus.articles.first)
      #expect(article.title == "長三角加速低空經濟產業佈局")
      #expect(article.analysisTitle == "长三角加速低空经济产业布局")
      #expect(article.date == "2024-11-07")
      #expect(corpus.warnings.contains(.foldedTraditional(file: name, articleCount: 1)))
      // Folded back, the text is (nearly) the simplified original: OpenCC's Taiwan phrases
      // (资讯/信息, 支援/支持) do not all round-trip.
      let score = Self.similarity(article.analysisBody.joined(), seedArticle.body.joined())
      #expect(score > 0.97, "\(name): \(score)")
      #expect(Self.similarity(article.body.joined(), seedArticle.body.joined()) < 0.9)
    }
  }
}
