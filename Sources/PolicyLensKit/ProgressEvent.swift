/// What the pipeline reports while it works; the CLI writes it to stderr.
public enum ProgressEvent: Sendable, Equatable {
  /// A stage began; `detail` says what it works on ("5 files", "12,345 articles").
  case started(stage: String, detail: String)
  /// A stage made progress: `completed` of `total` units.
  case advanced(stage: String, completed: Int, total: Int)
  /// A stage ended after `duration`, with a one-line summary of what it produced.
  case finished(stage: String, summary: String, duration: Duration)
  /// Something the user should know that is not an error (a file that is not a newsletter).
  case warning(String)
}

/// Receives progress events; must be safe to call from any task.
public typealias ProgressHandler = @Sendable (ProgressEvent) -> Void

/// Runs `body` as a named stage, reporting start, end and duration.
func measureStage<T>(
  _ stage: String, detail: String, progress: ProgressHandler,
  summary: (T) -> String, _ body: () throws -> T
) rethrows -> T {
  progress(.started(stage: stage, detail: detail))
  let clock = ContinuousClock()
  let start = clock.now
  let result = try body()
  progress(.finished(stage: stage, summary: summary(result), duration: clock.now - start))
  return result
}

/// ``measureStage(_:detail:progress:summary:_:)`` for asynchronous work.
func measureStage<T>(
  _ stage: String, detail: String, progress: ProgressHandler,
  summary: (T) -> String, _ body: () async throws -> T
) async rethrows -> T {
  progress(.started(stage: stage, detail: detail))
  let clock = ContinuousClock()
  let start = clock.now
  let result = try await body()
  progress(.finished(stage: stage, summary: summary(result), duration: clock.now - start))
  return result
}
