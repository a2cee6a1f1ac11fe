import Foundation
import PolicyLensKit
import Report
import Timelines

extension WorkbenchPages {
  /// The most articles a cluster card lists (closest to the centre first); larger clusters say
  /// how many they hold.
  static let articlesPerCluster = 200

  /// `/clusters`: the report's cluster cards, live, each title a link to its article page.
  ///
  /// - Parameter parameters: `k` and `method`, as `/api/clusters`.
  func clusters(_ parameters: QueryParameters, in snapshot: ModelSnapshot) throws -> HTMLPage {
    let (method, clustering) = try api.clustering(parameters, in: snapshot)
    var result = clustering
    var body = "<h1>Clusters</h1>"
    body += clusterForm(parameters, method: method, snapshot: snapshot)
    var summary = "\(result.clusters.count) clusters (\(method.rawValue))"
    if let silhouette = result.silhouette {
      summary += ", silhouette \(Markup.number(silhouette, digits: 2))"
      if let count = result.silhouetteArticleCount { summary += " estimated on \(count) articles" }
    }
    if let stability = result.stability {
      summary += "; stability across seeds: mean ARI \(Markup.number(stability.meanAdjustedRandIndex, digits: 2))"
    }
    summary += "; \(result.unclustered.count) articles unclustered."
    body += "<p class=\"meta\">\(summary) As <code>policylens clusters</code> and the report's clusters section.</p>"
    // Long clusters list the members closest to their centre; the label keeps the full size.
    var labels = result.labels
    for cluster in result.clusters where cluster.articles.count > Self.articlesPerCluster {
      let listed = Set(cluster.articles.prefix(Self.articlesPerCluster).map(\.id))
      for (row, article) in snapshot.model.articles.enumerated()
      where labels[row] == cluster.number && !listed.contains(article.id) {
        labels[row] = nil
      }
    }
    let unclusteredShown = Set(result.unclustered.prefix(Self.articlesPerCluster).map(\.id))
    if result.clusters.contains(where: { $0.articles.count > Self.articlesPerCluster })
      || result.unclustered.count > Self.articlesPerCluster
    {
      body +=
        "<p class=\"meta\">Each card lists at most \(Self.articlesPerCluster) articles, closest to its centre first; "
        + "/api/clusters has every member.</p>"
    }
    let sizes = Dictionary(uniqueKeysWithValues: result.clusters.map { ($0.number, $0.articles.count) })
    result.labels = labels
    var report = snapshot.model.reportDocument(
      clustering: result, themes: try snapshot.tagging.articles, catalog: snapshot.catalog, timeline: nil)
    report.articles = report.articles.enumerated().filter { row, _ in
      labels[row] != nil || unclusteredShown.contains(snapshot.model.articles[row].id)
    }.map(\.element)
    for index in report.clusters.indices {
      let size = sizes[report.clusters[index].id] ?? 0
      if size > Self.articlesPerCluster { report.clusters[index].label += " (\(size) articles)" }
    }
    body += HTMLReport.clustersFragment(report) { "/articles/" + Markup.component($0) }
    return HTMLPage(title: "Clusters", body: body, includesReportStyle: true)
  }

  private func clusterForm(_ parameters: QueryParameters, method chosen: ClusterMethod, snapshot: ModelSnapshot)
    -> String
  {
    let k = parameters.textIgnoringErrors("k") ?? ""
    let methods = ClusterMethod.allCases.map { method in
      "<option value=\"\(method.rawValue)\"\(method == chosen ? " selected" : "")>\(method.rawValue)</option>"
    }.joined()
    return """
      <form class="search" method="get" action="/clusters">
      <label>Clusters (k)<input name="k" type="number" min="2" max="\(min(api.limits.maximumResultCount, max(2, snapshot.model.articles.count)))" value="\(Markup.text(k))" placeholder="auto"></label>
      <label>Method<select name="method">\(methods)</select></label>
      <button type="submit">Cluster</button>
      </form>
      """
  }

  /// `/timeline`: the report's heat map, live, and the articles of the latest periods.
  ///
  /// - Parameter parameters: `by`, `categories` and `region`, as `/api/timeline`.
  func timeline(_ parameters: QueryParameters, in snapshot: ModelSnapshot) throws -> HTMLPage {
    var body = "<h1>Timeline</h1>"
    // A malformed parameter is a 400 page naming it (the form is on the page it came from).
    let document = try api.timelineView(parameters, in: snapshot)
    body += timelineForm(parameters, snapshot: snapshot)
    let reportTimeline = ReportTimeline(
      document.timeline, trends: document.trends, categoryKind: document.categories.rawValue,
      includesEmptySeries: false)
    body += HTMLReport.timelineFragment(
      snapshot.model.reportDocument(
        clustering: nil, themes: try snapshot.tagging.articles, catalog: snapshot.catalog, timeline: reportTimeline))

    // The articles of each period, newest first, as links.
    let periods = document.timeline.periods
    var members = [[Int]](repeating: [], count: periods.count)
    for (row, article) in snapshot.model.articles.enumerated() {
      if let region = document.region, article.region != region { continue }
      guard let date = article.date.flatMap(CalendarDate.init(iso:)) else { continue }
      let index =
        document.granularity == .issue
        ? periods.firstIndex { $0.label == article.issue }
        : periods.firstIndex { $0.start <= date && date <= $0.end }
      if let index { members[index].append(row) }
    }
    let shownPeriods = 24
    let perPeriod = 30
    body += "<h2>Articles by period</h2>"
    if periods.count > shownPeriods {
      body += "<p class=\"meta\">The \(shownPeriods) latest of \(periods.count) periods.</p>"
    }
    let tagging = try snapshot.tagging
    for index in periods.indices.reversed().prefix(shownPeriods) {
      let rows = members[index].sorted {
        (snapshot.model.articles[$0].date ?? "", $1) > (snapshot.model.articles[$1].date ?? "", $0)
      }
      body +=
        "<details class=\"card\"><summary>\(Markup.text(periods[index].label)) "
        + "<span class=\"meta\">\(periods[index].start) – \(periods[index].end) · \(rows.count) articles</span></summary><table>"
      for row in rows.prefix(perPeriod) {
        let article = snapshot.model.articles[row]
        let themes = tagging.articles[row].themes.map(\.name)
        body +=
          "<tr><td class=\"nowrap\">\(Markup.text(article.date ?? ""))</td><td>\(Markup.articleLink(article.id, title: article.title))</td>"
          + "<td>\(Markup.text(article.region))</td><td class=\"terms\">\(themes.map { "<span>\(Markup.text($0))</span>" }.joined())</td></tr>"
      }
      if rows.count > perPeriod {
        body += "<tr><td></td><td class=\"meta\">and \(rows.count - perPeriod) more</td><td></td><td></td></tr>"
      }
      body += "</table></details>"
    }
    return HTMLPage(title: "Timeline", body: body, includesReportStyle: true)
  }

  private func timelineForm(_ parameters: QueryParameters, snapshot: ModelSnapshot) -> String {
    func options<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ name: String, default value: T) -> String
    where T.RawValue == String {
      let chosen = parameters.textIgnoringErrors(name) ?? value.rawValue
      return T.allCases.map {
        "<option value=\"\($0.rawValue)\"\($0.rawValue == chosen ? " selected" : "")>\($0.rawValue)</option>"
      }.joined()
    }
    let regions = snapshot.regions
    let region = parameters.textIgnoringErrors("region")
    let regionOptions =
      "<option value=\"\">all</option>"
      + regions.map {
        "<option value=\"\(Markup.text($0))\"\($0 == region ? " selected" : "")>\(Markup.text($0))</option>"
      }.joined()
    return """
      <form class="search" method="get" action="/timeline">
      <label>By<select name="by">\(options(TimelineGranularity.self, "by", default: .issue))</select></label>
      <label>Categories<select name="categories">\(options(TimelineCategories.self, "categories", default: .themes))</select></label>
      <label>Region<select name="region">\(regionOptions)</select></label>
      <button type="submit">Show</button>
      </form>
      """
  }
}
