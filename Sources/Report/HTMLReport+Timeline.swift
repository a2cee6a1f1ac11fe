extension HTMLReport {
  /// The timeline section: a theme × period heat map.
  ///
  /// Rows are the timeline's categories sorted by their total count (descending, then name), each
  /// headed by its colour (``RenderContext/color(ofTheme:)``, the same as in the chips, the matrix
  /// and the article tags), its total and its trend marker. Columns are the periods in time order,
  /// labelled by ``shortPeriodLabel(_:)`` with the full label as a `title` tooltip, and the
  /// period's article count *n* under it. A cell shows the category's article count in the
  /// period; its shade is the share of the period's articles, count / *n*, scaled so the largest
  /// share in the table gets opacity 0.9 and any non-zero share at least 0.12. Empty cells stay
  /// white, so absence is not confused with a small share. Cell text turns white where the shaded
  /// colour is dark (``blendedLuma(_:_:)`` below 0.5). The `title` of a cell gives the category,
  /// the full period label, the count, *n* and the share.
  static func timelineSection(_ context: RenderContext) -> String {
    var html = sectionStart(
      "timeline", "时间线 Topics over time",
      "每期带有该主题的文章数；颜色深浅表示占该期文章的比例。Articles per period carrying the theme; the shade is their share of the period's articles (hover a cell for it)."
    )
    guard let timeline = context.document.timeline, !timeline.periods.isEmpty, !timeline.series.isEmpty else {
      return html + "<p class=\"empty\">No timeline data.</p>\n</section>\n"
    }
    let rows = timeline.series.map { ($0, $0.counts.reduce(0, +)) }.sorted { ($0.1, $1.0.name) > ($1.1, $0.0.name) }
    // The summary view shows the latest periods only (the totals and timeline.csv cover all).
    let limit = ReportListing.timelinePeriodLimit
    let shown =
      context.document.listing != nil && timeline.periods.count > limit
      ? (timeline.periods.count - limit)..<timeline.periods.count : 0..<timeline.periods.count
    if shown.count < timeline.periods.count {
      html +=
        "<p class=\"note\">The latest \(shown.count) of \(timeline.periods.count) periods; totals count all, and report --csv writes every period (timeline.csv).</p>\n"
    }
    let largestShare = max(1e-9, timeline.series.lazy.flatMap { $0.shares[shown] }.max() ?? 0)

    html +=
      "<div class=\"scroll heat-scroll\"><table class=\"data heat\" id=\"timeline-heatmap\" aria-label=\"\(escape(timeline.categoryKind + " × period"))\">\n"
    html += "<thead><tr><th class=\"corner\">\(escape(timeline.categoryKind))</th><th class=\"num\">合计 Total</th>"
    for (index, label) in timeline.periods.enumerated() where shown.contains(index) {
      let short = shortPeriodLabel(label)
      let tooltip = short == label ? "" : " title=\"\(escape(label))\""
      html +=
        "<th class=\"period\"\(tooltip)>\(escape(short))<br><small>n=\(timeline.periodArticleCounts[index])</small></th>"
    }
    html += "</tr></thead>\n<tbody>\n"
    for (series, total) in rows {
      let color = context.color(ofTheme: series.name)
      html += "<tr data-theme=\"\(escape(series.name))\"><th><span class=\"dot\" style=\"background:\(color)\"></span>"
      html += "<span class=\"name\">\(escape(series.name))</span>"
      if let trend = series.trend {
        html += " <span class=\"trend trend-\(escape(trend))\">\(escape(trendLabel(trend)))</span>"
      }
      html += "</th><td class=\"num total\">\(total)</td>"
      for (index, (count, share)) in zip(series.counts, series.shares).enumerated() where shown.contains(index) {
        let tip =
          "\(series.name) · \(timeline.periods[index]): \(count) / \(timeline.periodArticleCounts[index]) (\(HTMLText.percent(share)))"
        guard count > 0 else {
          html += "<td class=\"hm zero\" title=\"\(escape(tip))\"></td>"
          continue
        }
        let alpha = 0.12 + 0.78 * min(1, max(0, share) / largestShare)
        let dark = blendedLuma(color, alpha) < 0.5 ? " dark" : ""
        html +=
          "<td class=\"hm\(dark)\" style=\"background:\(Palette.rgba(color, alpha))\" title=\"\(escape(tip))\">\(count)</td>"
      }
      html += "</tr>\n"
    }
    return html + "</tbody>\n</table></div>\n</section>\n"
  }

  /// A period label short enough for a column header: `2024年第3期` → `2024 第3期`,
  /// `2023年（总第二十五期）` → `2023 总第25期`.
  ///
  /// A year `yyyy年` becomes `yyyy ` and full-width brackets are dropped; Chinese numerals
  /// (一 … 九十九) between `第` and `期` become digits. A result still wider than 16 columns (a
  /// Chinese character counts two) loses its beginning to `…`, keeping the end, where the number
  /// that tells periods apart is. Labels without these forms are returned
  /// unchanged apart from the cut.
  ///
  /// - Complexity: O(label length); a label with none of 年, 期, brackets or white space (a month,
  ///   `2024-03`) skips the patterns, which would otherwise be compiled on every call (a timeline
  ///   by month over 25 years has 300 labels).
  public static func shortPeriodLabel(_ label: String) -> String {
    var text = label
    let hasPatterns = label.unicodeScalars.contains {
      "年期（）()".unicodeScalars.contains($0) || $0.properties.isWhitespace
    }
    if hasPatterns {
      text = text.replacing(#/(\d{4})年/#) { "\($0.output.1) " }
      text = text.replacing(#/[（）()]/#, with: "")
      text = text.replacing(#/第([〇零一二三四五六七八九十]+)期/#) { match in
        chineseNumber(String(match.output.1)).map { "第\($0)期" } ?? String(match.output.0)
      }
      text = text.replacing(#/\s+/#, with: " ").trimmingPrefix(" ").description
      while text.hasSuffix(" ") { text.removeLast() }
    }
    let limit = 16.0
    guard displayWidth(text) > limit else { return text }
    // The end is kept: it holds the number that tells periods apart.
    var cut = ""
    for character in text.reversed() {
      if displayWidth(String(character) + cut) > limit - 1 { break }
      cut.insert(character, at: cut.startIndex)
    }
    return "…" + cut
  }

  /// The value of a Chinese numeral below 100 (`二十五` → 25, `十` → 10), or `nil`.
  static func chineseNumber(_ text: String) -> Int? {
    let digits: [Character: Int] = [
      "〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    let parts = text.split(separator: "十", omittingEmptySubsequences: false)
    switch parts.count {
    case 1:
      guard text.count == 1, let value = text.first.flatMap({ digits[$0] }) else { return nil }
      return value
    case 2:
      let tens = parts[0].isEmpty ? 1 : (parts[0].count == 1 ? parts[0].first.flatMap { digits[$0] } : nil)
      let ones = parts[1].isEmpty ? 0 : (parts[1].count == 1 ? parts[1].first.flatMap { digits[$0] } : nil)
      guard let tens, let ones else { return nil }
      return tens * 10 + ones
    default:
      return nil
    }
  }

  /// Columns a label takes: CJK and other wide characters count two, everything else one.
  static func displayWidth(_ text: String) -> Double {
    text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
  }

  /// The luma of `#rrggbb` at opacity `alpha` over white, 0…1 (1 for other strings).
  ///
  /// ITU-R BT.601 weights on the blended sRGB components; below 0.5 white text reads better than
  /// dark (the YIQ rule).
  static func blendedLuma(_ hex: String, _ alpha: Double) -> Double {
    let digits = hex.dropFirst()
    guard hex.first == "#", digits.count == 6, let value = Int(digits, radix: 16) else { return 1 }
    func blended(_ component: Int) -> Double { (Double(component) * alpha + 255 * (1 - alpha)) / 255 }
    return 0.299 * blended(value >> 16) + 0.587 * blended((value >> 8) & 0xFF) + 0.114 * blended(value & 0xFF)
  }

  /// A marker with its Chinese gloss, for example `rising 上升`.
  static func trendLabel(_ trend: String) -> String {
    let gloss = ["new": "新出现", "rising": "上升", "steady": "平稳", "fading": "减弱", "absent": "未出现"]
    return gloss[trend].map { "\(trend) \($0)" } ?? trend
  }
}
