import Foundation

/// Hands each request the current model snapshot, and replaces it when the model or the themes
/// change on disk.
///
/// Every request reads two `stat`s (the manifest and the themes file). When they differ from the
/// current snapshot's, that request loads the new model completely (every checksum verified,
/// the themes tagged) while other requests go on with the old one; only a successful load is
/// swapped in. A load that fails, or whose files changed while it read them (a refit still
/// being written), keeps the old snapshot; a failure is not retried until the files change again.
final class ModelHub: Sendable {
  /// Something a person running the server should know (a reload, a failed reload).
  typealias EventHandler = @Sendable (String) -> Void

  private struct State {
    var current: ModelSnapshot
    var failedStamp: SourceStamp?
    var isLoading = false
  }

  let configuration: WorkbenchConfiguration
  private let state: Locked<State>
  private let onEvent: EventHandler

  /// Loads the model once.
  ///
  /// - Throws: the load's error; the server does not start without a model.
  init(configuration: WorkbenchConfiguration, onEvent: @escaping EventHandler = { _ in }) throws {
    self.configuration = configuration
    self.onEvent = onEvent
    let snapshot = try ModelSnapshot(configuration: configuration, stamp: SourceStamp(configuration: configuration))
    self.state = Locked(State(current: snapshot))
  }

  /// The snapshot to answer a request with: the newest model that loaded completely.
  func snapshot() -> ModelSnapshot {
    let stamp = SourceStamp(configuration: configuration)
    let (current, shouldLoad) = state.withLock { state -> (ModelSnapshot, Bool) in
      guard stamp != state.current.stamp, stamp != state.failedStamp, !state.isLoading,
        stamp.manifest != nil
      else { return (state.current, false) }
      state.isLoading = true
      return (state.current, true)
    }
    guard shouldLoad else { return current }
    do {
      let loaded = try ModelSnapshot(configuration: configuration, stamp: stamp)
      guard SourceStamp(configuration: configuration) == stamp else {
        state.withLock { $0.isLoading = false }
        onEvent("the model changed while it was being read; serving the previous one until it settles")
        return current
      }
      state.withLock { state in
        state.current = loaded
        state.failedStamp = nil
        state.isLoading = false
      }
      onEvent("reloaded \(configuration.modelDirectory.path): \(loaded.model.articles.count) articles")
      return loaded
    } catch {
      state.withLock { state in
        state.failedStamp = stamp
        state.isLoading = false
      }
      onEvent("could not reload the model, still serving the previous one: \(error)")
      return current
    }
  }
}
