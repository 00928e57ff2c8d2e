import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What an XML parse of a generated SVG found.
struct ParsedSVG {
    var error: String?
    var elementCounts: [String: Int] = [:]
    var classCounts: [String: Int] = [:]
    var texts: [String] = []
    var attributeValues: [String] = []
}

/// Parses `svg` with Foundation's XMLParser, counting elements, class tokens and text content.
func parseSVG(_ svg: String) -> ParsedSVG {
    final class Delegate: NSObject, XMLParserDelegate {
        var result = ParsedSVG()
        var currentText = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:])
        {
            result.elementCounts[name, default: 0] += 1
            for token in (attributes["class"] ?? "").split(separator: " ") {
                result.classCounts[String(token), default: 0] += 1
            }
            result.attributeValues.append(contentsOf: attributes.values)
            currentText = ""
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { currentText += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" || name == "title" { result.texts.append(currentText) }
            currentText = ""
        }
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            result.error = "\(parseError) line \(parser.lineNumber) column \(parser.columnNumber)"
        }
    }
    let parser = XMLParser(data: Data(svg.utf8))
    let delegate = Delegate()
    parser.delegate = delegate
    if !parser.parse() && delegate.result.error == nil {
        delegate.result.error = parser.parserError.map { "\($0)" } ?? "unknown parse failure"
    }
    return delegate.result
}

