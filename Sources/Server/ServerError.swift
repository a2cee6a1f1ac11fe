import Foundation
import Hummingbird
import Report

/// A request the server refuses or cannot answer: the status, a sentence saying what to change,
/// and the parameter at fault.
///
/// Under `/api/` it is a JSON document `{"error": {"status", "message", "parameter"}}`; elsewhere
/// an HTML page with the same sentence.
struct ServerError: HTTPResponseError, Equatable {
  var status: HTTPResponse.Status
  var message: String
  /// The query or path parameter the message is about, if any.
  var parameter: String?

  /// A malformed or out-of-range parameter: 400.
  static func badParameter(_ name: String, _ message: String) -> ServerError {
    ServerError(status: .badRequest, message: message, parameter: name)
  }

  /// An unknown article or theme: 404.
  static func notFound(_ name: String, _ message: String) -> ServerError {
    ServerError(status: .notFound, message: message, parameter: name)
  }

  /// The JSON error document.
  private struct ErrorBody: Encodable {
    struct Detail: Encodable {
      var status: Int
      var message: String
      var parameter: String?
    }
    var error: Detail
  }

  func response(from request: Request, context: some RequestContext) throws -> Response {
    var headers: HTTPFields = [:]
    if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
    if request.uri.path.hasPrefix("/api/") {
      return try JSONResponse.make(
        ErrorBody(error: .init(status: status.code, message: message, parameter: parameter)), status: status,
        headers: headers)
    }
    let page = HTMLPage(
      title: "\(status.code) \(status.reasonPhrase)",
      body: "<h1>\(status.code) \(HTMLText.escape(status.reasonPhrase))</h1><p class=\"error\">"
        + HTMLText.escape(message) + "</p><p><a href=\"/\">Search</a> · <a href=\"/themes\">Themes</a></p>")
    return page.response(status: status, headers: headers)
  }
}
