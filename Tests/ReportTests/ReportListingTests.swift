import Foundation
import Report
import Testing

@Suite struct ReportListingTests {
  /// `count` articles in one cluster, one region, a period each; the first `listed` are listed.
  static func summary(count: Int, listed: Int) -> ReportDocument {
    let articles = (0..<count).map { index in
      ReportArticle(
        id: "a\(index)", title: "标题\(index)", region: "上海", date: "2024-01-01", issue: "2024年第\(index + 1)期",
        themes: ["低空经济"], clusterID: 0, position: ReportPoint(x: Double(index), y: Double(index % 7)))
    }
    let periods = (0..<count).map { "2024年第\($0 + 1)期" }
    var document = ReportDocument(
      title: "t", articles: articles, clusters: [ReportCluster(id: 0, label: "聚类", terms: [])], themes: ["低空经济"],
      timeline: ReportTimeline(
        categoryKind: "themes", periods: periods, periodStarts: periods.map { _ in "2024-01-01" },
        periodEnds: periods.map { _ in "2024-01-01" }, periodArticleCounts: periods.map { _ in 1 },
        series: [
          ReportSeries(
            name: "低空经济", counts: periods.map { _ in 1 }, shares: periods.map { _ in 1 }, trend: nil)
        ]))
    document.listing = ReportListing(articleIDs: articles.prefix(listed).map(\.id), note: "Summary: a few listed.")
    return document
  }

  static func occurrences(of needle: String, in html: String) -> Int { html.components(separatedBy: needle).count - 1 }

  @Test("a summary lists only its articles, caps cluster cards, map points, timeline periods and tooltips")
  func summaryView() {
    let count = ReportListing.mapPointLimit + 500
    let html = HTMLReport.render(Self.summary(count: count, listed: 3))
    #expect(Self.occurrences(of: "<details class=\"art\"", in: html) == 3)
    #expect(html.contains("Summary: a few listed."))
    #expect(html.contains("… \(count - ReportListing.clusterCardArticleLimit) more"))
    #expect(Self.occurrences(of: "<circle class=\"pt", in: html) == ReportListing.mapPointLimit)
    #expect(html.contains("\(ReportListing.mapPointLimit) of \(count) articles drawn"))
    #expect(Self.occurrences(of: "<th class=\"period\"", in: html) == ReportListing.timelinePeriodLimit)
    #expect(html.contains("… \(count - ReportListing.matrixTooltipTitleLimit) more"))
    // Counts still cover every article.
    #expect(html.contains("<dd>\(count)</dd>"))
    #expect(!html.contains("href=\"#article-a10\""))
  }

  @Test("without a listing nothing is capped")
  func fullView() {
    var document = Self.summary(count: 80, listed: 3)
    document.listing = nil
    let html = HTMLReport.render(document)
    #expect(Self.occurrences(of: "<details class=\"art\"", in: html) == 80)
    #expect(Self.occurrences(of: "<th class=\"period\"", in: html) == 80)
    #expect(!html.contains(" more</td>"))
  }
}
