import FileIntegrity
import Ingest
import ThemeTagging

/// Resolves the names people type for places and themes, or explains what comes closest.
enum NameLookup {
  /// The name to filter articles by for a place as written (`江苏省`, `苏州市`, `Jiangsu`): the
  /// city when it names one, else the region.
  ///
  /// - Throws: A usage error (64) with suggestions when the gazetteer does not know the place.
  static func place(_ name: String, flag: String = "--region") throws -> String {
    if let place = Gazetteer.place(named: name) { return place.city ?? place.region }
    let suggestions = Gazetteer.suggestions(for: name)
    var message = "Unknown place \(ShellQuoting.quote(name)) for \(flag)."
    if !suggestions.isEmpty { message += " Did you mean \(suggestions.joined(separator: ", "))?" }
    message += " Give a province (江苏, 江苏省, Jiangsu), a city (苏州, 苏州市, Suzhou) or 区域, 全国, 国际."
    throw CommandError(description: message, exitCode: ExitStatus.usage)
  }

  /// The province-level region of a place as written (`苏州市` → 江苏), for filters that work by
  /// region only.
  static func region(_ name: String, flag: String = "--region") throws -> String {
    _ = try place(name, flag: flag)
    return Gazetteer.place(named: name)?.region ?? name
  }

  /// The key of the theme written as its key (`low-altitude-economy`) or its name (`低空经济`).
  ///
  /// - Throws: A usage error (64) naming the closest keys and names.
  static func themeKey(_ written: String, in catalog: ThemeCatalog, flag: String = "--theme") throws -> String {
    let themes = catalog.themes
    if let theme = themes.first(where: { $0.key == written || $0.name == written }) { return theme.key }
    if let theme = themes.first(where: { $0.key.lowercased() == written.lowercased() }) { return theme.key }
    let close = themes.map { theme in
      (theme, min(EditDistance.between(theme.key, written), EditDistance.between(theme.name, written)))
    }
    .sorted { $0.1 < $1.1 }.prefix(3).map { "\($0.0.key) (\($0.0.name))" }
    throw CommandError(
      description:
        "Unknown theme \(ShellQuoting.quote(written)) for \(flag). Did you mean \(close.joined(separator: ", "))? "
        + "Give a key or a name; list them with: policylens themes",
      exitCode: ExitStatus.usage)
  }
}
