// libFuzzer entry point for screen results (`immunosim merge`): decode, validate, merge, rank,
// draw. Built with the ImmunoGraph and ImmunoSim sources as one module (see Scripts/fuzz.sh).
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMerge(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard let result = try? JSONDocument.decode(ScreenResult.self, from: data, file: "fuzz.json") else { return 0 }
    guard (try? result.validate(name: "fuzz.json")) != nil else { return 0 }
    // A validated result is safe to merge, rank and draw.
    let merged = (try? ScreenResult.merge([result])) ?? result
    for goal in [ScreenGoal.decrease, .increase] {
        _ = merged.ranked(goal: goal)
        if merged.plan.order >= 2 {
            _ = merged.pairHeatmap(goal: goal).svg()
            _ = merged.blissHeatmap(goal: goal).svg()
        }
    }
    return 0
}
