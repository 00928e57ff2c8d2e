import Foundation
import ImmunoSim
import Testing

@Suite struct SVGTickTests {
    @Test func handComputedCases() {
        // 60 / 5 = 12 → step 10.
        #expect(NiceTicks(lower: 0, upper: 60).values == [0, 10, 20, 30, 40, 50, 60])
        // 1 / 5 = 0.2 → step 0.2.
        #expect(NiceTicks(lower: 0, upper: 1).values == [0, 0.2, 0.4, 0.6, 0.8, 1])
        // 15.9 / 5 = 3.18 → step 5, extended outward to -5 … 15.
        let mixed = NiceTicks(lower: -3.7, upper: 12.2)
        #expect(mixed.values == [-5, 0, 5, 10, 15])
        #expect(mixed.step == 5 && mixed.mantissa == 5 && mixed.exponent == 0)
        #expect(NiceTicks(lower: 0, upper: 1).label(0.4) == "0.4")
        #expect(NiceTicks(lower: 0, upper: 1e7).label(4e6) == "4e6")
    }

    @Test func ticksCoverTheRangeWithOneTwoFiveStepsOnManyRanges() {
        var rng = SeededGenerator(seed: 2024)
        for trial in 0..<3000 {
            let magnitude = pow(10, Double(Int.random(in: -7...7, using: &rng)))
            let a = Double.random(in: -1...1, using: &rng) * magnitude * Double.random(in: 0...100, using: &rng)
            let width = trial % 50 == 0 ? 0 : Double.random(in: 0.001...10, using: &rng) * magnitude
            let b = a + width
            let target = Int.random(in: 2...12, using: &rng)
            let ticks = trial % 2 == 0 ? NiceTicks(lower: a, upper: b, target: target) : NiceTicks(lower: b, upper: a)
            let values = ticks.values
            #expect(NiceTicks.countRange.contains(values.count), "\(a)…\(b): \(values.count) ticks")
            guard let first = values.first, let last = values.last else { continue }
            let tolerance = ticks.step * 1e-6
            #expect(first <= a + tolerance && last >= b - tolerance, "\(a)…\(b) not covered by \(values)")
            // The step is 1, 2 or 5 times a power of ten, computed here from the step alone.
            let exponent = log10(ticks.step).rounded(.down)
            let mantissa = ticks.step / pow(10, exponent)
            #expect([1.0, 2, 5].contains { abs(mantissa - $0) < 1e-9 } || abs(mantissa - 10) < 1e-9,
                "step \(ticks.step)")
            for (i, value) in values.enumerated() {
                let multiple = value / ticks.step
                #expect(abs(multiple - multiple.rounded()) < 1e-6, "\(value) is not a multiple of \(ticks.step)")
                if i > 0 { #expect(abs(value - values[i - 1] - ticks.step) <= tolerance) }
            }
            // Loose labelling extends at most one step beyond the data on either side (a degenerate
            // range is widened first, so it is exempt).
            #expect(width == 0 || first > a - ticks.step - tolerance && last < b + ticks.step + tolerance, "\(a)…\(b) → \(values)")
        }
    }

    @Test func degenerateRangesAreWidened() {
        for value in [0.0, 5, -3e-4, 1e9] {
            let ticks = NiceTicks(lower: value, upper: value)
            #expect(NiceTicks.countRange.contains(ticks.values.count))
            #expect((ticks.values.first ?? .nan) < value && (ticks.values.last ?? .nan) > value)
        }
        #expect(NiceTicks(lower: .nan, upper: 3).values == [0, 0.2, 0.4, 0.6, 0.8, 1])
    }

    @Test func logTicks() {
        let wide = LogTicks(minimum: 0.013, maximum: 87)
        #expect(wide.lower == 0.01 && wide.upper == 100)
        #expect(wide.values == [0.01, 0.1, 1, 10, 100])
        #expect(wide.label(0.01) == "0.01" && wide.label(100) == "100")
        let narrow = LogTicks(minimum: 1, maximum: 50)
        #expect(narrow.values == [1, 2, 5, 10, 20, 50, 100])
        let huge = LogTicks(minimum: 1e-10, maximum: 1e10)
        #expect(huge.values.count <= 11)
        #expect(huge.label(1e10) == "1e10")
        #expect(LogTicks(minimum: -1, maximum: 0).values == [1, 2, 5, 10])
    }
}
