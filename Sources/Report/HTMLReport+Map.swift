extension HTMLReport {
  /// The map section: articles as points at their 2-D positions, coloured by cluster.
  ///
  /// Positions are scaled uniformly (same factor on both axes, so distances keep their meaning)
  /// to fit a 960 × 560 viewBox with a 24-unit margin; y grows upwards. When all points coincide
  /// they are drawn at the centre. Each point carries a `<title>` (title, place, date) for hover.
  static func mapSection(_ context: RenderContext) -> String {
    var html = sectionStart(
      "map", "分布图 Article map",
      "相近的点内容相似；颜色表示聚类。Nearby points have similar content; colour shows the cluster. Hover a point for its title.")
    let placed = context.document.articles.filter { article in
      guard let position = article.position else { return false }
      return position.x.isFinite && position.y.isFinite
    }
    guard !placed.isEmpty else { return html + "<p class=\"empty\">No map coordinates.</p>\n</section>\n" }
    let (width, height, margin) = (960.0, 560.0, 24.0)
    let xs = placed.compactMap { $0.position?.x }
    let ys = placed.compactMap { $0.position?.y }
    let (minX, maxX, minY, maxY) = (xs.min() ?? 0, xs.max() ?? 0, ys.min() ?? 0, ys.max() ?? 0)
    let spanX = maxX - minX
    let spanY = maxY - minY
    let scale =
      spanX == 0 && spanY == 0
      ? 0
      : min(spanX > 0 ? (width - 2 * margin) / spanX : .infinity, spanY > 0 ? (height - 2 * margin) / spanY : .infinity)
    let offsetX = (width - spanX * scale) / 2
    let offsetY = (height - spanY * scale) / 2

    html +=
      "<figure class=\"chart\">\n<svg id=\"map-chart\" class=\"map-chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"article map\">\n"
    html +=
      "<rect class=\"frame\" x=\"0.5\" y=\"0.5\" width=\"\(Int(width) - 1)\" height=\"\(Int(height) - 1)\" rx=\"8\"/>\n"
    for article in placed {
      guard let position = article.position else { continue }
      let x = offsetX + (position.x - minX) * scale
      let y = height - (offsetY + (position.y - minY) * scale)
      let cluster = context.cluster(of: article)
      let tip =
        "\(article.title)\n\(RenderContext.place(article)) · \(article.date)" + (cluster.map { "\n\($0.label)" } ?? "")
      html +=
        "<circle class=\"pt\" cx=\"\(HTMLText.fixed(x, 1))\" cy=\"\(HTMLText.fixed(y, 1))\" r=\"6\" fill=\"\(context.color(of: article))\" "
        + "data-id=\"\(escape(article.id))\" data-tip=\"\(escape(tip))\"><title>\(escape(tip))</title></circle>\n"
    }
    html += "</svg>\n<figcaption><ul class=\"legend\">\n"
    for (index, cluster) in context.document.clusters.enumerated() {
      html +=
        "<li><span class=\"dot\" style=\"background:\(Palette.color(index))\"></span><a href=\"#cluster-\(cluster.id)\">\(escape(cluster.label))</a></li>\n"
    }
    if placed.contains(where: { context.cluster(of: $0) == nil }) {
      html += "<li><span class=\"dot\" style=\"background:\(Palette.unassigned)\"></span>未聚类 Unclustered</li>\n"
    }
    return html + "</ul></figcaption>\n</figure>\n</section>\n"
  }
}
