/// The report's tables as CSV text, for `policylens report --csv DIR`.
///
/// Fields are quoted per RFC 4180 (a field containing a comma, double quote, CR or LF is
/// wrapped in double quotes, inner quotes doubled) and records end with CRLF. Decimals use a
/// dot and a fixed number of places, independent of locale. The text has no byte-order mark;
/// spreadsheet users on Windows may want the CLI to prepend one.
public enum ReportCSV {
  /// Every table keyed by file name.
  ///
  /// | File | Columns |
  /// |---|---|
  /// | `articles.csv` | id, title, region, city, date, issue, themes (`;`-separated), cluster_id, cluster_label, x, y |
  /// | `timeline.csv` | as ``timeline(_:)`` (only with a timeline) |
  /// | `clusters.csv` | cluster_id, cluster_label, terms (space-separated), article_id, region, city, date, title; articles in no cluster last, with an empty cluster_id and the label `unclustered` |
  /// | `region_theme.csv` | region, city, articles, then one count column per theme |
  /// | `similar.csv` | article_id, title, region, rank, similar_id, similar_title, similar_region, score |
  ///
  /// Rows follow the same order as the HTML report.
  ///
  /// - Parameter document: The report data.
  /// - Returns: File name → CSV text. The caller writes the files.
  /// - Complexity: O(*n* × (*t* + *k*) + *p* × *c*), as for ``HTMLReport/render(_:)``.
  public static func tables(_ document: ReportDocument) -> [String: String] {
    let context = RenderContext(document)
    var tables = [
      "articles.csv": articles(context),
      "clusters.csv": clusters(context),
      "region_theme.csv": regionTheme(context),
      "similar.csv": similar(context),
    ]
    if let timeline = document.timeline { tables["timeline.csv"] = self.timeline(timeline) }
    return tables
  }

  static func articles(_ context: RenderContext) -> String {
    var rows = [["id", "title", "region", "city", "date", "issue", "themes", "cluster_id", "cluster_label", "x", "y"]]
    for article in context.document.articles {
      let cluster = context.cluster(of: article)
      rows.append([
        article.id, article.title, article.region, article.city ?? "", article.date, article.issue,
        article.themes.joined(separator: ";"), article.clusterID.map(String.init) ?? "", cluster?.label ?? "",
        article.position.map { HTMLText.fixed($0.x, 6) } ?? "", article.position.map { HTMLText.fixed($0.y, 6) } ?? "",
      ])
    }
    return CSVField.document(rows)
  }

  /// A timeline as CSV in long form, one record per period and category: the one timeline
  /// schema, written by `report --csv` (`timeline.csv`) and by `timeline --csv`.
  ///
  /// Columns: `period,start,end,period_articles,category,count,share,trend`. Dates are
  /// `yyyy-mm-dd`; shares have six decimals; `trend` is the series' marker or empty. Period
  /// order, then series order, follow the timeline. Quoting and line endings as in
  /// ``tables(_:)``.
  ///
  /// - Complexity: O(*p* × *c*) for *p* periods and *c* series.
  public static func timeline(_ timeline: ReportTimeline) -> String {
    var rows = [["period", "start", "end", "period_articles", "category", "count", "share", "trend"]]
    for (index, period) in timeline.periods.enumerated() {
      for series in timeline.series {
        rows.append([
          period, timeline.periodStarts[index], timeline.periodEnds[index],
          String(timeline.periodArticleCounts[index]), series.name, String(series.counts[index]),
          HTMLText.fixed(series.shares[index], 6), series.trend ?? "",
        ])
      }
    }
    return CSVField.document(rows)
  }

  static func clusters(_ context: RenderContext) -> String {
    var rows = [["cluster_id", "cluster_label", "terms", "article_id", "region", "city", "date", "title"]]
    for cluster in context.document.clusters {
      let members = context.document.articles.filter { $0.clusterID == cluster.id }
        .sorted { ($0.date, $0.title) < ($1.date, $1.title) }
      for article in members {
        rows.append([
          String(cluster.id), cluster.label, cluster.terms.joined(separator: " "), article.id, article.region,
          article.city ?? "", article.date, article.title,
        ])
      }
    }
    let unclustered = context.document.articles.filter { context.cluster(of: $0) == nil }
      .sorted { ($0.date, $0.title) < ($1.date, $1.title) }
    for article in unclustered {
      rows.append(["", "unclustered", "", article.id, article.region, article.city ?? "", article.date, article.title])
    }
    return CSVField.document(rows)
  }

  static func regionTheme(_ context: RenderContext) -> String {
    let matrix = context.matrix
    var rows = [["region", "city", "articles"] + matrix.themes]
    for row in matrix.rows {
      rows.append([row.region, row.city ?? "", String(row.articleCount)] + row.counts.map(String.init))
    }
    return CSVField.document(rows)
  }

  static func similar(_ context: RenderContext) -> String {
    var rows = [["article_id", "title", "region", "rank", "similar_id", "similar_title", "similar_region", "score"]]
    for article in context.document.articles {
      var rank = 0
      for neighbour in article.similar {
        guard let other = context.articlesByID[neighbour.articleID] else { continue }
        rank += 1
        rows.append([
          article.id, article.title, article.region, String(rank), other.id, other.title, other.region,
          HTMLText.fixed(neighbour.score, 6),
        ])
      }
    }
    return CSVField.document(rows)
  }
}
