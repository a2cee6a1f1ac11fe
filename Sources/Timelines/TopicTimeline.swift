/// Counts of categories (themes or clusters) per period: how topics move over time.
///
/// Build one from plain article records:
///
///     let timeline = try TopicTimeline(articles: records, options: TimelineOptions(granularity: .month))
///     for series in timeline.series { print(series.category, series.counts) }
///
/// Periods are ordered in time. For ``TimelineGranularity/month`` and
/// ``TimelineGranularity/quarter`` every calendar period between the first and the last
/// article is present, so equal steps on a chart are equal spans of time; for
/// ``TimelineGranularity/issue`` each issue is one period, ordered by its earliest article date
/// and then by label.
public struct TopicTimeline: Codable, Sendable, Hashable {
  /// How the articles were grouped.
  public var granularity: TimelineGranularity
  /// The region filter that was applied, if any.
  public var region: String?
  /// The periods in time order.
  public var periods: [TimelinePeriod]
  /// One series per category, in the order of ``TimelineOptions/categories`` or, by default,
  /// by descending total count then by key.
  public var series: [CategorySeries]

  /// The total number of articles on the timeline.
  public var articleCount: Int { periods.reduce(0) { $0 + $1.articleCount } }

  /// Groups articles into periods and counts each category per period.
  ///
  /// An article with the same category listed twice counts once for it. An article with no
  /// category still counts towards its period's ``TimelinePeriod/articleCount``, so shares are
  /// fractions of all articles in the period.
  ///
  /// - Parameters:
  ///   - articles: The articles, in any order.
  ///   - options: Granularity, region filter and category order; see ``TimelineOptions``.
  /// - Throws: ``TimelineError/invalidDate(_:articleID:)`` for a date that isn't `yyyy-MM-dd`;
  ///   ``TimelineError/noArticles(region:)`` when nothing remains after filtering.
  /// - Complexity: O(*n* log *n* + *p* × *c* + *m*), for *n* articles with *m* category keys in
  ///   total, *p* periods and *c* categories.
  public init(articles: [TimelineArticle], options: TimelineOptions = TimelineOptions()) throws(TimelineError) {
    var dated: [(article: TimelineArticle, date: CalendarDate)] = []
    for article in articles where options.region == nil || article.region == options.region {
      guard let date = CalendarDate(iso: article.date) else {
        throw .invalidDate(article.date, articleID: article.id)
      }
      dated.append((article, date))
    }
    guard !dated.isEmpty else { throw .noArticles(region: options.region) }

    let (periods, periodIndex) = TopicTimeline.makePeriods(dated, granularity: options.granularity)
    var articleCounts = Array(repeating: 0, count: periods.count)
    var counts: [String: [Int]] = [:]
    for entry in dated {
      let index = periodIndex(entry.article, entry.date)
      articleCounts[index] += 1
      for category in Set(entry.article.categories) {
        counts[category, default: Array(repeating: 0, count: periods.count)][index] += 1
      }
    }

    let categories =
      options.categories
      ?? counts.keys.sorted { lhs, rhs in
        let (l, r) = (counts[lhs, default: []].reduce(0, +), counts[rhs, default: []].reduce(0, +))
        return l != r ? l > r : lhs < rhs
      }
    self.granularity = options.granularity
    self.region = options.region
    self.periods = zip(periods, articleCounts).map { period, count in
      var period = period
      period.articleCount = count
      return period
    }
    self.series = categories.map { category in
      let row = counts[category] ?? Array(repeating: 0, count: periods.count)
      let shares = zip(row, articleCounts).map { count, total in total == 0 ? 0 : Double(count) / Double(total) }
      return CategorySeries(category: category, counts: row, shares: shares)
    }
  }

  /// Creates a timeline from already computed parts (for decoding or tests).
  public init(
    granularity: TimelineGranularity, region: String? = nil, periods: [TimelinePeriod],
    series: [CategorySeries]
  ) {
    precondition(series.allSatisfy { $0.counts.count == periods.count }, "every series needs one value per period")
    self.granularity = granularity
    self.region = region
    self.periods = periods
    self.series = series
  }

  /// The series of a category, or `nil` if the timeline doesn't report it.
  public func series(for category: String) -> CategorySeries? {
    series.first { $0.category == category }
  }

  /// Builds the (empty-count) periods and a function mapping an article to its period index.
  private static func makePeriods(
    _ dated: [(article: TimelineArticle, date: CalendarDate)], granularity: TimelineGranularity
  ) -> ([TimelinePeriod], (TimelineArticle, CalendarDate) -> Int) {
    switch granularity {
    case .issue:
      var spans: [String: (start: CalendarDate, end: CalendarDate)] = [:]
      for entry in dated {
        let span = spans[entry.article.issue]
        spans[entry.article.issue] = (
          min(span?.start ?? entry.date, entry.date), max(span?.end ?? entry.date, entry.date)
        )
      }
      let ordered = spans.sorted { lhs, rhs in
        lhs.value.start != rhs.value.start ? lhs.value.start < rhs.value.start : lhs.key < rhs.key
      }
      let index = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1.key, $0) })
      let periods = ordered.map {
        TimelinePeriod(label: $0.key, start: $0.value.start, end: $0.value.end, articleCount: 0)
      }
      return (periods, { article, _ in index[article.issue] ?? 0 })
    case .month, .quarter:
      let monthsPerPeriod = granularity == .month ? 1 : 3
      // Periods are numbered on one absolute scale so gaps are filled by counting.
      func ordinal(_ date: CalendarDate) -> Int { (date.year * 12 + date.month - 1) / monthsPerPeriod }
      let first = dated.map { ordinal($0.date) }.min() ?? 0
      let last = dated.map { ordinal($0.date) }.max() ?? 0
      let periods = (first...last).map { number in
        let startMonth = number * monthsPerPeriod
        let year = startMonth / 12
        let month = startMonth % 12 + 1
        let endMonth = month + monthsPerPeriod - 1
        let label =
          granularity == .month
          ? CalendarDate.padded(year, 4) + "-" + CalendarDate.padded(month, 2)
          : CalendarDate.padded(year, 4) + "-Q" + String((month - 1) / 3 + 1)
        return TimelinePeriod(
          label: label, start: CalendarDate(year: year, month: month, day: 1),
          end: CalendarDate(year: year, month: endMonth, day: CalendarDate.dayCount(year: year, month: endMonth)),
          articleCount: 0)
      }
      return (periods, { _, date in ordinal(date) - first })
    }
  }
}
