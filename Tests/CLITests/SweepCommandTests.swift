import Foundation
import Testing

@Suite("immunosim sweep")
struct SweepCommandTests {
    @Test func doseSweepOfEBRTShowsTheTREX1Brake() throws {
        let run = try #require(try CLI.run([
            "sweep", "builtin:tme", "--therapy", "EBRT", "--readout", "TYPE_I_IFN", "--readout", "TREX1",
            "--doses", "0.1,0.4,1", "--csv",
        ]))
        #expect(run.status == 0, "\(run.stderr)")
        let rows = run.stdout.split(separator: "\n").map { $0.split(separator: ",") }
        #expect(rows.first == ["dose", "TYPE_I_IFN", "TREX1"])
        let ifn = rows.dropFirst().compactMap { Double($0[1]) }
        let trex1 = rows.dropFirst().compactMap { Double($0[2]) }
        #expect(ifn.count == 3 && trex1.count == 3)
        // TREX1 rises with dose and type I IFN falls at high dose per fraction.
        #expect(trex1[0] < trex1[1] && trex1[1] < trex1[2])
        #expect(ifn[2] < ifn[0])
    }

    @Test func startSweepAndSVG() throws {
        let svg = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-\(UUID().uuidString).svg").path
        let run = try #require(try CLI.run([
            "sweep", "builtin:flagship", "--therapy", "ANTI_PD1", "--readout", "TUMOR_BURDEN", "--starts", "0,10,30",
            "--steps", "40", "--svg", svg,
        ]))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("ANTI_PD1: start sweep"))
        #expect(try String(contentsOfFile: svg, encoding: .utf8).contains("start step"))
    }

    @Test func usageErrors() throws {
        #expect(try CLI.run(["sweep", "builtin:tme", "--therapy", "TAT", "--readout", "TUMOR_BURDEN"])?.status == 2)
        #expect(try CLI.run(["sweep", "builtin:tme", "--therapy", "TAT", "--readout", "TUMOR_BURDEN", "--doses", "a,b"])?.status == 2)
        let typo = try #require(try CLI.run(["sweep", "builtin:tme", "--therapy", "TAT", "--readout", "TUMOUR_BURDEN", "--doses", "0.1"]))
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("did you mean TUMOR_BURDEN?"))
    }
}
