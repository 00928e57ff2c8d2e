// libFuzzer entry point for the hypothesis-file reader (`immunosim check`). Built with the
// ImmunoGraph and ImmunoSim sources as one module (see Scripts/fuzz.sh).
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHypotheses(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    if let file = try? HypothesisFile.read(data, file: "fuzz.json") {
        // What was read writes back and reads again to the same file.
        if let written = try? file.jsonData(), let again = try? HypothesisFile.read(written) {
            precondition(again.hypotheses.count == file.hypotheses.count, "hypothesis file round trip lost hypotheses")
        }
    }
    return 0
}
