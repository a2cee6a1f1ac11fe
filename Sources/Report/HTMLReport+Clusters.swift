extension HTMLReport {
  /// The clusters section: one card per cluster with its label terms and its articles.
  ///
  /// Articles inside a card are ordered by date, then title. Articles without a cluster, or with
  /// an identifier no cluster has, are listed in a final "unclustered" card. Long lists scroll
  /// inside the card (400 px) under a sticky header.
  static func clustersSection(
    _ context: RenderContext, articleHref: (String) -> String = { "#article-" + $0 }
  ) -> String {
    var html = sectionStart(
      "clusters", "聚类 Clusters", "按内容相似度分组的文章及其标签词。Articles grouped by content, with the terms that label each group.")
    let document = context.document
    guard !document.clusters.isEmpty else { return html + "<p class=\"empty\">No clusters.</p>\n</section>\n" }
    let members = Dictionary(
      grouping: document.articles.filter { context.cluster(of: $0) != nil }, by: { $0.clusterID ?? 0 })
    html += "<div class=\"cards\">\n"
    for cluster in document.clusters {
      let articles = (members[cluster.id] ?? []).sorted { ($0.date, $0.title) < ($1.date, $1.title) }
      html += clusterCard(
        anchor: "cluster-\(cluster.id)", color: context.color(ofCluster: cluster.id), label: cluster.label,
        terms: cluster.terms,
        articles: articles, articleHref: articleHref)
    }
    let orphans = document.articles.filter { context.cluster(of: $0) == nil }
    if !orphans.isEmpty {
      html += clusterCard(
        anchor: "cluster-none", color: Palette.unassigned, label: "未聚类 Unclustered", terms: [],
        articles: orphans.sorted { ($0.date, $0.title) < ($1.date, $1.title) }, articleHref: articleHref)
    }
    return html + "</div>\n</section>\n"
  }

  static func clusterCard(
    anchor: String, color: String, label: String, terms: [String], articles: [ReportArticle],
    articleHref: (String) -> String
  ) -> String {
    var html = "<article class=\"cluster\" id=\"\(escape(anchor))\" style=\"--c:\(color)\">\n"
    html +=
      "<h3><span class=\"dot\" style=\"background:\(color)\"></span>\(escape(label)) <span class=\"count\">\(articles.count)</span></h3>\n"
    if !terms.isEmpty {
      html +=
        "<p class=\"terms\">" + terms.map { "<span class=\"term\">\(escape($0))</span>" }.joined(separator: " ")
        + "</p>\n"
    }
    html +=
      "<div class=\"scroll tight\"><table class=\"data compact\"><thead><tr><th>地区 Region</th><th>日期 Date</th><th>标题 Title</th></tr></thead><tbody>\n"
    for article in articles {
      html +=
        "<tr><td class=\"nowrap\">\(escape(RenderContext.place(article)))</td><td class=\"nowrap\">\(escape(article.date))</td>"
      html += "<td><a href=\"\(escape(articleHref(article.id)))\">\(escape(article.title))</a></td></tr>\n"
    }
    return html + "</tbody></table></div>\n</article>\n"
  }
}
