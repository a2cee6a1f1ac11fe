import Foundation
import Hummingbird

/// Refuses every request that does not carry the server's token: as `Authorization: Bearer T`,
/// as `?token=T`, or in the `policylens_token` cookie that a valid `?token=` sets (so that a
/// browser opened on `/?token=T` can follow the pages' links).
struct AccessTokenMiddleware<Context: RequestContext>: RouterMiddleware {
  static var cookieName: String { "policylens_token" }

  let token: String

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    let fromQuery = QueryParameters(query: request.uri.query).textIgnoringErrors("token")
    let bearerPrefix = "Bearer "
    let fromHeader = request.headers[.authorization].flatMap { value in
      value.hasPrefix(bearerPrefix) ? String(value.dropFirst(bearerPrefix.count)) : nil
    }
    let fromCookie = request.cookies[Self.cookieName]?.value
    let offered = [fromHeader, fromQuery, fromCookie].compactMap { $0 }
    guard offered.contains(where: { Self.constantTimeEquals($0, token) }) else {
      throw ServerError(
        status: .unauthorized,
        message: offered.isEmpty
          ? "This server needs its access token: send Authorization: Bearer <token> or add ?token=<token>."
          : "The access token is wrong.",
        parameter: "token")
    }
    var response = try await next(request, context)
    if let fromQuery, Self.constantTimeEquals(fromQuery, token) {
      response.setCookie(
        Cookie(name: Self.cookieName, value: token, path: "/", httpOnly: true, sameSite: .strict))
    }
    return response
  }

  /// Compares without stopping at the first difference, so timing does not reveal a prefix.
  static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
    let a = Array(a.utf8)
    let b = Array(b.utf8)
    var difference = UInt8(a.count == b.count ? 0 : 1)
    for index in 0..<max(a.count, b.count) {
      difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
    }
    return difference == 0
  }
}

extension QueryParameters {
  /// A value when present and decodable, else `nil` (for the token, which is checked, not parsed).
  func textIgnoringErrors(_ name: String) -> String? {
    (try? text(name, maximumLength: 1_000)) ?? nil
  }
}
