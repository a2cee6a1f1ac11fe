import Foundation

/// What `policylens serve` was asked for: which model and themes, where to listen, and the limits.
public struct WorkbenchConfiguration: Sendable {
  /// The model directory; a refit or `add` in it is picked up without a restart.
  public var modelDirectory: URL
  /// The theme definitions (YAML), reread when the file changes.
  public var themesFile: URL
  /// Where the lexicon cache lives (see `TextAnalyzer`); `nil` for none.
  public var lexiconCacheDirectory: URL?
  /// The address to bind; `127.0.0.1` keeps the server to this machine.
  public var host: String
  /// The TCP port; 0 lets the system choose one.
  public var port: Int
  /// When set, every request must carry it (`Authorization: Bearer …`, `?token=` or the cookie
  /// a valid `?token=` sets).
  public var token: String?
  /// Bounds on what one request may ask for.
  public var limits: RequestLimits

  public init(
    modelDirectory: URL, themesFile: URL, lexiconCacheDirectory: URL? = nil, host: String = "127.0.0.1",
    port: Int = 8080, token: String? = nil, limits: RequestLimits = RequestLimits()
  ) {
    self.modelDirectory = modelDirectory
    self.themesFile = themesFile
    self.lexiconCacheDirectory = lexiconCacheDirectory
    self.host = host
    self.port = port
    self.token = token
    self.limits = limits
  }

  /// Whether the server is reachable from other machines: any host but a loopback address.
  public var isPublic: Bool {
    !["127.0.0.1", "localhost", "::1", "[::1]"].contains(host) && !host.hasPrefix("127.")
  }
}

/// Bounds on one request, so that no request can take the server's time or memory.
public struct RequestLimits: Sendable, Hashable {
  /// Longest free-text query, in characters (`q`).
  public var maximumQueryLength: Int
  /// Most results one request may ask for (`n`).
  public var maximumResultCount: Int
  /// Largest request body, in bytes (every route is a GET; bodies are never read).
  public var maximumBodySize: Int
  /// Longest time a request may take before the server answers 503.
  public var timeLimit: Duration

  /// 500 characters (a long paragraph), 100 results, 16 KiB, 10 s.
  public init(
    maximumQueryLength: Int = 500, maximumResultCount: Int = 100, maximumBodySize: Int = 16 * 1024,
    timeLimit: Duration = .seconds(10)
  ) {
    self.maximumQueryLength = maximumQueryLength
    self.maximumResultCount = maximumResultCount
    self.maximumBodySize = maximumBodySize
    self.timeLimit = timeLimit
  }
}
