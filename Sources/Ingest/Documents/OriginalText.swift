/// Puts an article parsed from folded (simplified) text back into the characters it was
/// written in.
///
/// Pure. Traditional text is parsed after folding, so that mastheads, region tags, places and
/// dates are recognised; the folding keeps every line, and nearly every line keeps its
/// length. The article's title and paragraphs are then walked in step with the folded text of
/// its lines: each character found there (at most ``window`` characters ahead, and
/// confirmed by the next two) is replaced by the original character at the same place.
/// Characters the parser added (a space joining two Latin words) stay as they are; in the
/// rare line whose folding changed its length (a phrase replaced by a longer one) the folded
/// characters stand.
enum OriginalText {
  /// How far ahead a character is looked for: beyond the longest run of furniture, source
  /// lines and URLs the parser leaves out of a body.
  static let window = 2_000

  /// `article` with ``Article/title``, ``Article/body`` and ``Article/source`` as written and
  /// the folded title and body in ``Article/simplified``; unchanged when the two agree.
  ///
  /// - Parameters:
  ///   - original: The text as written.
  ///   - folded: The same text after folding, line for line.
  /// - Complexity: O(*n*) in the article's length for text that agrees character by
  ///   character; O(*n* × ``window``) at worst.
  static func restore(_ article: Article, original: [Substring], folded: [Substring]) -> Article {
    let first = max(article.lines.first - 1, 0)
    let last = min(article.lines.last, original.count, folded.count)
    guard first < last else { return article }
    var streamFolded: [Unicode.Scalar] = []
    var streamOriginal: [Unicode.Scalar] = []
    for index in first..<last {
      let a = Array(original[index].unicodeScalars)
      let b = Array(folded[index].unicodeScalars)
      streamFolded += b
      streamOriginal += a.count == b.count ? a : b
      streamFolded.append("\n")
      streamOriginal.append("\n")
    }
    var cursor = 0
    func restore(_ text: String) -> String {
      var result = ""
      let scalars = Array(text.unicodeScalars)
      for (position, scalar) in scalars.enumerated() {
        let limit = min(streamFolded.count, cursor + window)
        var found: Int?
        var k = cursor
        while k < limit {
          if streamFolded[k] == scalar, confirms(scalars, position, k) {
            found = k
            break
          }
          k += 1
        }
        if let found {
          result.unicodeScalars.append(streamOriginal[found])
          cursor = found + 1
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
      return result
    }
    /// The next two characters (where the text has them) follow in the stream too, allowing
    /// for a line break or space between.
    func confirms(_ scalars: [Unicode.Scalar], _ position: Int, _ k: Int) -> Bool {
      var j = k + 1
      for next in scalars[(position + 1)..<min(position + 3, scalars.count)] {
        while j < streamFolded.count, streamFolded[j] != next, streamFolded[j] == "\n" || streamFolded[j] == " " {
          j += 1
        }
        guard j < streamFolded.count, streamFolded[j] == next else { return false }
        j += 1
      }
      return true
    }
    let title = restore(article.title)
    let body = article.body.map(restore)
    // The source line follows the body (its own line, or the end of the last paragraph).
    let source = article.source.map(restore)
    guard title != article.title || body != article.body || source != article.source else { return article }
    var restored = article
    restored.simplified = Article.SimplifiedText(title: article.title, body: article.body)
    restored.title = title
    restored.body = body
    restored.source = source
    return restored
  }
}
