import Foundation
import ImmunoGraph
import ImmunoSim

/// A seeded bnet document of about `bytes` bytes: inputs, then rules of 2–6 literals in `&`/`|`.
func syntheticBnet(bytes: Int, seed: UInt64) -> String {
    var rng = SeededGenerator(seed: seed)
    var text = "targets, factors\n"
    let inputs = 200
    for i in 0..<inputs { text += "in_\(i), in_\(i)\n" }
    var k = 0
    while text.utf8.count < bytes {
        let pool = inputs + k
        func name(_ j: Int) -> String { j < inputs ? "in_\(j)" : "gene_\(j - inputs)" }
        var rule = ""
        let literals = Int.random(in: 2...6, using: &rng)
        for l in 0..<literals {
            if l > 0 { rule += Bool.random(using: &rng) ? " & " : " | " }
            if Bool.random(using: &rng) { rule += "!" }
            if l == 1 && literals > 3 { rule += "(" }
            rule += name(Int.random(in: 0..<pool, using: &rng))
            if l == 2 && literals > 3 { rule += ")" }
        }
        text += "gene_\(k), \(rule)\n"
        k += 1
    }
    return text
}

/// `formats.bnet.parse` (MB/s on a 1 MB file) and `formats.sbml.largest` (ms for the largest
/// shared BBM SBML model, when /work/shared is present).
func runFormatsBenchmarks() throws {
    if selected("formats.bnet.parse") {
        let text = syntheticBnet(bytes: 1 << 20, seed: 11)
        let megabytes = Double(text.utf8.count) / 1e6
        // Syntax phase: text → rules.
        let parse = try best(5) { checksum &+= try BnetFormat.parseRules(text).count }
        report("formats.bnet.parse", megabytes / parse, "MB/s")
        // Full import: rules, signed edges and a validated graph.
        let read = try best(5) { checksum &+= try BnetFormat.read(text, undefinedNames: .error).nodeCount }
        report("formats.bnet.read", megabytes / read, "MB/s")
    }
    if selected("formats.sbml.largest") {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let dir = root.deletingLastPathComponent().appendingPathComponent("shared/models/bbm")
        let models = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        let largest = models.map { dir.appendingPathComponent($0).appendingPathComponent("model.sbml") }
            .max { a, b in
                let sa = (try? FileManager.default.attributesOfItem(atPath: a.path)[.size] as? Int) ?? 0
                let sb = (try? FileManager.default.attributesOfItem(atPath: b.path)[.size] as? Int) ?? 0
                return sa < sb
            }
        guard let largest else {
            FileHandle.standardError.write(Data("formats.sbml.largest: skipped (no ../shared/models/bbm)\n".utf8))
            return
        }
        let data = try Data(contentsOf: largest)
        let time = try best(5) { checksum &+= try SBMLQualReader.read(data).nodeCount }
        report("formats.sbml.largest", time * 1000, "ms")
        let graph = try SBMLQualReader.read(data)
        let writeTime = best(5) { checksum &+= SBMLQualWriter.write(graph).utf8.count }
        report("formats.sbml.write.largest", writeTime * 1000, "ms")
    }
}
