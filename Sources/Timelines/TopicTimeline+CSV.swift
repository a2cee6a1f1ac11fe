extension TopicTimeline {
  /// The timeline as CSV in long form: one record per period and category.
  ///
  /// Columns: `period,start,end,period_articles,category,count,share`. Shares have at most six
  /// decimals. Fields are quoted per RFC 4180 (a field with a comma, quote, CR or LF is wrapped
  /// in double quotes and inner quotes are doubled) and records end with CRLF. Period order,
  /// then category order, follow the timeline.
  ///
  /// - Complexity: O(*p* × *c*).
  public func csv() -> String {
    var rows = [["period", "start", "end", "period_articles", "category", "count", "share"]]
    for (index, period) in periods.enumerated() {
      for row in series {
        rows.append([
          period.label, period.start.description, period.end.description, String(period.articleCount),
          row.category, String(row.counts[index]), CSVField.decimal(row.shares[index]),
        ])
      }
    }
    return CSVField.document(rows)
  }
}
