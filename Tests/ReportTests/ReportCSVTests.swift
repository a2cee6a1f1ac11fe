import Testing

@testable import Report

@Suite struct ReportCSVTests {
  let document = SampleReport.make()

  /// Splits a CSV document into records of fields, honouring RFC 4180 quoting.
  func parse(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text)[...]
    while let character = characters.popFirst() {
      if quoted {
        if character == "\"" {
          if characters.first == "\"" {
            field.append("\"")
            characters.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.append(character)
        }
      } else if character == "\"" {
        quoted = true
      } else if character == "," {
        record.append(field)
        field = ""
      } else if character == "\r\n" {
        record.append(field)
        records.append(record)
        record = []
        field = ""
      } else {
        field.append(character)
      }
    }
    return records
  }

  @Test("all five tables are produced, each with a header and CRLF-terminated records")
  func fileNames() throws {
    let tables = ReportCSV.tables(document)
    #expect(
      tables.keys.sorted() == ["articles.csv", "clusters.csv", "region_theme.csv", "similar.csv", "timeline.csv"])
    for (name, text) in tables {
      #expect(text.hasSuffix("\r\n"), "\(name)")
      let records = parse(text)
      let width = try #require(records.first?.count)
      #expect(records.allSatisfy { $0.count == width }, "\(name) has ragged rows")
    }
    var noTimeline = document
    noTimeline.timeline = nil
    #expect(ReportCSV.tables(noTimeline)["timeline.csv"] == nil)
  }

  @Test("fields with commas, quotes and newlines round-trip through RFC 4180 quoting")
  func quoting() throws {
    var doc = document
    doc.articles[0].title = "a,b \"c\"\nd"
    let records = parse(try #require(ReportCSV.tables(doc)["articles.csv"]))
    #expect(records[1][1] == "a,b \"c\"\nd")
    #expect(CSVField.escape("plain 中文") == "plain 中文")
    #expect(CSVField.escape("x\"y") == "\"x\"\"y\"")
    #expect(CSVField.escape("r\r\nn") == "\"r\r\nn\"")
  }

  @Test("the timeline schema: header, one record per period and series, quoting, six-decimal shares")
  func timelineSchema() throws {
    let timeline = ReportTimeline(
      categoryKind: "themes", periods: ["第\"21\",期", "第22期"], periodStarts: ["2024-11-07", "2024-11-21"],
      periodEnds: ["2024-11-07", "2024-11-21"], periodArticleCounts: [1, 1],
      series: [
        ReportSeries(name: "低空,经济", counts: [1, 1], shares: [1, 1], trend: "steady"),
        ReportSeries(name: "line\nbreak", counts: [0, 1], shares: [0, 1.0 / 3]),
      ])
    let text = ReportCSV.timeline(timeline)
    let records = text.components(separatedBy: "\r\n")
    #expect(records.first == "period,start,end,period_articles,category,count,share,trend")
    #expect(records.last == "")
    #expect(records.contains("\"第\"\"21\"\",期\",2024-11-07,2024-11-07,1,\"低空,经济\",1,1.000000,steady"))
    #expect(records.contains("第22期,2024-11-21,2024-11-21,1,\"line\nbreak\",1,0.333333,"))
    #expect(parse(text).count == 1 + 2 * 2)
    #expect(ReportCSV.tables(document)["timeline.csv"] == ReportCSV.timeline(try #require(document.timeline)))
  }

  @Test("row counts match the document")
  func rowCounts() throws {
    let tables = ReportCSV.tables(document)
    let timeline = try #require(document.timeline)
    #expect(parse(try #require(tables["articles.csv"])).count == 1 + document.articles.count)
    #expect(parse(try #require(tables["timeline.csv"])).count == 1 + timeline.periods.count * timeline.series.count)
    #expect(
      parse(try #require(tables["clusters.csv"])).count == 1 + document.articles.filter { $0.clusterID != nil }.count)
    #expect(
      parse(try #require(tables["similar.csv"])).count == 1 + document.articles.reduce(0) { $0 + $1.similar.count })
    let matrix = parse(try #require(tables["region_theme.csv"]))
    #expect(matrix.count == 1 + RegionThemeMatrix(document).rows.count)
    #expect(matrix[0].count == 3 + Set(document.articles.flatMap(\.themes)).count)
  }

  @Test(
    "numbers are fixed-point with a dot",
    arguments: [
      (0.5, 2, "0.50"), (1.0 / 3, 6, "0.333333"), (-0.004, 2, "0.00"), (-1.25, 1, "-1.3"), (12.0, 0, "12"),
      (Double.nan, 2, "0"),
    ])
  func fixed(value: Double, digits: Int, text: String) {
    #expect(HTMLText.fixed(value, digits) == text)
  }
}
