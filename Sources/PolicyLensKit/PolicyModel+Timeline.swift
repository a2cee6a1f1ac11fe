import Ingest
import Report
import ThemeTagging
import Timelines

/// What a timeline counts per period.
public enum TimelineCategories: String, Sendable, Hashable, Codable, CaseIterable {
  /// Theme tags (an article may count in several themes).
  case themes
  /// Cluster membership (each article counts once).
  case clusters
}

extension PolicyModel {
  /// Counts and shares per period of themes or clusters, with computed trend markers.
  ///
  /// - Parameters:
  ///   - themes: The articles' themes (for `.themes`) in article order.
  ///   - clusters: The clustering (for `.clusters`).
  /// - Throws: `TimelineError` (no dated articles, a single period).
  public func timeline(
    categories: TimelineCategories, granularity: TimelineGranularity, region: String?,
    themes: [ArticleThemes]?, clusters: ClusteringResult?
  ) throws -> (timeline: TopicTimeline, trends: [CategoryTrend]) {
    var categoryOrder: [String]?
    let timelineArticles: [TimelineArticle] = articles.indices.compactMap { row in
      let article = articles[row]
      guard let date = article.date else { return nil }
      let keys: [String]
      switch categories {
      case .themes: keys = themes?[row].themes.map(\.name) ?? []
      case .clusters:
        keys =
          clusters.map { result in
            [result.labels[row].map { Self.clusterLabel(result, number: $0) } ?? Self.unclusteredLabel]
          } ?? []
      }
      return TimelineArticle(id: article.id, date: date, issue: article.issue, region: article.region, categories: keys)
    }
    if categories == .clusters, let clusters {
      categoryOrder =
        clusters.clusters.map { Self.clusterLabel(clusters, number: $0.number) }
        + (clusters.unclustered.isEmpty ? [] : [Self.unclusteredLabel])
    }
    let timeline = try TopicTimeline(
      articles: timelineArticles,
      options: TimelineOptions(granularity: granularity, region: region, categories: categoryOrder))
    let trends = try timeline.trends()
    return (timeline, trends)
  }

  /// The timeline category of articles in no cluster.
  static let unclusteredLabel = "unclustered"

  /// `#3 低空 无人机 起降` — a cluster's number and first label terms.
  static func clusterLabel(_ result: ClusteringResult, number: Int) -> String {
    "#\(number) " + result.clusters[number - 1].terms.prefix(3).joined(separator: " ")
  }
}

extension ReportTimeline {
  /// A timeline and its trends as the report (and every CSV of a timeline) shows them.
  ///
  /// - Parameters:
  ///   - timeline: Counts and shares per period.
  ///   - trends: Trend markers by category; a series without one gets none.
  ///   - categoryKind: What the categories are (`themes`, `clusters`).
  ///   - includesEmptySeries: Whether series with no article in any period are kept.
  public init(
    _ timeline: TopicTimeline, trends: [CategoryTrend], categoryKind: String, includesEmptySeries: Bool
  ) {
    let markers = Dictionary(uniqueKeysWithValues: trends.map { ($0.category, $0.marker.rawValue) })
    self.init(
      categoryKind: categoryKind, periods: timeline.periods.map(\.label),
      periodStarts: timeline.periods.map(\.start.description), periodEnds: timeline.periods.map(\.end.description),
      periodArticleCounts: timeline.periods.map(\.articleCount),
      series: timeline.series.filter { includesEmptySeries || $0.totalCount > 0 }.map {
        ReportSeries(name: $0.category, counts: $0.counts, shares: $0.shares, trend: markers[$0.category])
      })
  }
}
