import Foundation
import Hummingbird
import Testing

@testable import Server

@Suite("Access token")
struct AccessTokenTests {
  static let token = "s3cret-token-for-tests"

  @Test("without --token no request needs one")
  func open() async throws {
    try await WorkbenchFixture.test(try await WorkbenchFixture.workbench()) { client in
      try await client.execute(uri: "/api/themes", method: .get) { #expect($0.status == .ok) }
    }
  }

  @Test("with --token, requests without it or with a wrong one are 401, on pages and the API")
  func refused() async throws {
    try await WorkbenchFixture.test(try await WorkbenchFixture.workbench(token: Self.token)) { client in
      for uri in ["/api/themes", "/", "/api/openapi.json", "/articles/x"] {
        try await client.execute(uri: uri, method: .get) { response in
          #expect(response.status == .unauthorized, "\(uri)")
          #expect(response.headers[.wwwAuthenticate] == "Bearer")
        }
      }
      try await client.execute(uri: "/api/themes?token=wrong", method: .get) { #expect($0.status == .unauthorized) }
      try await client.execute(uri: "/api/themes", method: .get, headers: [.authorization: "Bearer \(Self.token)x"]) {
        #expect($0.status == .unauthorized)
      }
    }
  }

  @Test("the token is accepted as a bearer header, a query parameter, or the cookie that the parameter sets")
  func accepted() async throws {
    try await WorkbenchFixture.test(try await WorkbenchFixture.workbench(token: Self.token)) { client in
      try await client.execute(uri: "/api/themes", method: .get, headers: [.authorization: "Bearer \(Self.token)"]) {
        #expect($0.status == .ok)
      }
      let cookie = try await client.execute(uri: "/?token=\(Self.token)", method: .get) { response in
        #expect(response.status == .ok)
        let header = try #require(response.headers[.setCookie])
        #expect(header.contains("HttpOnly"))
        return String(header.prefix { $0 != ";" })
      }
      try await client.execute(uri: "/themes", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .ok) }
    }
  }

  @Test("the comparison does not depend on where the strings differ")
  func constantTime() {
    #expect(AccessTokenMiddleware<BasicRequestContext>.constantTimeEquals("abc", "abc"))
    #expect(!AccessTokenMiddleware<BasicRequestContext>.constantTimeEquals("abc", "abd"))
    #expect(!AccessTokenMiddleware<BasicRequestContext>.constantTimeEquals("abc", "abcd"))
    #expect(!AccessTokenMiddleware<BasicRequestContext>.constantTimeEquals("", "a"))
  }
}

@Suite("Configuration")
struct WorkbenchConfigurationTests {
  @Test("only loopback hosts count as private", arguments: ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
  func loopback(host: String) {
    #expect(
      !WorkbenchConfiguration(
        modelDirectory: URL(fileURLWithPath: "m"), themesFile: URL(fileURLWithPath: "t"), host: host
      ).isPublic)
  }

  @Test("any other host is public", arguments: ["0.0.0.0", "192.0.2.1", "::", "example.org"])
  func exposed(host: String) {
    #expect(
      WorkbenchConfiguration(
        modelDirectory: URL(fileURLWithPath: "m"), themesFile: URL(fileURLWithPath: "t"), host: host
      ).isPublic)
  }
}
