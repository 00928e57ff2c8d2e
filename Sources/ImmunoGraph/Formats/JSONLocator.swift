import Foundation

/// Finds where a value sits in a JSON document, given its JSON path: the byte offset behind the
/// line and column of every shape error, so a reader can say `file:12:7: at hypotheses[2].steps`.
///
/// The walk is iterative (no recursion), so any nesting depth is safe, and it reads the document
/// once along the path.
enum JSONLocator {
    /// One step of a JSON path.
    enum Step: Equatable {
        case key(String)
        case index(Int)
    }

    /// The path of a `Decoder` coding path.
    static func steps(_ codingPath: [any CodingKey]) -> [Step] {
        codingPath.map { key in key.intValue.map(Step.index) ?? .key(key.stringValue) }
    }

    /// The byte offset of the value at `path` in `bytes`, or of the deepest enclosing value that
    /// exists (a missing key points at its object); `nil` only for a document that is not JSON.
    ///
    /// - Complexity: O(bytes before the value).
    static func offset(of path: [Step], in bytes: [UInt8]) -> Int? {
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        skipSpace(bytes, &i)
        guard i < bytes.count else { return nil }
        for step in path {
            let container = i
            switch step {
            case .key(let wanted):
                guard bytes[i] == UInt8(ascii: "{") else { return container }
                i += 1
                // The loop ends at the wanted key (break) or returns the container.
                while true {
                    skipSpace(bytes, &i)
                    guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return container }
                    guard let key = readString(bytes, &i) else { return container }
                    skipSpace(bytes, &i)
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return container }
                    i += 1
                    skipSpace(bytes, &i)
                    if key == wanted { break }
                    guard skipValue(bytes, &i) else { return container }
                    skipSpace(bytes, &i)
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ",") else { return container }
                    i += 1
                }
            case .index(let wanted):
                guard bytes[i] == UInt8(ascii: "[") else { return container }
                i += 1
                for _ in 0..<wanted {
                    skipSpace(bytes, &i)
                    guard skipValue(bytes, &i) else { return container }
                    skipSpace(bytes, &i)
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ",") else { return container }
                    i += 1
                }
                skipSpace(bytes, &i)
                guard i < bytes.count else { return container }
            }
        }
        return i
    }

    /// The JSON text of the value at `offset`, cut to `limit` characters (for "found …").
    static func excerpt(at offset: Int, in bytes: [UInt8], limit: Int = 40) -> String {
        var end = offset
        _ = skipValue(bytes, &end)
        let slice = bytes[offset..<min(max(end, offset), bytes.count)]
        let text = String(decoding: slice, as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
        return text.count <= limit ? text : String(text.prefix(limit - 3)) + "..."
    }

    private static func skipSpace(_ b: [UInt8], _ i: inout Int) {
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
    }

    /// Reads a string starting at the opening quote; returns its (unescaped) text.
    private static func readString(_ b: [UInt8], _ i: inout Int) -> String? {
        let start = i
        i += 1
        var escaped = false
        while i < b.count {
            let c = b[i]
            i += 1
            if escaped { escaped = false; continue }
            if c == UInt8(ascii: "\\") { escaped = true; continue }
            if c == UInt8(ascii: "\"") {
                let raw = Data(b[start..<i])
                return (try? JSONSerialization.jsonObject(with: raw, options: [.fragmentsAllowed])) as? String
            }
        }
        return nil
    }

    /// Skips one value (scalar, object or array) with a depth counter; false at a syntax problem.
    private static func skipValue(_ b: [UInt8], _ i: inout Int) -> Bool {
        var depth = 0
        repeat {
            guard i < b.count else { return false }
            let c = b[i]
            switch c {
            case UInt8(ascii: "\""):
                var escaped = false
                i += 1
                while i < b.count {
                    let d = b[i]
                    i += 1
                    if escaped { escaped = false } else if d == UInt8(ascii: "\\") { escaped = true } else if d == UInt8(ascii: "\"") { break }
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                i += 1
            case UInt8(ascii: ","), UInt8(ascii: ":"), 0x20, 0x09, 0x0A, 0x0D:
                i += 1
            default:
                while i < b.count, !"{}[],: \t\r\n\"".utf8.contains(b[i]) { i += 1 }
            }
        } while depth > 0
        return true
    }
}
