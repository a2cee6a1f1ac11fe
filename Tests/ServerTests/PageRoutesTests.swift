import Foundation
import Testing

@testable import Server

@Suite("HTML pages")
struct PageRoutesTests {
  /// Markup that must never reach a page from a newsletter's text.
  static let forbidden = ["<script", "<img", "onerror=\"", "href=\"javascript:", "<b>"]

  @Test("the hostile article's title, body, source and links render as text")
  func escapesArticle() async throws {
    try await WorkbenchFixture.test(try await WorkbenchFixture.workbench()) { client in
      try await client.execute(uri: "/articles/\(encoded(WorkbenchFixture.hostileID))", method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "text/html; charset=utf-8")
        let html = response.text
        for markup in Self.forbidden { #expect(!html.contains(markup), "page contains \(markup)") }
        #expect(
          html.contains(
            "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("&lt;script&gt;alert(&quot;body&quot;)&lt;/script&gt;"))
        #expect(html.contains("<code>javascript:alert(4)</code>"))
        #expect(html.contains("href=\"https://example.org/a?b=1&amp;c=&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""))
        #expect(html.contains("&lt;b&gt;来源&lt;/b&gt;"))
      }
    }
  }

  @Test("search, theme and error pages escape the hostile title and the query itself")
  func escapesOtherPages() async throws {
    try await WorkbenchFixture.test(try await WorkbenchFixture.workbench()) { client in
      let hostileQuery = #"低空经济 "><script>alert(9)</script>"#
      try await client.execute(uri: "/?q=\(encoded(hostileQuery))&n=100", method: .get) { response in
        #expect(response.status == .ok)
        let html = response.text
        #expect(html.contains("/articles/\(encoded(WorkbenchFixture.hostileID))"), "the hostile article is not found")
        for markup in Self.forbidden { #expect(!html.contains(markup), "search page contains \(markup)") }
      }
      try await client.execute(uri: "/themes/low-altitude-economy", method: .get) { response in
        #expect(response.status == .ok)
        for markup in Self.forbidden { #expect(!response.text.contains(markup), "theme page contains \(markup)") }
      }
      try await client.execute(uri: "/articles/\(encoded("<script>x</script>"))", method: .get) { response in
        #expect(response.status == .notFound)
        #expect(response.text.contains("&lt;script&gt;x&lt;/script&gt;"))
        for markup in Self.forbidden { #expect(!response.text.contains(markup)) }
      }
    }
  }

  @Test("the search page shows scores, places, dates, links, highlighted snippets and the terms behind each result")
  func searchPage() async throws {
    try await WorkbenchFixture.test(try await WorkbenchFixture.workbench()) { client in
      try await client.execute(uri: "/?q=\(encoded("无人机 起降场"))&region=&theme=&since=2024&until=", method: .get) {
        response in
        #expect(response.status == .ok)
        let html = response.text
        #expect(html.contains("<form class=\"search\" method=\"get\" action=\"/\">"))
        #expect(html.contains("class=\"score\""))
        #expect(html.contains("<mark>"))
        #expect(html.contains("because of <span>"))
        #expect(html.contains("href=\"/articles/"))
        #expect(!html.contains("<script"))
      }
      try await client.execute(uri: "/?q=x&n=0", method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.text.contains("n must be a whole number between 1 and 100"))
      }
    }
  }

  @Test("the themes page lists every theme with its count; a theme page its articles with probabilities")
  func themePages() async throws {
    try await WorkbenchFixture.test(try await WorkbenchFixture.workbench()) { client in
      try await client.execute(uri: "/themes", method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.text.contains("href=\"/themes/low-altitude-economy\""))
        #expect(response.text.contains("<td class=\"num\">"))
      }
      try await client.execute(uri: "/themes/low-altitude-economy", method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.text.contains("href=\"/articles/"))
      }
      try await client.execute(uri: "/themes/nope", method: .get) { response in
        #expect(response.status == .notFound)
      }
    }
  }

  @Test("pages carry no script and no external resource")
  func selfContained() async throws {
    try await WorkbenchFixture.test(try await WorkbenchFixture.workbench()) { client in
      try await client.execute(uri: "/articles/\(encoded("2024-21#4"))", method: .get) { response in
        let html = response.text
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src=\"http"))
        #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
      }
    }
  }
}

@Suite("Markup")
struct MarkupTests {
  @Test("highlighting escapes the text around and inside the marks")
  func highlight() {
    #expect(Markup.highlighted("<a>低空经济</a>", terms: ["低空", "低空经济"]) == "&lt;a&gt;<mark>低空经济</mark>&lt;/a&gt;")
  }

  @Test("only http and https URLs become links")
  func links() {
    #expect(Markup.externalLink("JavaScript:alert(1)") == "<code>JavaScript:alert(1)</code>")
    #expect(Markup.externalLink("data:text/html,x") == "<code>data:text/html,x</code>")
    #expect(
      Markup.externalLink("https://a.example/?x=\"y\"").hasPrefix("<a href=\"https://a.example/?x=&quot;y&quot;\""))
  }

  @Test("a path component keeps only unreserved characters")
  func component() {
    #expect(Markup.component("2024-21#4") == "2024-21%234")
    #expect(Markup.component("\"><x") == "%22%3E%3Cx")
  }
}
