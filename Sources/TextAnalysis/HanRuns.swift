/// The runs of Han characters in normalised texts, one after another: what phrase discovery counts.
///
/// A run ends at anything that is not a Han character (punctuation, Latin text, digits, spaces) and
/// at the end of a text.
struct HanRuns {
  /// Every run's characters, concatenated.
  private(set) var characters: [UInt32] = []
  /// Each run's range in ``characters``, in text order.
  private(set) var ranges: [Range<Int>] = []

  /// The runs of `texts`, each normalised with ``TextNormalizer``.
  init(_ texts: [String]) {
    var scalars: [UInt32] = []
    for text in texts {
      TextNormalizer.normalize(text, into: &scalars)
      var start = 0
      while start < scalars.count {
        guard ScalarClass.isHan(scalars[start]) else {
          start += 1
          continue
        }
        var end = start + 1
        while end < scalars.count, ScalarClass.isHan(scalars[end]) { end += 1 }
        ranges.append(characters.count..<(characters.count + end - start))
        characters.append(contentsOf: scalars[start..<end])
        start = end
      }
    }
  }
}
