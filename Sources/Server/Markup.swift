import Foundation
import Report

/// Small pieces of markup built from untrusted text: escaped text, links, and highlighted snippets.
enum Markup {
  /// Escaped text (element content or a quoted attribute value).
  static func text(_ value: String) -> String { HTMLText.escape(value) }

  /// A number with `digits` decimals.
  static func number(_ value: Double, digits: Int = 3) -> String { HTMLText.fixed(value, digits) }

  /// A path component or query value, percent-encoded (`2024-21#4` → `2024-21%234`): only
  /// unreserved characters stay as they are, so the result is also safe inside an attribute.
  static func component(_ value: String) -> String {
    var allowed = CharacterSet.alphanumerics.intersection(
      CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
    allowed.insert(charactersIn: "-._~")
    return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
  }

  /// A query string from pairs, absent values left out.
  static func query(_ pairs: [(String, String?)]) -> String {
    let present = pairs.compactMap { name, value in value.map { "\(name)=\(component($0))" } }
    return present.isEmpty ? "" : "?" + present.joined(separator: "&")
  }

  /// The link to an article's page.
  static func articleLink(_ id: String, title: String) -> String {
    "<a href=\"/articles/\(component(id))\">\(text(title))</a>"
  }

  /// A link for a URL from a newsletter: only `http` and `https` URLs become links (a
  /// `javascript:` or `data:` URL is shown as text), with `rel="noopener noreferrer"`.
  static func externalLink(_ url: String) -> String {
    let lowered = url.lowercased()
    guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else { return "<code>\(text(url))</code>" }
    return "<a href=\"\(text(url))\" rel=\"noopener noreferrer\">\(text(url))</a>"
  }

  /// `text` with every occurrence of `terms` wrapped in `<mark>` (longest term first), escaped.
  static func highlighted(_ value: String, terms: [String]) -> String {
    let characters = Array(value)
    let candidates = terms.filter { !$0.isEmpty }.map(Array.init).sorted { $0.count > $1.count }
    var result = ""
    var plain: [Character] = []
    var index = 0
    while index < characters.count {
      if let term = candidates.first(where: { matches($0, in: characters, at: index) }) {
        result += text(String(plain))
        plain.removeAll()
        result += "<mark>" + text(String(term)) + "</mark>"
        index += term.count
      } else {
        plain.append(characters[index])
        index += 1
      }
    }
    return result + text(String(plain))
  }

  /// A short passage of `paragraphs` around the first occurrence of any of `terms` (the first
  /// paragraph's opening when none occurs), with the terms highlighted.
  ///
  /// - Parameter radius: Characters kept on each side of the occurrence.
  static func snippet(of paragraphs: [String], terms: [String], radius: Int = 60) -> String {
    let candidates = terms.filter { !$0.isEmpty }
    for paragraph in paragraphs {
      let characters = Array(paragraph)
      guard
        let position = characters.indices.first(where: { index in
          candidates.contains { matches(Array($0), in: characters, at: index) }
        })
      else { continue }
      let start = max(0, position - radius)
      let end = min(characters.count, position + radius * 2)
      let passage = String(characters[start..<end])
      return (start > 0 ? "…" : "") + highlighted(passage, terms: candidates) + (end < characters.count ? "…" : "")
    }
    guard let first = paragraphs.first else { return "" }
    let opening = Array(first).prefix(radius * 3)
    return text(String(opening)) + (opening.count < first.count ? "…" : "")
  }

  private static func matches(_ term: [Character], in characters: [Character], at index: Int) -> Bool {
    guard index + term.count <= characters.count else { return false }
    for offset in term.indices where characters[index + offset] != term[offset] { return false }
    return true
  }
}
