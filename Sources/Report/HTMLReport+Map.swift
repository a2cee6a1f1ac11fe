extension HTMLReport {
  /// The map section: articles as points at their 2-D positions, the largest clusters highlighted.
  ///
  /// Positions are scaled uniformly (same factor on both axes, so distances keep their meaning)
  /// to fit a 960 × 560 viewBox with a 24-unit margin; y grows upwards. When all points coincide
  /// they are drawn at the centre. Each point carries a `<title>` (title, place, date, cluster)
  /// for hover.
  ///
  /// At most ``RenderContext/maximumHighlightedClusterCount`` clusters, the largest, get a colour
  /// of their own and a label at the centroid of their points (clamped inside the frame); the
  /// points of every other cluster and of unclustered articles are grey and drawn first, so
  /// coloured points stay on top. The legend lists the highlighted clusters largest first, then
  /// one grey entry for the rest with its article count.
  static func mapSection(_ context: RenderContext) -> String {
    var html = sectionStart(
      "map", "分布图 Article map",
      "相近的点内容相似；彩色为最大的聚类，其余为灰色。Nearby points have similar content; the largest clusters are coloured and labelled, the rest grey. Hover a point for its title."
    )
    let placed = context.document.articles.filter { article in
      guard let position = article.position else { return false }
      return position.x.isFinite && position.y.isFinite
    }
    guard !placed.isEmpty else { return html + "<p class=\"empty\">No map coordinates.</p>\n</section>\n" }
    // The summary view draws an evenly spaced selection (the scale still fits every point).
    let limit = ReportListing.mapPointLimit
    let drawn =
      context.document.listing != nil && placed.count > limit
      ? (0..<limit).map { placed[$0 * placed.count / limit] } : placed
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
    func location(_ position: ReportPoint) -> (x: Double, y: Double) {
      (offsetX + (position.x - minX) * scale, height - (offsetY + (position.y - minY) * scale))
    }
    // Grey points first, so the highlighted clusters are drawn over them.
    let ordered =
      drawn.filter { $0.clusterID.flatMap { context.clusterColors[$0] } == nil }
      + drawn.filter { $0.clusterID.flatMap { context.clusterColors[$0] } != nil }
    for article in ordered {
      guard let position = article.position else { continue }
      let (x, y) = location(position)
      let cluster = context.cluster(of: article)
      let highlighted = article.clusterID.flatMap { context.clusterColors[$0] } != nil
      let tip =
        "\(article.title)\n\(RenderContext.place(article)) · \(article.date)" + (cluster.map { "\n\($0.label)" } ?? "")
      html +=
        "<circle class=\"pt\(highlighted ? "" : " other")\" cx=\"\(HTMLText.fixed(x, 1))\" cy=\"\(HTMLText.fixed(y, 1))\" r=\"\(highlighted ? 6 : 4)\" fill=\"\(context.color(of: article))\" "
        + "data-id=\"\(escape(article.id))\" data-tip=\"\(escape(tip))\"><title>\(escape(tip))</title></circle>\n"
    }
    for cluster in context.highlightedClusters {
      let points = placed.filter { $0.clusterID == cluster.id }.compactMap { $0.position.map(location) }
      guard !points.isEmpty else { continue }
      let centreX = points.map(\.x).reduce(0, +) / Double(points.count)
      let centreY = points.map(\.y).reduce(0, +) / Double(points.count)
      let halfWidth = displayWidth(cluster.label) * 6.5 / 2  // 13 px labels: a wide character is about 13 px
      let x = min(max(centreX, margin + halfWidth), width - margin - halfWidth)
      let y = min(max(centreY, margin + 8), height - margin)
      html +=
        "<text class=\"cluster-label\" x=\"\(HTMLText.fixed(x, 1))\" y=\"\(HTMLText.fixed(y, 1))\" text-anchor=\"middle\" dy=\"0.35em\">\(escape(cluster.label))</text>\n"
    }
    html += "</svg>\n<figcaption>"
    if drawn.count < placed.count {
      html +=
        "<p class=\"note\">\(drawn.count) of \(placed.count) articles drawn, evenly spaced; the counts below are of all.</p>"
    }
    html += "<ul class=\"legend\" id=\"map-legend\">\n"
    let sizes = Dictionary(grouping: placed.compactMap(\.clusterID), by: { $0 }).mapValues(\.count)
    for cluster in context.highlightedClusters {
      html +=
        "<li class=\"hl\"><span class=\"dot\" style=\"background:\(context.color(ofCluster: cluster.id))\"></span><a href=\"#cluster-\(cluster.id)\">\(escape(cluster.label))</a> <span class=\"total\">\(sizes[cluster.id] ?? 0)</span></li>\n"
    }
    let others = placed.filter { $0.clusterID.flatMap { context.clusterColors[$0] } == nil }
    if !others.isEmpty {
      let grouped = others.filter { context.cluster(of: $0) != nil }.count
      let label =
        grouped == 0
        ? "未聚类 Unclustered"
        : grouped == others.count ? "其他聚类 Other clusters" : "其他聚类与未聚类 Other clusters and unclustered"
      html +=
        "<li class=\"other\"><span class=\"dot\" style=\"background:\(Palette.unassigned)\"></span>\(label) <span class=\"total\">\(others.count)</span></li>\n"
    }
    return html + "</ul></figcaption>\n</figure>\n</section>\n"
  }
}
