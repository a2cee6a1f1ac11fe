import Foundation
import LinearAlgebra

/// Binary logistic regression with an L2 penalty, fitted by Newton's method.
///
/// Newton's method here is iteratively reweighted least squares; it minimises what
/// scikit-learn's `LogisticRegression(C=…)` with the `newton-cg` or `lbfgs` solver does:
///
///     minimise  ½ ‖w‖² + C Σᵢ log(1 + exp(−yᵢ (w · xᵢ + b))),  yᵢ ∈ {−1, +1}
///
/// The intercept *b* is not penalised. P(y = 1 | x) = σ(w · x + b). With few examples the
/// penalty keeps the weights small, so probabilities stay moderate instead of 0 or 1.
///
/// - Complexity: each Newton step is O(*n* *p*² + *p*³) for *n* examples of *p* features;
///   it usually converges in fewer than 10 steps.
public struct LogisticRegression: Sendable, Hashable, Codable {
  /// The feature weights *w*.
  public var weights: [Double]
  /// The intercept *b*.
  public var intercept: Double

  /// A model with the given parameters.
  public init(weights: [Double], intercept: Double) {
    self.weights = weights
    self.intercept = intercept
  }

  /// Fits the model to labelled examples.
  ///
  /// - Parameters:
  ///   - features: One row of *p* features per example.
  ///   - labels: Whether each example is positive.
  ///   - sampleWeights: A weight per example (default 1), e.g. to balance classes.
  ///   - inverseRegularization: *C*; larger trusts the data more (default 1, scikit-learn's).
  /// - Precondition: At least one example; every row has the same length.
  public init(
    fitting features: [[Double]], labels: [Bool], sampleWeights: [Double]? = nil,
    inverseRegularization c: Double = 1
  ) {
    precondition(!features.isEmpty && features.count == labels.count, "one label per example")
    let p = features[0].count
    precondition(features.allSatisfy { $0.count == p }, "every example needs \(p) features")
    let sampleWeights = sampleWeights ?? [Double](repeating: 1, count: features.count)
    var theta = [Double](repeating: 0, count: p + 1)  // weights, then intercept
    for _ in 0..<50 {
      var gradient = [Double](repeating: 0, count: p + 1)
      var hessian = [Double](repeating: 0, count: (p + 1) * (p + 1))
      for j in 0..<p {
        gradient[j] = theta[j]
        hessian[j * (p + 1) + j] = 1
      }
      for (row, (x, label)) in zip(features, labels).enumerated() {
        let z = zip(x, theta).reduce(theta[p]) { $0 + $1.0 * $1.1 }
        let probability = Self.sigmoid(z)
        let residual = c * sampleWeights[row] * (probability - (label ? 1 : 0))
        let curvature = c * sampleWeights[row] * probability * (1 - probability)
        for j in 0...p {
          let xj = j < p ? x[j] : 1
          gradient[j] += residual * xj
          for l in 0...p { hessian[j * (p + 1) + l] += curvature * xj * (l < p ? x[l] : 1) }
        }
      }
      let step = Self.solve(hessian, gradient, size: p + 1)
      for j in 0...p { theta[j] -= step[j] }
      if l2Norm(step) < 1e-10 * max(1, l2Norm(theta)) { break }
    }
    self.weights = Array(theta[0..<p])
    self.intercept = theta[p]
  }

  /// P(positive | features).
  public func probability(_ features: [Double]) -> Double {
    precondition(features.count == weights.count, "expected \(weights.count) features")
    return Self.sigmoid(zip(features, weights).reduce(intercept) { $0 + $1.0 * $1.1 })
  }

  static func sigmoid(_ z: Double) -> Double {
    z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
  }

  /// Solves the symmetric positive definite system A x = b (row-major A) by Gaussian
  /// elimination with partial pivoting; the systems here are a few features wide.
  static func solve(_ a: [Double], _ b: [Double], size n: Int) -> [Double] {
    var a = a
    var b = b
    for column in 0..<n {
      var pivot = column
      for row in column..<n where abs(a[row * n + column]) > abs(a[pivot * n + column]) { pivot = row }
      if pivot != column {
        for j in 0..<n { a.swapAt(column * n + j, pivot * n + j) }
        b.swapAt(column, pivot)
      }
      let diagonal = a[column * n + column]
      guard abs(diagonal) > 1e-300 else { continue }
      for row in (column + 1)..<n {
        let factor = a[row * n + column] / diagonal
        guard factor != 0 else { continue }
        for j in column..<n { a[row * n + j] -= factor * a[column * n + j] }
        b[row] -= factor * b[column]
      }
    }
    var x = [Double](repeating: 0, count: n)
    for row in stride(from: n - 1, through: 0, by: -1) {
      var sum = b[row]
      for j in (row + 1)..<n { sum -= a[row * n + j] * x[j] }
      let diagonal = a[row * n + row]
      x[row] = abs(diagonal) > 1e-300 ? sum / diagonal : 0
    }
    return x
  }
}
