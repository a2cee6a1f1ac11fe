import Testing
import TestSupport

@testable import Timelines

/// A compact article constructor for tests.
func article(
  _ id: String, _ date: String, issue: String = "", region: String = "上海", _ categories: [String]
) -> TimelineArticle {
  TimelineArticle(id: id, date: date, issue: issue.isEmpty ? date : issue, region: region, categories: categories)
}

@Suite struct TopicTimelineTests {
  @Test("issues are ordered by their earliest article date, not by label")
  func issueOrder() throws {
    let articles = [
      article("a", "2024-12-05", issue: "2024年第23期", ["x"]),
      article("b", "2024-11-07", issue: "2024年第21期", ["x"]),
      article("c", "2024-11-21", issue: "2024年第22期", ["y"]),
      article("d", "2024-11-06", issue: "2024年第21期", ["y"]),
      article("e", "2024-11-15", issue: "信息摘编", ["x"]),
    ]
    let timeline = try TopicTimeline(articles: articles, options: TimelineOptions(granularity: .issue))
    #expect(timeline.periods.map(\.label) == ["2024年第21期", "信息摘编", "2024年第22期", "2024年第23期"])
    #expect(timeline.periods.map(\.articleCount) == [2, 1, 1, 1])
    #expect(timeline.periods[0].start == CalendarDate(year: 2024, month: 11, day: 6))
    #expect(timeline.periods[0].end == CalendarDate(year: 2024, month: 11, day: 7))
    #expect(zip(timeline.periods, timeline.periods.dropFirst()).allSatisfy { $0.start <= $1.start })
  }

  @Test("months between the first and last article are filled with empty periods")
  func monthGaps() throws {
    let articles = [
      article("a", "2024-11-30", ["x"]), article("b", "2025-02-01", ["x", "y"]),
      article("c", "2024-11-01", ["y"]),
    ]
    let timeline = try TopicTimeline(articles: articles, options: TimelineOptions(granularity: .month))
    #expect(timeline.periods.map(\.label) == ["2024-11", "2024-12", "2025-01", "2025-02"])
    #expect(timeline.periods.map(\.articleCount) == [2, 0, 0, 1])
    #expect(timeline.periods[1].start == CalendarDate(year: 2024, month: 12, day: 1))
    #expect(timeline.periods[1].end == CalendarDate(year: 2024, month: 12, day: 31))
    #expect(timeline.series(for: "x")?.shares == [0.5, 0, 0, 1])
  }

  @Test("quarters bucket months 1–3, 4–6, 7–9, 10–12 and fill gaps across years")
  func quarters() throws {
    let articles = [
      article("a", "2024-03-31", ["x"]), article("b", "2024-04-01", ["x"]),
      article("c", "2025-01-15", ["x"]),
    ]
    let timeline = try TopicTimeline(articles: articles, options: TimelineOptions(granularity: .quarter))
    #expect(timeline.periods.map(\.label) == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1"])
    #expect(timeline.periods.map(\.articleCount) == [1, 1, 0, 0, 1])
    #expect(timeline.periods[0].end == CalendarDate(year: 2024, month: 3, day: 31))
    #expect(timeline.periods[3].start == CalendarDate(year: 2024, month: 10, day: 1))
  }

  @Test("random corpora: counts are conserved, shares are fractions, one-key shares sum to 1", arguments: 0..<100)
  func conservation(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let count = Int.random(in: 1...8, using: &generator)
    let articles = (0..<count).map { index in
      let month = Int.random(in: 1...12, using: &generator)
      let key = ["a", "b", "c"][Int.random(in: 0...2, using: &generator)]
      return article("\(index)", "2024-" + (month < 10 ? "0" : "") + "\(month)-15", issue: "i\(month)", [key])
    }
    for granularity in TimelineGranularity.allCases {
      let timeline = try TopicTimeline(articles: articles, options: TimelineOptions(granularity: granularity))
      #expect(timeline.articleCount == count, "seed \(seed)")
      #expect(timeline.series.reduce(0) { $0 + $1.totalCount } == count, "seed \(seed)")
      for (index, period) in timeline.periods.enumerated() where period.articleCount > 0 {
        let sum = timeline.series.reduce(0.0) { $0 + $1.shares[index] }
        expectClose(sum, 1)
        #expect(timeline.series.allSatisfy { (0...1).contains($0.shares[index]) })
      }
      if granularity != .issue {
        #expect(timeline.periods.last?.articleCount ?? 0 > 0 && timeline.periods.first?.articleCount ?? 0 > 0)
      }
    }
  }

  @Test("a category listed twice on one article counts once; uncategorised articles dilute shares")
  func duplicatesAndUncategorised() throws {
    let articles = [article("a", "2024-11-01", ["x", "x"]), article("b", "2024-11-02", [])]
    let timeline = try TopicTimeline(articles: articles, options: TimelineOptions(granularity: .month))
    #expect(timeline.series(for: "x")?.counts == [1])
    #expect(timeline.series(for: "x")?.shares == [0.5])
  }

  @Test("the region filter keeps only that region's articles")
  func regionFilter() throws {
    let articles = [
      article("a", "2024-11-01", region: "上海", ["x"]), article("b", "2024-12-01", region: "广东", ["y"]),
      article("c", "2025-01-01", region: "上海", ["y"]),
    ]
    let timeline = try TopicTimeline(articles: articles, options: TimelineOptions(granularity: .month, region: "上海"))
    #expect(timeline.articleCount == 2)
    #expect(timeline.periods.map(\.articleCount) == [1, 0, 1])
    #expect(timeline.region == "上海")
  }

  @Test("default category order is by total count, then key; explicit order is kept, with absent rows")
  func categoryOrder() throws {
    let articles = [
      article("a", "2024-11-01", ["b", "c"]), article("b", "2024-11-02", ["c"]),
      article("c", "2024-11-03", ["a"]),
    ]
    let byDefault = try TopicTimeline(articles: articles)
    #expect(byDefault.series.map(\.category) == ["c", "a", "b"])
    let explicit = try TopicTimeline(articles: articles, options: TimelineOptions(categories: ["z", "a"]))
    #expect(explicit.series.map(\.category) == ["z", "a"])
    #expect(explicit.series(for: "z")?.totalCount == 0)
  }

  @Test("bad dates and empty selections are typed errors")
  func errors() {
    #expect(throws: TimelineError.invalidDate("2024/11/07", articleID: "a")) {
      try TopicTimeline(articles: [article("a", "2024/11/07", issue: "i", ["x"])])
    }
    #expect(throws: TimelineError.noArticles(region: "西藏")) {
      try TopicTimeline(articles: [article("a", "2024-11-07", ["x"])], options: TimelineOptions(region: "西藏"))
    }
    #expect(throws: TimelineError.noArticles(region: nil)) { try TopicTimeline(articles: []) }
    #expect(TimelineError.noArticles(region: "西藏").description.contains("--region"))
  }

  @Test(
    "dates parse only in strict ISO form and must exist",
    arguments: [
      ("2024-02-29", true), ("2023-02-29", false), ("2024-13-01", false), ("2024-1-01", false),
      ("2024-11-07", true), ("24-11-07", false), ("2024-11-07T00:00", false), ("２０２４-11-07", false),
    ])
  func dateParsing(text: String, isValid: Bool) {
    let date = CalendarDate(iso: text)
    #expect((date != nil) == isValid)
    if let date { #expect(date.description == text) }
  }
}
