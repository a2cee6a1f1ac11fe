import Foundation
import Hummingbird
import Report

/// A whole HTML page: the shared header, inline style and the page's body.
///
/// Everything is in the response: no script, no external stylesheet, font or image, so the
/// pages work offline and without JavaScript. Every piece of newsletter text reaches `body`
/// through `HTMLText.escape` (see ``Markup``).
struct HTMLPage {
  var title: String
  /// Already-escaped markup.
  var body: String
  /// Whether the page embeds sections of the HTML report (its style sheet comes first, this
  /// page's own rules after it).
  var includesReportStyle = false

  /// The document.
  var html: String {
    """
    <!doctype html>
    <html lang="zh-CN"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(HTMLText.escape(title)) · PolicyLens</title>
    <style>\(includesReportStyle ? HTMLReport.sectionStyleSheet : "")\(Self.style)</style></head>
    <body><header><a class="brand" href="/">PolicyLens</a>
    <nav><a href="/">Search</a><a href="/themes">Themes</a><a href="/clusters">Clusters</a><a href="/timeline">Timeline</a><a href="/api/openapi.json">API</a></nav></header>
    <main>\(body)</main></body></html>
    """
  }

  /// The page as a response; `Content-Security-Policy` forbids scripts and external loads, a
  /// second line of defence behind the escaping.
  func response(status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
    var headers = headers
    headers[.contentType] = "text/html; charset=utf-8"
    headers[.contentSecurityPolicy] =
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'"
    headers[.xContentTypeOptions] = "nosniff"
    headers[.cacheControl] = "no-store"
    return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
  }

  static let style = """
    body{font:15px/1.6 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:0;color:#1d2430;background:#f6f7f9}
    header{display:flex;gap:2em;align-items:center;padding:.6em 1.5em;background:#1d3557;color:#fff}
    header a{color:#fff;text-decoration:none}.brand{font-weight:700}
    header nav{position:static;background:none;border:0;box-shadow:none}header nav a{margin-right:1.2em;padding:0;color:#fff;border:0;font-size:inherit}
    main{max-width:60em;margin:1.5em auto;padding:0 1.5em}main section.wrap{padding:1em 0 0;max-width:none}
    form.mark{display:inline-flex;gap:.3em;margin:0}form.mark button{font-size:.8em;padding:.1em .5em}
    details.marks{margin-top:.6em}details.card>summary{cursor:pointer}
    td.terms{display:table-cell}main h2{margin-top:1.2em}main section h2{margin-top:0}
    form.search{display:flex;flex-wrap:wrap;gap:.5em;align-items:end;background:#fff;padding:1em;border-radius:6px}
    form.search label{display:flex;flex-direction:column;font-size:.85em;color:#555}
    input,select,button{font:inherit;padding:.3em .5em}input[name=q]{min-width:22em}
    .result,.card{background:#fff;border-radius:6px;padding:.8em 1em;margin:.8em 0}
    .meta{color:#667;font-size:.85em}.score{font-variant-numeric:tabular-nums;color:#1d3557;font-weight:600}
    .terms span,.chip{display:inline-block;background:#e8eef7;border-radius:3px;padding:0 .4em;margin:0 .3em .2em 0;font-size:.85em}
    .terms span.related{background:none;padding:0;margin:0}.terms .related span{background:#f1f1f1;color:#666}
    mark{background:#ffe08a}.notice{background:#fff6d6;padding:.6em 1em;border-radius:6px}.error{color:#a11}
    table{border-collapse:collapse;width:100%;background:#fff}td,th{padding:.35em .6em;border-bottom:1px solid #e3e6ea;text-align:left}
    td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
    article p{text-indent:2em;margin:.5em 0}
    """
}
