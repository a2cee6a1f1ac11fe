import Testing

@testable import Timelines

@Suite struct TopicTimelineRenderingTests {
  @Test("sparklines have one column per period, mark gaps and zeros, and peak at the largest share")
  func sparkline() throws {
    let articles = [
      article("a", "2024-01-10", ["x"]), article("b", "2024-01-11", ["y"]),
      article("c", "2024-03-10", ["x"]),
    ]
    let timeline = try TopicTimeline(articles: articles, options: TimelineOptions(granularity: .month))
    #expect(timeline.sparkline(for: "x") == "▄ █")
    #expect(timeline.sparkline(for: "y") == "▄ ·")
    #expect(timeline.sparkline(for: "missing") == nil)
    for row in timeline.series {
      #expect(timeline.sparkline(for: row.category)?.count == timeline.periods.count)
    }
  }

  @Test("CSV has a header, one record per period and category, CRLF endings and RFC 4180 quoting")
  func csv() throws {
    let articles = [
      TimelineArticle(id: "a", date: "2024-11-07", issue: "第\"21\",期", region: "r", categories: ["低空,经济"]),
      TimelineArticle(id: "b", date: "2024-11-21", issue: "第22期", region: "r", categories: ["line\nbreak", "低空,经济"]),
    ]
    let timeline = try TopicTimeline(articles: articles)
    let text = timeline.csv()
    let records = text.components(separatedBy: "\r\n")
    #expect(records.first == "period,start,end,period_articles,category,count,share")
    #expect(records.last == "")
    #expect(records.contains("\"第\"\"21\"\",期\",2024-11-07,2024-11-07,1,\"低空,经济\",1,1"))
    #expect(records.contains("第22期,2024-11-21,2024-11-21,1,\"line\nbreak\",1,1"))
    #expect(text.split(separator: "\r\n").count == 1 + timeline.periods.count * timeline.series.count)
  }

  @Test(
    "decimals are plain, rounded to six places",
    arguments: [
      (0.0, "0"), (1.0, "1"), (0.5, "0.5"), (1.0 / 3, "0.333333"), (2.0 / 3, "0.666667"), (0.0000004, "0"),
    ])
  func decimals(value: Double, text: String) {
    #expect(CSVField.decimal(value) == text)
  }
}
