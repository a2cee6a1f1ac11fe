/// Paths and arguments as a user can paste them into a shell: unchanged when nothing in them
/// is special to the shell, else in single quotes (`'my models/seeds'`).
///
/// Hints that print a command to run next (`policylens topics --model …`) quote through this.
public enum ShellQuoting {
  /// `argument`, quoted when it holds whitespace or a character the shell interprets; an
  /// empty argument is `''`.
  public static func quote(_ argument: String) -> String {
    let special = Set(" \t\n'\"\\$`!*?[]{}()<>|&;#~")
    guard argument.isEmpty || argument.contains(where: { special.contains($0) }) else { return argument }
    return "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
