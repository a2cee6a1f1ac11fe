extension HTMLReport {
  /// The timeline section: an inline-SVG line chart of shares per period and a legend.
  ///
  /// The y axis runs from 0 to the largest share rounded up to the next 10 %, with a gridline per
  /// 10 % (per 20 % above 50 %). Periods are equal bands with the point in the middle. Each point
  /// has a `<title>` giving the category, period, count and share. Period labels tilt by 35° when
  /// the longest would not fit its band.
  static func timelineSection(_ context: RenderContext) -> String {
    var html = sectionStart(
      "timeline", "时间线 Topics over time",
      "每期文章中带有该类别的比例。Share of the articles in each period that carry the category; hover a point for counts.")
    guard let timeline = context.document.timeline, !timeline.periods.isEmpty, !timeline.series.isEmpty else {
      return html + "<p class=\"empty\">No timeline data.</p>\n</section>\n"
    }
    let width = 960.0
    let height = 380.0
    let (left, right, top) = (56.0, 24.0, 16.0)
    let band = (width - left - right) / Double(timeline.periods.count)
    let widestLabel = timeline.periods.map(estimatedTextWidth).max() ?? 0
    let tilted = widestLabel > band - 8
    let bottom = tilted ? min(150, 40 + widestLabel * 0.6) : 48.0
    let plotHeight = height - top - bottom
    let peak = timeline.series.lazy.flatMap(\.shares).max() ?? 0
    let yMax = max(0.1, (peak * 10).rounded(.up) / 10)
    let step = yMax > 0.5 ? 0.2 : 0.1
    // Points sit in the middle of equal bands, so the first and last labels have room.
    func xPosition(_ index: Int) -> Double { left + band * (Double(index) + 0.5) }
    func yPosition(_ share: Double) -> Double { top + plotHeight * (1 - min(share, yMax) / yMax) }

    html += "<figure class=\"chart\">\n"
    html +=
      "<svg id=\"timeline-chart\" class=\"timeline-chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
      + "role=\"img\" aria-label=\"\(escape(timeline.categoryKind + " share per period"))\">\n"
    html += "<g class=\"axis\">\n"
    var tick = 0.0
    while tick <= yMax + 1e-9 {
      let y = HTMLText.fixed(yPosition(tick), 1)
      html += "<line class=\"grid\" x1=\"\(Int(left))\" x2=\"\(Int(width - right))\" y1=\"\(y)\" y2=\"\(y)\"/>"
      html +=
        "<text class=\"ytick\" x=\"\(Int(left) - 8)\" y=\"\(y)\" dy=\"0.32em\" text-anchor=\"end\">\(Int((tick * 100).rounded()))%</text>\n"
      tick += step
    }
    for (index, label) in timeline.periods.enumerated() {
      let x = HTMLText.fixed(xPosition(index), 1)
      let y = Int(height - bottom) + 18
      let count = timeline.periodArticleCounts[index]
      if tilted {
        html +=
          "<text class=\"xtick\" transform=\"translate(\(x),\(y - 4)) rotate(-35)\" text-anchor=\"end\">\(escape(label)) <tspan class=\"xcount\">n=\(count)</tspan></text>"
      } else {
        html += "<text class=\"xtick\" x=\"\(x)\" y=\"\(y)\" text-anchor=\"middle\">\(escape(label))</text>"
        html += "<text class=\"xcount\" x=\"\(x)\" y=\"\(y + 16)\" text-anchor=\"middle\">n=\(count)</text>"
      }
      html += "\n"
    }
    html +=
      "<line class=\"baseline\" x1=\"\(Int(left))\" x2=\"\(Int(width - right))\" y1=\"\(Int(height - bottom))\" y2=\"\(Int(height - bottom))\"/>\n"
    html += "</g>\n"
    for (seriesIndex, series) in timeline.series.enumerated() {
      let color = Palette.color(seriesIndex)
      let points = series.shares.enumerated().map {
        HTMLText.fixed(xPosition($0), 1) + "," + HTMLText.fixed(yPosition($1), 1)
      }
      html += "<g class=\"series\" data-series=\"\(seriesIndex)\" style=\"--c:\(color)\">\n"
      html += "<polyline points=\"\(points.joined(separator: " "))\"/>\n"
      for (index, share) in series.shares.enumerated() {
        let tip =
          "\(series.name) · \(timeline.periods[index]): \(series.counts[index]) / \(timeline.periodArticleCounts[index]) (\(HTMLText.percent(share)))"
        html +=
          "<circle cx=\"\(HTMLText.fixed(xPosition(index), 1))\" cy=\"\(HTMLText.fixed(yPosition(share), 1))\" r=\"4\" "
          + "data-tip=\"\(escape(tip))\"><title>\(escape(tip))</title></circle>"
      }
      html += "\n</g>\n"
    }
    html += "</svg>\n<figcaption>\n<ul class=\"legend\" id=\"timeline-legend\">\n"
    for (seriesIndex, series) in timeline.series.enumerated() {
      let total = series.counts.reduce(0, +)
      html +=
        "<li data-series=\"\(seriesIndex)\" tabindex=\"0\"><span class=\"swatch\" style=\"background:\(Palette.color(seriesIndex))\"></span>"
      html += "<span class=\"name\">\(escape(series.name))</span> <span class=\"total\">\(total)</span>"
      if let trend = series.trend {
        html += " <span class=\"trend trend-\(escape(trend))\">\(escape(trendLabel(trend)))</span>"
      }
      html += "</li>\n"
    }
    html += "</ul>\n</figcaption>\n</figure>\n"
    html += timelineTable(timeline)
    return html + "</section>\n"
  }

  /// The chart's numbers as a collapsible table, for reading exact counts.
  static func timelineTable(_ timeline: ReportTimeline) -> String {
    var html =
      "<details class=\"table-details\"><summary>数据表 Data table</summary>\n<div class=\"scroll\"><table class=\"data\">\n<thead><tr><th>\(escape(timeline.categoryKind))</th>"
    for (index, label) in timeline.periods.enumerated() {
      html += "<th>\(escape(label))<br><small>n=\(timeline.periodArticleCounts[index])</small></th>"
    }
    html += "<th>Trend</th></tr></thead>\n<tbody>\n"
    for series in timeline.series {
      html += "<tr><th>\(escape(series.name))</th>"
      for (count, share) in zip(series.counts, series.shares) {
        html += "<td>\(count) <small>\(HTMLText.percent(share))</small></td>"
      }
      html += "<td>\(escape(series.trend.map(trendLabel) ?? ""))</td></tr>\n"
    }
    return html + "</tbody>\n</table></div></details>\n"
  }

  /// A rough rendered width of an axis label at 12 px: CJK and other wide characters count 12,
  /// everything else 7.
  static func estimatedTextWidth(_ text: String) -> Double {
    text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 12 : 7) }
  }

  /// A marker with its Chinese gloss, for example `rising 上升`.
  static func trendLabel(_ trend: String) -> String {
    let gloss = ["new": "新出现", "rising": "上升", "steady": "平稳", "fading": "减弱", "absent": "未出现"]
    return gloss[trend].map { "\(trend) \($0)" } ?? trend
  }
}
