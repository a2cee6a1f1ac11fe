extension HTMLReport {
  /// The clusters section: one card per cluster with its label terms and its articles.
  ///
  /// Articles inside a card are ordered by date, then title. Articles without a cluster, or with
  /// an identifier no cluster has, are listed in a final "unclustered" card. Long lists scroll
  /// inside the card (400 px) under a sticky header.
  static func clustersSection(_ context: RenderContext, articleHref: ((String) -> String)? = nil) -> String {
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
        articles: articles, context: context, articleHref: articleHref)
    }
    let orphans = document.articles.filter { context.cluster(of: $0) == nil }
    if !orphans.isEmpty {
      html += clusterCard(
        anchor: "cluster-none", color: Palette.unassigned, label: "未聚类 Unclustered", terms: [],
        articles: orphans.sorted { ($0.date, $0.title) < ($1.date, $1.title) }, context: context,
        articleHref: articleHref)
    }
    return html + "</div>\n</section>\n"
  }

  /// One cluster's card.
  ///
  /// With a ``ReportListing``, the card lists at most
  /// ``ReportListing/clusterCardArticleLimit`` articles (those listed in the articles section
  /// first, then by date and title) and says how many more the cluster has. With `articleHref`
  /// (a live page) every title links there; without, to the article's entry in the report when
  /// the report lists it.
  static func clusterCard(
    anchor: String, color: String, label: String, terms: [String], articles: [ReportArticle], context: RenderContext,
    articleHref: ((String) -> String)?
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
    var shown = articles
    if context.document.listing != nil {
      let limit = ReportListing.clusterCardArticleLimit
      shown = Array((articles.filter(context.isListed) + articles.filter { !context.isListed($0) }).prefix(limit))
    }
    for article in shown {
      html +=
        "<tr><td class=\"nowrap\">\(escape(RenderContext.place(article)))</td><td class=\"nowrap\">\(escape(article.date))</td>"
      let title =
        articleHref.map { "<a href=\"\(escape($0(article.id)))\">\(escape(article.title))</a>" }
        ?? context.link(to: article)
      html += "<td>\(title)</td></tr>\n"
    }
    if shown.count < articles.count {
      html += "<tr><td colspan=\"3\" class=\"note\">… \(articles.count - shown.count) more</td></tr>\n"
    }
    return html + "</tbody></table></div>\n</article>\n"
  }
}
