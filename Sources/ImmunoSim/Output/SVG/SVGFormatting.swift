/// XML escaping for SVG text content and attribute values.
public enum SVGEscaping {
    /// Escapes text content: `&`, `<`, `>`; characters XML 1.0 forbids become spaces.
    public static func text(_ string: String) -> String {
        escape(string, quotes: false)
    }

    /// Escapes an attribute value: `&`, `<`, `>`, `"`, `'`; tabs and newlines become character
    /// references so they survive attribute normalisation; forbidden characters become spaces.
    public static func attribute(_ string: String) -> String {
        escape(string, quotes: true)
    }

    private static func escape(_ string: String, quotes: Bool) -> String {
        // Fast path: most strings (coordinates, path data, colours) need no escaping at all.
        let clean = string.utf8.allSatisfy { byte in
            byte >= 0x20 && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">")
                && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'") && byte != 0xEF  // 0xEF may start U+FFFE/U+FFFF
        }
        if clean { return string }
        var out = ""
        out.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&apos;"
            case "\n" where quotes: out += "&#10;"
            case "\t" where quotes: out += "&#9;"
            case "\r": out += "&#13;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                // XML 1.0 forbids C0 controls other than tab/LF/CR, and U+FFFE/U+FFFF.
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

/// Compact, locale-independent number printing for SVG coordinates and labels.
public enum SVGNumber {
    /// The number rounded to at most `digits` decimals, without trailing zeros or a negative zero:
    /// `12`, `12.5`, `0.25`, `-3`. Non-finite values print as `0`.
    ///
    /// - Parameters:
    ///   - value: the number to print.
    ///   - digits: decimals kept, 0…9.
    public static func format(_ value: Double, digits: Int = 2) -> String {
        var out = ""
        append(value, digits: digits, to: &out)
        return out
    }

    /// Appends ``format(_:digits:)`` of `value` to `out` without intermediate strings.
    /// - Complexity: O(number of digits).
    public static func append(_ value: Double, digits: Int = 2, to out: inout String) {
        let places = max(0, min(digits, 9))
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = value.isFinite ? (value * Double(scale)).rounded() : 0
        guard abs(scaled) < 9e15 else {
            out += fixed(value, decimals: 0)
            return
        }
        var magnitude = Int64(abs(scaled))
        if magnitude == 0 {
            out += "0"
            return
        }
        var fractionDigits = places
        while fractionDigits > 0 && magnitude % 10 == 0 {
            magnitude /= 10
            fractionDigits -= 1
        }
        // Digits are written right to left into a stack buffer; the result is a small string,
        // so no heap allocation happens per number.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            var index = 24
            var written = 0
            while magnitude > 0 || written <= fractionDigits {
                if written == fractionDigits && fractionDigits > 0 {
                    index -= 1
                    buffer[index] = UInt8(ascii: ".")
                }
                index -= 1
                buffer[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                written += 1
            }
            if scaled < 0 {
                index -= 1
                buffer[index] = UInt8(ascii: "-")
            }
            out += String(decoding: UnsafeBufferPointer(rebasing: buffer[index..<24]), as: UTF8.self)
        }
    }

    /// The number with exactly `decimals` decimals (`0.50`, `-1.25`), never `-0.00`.
    /// Non-finite values print as `0`; magnitudes beyond 1e15 lose their decimals.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "0" }
        let places = max(0, min(decimals, 9))
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (value * scale).rounded()
        guard abs(scaled) < 9e15 else {
            let whole = value.rounded()
            return abs(whole) < 9e18 ? String(Int64(whole)) : (value < 0 ? "-9e18" : "9e18")
        }
        let magnitude = Int64(abs(scaled))
        if magnitude == 0 { return places == 0 ? "0" : "0." + String(repeating: "0", count: places) }
        let divisor = Int64(scale)
        let integer = magnitude / divisor
        var result = (scaled < 0 ? "-" : "") + String(integer)
        if places > 0 {
            let fraction = String(magnitude % divisor)
            result += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return result
    }
}
