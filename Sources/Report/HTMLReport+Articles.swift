extension HTMLReport {
  /// The articles section: a filter box and one `<details>` per article with its similar articles.
  ///
  /// Each article's `data-search` attribute holds its title, place, date, issue, themes and
  /// cluster label in lower case; the filter box hides articles whose text doesn't contain every
  /// word typed. Neighbours are shown in the caller's order, with region, date and score;
  /// identifiers that name no article are skipped.
  static func articlesSection(_ context: RenderContext) -> String {
    var html = sectionStart(
      "articles", "文章与相似政策 Articles and similar policies",
      "展开文章查看其他地区的相似政策。Open an article to see the most similar policies in other regions.")
    let document = context.document
    let listed = context.listedArticles
    if let listing = document.listing { html += "<p class=\"note\">\(escape(listing.note))</p>\n" }
    html +=
      "<div class=\"filter\"><input id=\"article-filter\" type=\"search\" placeholder=\"筛选 Filter by title, region, theme…\" aria-label=\"Filter articles\">"
    html +=
      "<span id=\"filter-count\" class=\"count\">\(listed.count) / \(listed.count)</span></div>\n"
    html += "<div id=\"article-list\">\n"
    for article in listed {
      let cluster = context.cluster(of: article)
      let place = RenderContext.place(article)
      let search = ([article.title, place, article.date, article.issue, cluster?.label ?? ""] + article.themes)
        .joined(separator: " ").lowercased()
      html +=
        "<details class=\"art\" id=\"article-\(escape(article.id))\" data-search=\"\(escape(search))\""
        + " data-region=\"\(escape(article.region))\" data-city=\"\(escape(article.city ?? ""))\" data-themes=\"\(escape(article.themes.joined(separator: "|")))\">\n<summary>"
      html += "<span class=\"dot\" style=\"background:\(context.color(of: article))\"></span>"
      html += "<span class=\"title\">\(escape(article.title))</span>"
      html +=
        "<span class=\"meta\"><code class=\"id\">\(escape(article.id))</code> · \(escape(place)) · \(escape(article.date)) · \(escape(article.issue))</span></summary>\n"
      html += "<div class=\"body\">"
      html += citation(article)
      if !article.themes.isEmpty || cluster != nil {
        html += "<p class=\"terms\">"
        if let cluster {
          html += "<a class=\"term cluster-tag\" href=\"#cluster-\(cluster.id)\">\(escape(cluster.label))</a> "
        }
        html += article.themes.enumerated().map { index, theme in
          let score =
            index < article.themeScores.count ? " <b>\(HTMLText.fixed(article.themeScores[index], 1))</b>" : ""
          return
            "<span class=\"term\"><span class=\"dot\" style=\"background:\(context.color(ofTheme: theme))\"></span>\(escape(theme))\(score)</span>"
        }.joined(separator: " ")
        html += "</p>\n"
      }
      if !article.body.isEmpty {
        html += "<details class=\"text\"><summary>全文 Text</summary>\n"
        html += article.body.map { "<p>\(escape($0))</p>" }.joined(separator: "\n")
        html += "\n</details>\n"
      }
      let neighbours = article.similar.compactMap { neighbour in
        context.articlesByID[neighbour.articleID].map { ($0, neighbour.score) }
      }
      if neighbours.isEmpty {
        html += "<p class=\"empty\">No similar articles listed.</p>"
      } else {
        html +=
          "<table class=\"data compact\"><thead><tr><th>相似度 Score</th><th>地区 Region</th><th>日期 Date</th><th>标题 Title</th></tr></thead><tbody>\n"
        for (other, score) in neighbours {
          html +=
            "<tr><td class=\"num\"><span class=\"bar\" style=\"--w:\(HTMLText.fixed(max(0, min(1, score)) * 100, 0))%\"></span>\(HTMLText.fixed(score, 2))</td>"
          html +=
            "<td class=\"nowrap\">\(escape(RenderContext.place(other)))</td><td class=\"nowrap\">\(escape(other.date))</td>"
          html += "<td>\(context.link(to: other))</td></tr>\n"
        }
        html += "</tbody></table>"
      }
      html += "</div>\n</details>\n"
    }
    return html + "</div>\n</section>\n"
  }

  /// The line to cite an article by: its id, place, date, source with its date, and links.
  static func citation(_ article: ReportArticle) -> String {
    var parts = [
      "<code class=\"id\">\(escape(article.id))</code>", escape(RenderContext.place(article)),
      escape(article.date),
    ]
    if let source = article.source {
      parts.append("来源 Source: " + escape(source + (article.sourceDate.map { " " + $0 } ?? "")))
    }
    for url in article.urls {
      parts.append("<a href=\"\(escape(url))\" rel=\"noreferrer\">\(escape(url))</a>")
    }
    return "<p class=\"cite\">" + parts.joined(separator: " · ") + "</p>\n"
  }
}
