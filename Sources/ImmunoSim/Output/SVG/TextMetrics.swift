/// Text width estimates for laying out labels without a font engine.
///
/// Widths come from the Helvetica AFM metrics (units per 1000 em) for printable ASCII; other
/// characters count as a digit's width. Arial has the same advance widths, so the estimate holds
/// for the generic `Helvetica, Arial, sans-serif` family within a few percent.
public enum TextMetrics {
    /// Helvetica advance widths for U+0020 … U+007E.
    private static let helvetica: [UInt16] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // space … /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0 … ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @ … O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // P … _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // ` … o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,  // p … ~
    ]

    /// The estimated width in pixels of `text` at `fontSize` pixels; bold text is ~6% wider.
    /// - Complexity: O(length of `text`).
    public static func width(of text: String, fontSize: Double, bold: Bool = false) -> Double {
        var units = 0
        for scalar in text.unicodeScalars {
            let value = Int(scalar.value)
            if value >= 0x20 && value <= 0x7E {
                units += Int(helvetica[value - 0x20])
            } else if value >= 0x0300 && value <= 0x036F {
                continue  // combining marks take no advance
            } else {
                units += 556
            }
        }
        return Double(units) / 1000 * fontSize * (bold ? 1.06 : 1)
    }
}
