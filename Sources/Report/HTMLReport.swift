/// Renders a ``ReportDocument`` as one self-contained HTML page.
///
/// The page works offline when opened from disk: styles, script and charts (inline SVG) are
/// embedded and nothing is fetched, so it contains no URL except links the data itself carries
/// as text. Sections, each reachable from the top navigation:
///
/// | Anchor | Content |
/// |---|---|
/// | `#timeline` | theme × period heat map: counts, shaded by share of the period, trend markers |
/// | `#map` | 2-D scatter of articles, the ten largest clusters coloured and labelled; titles on hover |
/// | `#clusters` | each cluster's label terms and its articles (region, date, title) |
/// | `#matrix` | region × theme heatmap table, with city rows under their region |
/// | `#articles` | every article, filterable, with its most similar articles in a `<details>` |
///
/// All text is escaped with ``escape(_:)``; attributes are always double-quoted. Chinese text uses
/// the fonts common systems ship ("PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
/// "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei"), falling back to `sans-serif`.
///
/// The script is small vanilla JavaScript (tooltip, filter chips and box). It records
/// uncaught errors in the `data-errors` attribute of `<html>` and finishes by setting
/// `data-ready="ok"` on `<body>`, which `scripts/check_report.sh` reads from headless Chromium's
/// DOM dump.
///
/// Rendering is a pure function: equal documents give byte-identical pages.
public enum HTMLReport {
  /// Renders the whole page.
  ///
  /// - Parameter document: The data to show. Sections without data (no timeline, no positions,
  ///   no clusters, no themes) render a short note instead of a chart.
  /// - Returns: The HTML text, UTF-8 when written out.
  /// - Complexity: O(*n* × (*t* + *k*) + *p* × *c*) for *n* articles with *t* themes and *k*
  ///   neighbours each, *p* periods and *c* timeline categories.
  public static func render(_ document: ReportDocument) -> String {
    let context = RenderContext(document)
    var html = "<!DOCTYPE html>\n<html lang=\"zh-CN\" data-errors=\"0\">\n<head>\n<meta charset=\"utf-8\">\n"
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    html += "<meta name=\"generator\" content=\"PolicyLens\">\n"
    html += "<title>\(escape(document.title))</title>\n"
    html += "<script>\(errorTrapScript)</script>\n"
    html += "<style>\(styleSheet)</style>\n</head>\n"
    html +=
      "<body data-focus-region=\"\(escape(document.focusPlace ?? ""))\" data-focus-theme=\"\(escape(document.focusTheme ?? ""))\">\n"
    html += header(context)
    html += "<main>\n"
    html += timelineSection(context)
    html += mapSection(context)
    html += clustersSection(context)
    html += matrixSection(context)
    html += articlesSection(context)
    html += "</main>\n"
    html += "<footer>\(escape(document.generatedNote ?? "PolicyLens"))</footer>\n"
    html += "<div id=\"tooltip\" role=\"tooltip\" hidden></div>\n"
    html += "<script>\(pageScript)</script>\n</body>\n</html>\n"
    return html
  }

  /// Escapes text for HTML element content and quoted attribute values.
  ///
  /// `&` → `&amp;`, `<` → `&lt;`, `>` → `&gt;`, `"` → `&quot;`, `'` → `&#39;`; C0 and C1 control
  /// characters other than tab, LF and CR are removed.
  public static func escape(_ text: String) -> String { HTMLText.escape(text) }

  static func header(_ context: RenderContext) -> String {
    let document = context.document
    let summary = context.summary
    var html = "<header>\n<div class=\"wrap\">\n<h1>\(escape(document.title))</h1>\n"
    if let subtitle = document.subtitle { html += "<p class=\"subtitle\">\(escape(subtitle))</p>\n" }
    html += "<dl class=\"stats\">\n"
    let range = summary.firstDate.map { first in
      first == summary.lastDate ? first : first + " – " + (summary.lastDate ?? "")
    }
    let stats: [(String, String)] = [
      ("文章 Articles", String(document.articles.count)),
      ("期数 Issues", String(summary.issueCount)),
      ("日期 Dates", range ?? "—"),
      ("地区 Regions", String(summary.regions.count)),
      ("聚类 Clusters", String(document.clusters.count)),
      ("主题 Themes", String(context.matrix.themes.count)),
    ]
    for (name, value) in stats {
      html += value.count > 12 ? "<div class=\"wide\">" : "<div>"
      html += "<dt>\(escape(name))</dt><dd>\(escape(value))</dd></div>\n"
    }
    html += "</dl>\n"
    if !summary.regions.isEmpty {
      html +=
        "<p class=\"regions\">"
        + summary.regions.map {
          "<button type=\"button\" class=\"chip\" data-filter=\"region\" data-value=\"\(escape($0))\" aria-pressed=\"false\">\(escape($0))</button>"
        }.joined(separator: " ") + "</p>\n"
    }
    if !context.matrix.themes.isEmpty {
      html +=
        "<p class=\"themes\">"
        + context.matrix.themes.map {
          "<button type=\"button\" class=\"chip\" data-filter=\"theme\" data-value=\"\(escape($0))\" aria-pressed=\"false\">"
            + "<span class=\"dot\" style=\"background:\(context.color(ofTheme: $0))\"></span>\(escape($0))</button>"
        }.joined(separator: " ") + "</p>\n"
    }
    html += "</div>\n</header>\n"
    html += "<nav><div class=\"wrap\">"
    let links = [
      ("timeline", "时间线 Timeline"), ("map", "分布图 Map"), ("clusters", "聚类 Clusters"),
      ("matrix", "地区×主题 Regions × themes"), ("articles", "文章 Articles"),
    ]
    html += links.map { "<a href=\"#\($0.0)\">\(escape($0.1))</a>" }.joined()
    html += "</div></nav>\n"
    return html
  }

  /// Opens a section with its anchor, heading and a one-line explanation.
  static func sectionStart(_ id: String, _ heading: String, _ note: String) -> String {
    "<section id=\"\(id)\" class=\"wrap\">\n<h2>\(escape(heading))</h2>\n<p class=\"note\">\(escape(note))</p>\n"
  }
}
