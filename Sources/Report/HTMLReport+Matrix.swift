extension HTMLReport {
  /// The region × theme section: a heatmap table of article counts.
  ///
  /// The table scrolls inside its box (both ways, at most 80 % of the window high) with the
  /// header row and the region column sticky, so it never widens the page; each theme header
  /// carries the theme's colour. Cell shading is proportional to count / the largest count in the table (opacity 0.08–0.85
  /// for counts ≥ 1). City rows follow their region's row, indented. Hovering a cell lists its
  /// articles' titles (in a ``ReportListing`` summary, the first
  /// ``ReportListing/matrixTooltipTitleLimit`` and how many more).
  static func matrixSection(_ context: RenderContext) -> String {
    var html = sectionStart(
      "matrix", "地区 × 主题 Regions × themes",
      "各地区在各主题下的文章数。Number of articles per region (and city) and theme; hover a cell for titles.")
    let matrix = context.matrix
    guard !matrix.themes.isEmpty, !matrix.rows.isEmpty else {
      return html + "<p class=\"empty\">No theme tags.</p>\n</section>\n"
    }
    html +=
      "<div class=\"scroll matrix-scroll\"><table class=\"data heatmap\" id=\"matrix-table\">\n<thead><tr><th>地区 Region</th><th>文章 Articles</th>"
    html += matrix.themes.map {
      "<th><span class=\"dot\" style=\"background:\(context.color(ofTheme: $0))\"></span>\(escape($0))</th>"
    }.joined()
    html += "</tr></thead>\n<tbody>\n"
    let maximum = Double(matrix.maximum)
    for row in matrix.rows {
      let name = row.city ?? row.region
      html += row.city == nil ? "<tr class=\"region\">" : "<tr class=\"city\">"
      html += "<th>\(escape(name))</th><td class=\"num\">\(row.articleCount)</td>"
      for (count, allTitles) in zip(row.counts, row.titles) {
        // The summary view's tooltips name a few articles, not thousands.
        let limit = ReportListing.matrixTooltipTitleLimit
        let titles =
          context.document.listing != nil && allTitles.count > limit
          ? allTitles.prefix(limit) + ["… \(allTitles.count - limit) more"] : allTitles
        if count == 0 {
          html += "<td class=\"zero\"></td>"
        } else {
          let alpha = HTMLText.fixed(0.08 + 0.77 * Double(count) / maximum, 2)
          let strong = Double(count) / maximum > 0.55 ? " strong" : ""
          html +=
            "<td class=\"cell\(strong)\" style=\"--a:\(alpha)\" title=\"\(escape(titles.joined(separator: "\n")))\">\(count)</td>"
        }
      }
      html += "</tr>\n"
    }
    return html + "</tbody>\n</table></div>\n</section>\n"
  }
}
