import ImmunoSim
import Testing

@Suite struct SVGColorTests {
    @Test func divergingScaleIsNeutralAtZeroAndSignedOnEachSide() {
        let scale = ColorScale.diverging(limit: 2)
        #expect(scale.color(for: 0) == scale.neutral)
        #expect(scale.neutral.hex == "#f7f7f7")
        #expect(scale.color(for: -0.0) == scale.neutral)
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<500 {
            let magnitude = Double.random(in: 0.05...5, using: &rng)
            let positive = scale.color(for: magnitude)!
            let negative = scale.color(for: -magnitude)!
            #expect(positive.red > positive.blue, "+\(magnitude) → \(positive)")
            #expect(negative.blue > negative.red, "-\(magnitude) → \(negative)")
        }
        // Saturation beyond the limit, missing values have no colour.
        #expect(scale.color(for: 100) == ColorRamp.blueWhiteRed.anchors.last)
        #expect(scale.color(for: -100) == ColorRamp.blueWhiteRed.anchors.first)
        #expect(scale.color(for: .nan) == nil)
        #expect(scale.color(for: .infinity) == nil)
    }

    @Test func divergingScaleDarkensAwayFromZero() {
        let scale = ColorScale.diverging(limit: 1)
        for sign in [-1.0, 1.0] {
            var previous = scale.neutral.luminance
            for i in 1...50 {
                let luminance = scale.color(for: sign * Double(i) / 50)!.luminance
                #expect(luminance <= previous + 1e-9)
                previous = luminance
            }
        }
    }

    @Test func sequentialScaleRunsDarkToLight() {
        let scale = ColorScale.sequential(lower: 10, upper: 20)
        #expect(scale.color(for: 10) == RGBColor(hex: 0x440154))
        #expect(scale.color(for: 20) == RGBColor(hex: 0xFDE725))
        var previous = -1.0
        for i in 0...100 {
            let luminance = scale.color(for: 10 + Double(i) / 10)!.luminance
            #expect(luminance >= previous - 1e-9)
            previous = luminance
        }
        #expect(ColorScale.sequential(lower: 3, upper: 3).bounds == (3, 4))
    }

    @Test func paletteAndHex() {
        #expect(CategoricalPalette.color(0).hex == "#0072b2")
        #expect(CategoricalPalette.color(8) == CategoricalPalette.color(0))
        #expect(CategoricalPalette.color(-1) == CategoricalPalette.okabeIto.last)
        #expect(Set(CategoricalPalette.okabeIto).count == 8)
        #expect(RGBColor(hex: 0x0A0B0C).hex == "#0a0b0c")
        #expect(RGBColor.black.mixed(with: .white, fraction: 0.5) == RGBColor(red: 128, green: 128, blue: 128))
    }
}
