import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

/// Deterministic pseudo-random bits for the minimisation property test.
private struct Bits {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Trap spaces at scale")
struct TrapSpaceScaleTests {
    @Test("extremeElements equals brute-force minimal and maximal elements of random sets, with unordered variables")
    func minimisation() {
        var bits = Bits(state: 11)
        for round in 0..<60 {
            let n = 3 + round % 5
            // Variables in the order: every third one is not ordered (compared for equality only).
            let ordered = (0..<n).map { $0 % 3 != 2 }
            var dd = DecisionDiagram(variableCount: n)
            var members: [Int] = []
            var set = BDD.zero
            for v in 0..<(1 << n) where bits.next() % 3 == 0 {
                members.append(v)
                set = dd.or(set, dd.cube((0..<n).map { (variable: $0, value: v >> $0 & 1 == 1) }))
            }
            func below(_ x: Int, _ y: Int) -> Bool {   // x ≤ y
                (0..<n).allSatisfy { k in
                    let a = x >> k & 1, b = y >> k & 1
                    return ordered[k] ? a <= b : a == b
                }
            }
            for maximal in [false, true] {
                let expected = members.filter { x in
                    !members.contains { y in y != x && (maximal ? below(x, y) : below(y, x)) }
                }
                let result = dd.extremeElements(set, order: (0..<n).filter { ordered[$0] }, maximal: maximal)
                let found = (0..<(1 << n)).filter { v in dd.evaluate(result, (0..<n).map { v >> $0 & 1 == 1 }) }
                #expect(found == expected.sorted(), "round \(round) maximal \(maximal)")
            }
        }
    }

    @Test("the trap-space count equals the list; the limit truncates and says so")
    func counts() throws {
        for seed in UInt64(1)...20 {
            let model = try RandomLogical.model(nodes: 3 + Int(seed % 4), k: 3, multiValued: false, seed: seed)
            for kind in TrapSpaceKind.allCases {
                let all = try model.trapSpaceList(kind)
                #expect(Double(all.spaces.count) == all.count)
                #expect(!all.isTruncated)
                #expect(all.spaces == BruteTrap.trapSpaces(model, kind, inputs: .fixed))
                if all.spaces.count > 1 {
                    let one = try model.trapSpaceList(kind, limit: 1)
                    #expect(one.spaces.count == 1 && one.isTruncated && one.count == all.count)
                }
            }
        }
    }

    @Test("BBM 093 (66 nodes, 15 inputs): 41,240 minimal trap spaces, counted without listing (skipped without ../shared)")
    func checkpointModel() throws {
        guard let model = try bbmModel("093") else { return }
        let found = try model.trapSpaceList(limit: 50)
        // AEON 1.4 (inputs as parameters) finds coloured attractor sets whose colours sum to
        // 41,240, one per (input valuation, attractor); each lies in its own minimal trap space.
        #expect(found.count == 41_240)
        #expect(found.spaces.count == 50 && found.isTruncated)
        for space in found.spaces.prefix(5) {
            #expect(try model.percolate(space).subspace == space)
        }
    }
}
