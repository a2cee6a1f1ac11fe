import Testing

@testable import Ingest

@Suite("Paragraphs and title matching")
struct ParagraphsTests {
  @Test("joins a sentence broken mid-word but not a heading before prose")
  func joining() {
    #expect(
      Paragraphs.joinBrokenLines(["根据《意见》，北京将大力发展先进能源产业，包括引领化石能源", "转向可再生能源。"])
        == ["根据《意见》，北京将大力发展先进能源产业，包括引领化石能源转向可再生能源。"])
    #expect(Paragraphs.joinBrokenLines(["产业规划先行", "从规划上看，长三角积极布局。"]).count == 2)
    #expect(Paragraphs.joinBrokenLines(["（一）推进区域产业转型升级，调整优化产业结构", "当前，我国……"]).count == 2)
    #expect(Paragraphs.joinBrokenLines(["省份\t规划政策", "江苏\t《意见》"]).count == 2)
    #expect(
      Paragraphs.joinBrokenLines(["前海信息服务业营收实现 2213 亿元，增长 ESG", "ABC 继续。"]) == ["前海信息服务业营收实现 2213 亿元，增长 ESG ABC 继续。"])
  }

  @Test("joining never loses or invents characters")
  func joiningPreservesText() {
    var generator = SystemRandomNumberGenerator()
    let pieces = ["产业", "，发展", "。", "【浙江】以", "1 引言", "（一）", "表1", "\t", "ESG"]
    for _ in 0..<300 {
      let lines = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
        Substring(
          (0..<Int.random(in: 1...4, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }
            .joined())
      }.filter { !$0.isEmpty }
      let joined = Paragraphs.joinBrokenLines(lines)
      #expect(joined.count <= lines.count)
      #expect(joined.joined().filter { $0 != " " } == lines.joined().filter { $0 != " " })
    }
  }

  @Test("extracts trailing source notes")
  func sources() {
    let found = Paragraphs.trailingSource("……发展。（上海证券报 20241028）")
    #expect(found?.rest == "……发展。")
    #expect(found?.source == "上海证券报")
    #expect(found?.date == "2024-10-28")
    #expect(Paragraphs.trailingSource("（安邦每日经济 20240204）")?.rest == "")
    #expect(Paragraphs.trailingSource("同比增长（2023）") == nil)
    #expect(Paragraphs.sourceLine("人民网 2023-06-27")! == ("人民网", "2023-06-27"))
    #expect(Paragraphs.sourceLine("2023 年 6 月，人民网报道") == nil)
  }

  @Test("matches contents titles despite spacing, case, and small edits")
  func titleMatching() {
    func match(_ a: String, _ b: String) -> Bool { TitleMatcher.matches(TitleMatcher.key(a), TitleMatcher.key(b)) }
    #expect(match("上海专精特新专板开板 首批 162 家企业集体登陆", "上海专精特新专板开板 首批162家企业集体登陆"))
    #expect(match("2023SAAS 企业 TOP100", "2023SaaS 企业 TOP100"))
    #expect(match("苏州工业园发布推进 ESG 发展的若干措施", "【江苏】**苏州工业园区发布推进 ESG 发展的若干措施**"))
    #expect(match("用制度创新优势打造未来产业赛道“政策工具箱”", "用制度创新优势打造未来产业“政策工具箱”"))
    #expect(!match("五部门：扩大工业重点领域节能降碳改造升级范围", "五部门：印发《制造业可靠性提升实施意见》"))
    #expect(!match("产业规划先行", "长三角加速低空经济产业布局"))
    // An annex note repeats a document name from a title but is never a title.
    #expect(!TitleMatcher.canBeTitle("附：《关于在有条件的自由贸易试验区和自由贸易港试点对接国际高标准推进制度型开放的若干措施》"))
    // Skipping ahead over a contents entry needs an exact match; the next entry may match loosely.
    let window = ["上海出台数据要素新政", "苏州工业园发布推进 ESG 发展的若干措施"].map { TitleMatcher.key($0) }
    #expect(TitleMatcher.firstMatch(of: TitleMatcher.key("苏州工业园区发布推进 ESG 发展的若干措施"), in: window) == nil)
    #expect(TitleMatcher.firstMatch(of: TitleMatcher.key("苏州工业园发布推进ESG发展的若干措施"), in: window) == 1)
  }

  @Test("splits lines on LF, CRLF and CR and trims ASCII, full-width and zero-width spaces")
  func lineSplitting() {
    let lines = TextLine.lines(of: "\u{3000}标题\u{3000}\r\n\u{FEFF}x\u{00A0}\r\ry\u{200B}\n \t")
    #expect(lines.map(\.text) == ["标题", "x", "", "y", ""])
    #expect(lines.map(\.number) == [1, 2, 3, 4, 5])
    #expect(TextLine.lines(of: "").map(\.text) == [""])
    #expect(TextLine.lines(of: "a\n").map(\.text) == ["a"])
    // Trimming by bytes agrees with trimming by scalars.
    for text in ["\u{2003}中\u{2003}", "\u{00A0}\u{00A0}", "Ａ\u{3000}Ｂ", " \u{200A}é "] {
      #expect(TextLine.lines(of: text)[0].text == trimmed(Substring(text)))
    }
  }

  @Test("reads issue numbers and Chinese numerals")
  func headers() {
    #expect(IssueHeader.biweeklyIssue("2024 年第 6 期")! == (2024, 6))
    #expect(IssueHeader.printDate("3 月 28 日印发")! == (3, 28))
    #expect(IssueHeader.digestIssue("2023 年（总第二十五期）")! == (2023, 25))
    #expect(IssueHeader.chineseNumber("一百零三") == 103)
    #expect(IssueHeader.chineseNumber("十") == 10)
    #expect(IssueHeader.collectionPeriodEnd("2023. 06. 16-2023. 07. 15") == "2023-07-15")
    #expect(IssueHeader.isoDate(year: 2024, month: 13, day: 1) == nil)
  }
}
