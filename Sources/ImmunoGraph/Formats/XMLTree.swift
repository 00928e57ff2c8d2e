import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small, flat XML element tree built with `XMLParser`: no recursion anywhere (building,
/// walking or freeing), so nesting is bounded by memory (one stack entry per open element, capped
/// at ``maximumDepth`` only against absurd input), DTDs refused (no entity expansion).
///
/// Element and attribute names are stored without their namespace prefix (`qual:id` → `id`).
struct XMLTree {
    /// The deepest element nesting accepted: far beyond any published model (the BBM collection
    /// nests a few thousand levels); deeper documents are refused with a located error.
    static let maximumDepth = 100_000

    struct Element {
        var name: String
        var attributes: [String: String]
        var parent: Int
        var children: [Int] = []
        var text: String = ""
        var line: Int
        var column: Int
    }

    /// All elements in document order; element 0 is the root.
    var elements: [Element] = []

    /// Parses `data`.
    ///
    /// - Throws: ``ModelReadError`` with the line, column and element path of the problem.
    static func parse(_ data: Data, file: String?) throws -> XMLTree {
        if data.isEmpty { throw ModelReadError(file: file, line: 1, column: 1, message: "the file is empty; expected an XML document") }
        if let found = data.range(of: Data("<!DOCTYPE".utf8)) ?? data.range(of: Data("<!ENTITY".utf8)) {
            let (line, column) = JSONSyntax.lineAndColumn(of: found.lowerBound - data.startIndex, in: data)
            throw ModelReadError(file: file, line: line, column: column,
                message: "document type declarations (<!DOCTYPE>, <!ENTITY>) are not accepted in SBML input")
        }
        // FoundationXML traps on some malformed byte sequences (found by fuzzing: invalid UTF-8
        // in an attribute name crashes in _NSXMLParserStartElementNs), so the bytes are checked
        // first: UTF-8, and no control characters XML 1.0 forbids.
        _ = try ModelFormat.utf8Text(data, file: file)
        var line = 1
        var column = 1
        for byte in data {
            if byte == 10 {
                line += 1
                column = 1
                continue
            }
            if byte < 32 && byte != 9 && byte != 13 {
                throw ModelReadError(file: file, line: line, column: column,
                    message: "control character 0x\(String(byte, radix: 16)) is not allowed in XML")
            }
            if byte & 0xC0 != 0x80 { column += 1 }
        }
        let builder = TreeBuilder()
        // A stream, not `XMLParser(data:)`: with data, swift-corelibs-foundation hands libxml2's
        // push parser the whole document as one chunk, and libxml2 (without XML_PARSE_HUGE, which
        // XMLParser cannot set) halts with "Huge input lookup" (XML_ERR_INTERNAL_ERROR, reported
        // as NSXMLParserErrorDomain error 1 at the end of the file) once more than 10,000,000
        // bytes are pending. From a stream it is fed in small chunks, so any size parses.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        builder.parser = parser
        let ok = parser.parse()
        if let error = builder.failure {
            throw ModelReadError(file: file, line: error.line, column: error.column,
                path: builder.tree.path(of: builder.stack.last ?? -1), message: error.message)
        }
        if !ok || !builder.stack.isEmpty || builder.tree.elements.isEmpty {
            let detail = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "the document is incomplete"
            let path = builder.tree.path(of: builder.stack.last ?? -1)
            throw ModelReadError(file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber),
                path: path.isEmpty ? nil : path,
                message: "malformed XML (\(detail.trimmingCharacters(in: .whitespacesAndNewlines))); expected a complete, well-formed document")
        }
        return builder.tree
    }

    /// The local part of a possibly prefixed name.
    static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    /// Child element indices of `element` named `name`.
    func children(of element: Int, named name: String) -> [Int] {
        elements[element].children.filter { elements[$0].name == name }
    }

    /// The first child of `element` named `name`.
    func child(of element: Int, named name: String) -> Int? {
        elements[element].children.first { elements[$0].name == name }
    }

    /// `sbml/model/listOfTransitions/transition[3]/…`: list items and repeated siblings carry a
    /// 1-based index among siblings of the same name.
    func path(of element: Int) -> String {
        guard element >= 0, element < elements.count else { return "" }
        var parts: [String] = []
        var current = element
        while current >= 0 {
            let e = elements[current]
            var part = e.name
            if e.parent >= 0 {
                let parent = elements[e.parent]
                let same = parent.children.filter { elements[$0].name == e.name }
                if same.count > 1 || parent.name.hasPrefix("listOf") {
                    part += "[\((same.firstIndex(of: current) ?? 0) + 1)]"
                }
            }
            parts.append(part)
            current = e.parent
        }
        // Long runs of one element (deep nesting) are shortened: apply/apply/…(×250)/apply.
        var compact: [String] = []
        var k = parts.count - 1
        while k >= 0 {
            var run = 1
            while k - run >= 0 && parts[k - run] == parts[k] { run += 1 }
            if run > 4 {
                compact += [parts[k], parts[k], "…(×\(run - 3))", parts[k - run + 1]]
            } else {
                for j in 0..<run { compact.append(parts[k - j]) }
            }
            k -= run
        }
        return compact.joined(separator: "/")
    }

    /// The text inside `element` and all its descendants, in document order (iterative).
    func allText(of element: Int) -> String {
        var result = ""
        var stack = [element]
        while let e = stack.popLast() {
            result += elements[e].text
            stack.append(contentsOf: elements[e].children.reversed())
        }
        return result
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var tree = XMLTree()
    var stack: [Int] = []
    var failure: (line: Int, column: Int, message: String)?
    weak var parser: XMLParser?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        guard failure == nil else { return }
        if stack.count >= XMLTree.maximumDepth {
            failure = (parser.lineNumber, parser.columnNumber,
                "elements nested deeper than \(XMLTree.maximumDepth) levels (at <\(elementName)>)")
            parser.abortParsing()
            return
        }
        var attributes: [String: String] = [:]
        for (key, value) in attributeDict where !key.hasPrefix("xmlns") {
            let local = XMLTree.localName(key)
            if attributes[local] == nil || key.contains(":") { attributes[local] = value }
        }
        let index = tree.elements.count
        let parent = stack.last ?? -1
        tree.elements.append(
            XMLTree.Element(name: XMLTree.localName(elementName), attributes: attributes, parent: parent,
                line: parser.lineNumber, column: parser.columnNumber))
        if parent >= 0 {
            tree.elements[parent].children.append(index)
        } else if index != 0 {
            failure = (parser.lineNumber, parser.columnNumber, "more than one root element")
            parser.abortParsing()
            return
        }
        stack.append(index)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard failure == nil else { return }
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard failure == nil, let top = stack.last else { return }
        tree.elements[top].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard failure == nil, let top = stack.last else { return }
        tree.elements[top].text += String(decoding: CDATABlock, as: UTF8.self)
    }
}
