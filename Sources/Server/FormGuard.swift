import Foundation
import Hummingbird

/// Protects the one form that writes (marking an article for a theme) against cross-site
/// request forgery.
///
/// Two checks, both required:
/// 1. The form carries this server's form token, a random value made at start that only its
///    own pages show (another site cannot read them: the same-origin policy, and with `--token`
///    the access token as well).
/// 2. The browser's own origin headers, when present, name this server: `Sec-Fetch-Site` is
///    `same-origin` (or `none`, typed by the user), and `Origin` is `http(s)://` + the request's
///    `Host`.
struct FormGuard: Sendable {
  /// The hidden field's value.
  let token: String

  /// A guard with a fresh random token.
  init() {
    var generator = SystemRandomNumberGenerator()
    token = (0..<4).map { _ in String(generator.next(), radix: 16) }.joined(separator: "-")
  }

  /// The hidden field every writing form carries.
  var hiddenField: String { "<input type=\"hidden\" name=\"form\" value=\"\(token)\">" }

  /// Checks a writing request.
  ///
  /// - Throws: 403 saying which check failed.
  func check(_ request: Request, form: QueryParameters) throws(ServerError) {
    func refuse(_ message: String) -> ServerError {
      ServerError(status: .forbidden, message: message, parameter: "form")
    }
    let site = request.headers.first { $0.name.canonicalName == "sec-fetch-site" }?.value
    if let site, site != "same-origin", site != "none" {
      throw refuse(
        "The form was sent from another site (Sec-Fetch-Site: \(site)); marks are taken from this server's pages only.")
    }
    if let origin = request.headers[.origin] {
      let host = request.head.authority ?? ""
      guard origin == "http://\(host)" || origin == "https://\(host)" else {
        throw refuse(
          "The form was sent from \(origin), not from this server; marks are taken from this server's pages only.")
      }
    }
    guard let offered = form.textIgnoringErrors("form"),
      AccessTokenMiddleware<BasicRequestContext>.constantTimeEquals(offered, token)
    else {
      throw refuse("The form is stale or was not made by this server. Reload the page and mark again.")
    }
  }
}
