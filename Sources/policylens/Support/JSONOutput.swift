import Foundation
import PolicyLensKit

/// Encodes `payload` as one `--json` document (``PolicyLensKit/JSONDocument``: `formatVersion`
/// beside the payload's keys, sorted keys, Chinese unescaped, pretty-printed).
func renderJSON(_ payload: some Encodable) throws -> String {
  String(decoding: try JSONDocument(payload).encoded(), as: UTF8.self)
}
