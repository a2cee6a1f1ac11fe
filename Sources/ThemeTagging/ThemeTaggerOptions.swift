/// What the caller asks of theme tagging.
public struct ThemeTaggerOptions: Sendable, Hashable, Codable {
  /// The logistic model over ``ThemeEvidence/features``.
  ///
  /// Default ``calibratedModel``.
  public var model: LogisticRegression
  /// An article carries a theme when P(theme | article) is at least this.
  ///
  /// Default 0.4: on the
  /// tuning half it gave the best F1, both for the themes as written and cut to three seeds.
  /// Raise it for fewer, surer tags.
  public var threshold: Double

  /// For a theme with examples, an article carries it when P'(theme | article) from
  /// ``exampleModel`` is at least this.
  ///
  /// Default 0.45: the best F1 over the calibration's drawn examples on the tuning half.
  public var exampleThreshold: Double

  /// The model for themes with examples, over (evidence logit, latent and lexical cosine with
  /// the examples, latent cosine with the counter-examples, the largest latent cosine with
  /// another theme's examples); see ``ThemeExamples``.
  public var exampleModel: LogisticRegression

  /// Options with the given models and threshold.
  public init(
    model: LogisticRegression = Self.calibratedModel, exampleModel: LogisticRegression = Self.calibratedExampleModel,
    threshold: Double = 0.4, exampleThreshold: Double = 0.45
  ) {
    self.model = model
    self.exampleModel = exampleModel
    self.threshold = threshold
    self.exampleThreshold = exampleThreshold
  }

  /// Weights fitted on the tuning half with 3 or 5 examples drawn from the judged articles
  /// of every theme at once (as written and cut to three seeds), half the draws with two
  /// counter-examples among the articles that mention the theme without carrying it.
  public static let calibratedExampleModel = LogisticRegression(
    weights: [1.0197, 2.3011, 0.7994, -0.2370, -2.5189], intercept: 0.5759)

  /// Weights fitted on the tuning half of Tests/EvaluationData/checkset.json with the seeds
  /// model and models/themes.yaml, each theme both as written and cut to its first three
  /// seeds (`policylens evaluate Tests/EvaluationData/checkset.json --calibrate-themes`).
  public static let calibratedModel = LogisticRegression(
    weights: [0.9333, 0.9939, -0.3168, 1.6523, -0.6282, 0.2508, 0.4797, 4.3176], intercept: -4.7612)
}
