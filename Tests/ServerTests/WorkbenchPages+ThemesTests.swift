import Foundation
import Testing

@testable import Server

@Suite("Theme pages")
struct WorkbenchPagesThemesTests {
  @Test("the themes page shows each theme's trend marker and the theme × issue heat map")
  func themesPage() async throws {
    try await WorkbenchFixture.test(try await WorkbenchFixture.workbench()) { client in
      try await client.execute(uri: "/themes", method: .get) { response in
        #expect(response.status == .ok)
        let html = response.text
        #expect(html.contains("id=\"timeline-heatmap\""))
        #expect(html.contains("<span class=\"trend trend-"))
        #expect(html.contains("data-theme=\"低空经济\""))
      }
    }
  }

  @Test("a theme page has its trend, the articles worth marking and a mark form per article")
  func themePage() async throws {
    let workbench = try await WorkbenchFixture.workbench()
    try await WorkbenchFixture.test(workbench) { client in
      try await client.execute(uri: "/themes/low-altitude-economy", method: .get) { response in
        #expect(response.status == .ok)
        let html = response.text
        #expect(html.contains("data-theme=\"低空经济\""))
        #expect(html.components(separatedBy: "<tr data-theme=").count == 2, "the heat map shows other themes")
        #expect(html.contains("id=\"suggestions\""))
        #expect(html.contains("<form class=\"mark\" method=\"post\" action=\"/marks\">"))
        #expect(html.contains("name=\"form\" value=\"\(workbench.forms.token)\""))
        #expect(html.contains("<button name=\"mark\" value=\"counter-example\">"))
      }
      try await client.execute(uri: "/themes/low-altitude-economy?n=0", method: .get) { response in
        #expect(response.status == .badRequest)
      }
    }
  }

  @Test("the article page offers a mark for every theme")
  func articleMarks() async throws {
    try await WorkbenchFixture.test(try await WorkbenchFixture.workbench()) { client in
      try await client.execute(uri: "/articles/\(encoded("2024-21#4"))", method: .get) { response in
        let html = response.text
        #expect(html.contains("<details class=\"marks\">"))
        #expect(html.contains("name=\"back\" value=\"article\""))
        #expect(html.contains("name=\"theme\" value=\"low-altitude-economy\""))
      }
    }
  }
}
