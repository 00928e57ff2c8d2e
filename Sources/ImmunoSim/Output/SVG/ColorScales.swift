/// A continuous colour scale given by evenly spaced anchor colours, interpolated linearly in sRGB.
public struct ColorRamp: Sendable, Equatable {
    /// The anchors from the low end (position 0) to the high end (position 1).
    public let anchors: [RGBColor]

    /// Creates a ramp; at least two anchors.
    public init(anchors: [RGBColor]) {
        precondition(anchors.count >= 2, "a colour ramp needs at least two anchors")
        self.anchors = anchors
    }

    /// The colour at `position` in 0…1 (clamped; NaN gives the low end).
    public func color(at position: Double) -> RGBColor {
        let t = position.isFinite ? max(0, min(1, position)) : 0
        let scaled = t * Double(anchors.count - 1)
        let lower = min(Int(scaled), anchors.count - 2)
        return anchors[lower].mixed(with: anchors[lower + 1], fraction: scaled - Double(lower))
    }

    /// Viridis (van der Walt & Smith, matplotlib): perceptually uniform, colour-blind safe,
    /// dark purple (low) to yellow (high); anchors are R's `viridis(9)`.
    public static let viridis = ColorRamp(anchors: [
        RGBColor(hex: 0x440154), RGBColor(hex: 0x472D7B), RGBColor(hex: 0x3B528B), RGBColor(hex: 0x2C728E),
        RGBColor(hex: 0x21908C), RGBColor(hex: 0x27AD81), RGBColor(hex: 0x5DC863), RGBColor(hex: 0xAADC32),
        RGBColor(hex: 0xFDE725),
    ])

    /// ColorBrewer RdBu (11 classes) reversed: dark blue (low) through near-white (middle) to dark red (high).
    public static let blueWhiteRed = ColorRamp(anchors: [
        RGBColor(hex: 0x053061), RGBColor(hex: 0x2166AC), RGBColor(hex: 0x4393C3), RGBColor(hex: 0x92C5DE),
        RGBColor(hex: 0xD1E5F0), RGBColor(hex: 0xF7F7F7), RGBColor(hex: 0xFDDBC7), RGBColor(hex: 0xF4A582),
        RGBColor(hex: 0xD6604D), RGBColor(hex: 0xB2182B), RGBColor(hex: 0x67001F),
    ])
}

/// Maps a value to a colour: either sequential over a range, or diverging around zero.
///
/// A diverging scale is symmetric: `-limit` is the blue end, `0` the neutral colour and `+limit`
/// the red end; values beyond the limit saturate. A sequential scale maps `range` onto viridis.
public struct ColorScale: Sendable, Equatable {
    /// How values map onto the ramp.
    public enum Kind: Sendable, Equatable {
        /// Symmetric around zero with this positive limit.
        case diverging(limit: Double)
        /// From the lower to the upper bound of the range.
        case sequential(lower: Double, upper: Double)
    }

    /// The mapping.
    public let kind: Kind
    /// The colours.
    public let ramp: ColorRamp

    /// A diverging blue–white–red scale centred on 0; a non-positive or non-finite limit becomes 1.
    public static func diverging(limit: Double, ramp: ColorRamp = .blueWhiteRed) -> ColorScale {
        ColorScale(kind: .diverging(limit: limit.isFinite && limit > 0 ? limit : 1), ramp: ramp)
    }

    /// A sequential viridis scale from `lower` to `upper`; an empty range is widened by 1.
    public static func sequential(lower: Double, upper: Double, ramp: ColorRamp = .viridis) -> ColorScale {
        guard lower.isFinite, upper.isFinite, upper > lower else {
            let base = lower.isFinite ? lower : 0
            return ColorScale(kind: .sequential(lower: base, upper: base + 1), ramp: ramp)
        }
        return ColorScale(kind: .sequential(lower: lower, upper: upper), ramp: ramp)
    }

    /// The lowest and highest value of the scale.
    public var bounds: (lower: Double, upper: Double) {
        switch kind {
        case .diverging(let limit): (-limit, limit)
        case .sequential(let lower, let upper): (lower, upper)
        }
    }

    /// The position of `value` on the ramp, 0…1 (clamped), or `nil` for NaN / infinite input.
    public func position(of value: Double) -> Double? {
        guard value.isFinite else { return nil }
        let (lower, upper) = bounds
        return max(0, min(1, (value - lower) / (upper - lower)))
    }

    /// The colour of `value`, or `nil` when it is not a finite number (draw those as missing).
    public func color(for value: Double) -> RGBColor? {
        position(of: value).map(ramp.color(at:))
    }

    /// The colour of the scale's midpoint: the neutral colour of a diverging scale.
    public var neutral: RGBColor { ramp.color(at: 0.5) }
}
