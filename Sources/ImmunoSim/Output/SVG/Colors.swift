import Foundation

/// An sRGB colour with 8-bit channels.
public struct RGBColor: Sendable, Hashable, CustomStringConvertible {
    /// Red, 0…255.
    public var red: UInt8
    /// Green, 0…255.
    public var green: UInt8
    /// Blue, 0…255.
    public var blue: UInt8

    /// Creates a colour from channels.
    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Creates a colour from a 24-bit value, e.g. `0xD55E00`.
    public init(hex value: UInt32) {
        red = UInt8((value >> 16) & 0xFF)
        green = UInt8((value >> 8) & 0xFF)
        blue = UInt8(value & 0xFF)
    }

    /// The colour as `#rrggbb`.
    public var hex: String {
        let digits: [Character] = Array("0123456789abcdef")
        var out = "#"
        for channel in [red, green, blue] {
            out.append(digits[Int(channel >> 4)])
            out.append(digits[Int(channel & 0xF)])
        }
        return out
    }

    /// The `#rrggbb` form.
    public var description: String { hex }

    /// Relative luminance (WCAG 2), 0 for black … 1 for white.
    public var luminance: Double {
        func linear(_ channel: UInt8) -> Double {
            let c = Double(channel) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// The colour mixed with `other`: `fraction` 0 gives `self`, 1 gives `other` (linear in sRGB).
    public func mixed(with other: RGBColor, fraction: Double) -> RGBColor {
        let t = fraction.isFinite ? max(0, min(1, fraction)) : 0
        func mix(_ a: UInt8, _ b: UInt8) -> UInt8 {
            UInt8((Double(a) + (Double(b) - Double(a)) * t).rounded())
        }
        return RGBColor(red: mix(red, other.red), green: mix(green, other.green), blue: mix(blue, other.blue))
    }

    /// A light tint: the colour mixed `amount` of the way to white.
    public func tinted(_ amount: Double) -> RGBColor { mixed(with: .white, fraction: amount) }

    /// A shade: the colour mixed `amount` of the way to black.
    public func shaded(_ amount: Double) -> RGBColor { mixed(with: .black, fraction: amount) }

    /// White.
    public static let white = RGBColor(hex: 0xFFFFFF)
    /// Black.
    public static let black = RGBColor(hex: 0x000000)
}

/// Categorical colours that stay distinguishable under the common colour-vision deficiencies.
///
/// The Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), reordered so the first
/// colours have good contrast on white: blue, vermillion, bluish green, reddish purple, orange,
/// sky blue, black, yellow.
public enum CategoricalPalette {
    /// The eight Okabe–Ito colours in plotting order.
    public static let okabeIto: [RGBColor] = [
        RGBColor(hex: 0x0072B2), RGBColor(hex: 0xD55E00), RGBColor(hex: 0x009E73), RGBColor(hex: 0xCC79A7),
        RGBColor(hex: 0xE69F00), RGBColor(hex: 0x56B4E9), RGBColor(hex: 0x000000), RGBColor(hex: 0xF0E442),
    ]

    /// The colour for series `index`; indices past the palette wrap around.
    public static func color(_ index: Int) -> RGBColor {
        okabeIto[((index % okabeIto.count) + okabeIto.count) % okabeIto.count]
    }
}
