import Foundation

/// Finds the first JSON syntax error in a document, for error messages.
///
/// `JSONDecoder` on Linux (swift-corelibs-foundation) reports only "The given data was not valid
/// JSON." with no underlying error and no offset, so readers run this scanner after a failed decode
/// to locate the problem. It checks RFC 8259 syntax with the two leniencies JSONDecoder has
/// (trailing commas, leading zeros), so the error it finds is the one that made the decode fail,
/// with an explicit stack — no recursion, so any nesting depth is safe.
enum JSONSyntax {
    /// The byte offset and description of the first syntax error in `data`, or `nil` when the
    /// document is syntactically valid JSON.
    ///
    /// - Complexity: O(data.count).
    static func firstError(in data: Data) -> (offset: Int, message: String)? {
        let bytes = [UInt8](data)
        return bytes.withUnsafeBufferPointer { firstError(in: $0) }
    }

    private enum State { case value, valueOrClose, keyOrClose, key, colon, afterValue }

    private static func firstError(in b: UnsafeBufferPointer<UInt8>) -> (offset: Int, message: String)? {
        let n = b.count
        var i = 0
        if n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { i = 3 }  // a UTF-8 byte order mark
        var stack: [UInt8] = []  // "{" or "["
        var state = State.value
        func describe(_ k: Int) -> String {
            let c = b[k]
            if c >= 0x20 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
            return "byte 0x\(String(c, radix: 16, uppercase: true))"
        }
        func expectation(_ state: State) -> String {
            switch state {
            case .value: return "a value"
            case .valueOrClose: return "a value or ']'"
            case .keyOrClose: return "a \"key\" in double quotes or '}'"
            case .key: return "a \"key\" in double quotes"
            case .colon: return "':' after the key"
            case .afterValue: return stack.last == UInt8(ascii: "{") ? "',' or '}'" : "',' or ']'"
            }
        }
        while true {
            while i < n && (b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D) { i += 1 }
            guard i < n else {
                if state == .afterValue && stack.isEmpty { return nil }
                return (n, "unexpected end of file; expected \(expectation(state))")
            }
            let c = b[i]
            switch state {
            case .value, .valueOrClose:
                if state == .valueOrClose && c == UInt8(ascii: "]") {
                    stack.removeLast()
                    i += 1
                    state = .afterValue
                    continue
                }
                switch c {
                case UInt8(ascii: "{"):
                    stack.append(c)
                    i += 1
                    state = .keyOrClose
                case UInt8(ascii: "["):
                    stack.append(c)
                    i += 1
                    state = .valueOrClose
                case UInt8(ascii: "\""):
                    if let error = scanString(b, &i) { return error }
                    state = .afterValue
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if let error = scanNumber(b, &i) { return error }
                    state = .afterValue
                case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                    let word = c == UInt8(ascii: "t") ? "true" : (c == UInt8(ascii: "f") ? "false" : "null")
                    for (k, expected) in word.utf8.enumerated() where i + k >= n || b[i + k] != expected {
                        return (i, "invalid literal; expected \(word)")
                    }
                    i += word.utf8.count
                    state = .afterValue
                default:
                    return (i, "unexpected \(describe(i)); expected \(expectation(state))")
                }
            case .keyOrClose, .key:
                if state == .keyOrClose && c == UInt8(ascii: "}") {
                    stack.removeLast()
                    i += 1
                    state = .afterValue
                } else if c == UInt8(ascii: "\"") {
                    if let error = scanString(b, &i) { return error }
                    state = .colon
                } else {
                    return (i, "unexpected \(describe(i)); expected \(expectation(state))")
                }
            case .colon:
                guard c == UInt8(ascii: ":") else { return (i, "unexpected \(describe(i)); expected \(expectation(state))") }
                i += 1
                state = .value
            case .afterValue:
                guard let top = stack.last else { return (i, "unexpected \(describe(i)) after the end of the JSON value") }
                if c == UInt8(ascii: ",") {
                    // A trailing comma is accepted, as JSONDecoder accepts it.
                    state = top == UInt8(ascii: "{") ? .keyOrClose : .valueOrClose
                    i += 1
                } else if (c == UInt8(ascii: "}") && top == UInt8(ascii: "{")) || (c == UInt8(ascii: "]") && top == UInt8(ascii: "[")) {
                    stack.removeLast()
                    i += 1
                } else {
                    return (i, "unexpected \(describe(i)); expected \(expectation(state))")
                }
            }
        }
    }

    /// Scans a string starting at its opening quote; on success `i` is just past the closing quote.
    private static func scanString(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> (offset: Int, message: String)? {
        let start = i
        i += 1
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                return nil
            }
            if c < 0x20 {
                return (i, c == 0x0A ? "unterminated string (a line break inside a string must be written \\n)"
                    : "control character 0x\(String(c, radix: 16, uppercase: true)) inside a string; escape it")
            }
            if c == UInt8(ascii: "\\") {
                guard i + 1 < b.count else { break }
                let e = b[i + 1]
                if e == UInt8(ascii: "u") {
                    for k in 2...5 {
                        guard i + k < b.count, Character(Unicode.Scalar(b[i + k])).isHexDigit else {
                            return (i, "invalid \\u escape; expected four hexadecimal digits")
                        }
                    }
                    i += 6
                    continue
                }
                guard "\"\\/bfnrt".utf8.contains(e) else { return (i, "invalid escape sequence in a string") }
                i += 2
                continue
            }
            i += 1
        }
        return (start, "unterminated string (no closing quote)")
    }

    /// Scans a number (RFC 8259 grammar); on success `i` is just past it.
    private static func scanNumber(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> (offset: Int, message: String)? {
        func isDigit(_ k: Int) -> Bool { k < b.count && b[k] >= UInt8(ascii: "0") && b[k] <= UInt8(ascii: "9") }
        let start = i
        if b[i] == UInt8(ascii: "-") { i += 1 }
        guard isDigit(i) else { return (start, "invalid number; expected a digit after '-'") }
        while isDigit(i) { i += 1 }  // leading zeros are accepted, as JSONDecoder accepts them
        if i < b.count && b[i] == UInt8(ascii: ".") {
            i += 1
            guard isDigit(i) else { return (start, "invalid number; expected a digit after '.'") }
            while isDigit(i) { i += 1 }
        }
        if i < b.count && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            i += 1
            if i < b.count && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) { i += 1 }
            guard isDigit(i) else { return (start, "invalid number; expected a digit in the exponent") }
            while isDigit(i) { i += 1 }
        }
        return nil
    }

    /// The 1-based line and column (in Unicode scalars) of byte `offset` in `data`.
    static func lineAndColumn(of offset: Int, in data: Data) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in data.prefix(offset) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
