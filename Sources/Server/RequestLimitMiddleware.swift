import Foundation
import Hummingbird

/// Refuses a request whose declared body is too large, before any route runs.
///
/// The limit is ``RequestLimits/maximumBodySize`` (413); routes never read bodies. Query length
/// and result counts are checked where they are read; the time limit is ``TimeLimit``.
struct RequestLimitMiddleware<Context: RequestContext>: RouterMiddleware {
  let limits: RequestLimits

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limits.maximumBodySize {
      throw ServerError(
        status: .contentTooLarge,
        message:
          "The request body is \(length) bytes; at most \(limits.maximumBodySize) are accepted (every route is a GET).",
        parameter: nil)
    }
    return try await next(request, context)
  }
}
