import Foundation
import Testing

@testable import Report

@Suite struct HTMLReportTests {
  let document = SampleReport.make()

  /// Occurrences of `needle` in `text`.
  func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

  @Test("each article can be cited and read: id, source, links, text behind a disclosure, theme scores")
  func citableArticles() throws {
    var document = document
    document.articles[0].source = "上海证券报"
    document.articles[0].sourceDate = "2024-11-05"
    document.articles[0].urls = ["https://example.org/a?b=1&c=2"]
    document.articles[0].body = ["第一段。", "第二段 <i>。"]
    document.articles[0].themeScores = document.articles[0].themes.map { _ in 4.25 }
    let html = HTMLReport.render(document)
    #expect(html.contains("<code class=\"id\">\(HTMLReport.escape(document.articles[0].id))</code>"))
    #expect(html.contains("来源 Source: 上海证券报 2024-11-05"))
    #expect(html.contains("href=\"https://example.org/a?b=1&amp;c=2\""))
    #expect(html.contains("<details class=\"text\"><summary>全文 Text</summary>\n<p>第一段。</p>\n<p>第二段 &lt;i&gt;。</p>"))
    if !document.articles[0].themes.isEmpty { #expect(html.contains("<b>4.3</b>") || html.contains("<b>4.2</b>")) }
  }

  @Test("region and theme chips are filter buttons, and a focus opens the page filtered")
  func chipsAndFocus() {
    var document = document
    document.focusPlace = "上海"
    document.focusTheme = "绿色金融"
    let html = HTMLReport.render(document)
    #expect(html.contains("data-filter=\"region\""))
    #expect(html.contains("<body data-focus-region=\"上海\" data-focus-theme=\"绿色金融\">"))
    #expect(count("data-region=", in: html) >= document.articles.count)
    #expect(html.contains("@media print"))
  }

  @Test("the page has every section, linked from the navigation")
  func sections() {
    let html = HTMLReport.render(document)
    for anchor in ["timeline", "map", "clusters", "matrix", "articles"] {
      #expect(html.contains("<section id=\"\(anchor)\""), "missing section \(anchor)")
      #expect(html.contains("<a href=\"#\(anchor)\">"), "missing nav link \(anchor)")
    }
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<meta charset=\"utf-8\">"))
  }

  @Test("the timeline chart has one line per series, one point per period and a legend entry each")
  func timelineChart() throws {
    let html = HTMLReport.render(document)
    let timeline = try #require(document.timeline)
    #expect(count("<polyline", in: html) == timeline.series.count)
    #expect(count("<g class=\"series\"", in: html) == timeline.series.count)
    #expect(count("<li data-series=", in: html) == timeline.series.count)
    for period in timeline.periods { #expect(html.contains(">\(HTMLReport.escape(period))</text>")) }
    #expect(html.contains("trend-rising"))
    let pointCount = timeline.series.count * timeline.periods.count
    #expect(count("r=\"4\" data-tip=", in: html) == pointCount)
  }

  @Test("the map has one point per placed article, coloured by its cluster, with a hover title")
  func map() {
    let html = HTMLReport.render(document)
    #expect(count("<circle class=\"pt\"", in: html) == document.articles.count)
    let first = document.articles[0]
    #expect(html.contains("data-id=\"\(first.id)\""))
    #expect(html.contains("<title>\(HTMLReport.escape(first.title))"))
    #expect(html.contains("fill=\"\(Palette.color(0))\""))
  }

  @Test("map coordinates stay inside the view box, including when all points coincide")
  func mapBounds() throws {
    var single = document
    for index in single.articles.indices { single.articles[index].position = ReportPoint(x: 5, y: 5) }
    for doc in [document, single] {
      let html = HTMLReport.render(doc)
      let pattern = try Regex(#"class="pt" cx="([-0-9.]+)" cy="([-0-9.]+)""#)
      let matches = html.matches(of: pattern)
      #expect(matches.count == doc.articles.count)
      for match in matches {
        let x = try #require(match.output[1].substring.flatMap { Double(String($0)) })
        let y = try #require(match.output[2].substring.flatMap { Double(String($0)) })
        #expect((0...960).contains(x) && (0...560).contains(y))
      }
    }
  }

  @Test("each cluster gets a card listing exactly its articles")
  func clusters() {
    let html = HTMLReport.render(document)
    for cluster in document.clusters {
      #expect(html.contains("id=\"cluster-\(cluster.id)\""))
      for term in cluster.terms { #expect(html.contains("<span class=\"term\">\(term)</span>")) }
      let members = document.articles.filter { $0.clusterID == cluster.id }.count
      #expect(html.contains("\(HTMLReport.escape(cluster.label)) <span class=\"count\">\(members)</span>"))
    }
    #expect(!html.contains("cluster-none"))
  }

  @Test("the region × theme matrix counts each region's articles per theme, cities under regions")
  func matrix() throws {
    let matrix = RegionThemeMatrix(document)
    for row in matrix.rows {
      let articles = document.articles.filter { $0.region == row.region && (row.city == nil || $0.city == row.city) }
      #expect(row.articleCount == articles.count)
      for (theme, cellCount) in zip(matrix.themes, row.counts) {
        #expect(cellCount == articles.filter { $0.themes.contains(theme) }.count)
      }
    }
    let guangdong = try #require(matrix.rows.firstIndex { $0.region == "广东" && $0.city == nil })
    #expect(matrix.rows[guangdong + 1].region == "广东" && matrix.rows[guangdong + 1].city != nil)
    #expect(Set(matrix.themes) == Set(document.articles.flatMap(\.themes)))
    let html = HTMLReport.render(document)
    #expect(html.contains("id=\"matrix-table\""))
    #expect(count("<tr class=\"region\">", in: html) == Set(document.articles.map(\.region)).count)
  }

  @Test("every article has a details block with its resolvable neighbours")
  func articles() {
    var doc = document
    doc.articles[0].similar.append(ReportNeighbour(articleID: "no-such-article", score: 0.1))
    let html = HTMLReport.render(doc)
    #expect(count("<details class=\"art\"", in: html) == doc.articles.count)
    #expect(html.contains("id=\"article-filter\""))
    let neighbourRows = doc.articles.reduce(0) { $0 + $1.similar.filter { $0.articleID != "no-such-article" }.count }
    #expect(count("<span class=\"bar\"", in: html) == neighbourRows)
  }

  @Test("text is escaped in content and attributes: titles with < > & \" ' cannot break markup")
  func escaping() {
    #expect(
      HTMLReport.escape(#"<a href="x">Tom & 'Jerry'</a>"#)
        == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
    #expect(HTMLReport.escape("bell\u{07}tab\t") == "belltab\t")
    let html = HTMLReport.render(document)
    #expect(!html.contains(SampleReport.trickyTitle))
    #expect(!html.contains("<b>"))
    #expect(html.contains(HTMLReport.escape(SampleReport.trickyTitle)))
    var hostile = document
    hostile.title = "</title><script>alert(1)</script>"
    hostile.clusters[0].label = "\"><img src=x onerror=alert(1)>"
    hostile.articles[1].id = "x\" onclick=\"alert(1)"
    let page = HTMLReport.render(hostile)
    #expect(count("<script>", in: page) == 2)
    #expect(!page.contains("<img"))
    #expect(!page.contains("\" onclick=\""))
  }

  @Test("the page makes no network requests: no URL unless the data supplies one")
  func selfContained() {
    let html = HTMLReport.render(document)
    #expect(!html.lowercased().contains("http"))
    #expect(!html.contains("src="))
    #expect(!html.contains("<link"))
    #expect(!html.contains("@import"))
    var linked = document
    linked.articles[0].title = "见 https://example.org/policy"
    let page = HTMLReport.render(linked)
    #expect(
      count("http", in: page) == count("http", in: HTMLReport.escape(linked.articles[0].title))
        * count(HTMLReport.escape(linked.articles[0].title), in: page))
    #expect(!page.contains("href=\"http"))
  }

  @Test("uses the CJK system font stack and reports readiness for the browser check")
  func fontsAndReadiness() {
    let html = HTMLReport.render(document)
    for font in [
      "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
      "WenQuanYi Micro Hei",
    ] {
      #expect(html.contains("\"\(font)\""))
    }
    #expect(html.contains("data-errors=\"0\""))
    #expect(html.contains("setAttribute('data-ready','ok')"))
  }

  @Test("rendering is deterministic and independent of dictionary order")
  func deterministic() {
    let first = HTMLReport.render(document)
    #expect(HTMLReport.render(document) == first)
    let decoded = try? JSONDecoder().decode(ReportDocument.self, from: JSONEncoder().encode(document))
    #expect(decoded.map(HTMLReport.render) == first)
  }

  @Test("sections without data say so instead of drawing empty charts")
  func emptyDocument() {
    let html = HTMLReport.render(ReportDocument(title: "空", articles: []))
    #expect(count("class=\"empty\"", in: html) == 4)
    #expect(!html.contains("<polyline"))
    #expect(!html.contains("<circle"))
  }

  @Test("header summarises articles, issues, date range and regions")
  func header() {
    let html = HTMLReport.render(document)
    #expect(html.contains("<dd>\(document.articles.count)</dd>"))
    #expect(html.contains("<dd>\(Set(document.articles.map(\.issue)).count)</dd>"))
    #expect(html.contains("<dd>2024-11-07 – 2024-12-19</dd>"))
    #expect(html.contains("<dd>\(Set(document.articles.map(\.region)).count)</dd>"))
  }

  @Test("the page survives a UTF-8 file round trip; POLICYLENS_SAMPLE_REPORT keeps it for scripts/check_report.sh")
  func writeSample() throws {
    let environment = ProcessInfo.processInfo.environment["POLICYLENS_SAMPLE_REPORT"] ?? ""
    let path =
      environment.isEmpty
      ? FileManager.default.temporaryDirectory.appendingPathComponent("policylens-sample-\(UUID().uuidString).html")
        .path
      : environment
    let html = HTMLReport.render(document)
    try html.write(toFile: path, atomically: true, encoding: .utf8)
    defer { if environment.isEmpty { try? FileManager.default.removeItem(atPath: path) } }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == html)
  }
}

@Suite struct HTMLReportTimelineAxisTests {
  func timeline(periods: [String]) -> ReportTimeline {
    ReportTimeline(
      categoryKind: "主题", periods: periods, periodStarts: periods.map { _ in "2024-01-01" },
      periodEnds: periods.map { _ in "2024-01-14" }, periodArticleCounts: periods.map { _ in 4 },
      series: [ReportSeries(name: "金融", counts: periods.map { _ in 1 }, shares: periods.map { _ in 0.25 })])
  }

  @Test("period labels tilt only when the longest would not fit its band")
  func tilt() {
    let short = (1...5).map { "第\($0)期" }
    let long = (1...14).map { "2024年第\($0 + 20)期（增刊）" }
    let shortPage = HTMLReport.render(ReportDocument(title: "t", articles: [], timeline: timeline(periods: short)))
    let longPage = HTMLReport.render(ReportDocument(title: "t", articles: [], timeline: timeline(periods: long)))
    #expect(!shortPage.contains("rotate(-35)"))
    #expect(longPage.components(separatedBy: "rotate(-35)").count - 1 == long.count)
  }

  @Test("a single period is drawn as one centred point, not an error")
  func singlePeriod() {
    let page = HTMLReport.render(ReportDocument(title: "t", articles: [], timeline: timeline(periods: ["第1期"])))
    #expect(page.contains("<polyline points=\"496.0,"))
  }
}
