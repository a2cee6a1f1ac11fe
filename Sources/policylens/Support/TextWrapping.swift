/// Wraps text to a display width for the terminal: Chinese breaks between any two characters,
/// Latin words and numbers stay whole, and closing punctuation (，。、）」 …) never starts a line.
enum TextWrapping {
  /// Punctuation that must not begin a line (it goes with the character before it).
  static let closingPunctuation: Set<Character> = Set("，。、；：？！）》」』”’〉】…·,.;:?!)]%")

  /// The lines of `paragraph`, each at most `width` columns (a single unit wider than that, such
  /// as a long URL, gets a line of its own).
  ///
  /// - Parameter keepsWordsWhole: Whether every run of non-space characters stays whole (lists
  ///   of terms), rather than only Latin words and numbers (running Chinese text).
  static func lines(of paragraph: String, width: Int, keepsWordsWhole: Bool = false) -> [String] {
    let width = max(8, width)
    var lines: [String] = []
    var line: [String] = []
    var lineWidth = 0
    func finishLine() {
      lines.append(line.joined().trimmingTrailingSpaces())
      line = []
      lineWidth = 0
    }
    for unit in units(of: paragraph, keepsWordsWhole: keepsWordsWhole) {
      let unitWidth = DisplayWidth.of(unit)
      if unit == " " && line.isEmpty { continue }
      if lineWidth + unitWidth > width && !line.isEmpty {
        if unit == " " {
          finishLine()
          continue
        }
        // Closing punctuation takes the unit before it to the next line.
        var carried: String?
        if let first = unit.first, closingPunctuation.contains(first), line.count > 1, line.last != " " {
          carried = line.removeLast()
        }
        finishLine()
        if let carried {
          line = [carried]
          lineWidth = DisplayWidth.of(carried)
        }
      }
      line.append(unit)
      lineWidth += unitWidth
    }
    if !line.isEmpty { finishLine() }
    return lines
  }

  /// Units that are never split: runs of ASCII non-space characters (words, numbers, URLs), single spaces, and
  /// every other character alone.
  static func units(of text: String, keepsWordsWhole: Bool = false) -> [String] {
    var units: [String] = []
    var word = ""
    for character in text {
      if (keepsWordsWhole || character.isASCII) && !character.isWhitespace {
        word.append(character)
        continue
      }
      if !word.isEmpty {
        units.append(word)
        word = ""
      }
      units.append(character.isWhitespace ? " " : String(character))
    }
    if !word.isEmpty { units.append(word) }
    return units
  }
}
