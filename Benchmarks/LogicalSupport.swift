import Foundation
import ImmunoGraph
import ImmunoSim

/// A random network of `nodes` nodes with exactly `inputs` distinct signed in-edges each
/// (inhibitor-dominant rules are derived from them).
func randomRegularNetwork(nodes: Int, inputs: Int, seed: UInt64) throws -> MechanismGraph {
    var rng = SeededGenerator(seed: seed)
    var builder = GraphBuilder(name: "randomK\(inputs)")
    for i in 0..<nodes { builder.add(Node("n\(i)", kind: .process)) }
    for t in 0..<nodes {
        var sources = Set<Int>()
        while sources.count < inputs { sources.insert(Int.random(in: 0..<nodes, using: &rng)) }
        for s in sources.sorted() {
            builder.add(Edge("n\(s)", Int.random(in: 0..<3, using: &rng) == 0 ? .inhibits : .activates, "n\(t)"))
        }
    }
    return try builder.build()
}

/// Appends `X, X` for every identifier a bnet text reads but does not define (the BBM files
/// leave inputs undeclared, which the bnet reader rejects).
func completingUndeclaredInputs(_ text: String) -> String {
    var targets = Set<String>(), read = [String]()
    for line in text.split(separator: "\n") {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), let comma = trimmed.firstIndex(of: ",") else { continue }
        let target = trimmed[..<comma].trimmingCharacters(in: .whitespaces)
        if target == "targets" { continue }
        targets.insert(target)
        var word = ""
        for c in trimmed[trimmed.index(after: comma)...] + " " {
            if c.isLetter || c.isNumber || c == "_" || c == "." { word.append(c); continue }
            if let first = word.first, first.isLetter || first == "_", !["true", "false"].contains(word.lowercased()) {
                read.append(word)
            }
            word = ""
        }
    }
    var seen = Set<String>()
    let missing = read.filter { !targets.contains($0) && seen.insert($0).inserted }
    return text + (text.hasSuffix("\n") ? "" : "\n") + missing.map { "\($0), \($0)\n" }.joined()
}
