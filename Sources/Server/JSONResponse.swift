import Foundation
import Hummingbird
import PolicyLensKit

/// JSON responses: every document the API returns goes through here.
enum JSONResponse {
  /// `payload` as a ``PolicyLensKit/JSONDocument`` (with `formatVersion`, like the CLI's `--json`).
  static func document(_ payload: some Encodable) throws -> Response {
    respond(try JSONDocument(payload).encoded(), status: .ok, headers: [:])
  }

  /// `payload` encoded as it is (error bodies and the OpenAPI document have no `formatVersion`).
  static func make(_ payload: some Encodable, status: HTTPResponse.Status, headers: HTTPFields) throws -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return respond(try encoder.encode(payload), status: status, headers: headers)
  }

  /// Raw JSON bytes.
  static func respond(_ data: Data, status: HTTPResponse.Status, headers: HTTPFields) -> Response {
    var headers = headers
    headers[.contentType] = "application/json; charset=utf-8"
    headers[.cacheControl] = "no-store"
    return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
  }
}
