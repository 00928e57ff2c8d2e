// libFuzzer entry point for the SBML-qual reader (XML tree, MathML, annotations).
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSBML(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    if let graph = try? SBMLQualReader.read(data, file: "fuzz.sbml") {
        // Whatever was accepted must survive our own writer and reader.
        guard let back = try? SBMLQualReader.read(Data(SBMLQualWriter.write(graph).utf8)) else {
            fatalError("SBML written from an accepted model could not be read back")
        }
        if back.nodes.map(\.id) != graph.nodes.map(\.id) { fatalError("SBML round trip lost nodes") }
    }
    return 0
}
