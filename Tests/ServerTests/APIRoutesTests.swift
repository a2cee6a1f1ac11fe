import Foundation
import Hummingbird
import Testing

@testable import Server

@Suite("JSON API")
struct APIRoutesTests {
  @Test("search returns the similar --json document, at most n results, each with its explanation")
  func searchShape() async throws {
    try await WorkbenchFixture.test(try await WorkbenchFixture.workbench()) { client in
      try await client.execute(uri: "/api/search?q=\(encoded("低空经济 无人机"))&n=3", method: .get) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/json; charset=utf-8")
        let document = try response.json()
        #expect(document["formatVersion"] as? Int == 1)
        #expect(document["query"] as? String == "低空经济 无人机")
        let results = try #require(document["results"] as? [[String: Any]])
        #expect((1...3).contains(results.count))
        for result in results {
          #expect(
            Set(result.keys) == [
              "id", "title", "region", "city", "date", "score", "lexicalScore", "latentScore", "terms", "relatedTerms",
            ])
          #expect(result["score"] is Double)
        }
        let scores = results.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))
      }
    }
  }

  @Test("filters: every result is of the region asked for and carries the theme asked for")
  func searchFilters() async throws {
    let workbench = try await WorkbenchFixture.workbench()
    try await WorkbenchFixture.test(workbench) { client in
      try await client.execute(uri: "/api/search?q=\(encoded("产业 发展"))&region=\(encoded("上海"))&n=20", method: .get) {
        response in
        #expect(response.status == .ok)
        let results = try #require(try response.json()["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        for result in results {
          #expect(result["region"] as? String == "上海" || result["city"] as? String == "上海")
        }
      }
      let tagged = try await client.execute(uri: "/api/themes/low-altitude-economy", method: .get) { response in
        let articles = try #require(try response.json()["articles"] as? [[String: Any]])
        return Set(articles.compactMap { $0["id"] as? String })
      }
      try await client.execute(uri: "/api/search?q=\(encoded("产业 发展"))&theme=low-altitude-economy&n=50", method: .get) {
        response in
        let results = try #require(try response.json()["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        #expect(Set(results.compactMap { $0["id"] as? String }).isSubset(of: tagged))
      }
    }
  }

  @Test("an article: body, themes with evidence, and similar policies from other places")
  func article() async throws {
    try await WorkbenchFixture.test(try await WorkbenchFixture.workbench()) { client in
      try await client.execute(uri: "/api/articles/\(encoded("2024-21#4"))", method: .get) { response in
        #expect(response.status == .ok)
        let document = try response.json()
        let article = try #require(document["article"] as? [String: Any])
        #expect(article["id"] as? String == "2024-21#4")
        #expect(!((article["body"] as? [String]) ?? []).isEmpty)
        let themes = try #require(document["themes"] as? [[String: Any]])
        for theme in themes {
          #expect(theme["isTagged"] as? Bool == true)
          #expect(theme["evidence"] is [String: Any])
        }
        let similar = try #require(document["similarInOtherRegions"] as? [[String: Any]])
        #expect(!similar.isEmpty)
        #expect(!similar.contains { $0["id"] as? String == "2024-21#4" })
      }
      try await client.execute(uri: "/api/articles/\(encoded("2024-21#4"))/similar?n=4&otherRegions=true", method: .get)
      {
        response in
        #expect(response.status == .ok)
        let document = try response.json()
        #expect(document["query"] as? String == "2024-21#4")
        #expect(((document["results"] as? [Any]) ?? []).count == 4)
      }
    }
  }

  @Test("themes, tag, clusters and timeline answer with their CLI documents")
  func otherDocuments() async throws {
    try await WorkbenchFixture.test(try await WorkbenchFixture.workbench()) { client in
      let expectations: [(String, [String])] = [
        ("/api/themes", ["themes"]),
        ("/api/themes/green-finance", ["theme", "articles"]),
        ("/api/tag/\(encoded("2024-21#4"))", ["articles"]),
        ("/api/clusters?k=4", ["method", "clusterCount", "clusters"]),
        ("/api/timeline?by=quarter", ["granularity", "categories", "periods", "series", "trends"]),
      ]
      for (uri, keys) in expectations {
        try await client.execute(uri: uri, method: .get) { response in
          #expect(response.status == .ok, "\(uri): \(response.text.prefix(300))")
          let document = try response.json()
          #expect(document["formatVersion"] as? Int == 1, "\(uri)")
          for key in keys { #expect(document[key] != nil, "\(uri) has no \(key)") }
        }
      }
    }
  }

  @Test(
    "unknown ids and theme keys are 404 with a JSON error naming the parameter",
    arguments: [
      ("/api/articles/nope", "id"), ("/api/articles/nope/similar", "id"), ("/api/tag/2099-1%231", "id"),
      ("/api/themes/no-such-theme", "key"),
    ])
  func notFound(uri: String, parameter: String) async throws {
    try await WorkbenchFixture.test(try await WorkbenchFixture.workbench()) { client in
      try await client.execute(uri: uri, method: .get) { response in
        #expect(response.status == .notFound)
        let error = try #require(try response.json()["error"] as? [String: Any])
        #expect(error["status"] as? Int == 404)
        #expect(error["parameter"] as? String == parameter)
        #expect(!((error["message"] as? String) ?? "").isEmpty)
      }
    }
  }

  @Test(
    "malformed parameters are 400 with a message naming the parameter",
    arguments: [
      ("/api/search", "q"), ("/api/search?q=%E4%BD", "q"), ("/api/search?q=x&n=0", "n"), ("/api/search?q=x&n=101", "n"),
      ("/api/search?q=x&n=ten", "n"), ("/api/search?q=x&since=2024-13", "since"),
      ("/api/search?q=x&until=yesterday", "until"), ("/api/search?q=x&theme=nothing", "theme"),
      ("/api/articles/2024-21%231/similar?otherRegions=maybe", "otherRegions"),
      ("/api/clusters?k=1", "k"), ("/api/clusters?method=best", "method"), ("/api/timeline?by=week", "by"),
      ("/api/timeline?categories=words", "categories"),
    ])
  func badParameter(uri: String, parameter: String) async throws {
    try await WorkbenchFixture.test(try await WorkbenchFixture.workbench()) { client in
      try await client.execute(uri: uri, method: .get) { response in
        #expect(response.status == .badRequest, "\(uri)")
        let error = try #require(try response.json()["error"] as? [String: Any])
        #expect(error["parameter"] as? String == parameter, "\(uri)")
        let message = (error["message"] as? String) ?? ""
        #expect(message.hasPrefix(parameter) || message.contains(" \(parameter) "), "\(uri): \(message)")
      }
    }
  }

  @Test("a query longer than the limit is refused, one at the limit is answered")
  func queryLength() async throws {
    let limits = RequestLimits(maximumQueryLength: 20)
    try await WorkbenchFixture.test(try await WorkbenchFixture.workbench(limits: limits)) { client in
      let long = String(repeating: "低空", count: 11)
      try await client.execute(uri: "/api/search?q=\(encoded(long))", method: .get) { response in
        #expect(response.status == .badRequest)
        let error = try response.json()["error"] as? [String: Any]
        #expect(error?["parameter"] as? String == "q")
      }
      try await client.execute(uri: "/api/search?q=\(encoded(String(long.dropLast(2))))", method: .get) { response in
        #expect(response.status == .ok)
      }
    }
  }

  @Test("a declared body over the limit is refused with 413")
  func bodyLimit() async throws {
    let limits = RequestLimits(maximumBodySize: 10)
    try await WorkbenchFixture.test(try await WorkbenchFixture.workbench(limits: limits)) { client in
      try await client.execute(
        uri: "/api/themes", method: .get, headers: [.contentLength: "11"], body: ByteBuffer(string: "01234567890")
      ) { response in
        #expect(response.status == .contentTooLarge)
      }
    }
  }
}
