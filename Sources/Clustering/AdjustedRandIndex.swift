/// Agreement between two partitions of the same documents, corrected for chance: the adjusted
/// Rand index (Hubert and Arabie 1985), as scikit-learn's `adjusted_rand_score`.
///
/// With *n*ᵢⱼ the number of documents in cluster *i* of `a` and cluster *j* of `b`, *a*ᵢ and
/// *b*ⱼ the cluster sizes and C(m) = m(m − 1)/2:
///
///     index    = Σᵢⱼ C(nᵢⱼ)
///     expected = Σᵢ C(aᵢ) · Σⱼ C(bⱼ) / C(n)
///     maximum  = (Σᵢ C(aᵢ) + Σⱼ C(bⱼ)) / 2
///     ARI      = (index − expected) / (maximum − expected)
///
/// 1 means the same partition (up to label names); about 0 means no more agreement than
/// random labellings with the same cluster sizes; it can be negative. When both partitions
/// are trivial in the same way (all documents in one cluster, or all singletons), the
/// denominator is 0 and the result is 1, as in scikit-learn.
///
/// A negative label means *unclustered*: such a document is its own singleton, so two
/// unclustered documents are never counted as together. That is how PolicyLens compares
/// clusterings that leave some articles unclustered.
///
/// - Precondition: `a.count == b.count`.
/// - Complexity: O(*n*) expected time and O(*n*) memory.
public func adjustedRandIndex(between a: [Int], and b: [Int]) -> Double {
  precondition(a.count == b.count, "both partitions must label the same \(a.count) documents; got \(b.count)")
  let n = a.count
  func pairs(_ m: Int) -> Double { Double(m) * Double(m - 1) / 2 }
  // Unclustered documents become singletons with labels no real cluster uses.
  func singletons(_ labels: [Int]) -> [Int] {
    let offset = (labels.max() ?? 0) + 1
    return labels.enumerated().map { $0.element >= 0 ? $0.element : offset + $0.offset }
  }
  let left = singletons(a)
  let right = singletons(b)
  var joint: [Int: [Int: Int]] = [:]
  var leftSizes: [Int: Int] = [:]
  var rightSizes: [Int: Int] = [:]
  for (x, y) in zip(left, right) {
    joint[x, default: [:]][y, default: 0] += 1
    leftSizes[x, default: 0] += 1
    rightSizes[y, default: 0] += 1
  }
  let index = joint.values.reduce(0.0) { total, row in row.values.reduce(total) { $0 + pairs($1) } }
  let leftPairs = leftSizes.values.reduce(0.0) { $0 + pairs($1) }
  let rightPairs = rightSizes.values.reduce(0.0) { $0 + pairs($1) }
  let allPairs = pairs(n)
  let expected = allPairs > 0 ? leftPairs * rightPairs / allPairs : 0
  let maximum = (leftPairs + rightPairs) / 2
  guard maximum - expected != 0 else { return 1 }
  return (index - expected) / (maximum - expected)
}
