import Foundation
import Testing

@testable import Server

@Suite("Clusters and timeline pages")
struct WorkbenchPagesViewsTests {
  @Test("the clusters page shows the report's cluster cards, each title a link to its article page, escaped")
  func clustersPage() async throws {
    try await WorkbenchFixture.test(try await WorkbenchFixture.workbench()) { client in
      try await client.execute(uri: "/clusters", method: .get) { response in
        #expect(response.status == .ok)
        let html = response.text
        #expect(html.contains("<article class=\"cluster\""))
        #expect(html.contains("href=\"/articles/\(encoded(WorkbenchFixture.hostileID))\""))
        #expect(!html.contains("href=\"#article-"), "links point into the static report")
        for markup in PageRoutesTests.forbidden { #expect(!html.contains(markup), "clusters page contains \(markup)") }
        #expect(html.contains("<a href=\"/clusters\">Clusters</a>"), "not in the navigation")
      }
      try await client.execute(uri: "/clusters?k=3&method=average-linkage", method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.text.components(separatedBy: "<article class=\"cluster\"").count - 1 >= 3)
      }
      try await client.execute(uri: "/clusters?k=1", method: .get) { response in
        #expect(response.status == .badRequest)
        #expect(response.text.contains("k must be"))
      }
    }
  }

  @Test("the timeline page shows the heat map and each period's articles as links")
  func timelinePage() async throws {
    try await WorkbenchFixture.test(try await WorkbenchFixture.workbench()) { client in
      try await client.execute(uri: "/timeline", method: .get) { response in
        #expect(response.status == .ok)
        let html = response.text
        #expect(html.contains("id=\"timeline-heatmap\""))
        #expect(html.contains("<details class=\"card\"><summary>"))
        #expect(html.contains("href=\"/articles/"))
        for markup in PageRoutesTests.forbidden { #expect(!html.contains(markup), "timeline page contains \(markup)") }
      }
      try await client.execute(uri: "/timeline?by=month&categories=clusters", method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.text.contains("<option value=\"month\" selected>"))
        #expect(response.text.contains("id=\"timeline-heatmap\""))
      }
      try await client.execute(uri: "/timeline?by=week", method: .get) { response in
        #expect(response.status == .badRequest)
        #expect(response.text.contains("by"))
      }
    }
  }
}
