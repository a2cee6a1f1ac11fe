/// The article id scheme: short, typeable, stable for the same input, and distinct across
/// publications.
///
/// - 双周决策观察 2024年第21期, article 3: `2024-21#3` (year, issue number, 1-based position).
/// - 信息摘编 2023年（总第二十五期）, article 7: `digest-2023-25#7`. The `digest-` prefix keeps
///   it apart from a biweekly issue with the same year and number.
/// - Input whose issue header is missing, or that is not a newsletter: the file name without
///   extension, then the position: `notes#1`.
///
/// Positions count articles in reading order, so re-parsing the same text gives the same ids.
public enum ArticleID {
  /// The id prefix (everything before `#`) for an issue.
  public static func prefix(publication: Publication?, year: Int?, number: Int?, file: String) -> String {
    guard let publication, let year, let number else { return fileStem(file) }
    switch publication {
    case .biweekly: return "\(year)-\(number)"
    case .digest: return "digest-\(year)-\(number)"
    }
  }

  /// `prefix#position`.
  public static func make(prefix: String, position: Int) -> String { "\(prefix)#\(position)" }

  static func fileStem(_ file: String) -> String {
    let name = file.split(separator: "/").last.map(String.init) ?? file
    if let dot = name.lastIndex(of: "."), dot != name.startIndex { return String(name[..<dot]) }
    return name
  }
}
