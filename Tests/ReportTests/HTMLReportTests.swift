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

  @Test("the timeline is a theme × period heat map: a row per theme by total, a cell per period with its count")
  func timelineHeatMap() throws {
    let html = HTMLReport.render(document)
    let timeline = try #require(document.timeline)
    #expect(html.contains("id=\"timeline-heatmap\""))
    #expect(!html.contains("<polyline"))
    #expect(count("<tr data-theme=", in: html) == timeline.series.count)
    #expect(count("<td class=\"hm", in: html) == timeline.series.count * timeline.periods.count)
    let nonZero = timeline.series.reduce(0) { $0 + $1.counts.filter { $0 > 0 }.count }
    #expect(count("<td class=\"hm zero\"", in: html) == timeline.series.count * timeline.periods.count - nonZero)
    // Rows by total, descending, then name.
    let expected = timeline.series.sorted {
      ($0.counts.reduce(0, +), $1.name) > ($1.counts.reduce(0, +), $0.name)
    }.map(\.name)
    let rows = html.matches(of: #/<tr data-theme="([^"]*)">/#).map { String($0.output.1) }
    #expect(rows == expected)
    // A cell shows the count, with the full period, count, n and share in its title.
    let series = timeline.series[0]
    let index = try #require(series.counts.firstIndex { $0 > 0 })
    let tip =
      "\(series.name) · \(timeline.periods[index]): \(series.counts[index]) / \(timeline.periodArticleCounts[index]) (\(HTMLText.percent(series.shares[index])))"
    #expect(html.contains("title=\"\(HTMLReport.escape(tip))\">\(series.counts[index])</td>"))
    #expect(html.contains("trend-rising"))
  }

  @Test("period headers are short and readable; a shortened label keeps the full one as a tooltip")
  func periodHeaders() {
    let html = HTMLReport.render(document)
    #expect(html.contains("<th class=\"period\" title=\"2024年第21期\">2024 第21期<br><small>n="))
    #expect(html.contains("<th class=\"period\" title=\"信息摘编2024年第11期\">…摘编2024 第11期<br>"))
    #expect(!html.contains(">2024年第21期<br>"))
  }

  @Test(
    "period labels: years and Chinese numerals made short, long labels cut",
    arguments: [
      ("2024年第3期", "2024 第3期"), ("2024年第21期", "2024 第21期"), ("2023年（总第二十五期）", "2023 总第25期"),
      ("2024-03", "2024-03"), ("2024 Q1", "2024 Q1"), ("第十期", "第10期"),
      ("某某省人民政府办公厅信息摘编第3期", "…厅信息摘编第3期"), ("信息摘编2024年第11期", "…摘编2024 第11期"),
    ])
  func shortPeriodLabel(label: String, expected: String) {
    #expect(HTMLReport.shortPeriodLabel(label) == expected)
    #expect(HTMLReport.displayWidth(HTMLReport.shortPeriodLabel(label)) <= 16)
  }

  @Test(
    "Chinese numerals below 100", arguments: [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十五", 25), ("九十九", 99)])
  func chineseNumbers(text: String, value: Int) {
    #expect(HTMLReport.chineseNumber(text) == value)
  }

  @Test("a theme has one colour everywhere: chip, heat map row, matrix column and article tag")
  func themeColours() throws {
    let html = HTMLReport.render(document)
    let context = RenderContext(document)
    let colours = Set(document.articles.flatMap(\.themes).map(context.color(ofTheme:)))
    #expect(colours.count == Set(document.articles.flatMap(\.themes)).count)
    let theme = "低空经济"
    let dot = "<span class=\"dot\" style=\"background:\(context.color(ofTheme: theme))\"></span>"
    #expect(html.contains("aria-pressed=\"false\">\(dot)\(theme)</button>"))
    #expect(html.contains("<tr data-theme=\"\(theme)\"><th>\(dot)<span class=\"name\">\(theme)</span>"))
    #expect(html.contains("<th>\(dot)\(theme)</th>"))
    #expect(html.contains("<span class=\"term\">\(dot)\(theme)</span>"))
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
    hostile.articles[2].themes = ["<svg onload=alert(1)>"]
    hostile.timeline?.series[0].name = "<svg onload=alert(1)>"
    hostile.timeline?.periods[0] = "2024年\"><svg>"
    let page = HTMLReport.render(hostile)
    #expect(count("<script>", in: page) == 2)
    #expect(!page.contains("<img"))
    #expect(!page.contains("\" onclick=\""))
    #expect(!page.contains("<svg onload"))
    #expect(!page.contains("\"><svg>"))
    #expect(page.contains("data-theme=\"&lt;svg onload=alert(1)&gt;\""))
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

@Suite struct HTMLReportMapHighlightTests {
  /// `clusterCount` clusters; cluster *i* has *i* + 1 articles, plus two unclustered articles.
  func document(clusterCount: Int) -> ReportDocument {
    var articles: [ReportArticle] = []
    for cluster in 0..<clusterCount {
      for member in 0...cluster {
        articles.append(
          ReportArticle(
            id: "c\(cluster)-\(member)", title: "标题\(cluster)-\(member)", region: "上海", date: "2024-01-01",
            issue: "2024年第1期", clusterID: cluster,
            position: ReportPoint(x: Double(cluster), y: Double(member))))
      }
    }
    for index in 0..<2 {
      articles.append(
        ReportArticle(
          id: "u\(index)", title: "未聚类\(index)", region: "北京", date: "2024-01-01", issue: "2024年第1期",
          position: ReportPoint(x: -1, y: Double(index))))
    }
    let clusters = (0..<clusterCount).map { ReportCluster(id: $0, label: "聚类<\($0)>", terms: []) }
    return ReportDocument(title: "t", articles: articles, clusters: clusters)
  }

  func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

  @Test(
    "at most ten clusters are highlighted, the largest, each with its own colour and a label", arguments: [3, 10, 14])
  func highlighted(clusterCount: Int) {
    let document = document(clusterCount: clusterCount)
    let html = HTMLReport.render(document)
    let highlighted = min(10, clusterCount)
    #expect(count("<li class=\"hl\">", in: html) == highlighted)
    #expect(count("<text class=\"cluster-label\"", in: html) == highlighted)
    let context = RenderContext(document)
    #expect(context.highlightedClusters.map(\.id) == Array((0..<clusterCount).reversed().prefix(highlighted)))
    #expect(Set(context.clusterColors.values).count == highlighted)
    #expect(!context.clusterColors.values.contains(Palette.unassigned))
    // Every point of a smaller cluster, and every unclustered point, is grey.
    let greyPoints = document.articles.filter { $0.clusterID.map { $0 < clusterCount - highlighted } ?? true }.count
    #expect(count("<circle class=\"pt other\"", in: html) == greyPoints)
    #expect(count("fill=\"\(Palette.unassigned)\"", in: html) == greyPoints)
    #expect(count("<li class=\"other\">", in: html) == 1)
    // Labels are escaped like every other text.
    #expect(html.contains(">聚类&lt;\(clusterCount - 1)&gt;</text>"))
    #expect(!html.contains("聚类<"))
    // Titles on hover stay.
    #expect(count("<title>标题", in: html) == document.articles.count - 2)
  }

  @Test("a cluster card and its articles use the map's colour; smaller clusters are grey there too")
  func consistentClusterColours() {
    let document = document(clusterCount: 12)
    let html = HTMLReport.render(document)
    #expect(html.contains("id=\"cluster-11\" style=\"--c:\(Palette.color(0))\""))
    #expect(html.contains("id=\"cluster-0\" style=\"--c:\(Palette.unassigned)\""))
  }
}
