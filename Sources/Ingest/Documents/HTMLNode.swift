internal import CDocumentLibraries

/// A web page's element tree, as libxml2's HTML parser (the error-tolerant one browsers'
/// tag soup needs) builds it, copied into Swift values.
///
/// Element and attribute names are lower case; comments and processing instructions are
/// left out.
indirect enum HTMLNode: Sendable, Equatable {
  case element(name: String, attributes: [String: String], children: [HTMLNode])
  case text(String)

  /// Parses `bytes` with `htmlReadMemory` (recovering from errors, no network); `nil` when
  /// libxml2 builds no tree.
  ///
  /// Bytes that are valid UTF-8 are read as UTF-8; otherwise the page's own `charset`
  /// declaration decides, and without one GB18030 is assumed (libxml2's default, Latin-1,
  /// is never right for a Chinese page).
  static func parse(_ bytes: [UInt8]) -> HTMLNode? {
    let encoding: String?
    if String(validating: bytes, as: UTF8.self) != nil {
      encoding = "UTF-8"
    } else {
      let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
      encoding = head.contains("charset") ? nil : "GB18030"
    }
    _ = initialised
    let options = Int32(
      HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
    let document = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.flatMap { base in
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
          htmlReadMemory($0, Int32(clamping: buffer.count), nil, encoding, options)
        }
      }
    }
    guard let document else { return nil }
    defer { xmlFreeDoc(document) }
    guard let root = xmlDocGetRootElement(document) else { return nil }
    return copy(root, depth: 0)
  }

  /// libxml2's global state, set up once before parsers run on several threads.
  private static let initialised: Void = { xmlInitParser() }()

  /// Deeper than this, a page is pathological; the rest is cut off rather than overflow the stack.
  static let maximumDepth = 256

  private static func copy(_ node: UnsafeMutablePointer<xmlNode>, depth: Int) -> HTMLNode? {
    switch node.pointee.type {
    case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
      return node.pointee.content.map { .text(String(cString: $0)) }
    case XML_ELEMENT_NODE:
      let name = String(cString: node.pointee.name).lowercased()
      var attributes: [String: String] = [:]
      var attribute = node.pointee.properties
      while let current = attribute {
        let key = String(cString: current.pointee.name).lowercased()
        var value = ""
        var child = current.pointee.children
        while let part = child {
          if let content = part.pointee.content { value += String(cString: content) }
          child = part.pointee.next
        }
        attributes[key] = value
        attribute = current.pointee.next
      }
      var children: [HTMLNode] = []
      if depth < maximumDepth {
        var child = node.pointee.children
        while let current = child {
          if let copied = copy(current, depth: depth + 1) { children.append(copied) }
          child = current.pointee.next
        }
      }
      return .element(name: name, attributes: attributes, children: children)
    default:
      return nil
    }
  }
}
