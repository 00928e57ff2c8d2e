import ImmunoSim
import Testing

@Suite("Extreme elements of a decision diagram")
struct BDDExtremesTests {
    /// The minimal (or maximal) members of `members` (bit vectors over `n` variables) for the
    /// componentwise order on the `ordered` variables (equality on the others).
    static func bruteExtremes(_ members: [Int], n: Int, ordered: [Bool], maximal: Bool) -> [Int] {
        func below(_ x: Int, _ y: Int) -> Bool {
            (0..<n).allSatisfy { k in
                let a = x >> k & 1, b = y >> k & 1
                return ordered[k] ? a <= b : a == b
            }
        }
        return members.filter { x in !members.contains { y in y != x && (maximal ? below(x, y) : below(y, x)) } }.sorted()
    }

    @Test("the iterative minimisation equals brute force on 40 random sets of up to 10 variables, some unordered")
    func randomSets() {
        var bits = SeededGenerator(seed: 2024)
        for round in 0..<40 {
            let n = 6 + round % 5
            let ordered = (0..<n).map { _ in bits.next() % 4 != 0 }
            var dd = DecisionDiagram(variableCount: n)
            var members: [Int] = []
            var set = BDD.zero
            let density = 2 + round % 6
            for v in 0..<(1 << n) where bits.next() % UInt64(density) == 0 {
                members.append(v)
                set = dd.or(set, dd.cube((0..<n).map { (variable: $0, value: v >> $0 & 1 == 1) }))
            }
            for maximal in [false, true] {
                let expected = Self.bruteExtremes(members, n: n, ordered: ordered, maximal: maximal)
                let result = dd.extremeElements(set, order: (0..<n).filter { ordered[$0] }, maximal: maximal)
                let found = (0..<(1 << n)).filter { v in dd.evaluate(result, (0..<n).map { v >> $0 & 1 == 1 }) }
                #expect(found == expected, "round \(round) maximal \(maximal)")
            }
        }
    }

    @Test("a set over 5,000 variables is minimised without deep recursion")
    func deepDiagram() {
        let n = 5_000
        var dd = DecisionDiagram(variableCount: n)
        // {all ones} ∪ {e_k} ∪ {e_j + e_k}: the minimal elements are the single e_k.
        let singles = [3, 2_999, 4_998]
        func vector(_ ones: [Int]) -> BDD {
            dd.cube((0..<n).map { (variable: $0, value: ones.contains($0)) })
        }
        var set = vector(Array(0..<n))
        for k in singles { set = dd.or(set, vector([k])) }
        set = dd.or(set, vector([3, 2_999]))
        let minimal = dd.extremeElements(set, order: Array(0..<n))
        #expect(dd.cubes(minimal).count == singles.count)
        for k in singles {
            #expect(dd.evaluate(minimal, (0..<n).map { $0 == k }))
        }
        let maximal = dd.extremeElements(set, order: Array(0..<n), maximal: true)
        #expect(dd.cubes(maximal).count == 1)
        #expect(dd.evaluate(maximal, [Bool](repeating: true, count: n)))
    }
}
