import ImmunoGraph

// The flagship story: anti-PD-1 releases T-cell activation, and the tumour answers with PD-L1
// (through IFN-γ) and TIM-3. Until the engines land this prints the mechanism and its loops.
do {
    let graph = try Catalog.flagship()
    print(graph)
    print("\nFeedback loops that brake the response:")
    for loop in graph.feedbackLoops() {
        print("  [\(loop.sign == .activates ? "+" : "-")] \(graph.describe(loop))")
    }
} catch {
    print("error: \(error)")
}
