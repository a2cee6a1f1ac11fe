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
    html +=
      "<div class=\"filter\"><input id=\"article-filter\" type=\"search\" placeholder=\"筛选 Filter by title, region, theme…\" aria-label=\"Filter articles\">"
    html +=
      "<span id=\"filter-count\" class=\"count\">\(document.articles.count) / \(document.articles.count)</span></div>\n"
    html += "<div id=\"article-list\">\n"
    for article in document.articles {
      let cluster = context.cluster(of: article)
      let place = RenderContext.place(article)
      let search = ([article.title, place, article.date, article.issue, cluster?.label ?? ""] + article.themes)
        .joined(separator: " ").lowercased()
      html +=
        "<details class=\"art\" id=\"article-\(escape(article.id))\" data-search=\"\(escape(search))\">\n<summary>"
      html += "<span class=\"dot\" style=\"background:\(context.color(of: article))\"></span>"
      html += "<span class=\"title\">\(escape(article.title))</span>"
      html +=
        "<span class=\"meta\">\(escape(place)) · \(escape(article.date)) · \(escape(article.issue))</span></summary>\n"
      html += "<div class=\"body\">"
      if !article.themes.isEmpty || cluster != nil {
        html += "<p class=\"terms\">"
        if let cluster {
          html += "<a class=\"term cluster-tag\" href=\"#cluster-\(cluster.id)\">\(escape(cluster.label))</a> "
        }
        html += article.themes.map { "<span class=\"term\">\(escape($0))</span>" }.joined(separator: " ")
        html += "</p>\n"
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
          html += "<td><a href=\"#article-\(escape(other.id))\">\(escape(other.title))</a></td></tr>\n"
        }
        html += "</tbody></table>"
      }
      html += "</div>\n</details>\n"
    }
    return html + "</div>\n</section>\n"
  }
}
