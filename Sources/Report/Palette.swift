/// Deterministic categorical colours for clusters, themes and chart series.
enum Palette {
  /// Ten colours that stay distinguishable for common colour-vision deficiencies
  /// (Tableau 10, revised 2016).
  static let base = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
  ]

  /// Colours for the highlighted clusters, largest first: the base palette with its grey
  /// (`#bab0ac`, too close to ``unassigned`` on the map) replaced by near-black.
  static let clusters = Array(base.prefix(9)) + ["#2f2f2f"]

  /// The grey used for articles without a highlighted cluster.
  static let unassigned = "#9aa0a6"

  /// The colour for position `index`, as `#rrggbb`.
  ///
  /// Beyond the base palette, hues step by the golden angle (137°) at 55 % saturation and 48 %
  /// lightness, converted to RGB so every colour can also be given an opacity (``rgba(_:_:)``).
  static func color(_ index: Int) -> String {
    precondition(index >= 0, "palette index must be non-negative")
    if index < base.count { return base[index] }
    let (red, green, blue) = rgbFromHSL(
      hue: Double((index - base.count) * 137 % 360), saturation: 0.55, lightness: 0.48)
    return "#"
      + [red, green, blue].map { component in
        let digits = String(component, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
      }.joined()
  }

  /// A `#rrggbb` colour with an opacity 0…1, as CSS `rgba(r,g,b,a)`; other strings are returned as
  /// given.
  static func rgba(_ hex: String, _ alpha: Double) -> String {
    let digits = hex.dropFirst()
    guard hex.first == "#", digits.count == 6, let value = Int(digits, radix: 16) else { return hex }
    return "rgba(\(value >> 16),\((value >> 8) & 0xFF),\(value & 0xFF),\(HTMLText.fixed(alpha, 2)))"
  }

  /// The standard HSL → RGB conversion (CSS Color 4, §7.1), components 0…255.
  static func rgbFromHSL(hue: Double, saturation: Double, lightness: Double) -> (Int, Int, Int) {
    func channel(_ n: Double) -> Int {
      let k = (n + hue / 30).truncatingRemainder(dividingBy: 12)
      let a = saturation * min(lightness, 1 - lightness)
      let value = lightness - a * max(-1, min(k - 3, 9 - k, 1))
      return Int((value * 255).rounded())
    }
    return (channel(0), channel(8), channel(4))
  }
}
