/// Deterministic categorical colours for clusters and chart series.
enum Palette {
  /// Ten colours that stay distinguishable for common colour-vision deficiencies
  /// (Tableau 10, revised 2016).
  static let base = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
  ]

  /// The grey used for articles without a cluster.
  static let unassigned = "#9aa0a6"

  /// The colour for position `index`; beyond the base palette hues step by the golden angle.
  static func color(_ index: Int) -> String {
    if index < base.count { return base[index] }
    let hue = (index - base.count) * 137 % 360
    return "hsl(\(hue),55%,48%)"
  }
}
