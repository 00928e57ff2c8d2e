import Foundation

/// Axis ticks at "nice" values: multiples of 1, 2 or 5 × 10^k.
///
/// Heckbert's loose labelling ("Nice numbers for graph labels", Graphics Gems, 1990): pick a nice
/// step for the wanted tick count and extend the range outward to multiples of the step. If the count lands outside `4…10`, the step moves one rung down or up
/// the 1-2-5 ladder until it fits, which always terminates because each rung changes the interval
/// count by a factor of at most 2.5.
///
/// ```swift
/// let ticks = NiceTicks(lower: 0.13, upper: 0.87)
/// // ticks.values == [0, 0.2, 0.4, 0.6, 0.8, 1], ticks.step == 0.2
/// ```
public struct NiceTicks: Sendable, Equatable {
    /// The tick values, ascending; the first is ≤ the lower bound and the last ≥ the upper bound.
    public let values: [Double]
    /// The distance between ticks, `mantissa × 10^exponent` with mantissa 1, 2 or 5.
    public let step: Double
    /// The mantissa of the step: 1, 2 or 5.
    public let mantissa: Int
    /// The decimal exponent of the step.
    public let exponent: Int

    /// The smallest and largest tick count produced.
    public static let countRange = 4...10

    /// Ticks covering `lower…upper` (in either order), aiming at `target` ticks (clamped to 4…10).
    ///
    /// A degenerate range (equal bounds) is widened around the value; non-finite bounds give 0…1.
    /// - Complexity: O(number of ticks).
    public init(lower: Double, upper: Double, target: Int = 6) {
        var low = min(lower, upper)
        var high = max(lower, upper)
        if !low.isFinite || !high.isFinite {
            low = 0
            high = 1
        }
        if high - low <= abs(high) * 1e-12 {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        let wanted = max(Self.countRange.lowerBound, min(Self.countRange.upperBound, target))
        // Heckbert first rounds the range itself up to a nice number; stepping from the raw range
        // instead keeps e.g. 0…60 at a step of 10 rather than 20.
        var (mantissa, exponent) = Self.niceNumber((high - low) / Double(wanted - 1), round: true).rung
        var count = Self.count(low, high, mantissa, exponent)
        var guardCount = 0
        while !Self.countRange.contains(count) && guardCount < 16 {
            (mantissa, exponent) = count < Self.countRange.lowerBound
                ? Self.rungBelow(mantissa, exponent) : Self.rungAbove(mantissa, exponent)
            count = Self.count(low, high, mantissa, exponent)
            guardCount += 1
        }
        let step = Double(mantissa) * pow(10, Double(exponent))
        let first = Self.firstIndex(low, step)
        var values: [Double] = []
        values.reserveCapacity(count)
        for i in 0..<count {
            // Multiply integers by the step so values are as exact as a decimal literal allows.
            let k = first + Double(i)
            values.append(exponent < 0 ? k * Double(mantissa) / pow(10, Double(-exponent)) : k * step)
        }
        self.values = values
        self.step = step
        self.mantissa = mantissa
        self.exponent = exponent
    }

    /// The number of decimals that print every tick exactly (0 for steps ≥ 1).
    public var decimals: Int { max(0, -exponent) }

    /// The label of a tick value: fixed decimals matching the step, or `1e6`-style for huge or
    /// tiny steps.
    public func label(_ value: Double) -> String {
        if exponent >= 6 || exponent <= -6 { return Self.scientific(value) }
        return SVGNumber.fixed(value, decimals: decimals)
    }

    /// Heckbert's nice number: a 1-2-5 (or 10) multiple of a power of ten near `x`.
    static func niceNumber(_ x: Double, round: Bool) -> (value: Double, rung: (Int, Int)) {
        guard x > 0, x.isFinite else { return (1, (1, 0)) }
        var exponent = Int(log10(x).rounded(.down))
        let fraction = x / pow(10, Double(exponent))
        var mantissa: Int
        if round {
            mantissa = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            mantissa = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        if mantissa == 10 {
            mantissa = 1
            exponent += 1
        }
        return (Double(mantissa) * pow(10, Double(exponent)), (mantissa, exponent))
    }

    static func count(_ low: Double, _ high: Double, _ mantissa: Int, _ exponent: Int) -> Int {
        let step = Double(mantissa) * pow(10, Double(exponent))
        let first = firstIndex(low, step)
        let last = (high / step - 1e-9).rounded(.up)
        let span = last - first
        guard span.isFinite, span < 1e6 else { return Int.max }
        return Int(span) + 1
    }

    /// The index of the first tick; the tolerance keeps 0.30000000000000004 / 0.1 from adding a tick.
    static func firstIndex(_ low: Double, _ step: Double) -> Double {
        (low / step + 1e-9).rounded(.down)
    }

    static func rungBelow(_ mantissa: Int, _ exponent: Int) -> (Int, Int) {
        switch mantissa {
        case 5: (2, exponent)
        case 2: (1, exponent)
        default: (5, exponent - 1)
        }
    }

    static func rungAbove(_ mantissa: Int, _ exponent: Int) -> (Int, Int) {
        switch mantissa {
        case 1: (2, exponent)
        case 2: (5, exponent)
        default: (1, exponent + 1)
        }
    }

    /// `value` as `m e k` with a short mantissa, e.g. `2.5e6`, `1e-7`, `0`.
    static func scientific(_ value: Double) -> String {
        guard value != 0, value.isFinite else { return "0" }
        let exponent = Int(log10(abs(value)).rounded(.down))
        let mantissa = value / pow(10, Double(exponent))
        return SVGNumber.format(mantissa, digits: 2) + "e" + String(exponent)
    }
}

/// Ticks for a logarithmic (base-10) axis: every decade, plus 2× and 5× when the axis spans
/// at most two decades, or every k-th decade when it spans more than ten.
public struct LogTicks: Sendable, Equatable {
    /// The lower end of the axis: a power of ten ≤ the data minimum.
    public let lower: Double
    /// The upper end of the axis: a power of ten ≥ the data maximum.
    public let upper: Double
    /// The tick values, ascending, all within `lower…upper`.
    public let values: [Double]

    /// Ticks for positive data in `minimum…maximum`; non-positive or non-finite bounds give 1…10.
    public init(minimum: Double, maximum: Double) {
        var low = min(minimum, maximum)
        var high = max(minimum, maximum)
        if !(low > 0) || !high.isFinite || !low.isFinite {
            low = 1
            high = 10
        }
        var first = Int(log10(low).rounded(.down))
        var last = Int(log10(high).rounded(.up))
        if last <= first { last = first + 1 }
        if last - first > 300 { first = last - 300 }
        let decades = last - first
        let every = max(1, (decades + 9) / 10)
        var values: [Double] = []
        for e in stride(from: first, through: last, by: every) {
            let base = pow(10, Double(e))
            values.append(base)
            if decades <= 2 && e < last {
                values.append(2 * base)
                values.append(5 * base)
            }
        }
        self.lower = pow(10, Double(first))
        self.upper = pow(10, Double(last))
        self.values = values
    }

    /// The label of a tick: plain decimals from 0.001 to 10 000, `1e6`-style beyond.
    public func label(_ value: Double) -> String {
        if value >= 1e-3 && value < 1e5 { return SVGNumber.format(value, digits: 3) }
        return NiceTicks.scientific(value)
    }
}
