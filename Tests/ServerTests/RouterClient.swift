import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOEmbedded

/// A response as the tests read it.
struct RouterResponse: Sendable {
  var status: HTTPResponse.Status
  var headers: HTTPFields
  var body: ByteBuffer

  /// The body as text.
  var text: String { String(buffer: body) }
}

/// Sends requests to a router in-process, as the server would hand them over (no socket): the
/// router's own responder, a `BasicRequestContext` on an embedded channel, and the response
/// body collected by a writer.
///
/// This replaces HummingbirdTesting, whose other test modes bring in AsyncHTTPClient and with it
/// BoringSSL (swift-nio-ssl), most of a clean build's time.
struct RouterClient: Sendable {
  let responder: RouterResponder<BasicRequestContext>
  let logger = Logger(label: "policylens-tests")

  /// Sends one request and returns what `check` makes of its response.
  @discardableResult
  func execute<Value>(
    uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil,
    _ check: (RouterResponse) async throws -> Value
  ) async throws -> Value {
    var headers = headers
    if let body { headers[.contentLength] = String(body.readableBytes) }
    let request = Request(
      head: HTTPRequest(method: method, scheme: "http", authority: "localhost", path: uri, headerFields: headers),
      body: RequestBody(buffer: body ?? ByteBuffer()))
    let context = BasicRequestContext(
      source: ApplicationRequestContextSource(channel: NIOAsyncTestingChannel(), logger: logger))
    let response: Response
    do {
      response = try await responder.respond(to: request, context: context)
    } catch let error as any HTTPResponseError {
      response = try error.response(from: request, context: context)
    }
    let collected = Collected()
    try await response.body.write(BodyCollector(collected: collected))
    return try await check(RouterResponse(status: response.status, headers: response.headers, body: collected.buffer))
  }

  /// A response body, as written so far (one request's writer writes it, sequentially).
  private final class Collected: @unchecked Sendable {
    var buffer = ByteBuffer()
  }

  /// Gathers a response body (the body consumes its writer, so the bytes go to a shared box).
  private struct BodyCollector: ResponseBodyWriter {
    let collected: Collected

    mutating func write(_ part: ByteBuffer) async throws {
      var part = part
      collected.buffer.writeBuffer(&part)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
  }
}
