/// Answers a request within a time limit.
///
/// The work runs in its own task; when the limit passes first, the client gets 503 at once. The
/// library's computations cannot be interrupted, so a computation under way still finishes in
/// the background (its result is dropped); what bounds that work is the limits on the input
/// (query length, result count).
enum TimeLimit {
  /// `work`'s result, or a 503 ``ServerError`` after `limit`.
  static func run<Value: Sendable>(
    _ limit: Duration, _ work: @escaping @Sendable () async throws -> Value
  ) async throws -> Value {
    let waiting = Locked<CheckedContinuation<Value, any Error>?>(nil)
    @Sendable func finish(_ result: Result<Value, any Error>) {
      waiting.withLock { continuation in
        continuation?.resume(with: result)
        continuation = nil
      }
    }
    return try await withCheckedThrowingContinuation { continuation in
      waiting.withLock { $0 = continuation }
      let timer = Task {
        try await Task.sleep(for: limit)
        finish(
          .failure(
            ServerError(
              status: .serviceUnavailable,
              message: "The request took longer than \(limit). Ask for fewer results or a shorter query.",
              parameter: nil)))
      }
      Task {
        let result: Result<Value, any Error>
        do { result = .success(try await work()) } catch { result = .failure(error) }
        timer.cancel()
        finish(result)
      }
    }
  }
}
