import FileIntegrity
import Foundation

extension ModelDirectory {
  /// Runs `read` so that everything it returns comes from one generation of the model at `url`:
  /// the old model or its replacement, never parts of both.
  ///
  /// Writers replace a model folder whole, with one rename, and every generation has its own
  /// `manifest.json` (it records the checksum of every file and the time of writing). So the
  /// checksum of the manifest, read before and after `read`, identifies the generation: when
  /// both agree, no replacement happened in between and every file `read` opened belongs to
  /// that generation (a replaced folder never comes back; files mapped before a replacement stay
  /// valid, because writers never change a file in place). When they disagree, another process
  /// replaced the model meanwhile, and `read` runs again, up to three times in all.
  ///
  /// - Throws: What `read` throws on a stable model;
  ///   ``ModelStoreError/modelBeingReplaced(path:)`` when the model changed under every attempt.
  /// - Complexity: two reads of `manifest.json` besides `read`.
  public static func readingOneGeneration<T>(
    at url: URL, _ read: () throws(ModelStoreError) -> T
  ) throws(ModelStoreError) -> T {
    for attempt in 1...3 {
      let before = generationStamp(of: url)
      let result = Result { () throws(ModelStoreError) -> T in try read() }
      if generationStamp(of: url) == before { return try result.get() }
      if attempt < 3 { usleep(UInt32(20_000 * attempt)) }
    }
    throw .modelBeingReplaced(path: url.path)
  }

  /// The checksum of the model's manifest, or nil when there is none.
  static func generationStamp(of url: URL) -> String? {
    FileManager.default.contents(atPath: url.appendingPathComponent(ModelFile.manifest.name).path)
      .map(Checksum.hex(of:))
  }
}
