/// `text` as one shell word, for commands and paths printed in hints: unchanged when it holds
/// only characters the shell takes literally, else in single quotes (`'my models/seeds'`).
func shellQuoted(_ text: String) -> String {
  let plain = text.unicodeScalars.allSatisfy { scalar in
    scalar.value > 0x7F || scalar.properties.isAlphabetic || "0123456789-_./:=@%+,#".unicodeScalars.contains(scalar)
  }
  if plain && !text.isEmpty && !text.hasPrefix("#") { return text }
  return "'" + text.replacing("'", with: #"'\''"#) + "'"
}
