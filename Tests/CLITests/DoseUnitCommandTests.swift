import Testing

/// `--therapy ID:DOSE UNIT` on the command line (issue 14, item 3).
@Suite("Doses in the papers' units on the command line")
struct DoseUnitCommandTests {
    @Test func aSaturatingDoseWarnsAndAnUnknownUnitIsBadInput() throws {
        let ok = try #require(try CLI.run(["simulate", "builtin:tme", "--therapy", "TAT:250kBq/kg", "--steps", "3", "--readout", "TAT"]))
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("0.4"), "\(ok.stdout)")
        #expect(!ok.stderr.contains("warning"), "\(ok.stderr)")
        let high = try #require(try CLI.run(["simulate", "builtin:tme", "--therapy", "TAT:700kBq/kg", "--steps", "3", "--readout", "TAT"]))
        #expect(high.status == 0)
        #expect(high.stderr.contains("warning: TAT: dose 700 is above the full-effect dose 625"), "\(high.stderr)")
        let bad = try #require(try CLI.run(["simulate", "builtin:tme", "--therapy", "TAT:250Gy", "--steps", "3"]))
        #expect(bad.status == 1, "\(bad.status) \(bad.stderr)")
        #expect(bad.stderr.contains("kBq/kg"), "\(bad.stderr)")
    }
}
