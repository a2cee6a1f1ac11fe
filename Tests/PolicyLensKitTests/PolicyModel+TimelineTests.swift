import Foundation
import PolicyLensKit
import Testing
import TestSupport
import ThemeTagging

@Suite("Timelines of the seeds model")
struct PolicyModelTimelineTests {
  @Test("a cluster timeline counts each dated article once, in cluster-number order")
  func clusters() throws {
    let model = SeedModel.model
    let clustering = try model.clusters(ClusterRequest(seed: 42))
    let (timeline, trends) = try model.timeline(
      categories: .clusters, granularity: .issue, region: nil, themes: nil, clusters: clustering)
    #expect(
      timeline.series.map(\.category).map { $0.split(separator: " ").first.map(String.init) }
        == clustering.clusters.map { "#\($0.number)" } + (clustering.unclustered.isEmpty ? [] : ["unclustered"]))
    for (index, period) in timeline.periods.enumerated() {
      #expect(timeline.series.reduce(0) { $0 + $1.counts[index] } == period.articleCount)
      for series in timeline.series where period.articleCount > 0 {
        expectClose(series.shares[index], Double(series.counts[index]) / Double(period.articleCount))
      }
    }
    #expect(timeline.articleCount == model.articles.filter { $0.date != nil }.count)
    #expect(Set(trends.map(\.category)) == Set(timeline.series.map(\.category)))
  }

  @Test("a theme timeline never counts more articles per theme than the period has")
  func themes() throws {
    let model = SeedModel.model
    let text = try String(
      contentsOf: RepositoryPaths.root.appendingPathComponent("models/themes.yaml"), encoding: .utf8)
    let tagged = try model.themes(from: try ThemeCatalog(parsing: text)).articles
    let (timeline, _) = try model.timeline(
      categories: .themes, granularity: .month, region: nil, themes: tagged, clusters: nil)
    #expect(!timeline.periods.isEmpty)
    for (index, period) in timeline.periods.enumerated() {
      #expect(timeline.series.allSatisfy { $0.counts[index] <= period.articleCount })
    }
    #expect(zip(timeline.periods, timeline.periods.dropFirst()).allSatisfy { $0.start <= $1.start })
  }
}
