import Foundation
import ImmunoGraph
import Testing

/// What we write must be read back by us and accepted by the peers' validators.
@Suite("Writers: consistency")
struct WriterConsistencyTests {
    /// Top-level elements of each `<annotation>` by namespace prefix: libsbml rule 10402 allows
    /// one per namespace.
    private func annotationNamespaces(_ sbml: String) -> [[String]] {
        var result: [[String]] = []
        var rest = Substring(sbml)
        while let open = rest.range(of: "<annotation>"), let close = rest.range(of: "</annotation>", range: open.upperBound..<rest.endIndex) {
            let body = rest[open.upperBound..<close.lowerBound]
            var depth = 0
            var prefixes: [String] = []
            var i = body.startIndex
            while let lt = body[i...].firstIndex(of: "<") {
                let next = body.index(after: lt)
                guard let gt = body[next...].firstIndex(of: ">") else { break }
                let tag = body[next..<gt]
                if tag.hasPrefix("/") {
                    depth -= 1
                } else {
                    if depth == 0 { prefixes.append(String(tag.prefix { $0 != ":" && $0 != " " })) }
                    if !tag.hasSuffix("/") { depth += 1 }
                }
                i = body.index(after: gt)
            }
            result.append(prefixes)
            rest = rest[close.upperBound...]
        }
        return result
    }

    @Test("SBML export: one top-level element per namespace in every annotation (dual edges, backgrounds), read back the same")
    func sbmlAnnotationsHaveOneElementPerNamespace() throws {
        for graph in [try Catalog.tumourMicroenvironment(), try ModelLoader.load("builtin:flagship"),
                      try BnetFormat.read("A, A\nB, A & !C | C & !A\nC, B\n")] {
            let text = SBMLQualWriter.write(graph)
            let annotations = annotationNamespaces(text)
            #expect(!annotations.isEmpty)
            for prefixes in annotations {
                #expect(Set(prefixes).count == prefixes.count, "\(graph.name): \(prefixes)")
            }
            let back = try SBMLQualReader.read(Data(text.utf8))
            #expect(back.edges.count == graph.edges.count, "\(graph.name)")
            #expect(back.backgrounds.map(\.name) == graph.backgrounds.map(\.name), "\(graph.name)")
            #expect(back.backgrounds.map(\.clamps) == graph.backgrounds.map(\.clamps), "\(graph.name)")
        }
    }

    @Test("SBML written before issue 16 (two ig:edge elements in one annotation) still reads")
    func legacyUnwrappedEdgesRead() throws {
        let graph = try BnetFormat.read("A, A\nB, A & !C | C & !A\nC, B\n")
        let text = SBMLQualWriter.write(graph)
        let legacy = text.replacingOccurrences(of: "<ig:edges xmlns:ig=\"\(SBMLAnnotations.namespace)\">", with: "")
            .replacingOccurrences(of: "</ig:edges>", with: "")
            .replacingOccurrences(of: "<ig:edge ", with: "<ig:edge xmlns:ig=\"\(SBMLAnnotations.namespace)\" ")
        #expect(legacy != text)
        #expect(try SBMLQualReader.read(Data(legacy.utf8)).edges.count == graph.edges.count)
    }
}
