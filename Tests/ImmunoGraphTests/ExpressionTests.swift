import ImmunoGraph
import Testing

@Suite("Logical rule parsing")
struct ExpressionTests {
    @Test func andBindsTighterThanOr() throws {
        let parsed = try ExpressionParser.parse("x1 & x2 | x3")
        #expect(parsed == .or([.and([.variable("x1"), .variable("x2")]), .variable("x3")]))
        #expect(try ExpressionParser.parse("x1 & (x2 | x3)") == .and([.variable("x1"), .or([.variable("x2"), .variable("x3")])]))
    }

    @Test func constantsNegationAndComparisons() throws {
        #expect(try ExpressionParser.parse("1") == .constant(true))
        #expect(try ExpressionParser.parse("false") == .constant(false))
        #expect(try ExpressionParser.parse("!!A") == .not(.not(.variable("A"))))
        #expect(try ExpressionParser.parse("A >= 2") == .atom(.init("A", .atLeast, 2)))
        #expect(try ExpressionParser.parse("A == 0") == .atom(.init("A", .equal, 0)))
        #expect(try ExpressionParser.parse("A > 1") == .atom(.init("A", .atLeast, 2)))
        #expect(try ExpressionParser.parse("A < 2") == .not(.atom(.init("A", .atLeast, 2))))
        #expect(try ExpressionParser.parse("A <= 1") == .not(.atom(.init("A", .atLeast, 2))))
        #expect(try ExpressionParser.parse("A != 1") == .not(.atom(.init("A", .equal, 1))))
    }

    @Test func descriptionParsesBackToTheSameExpression() throws {
        var rng = TestRNG(seed: 7)
        for _ in 0..<500 {
            let expression = randomExpression(depth: 4, using: &rng)
            let text = expression.description
            let reparsed = try ExpressionParser.parse(text)
            // Equal meaning on every assignment of levels 0...2 to the three variables.
            for a in 0...2 { for b in 0...2 { for c in 0...2 {
                let levels = ["A": a, "B": b, "C": c]
                #expect(reparsed.evaluate { levels[$0] ?? 0 } == expression.evaluate { levels[$0] ?? 0 }, "\(text)")
            } } }
            #expect(try ExpressionParser.parse(reparsed.description) == reparsed)
        }
    }

    @Test func evaluationFollowsTheTruthTables() throws {
        let rule = try ExpressionParser.parse("A & !B | C >= 2")
        #expect(rule.evaluate { ["A": 1, "B": 0, "C": 0][$0] ?? 0 })
        #expect(!rule.evaluate { ["A": 1, "B": 1, "C": 1][$0] ?? 0 })
        #expect(rule.evaluate { ["A": 0, "B": 1, "C": 2][$0] ?? 0 })
        #expect(rule.variables == ["A", "B", "C"])
    }

    @Test func errorsCarryTheColumnAndWhatWasExpected() {
        func failure(_ text: String) -> ExpressionSyntaxError? {
            do { _ = try ExpressionParser.parse(text); return nil } catch { return error }
        }
        #expect(failure("A & ") == ExpressionSyntaxError(line: 1, column: 5, message: "unexpected end of rule; expected a name, '0', '1', '!' or '('"))
        #expect(failure("(A | B")?.column == 7)
        #expect(failure("(A | B")?.message.contains("expected ')'") == true)
        #expect(failure("A $ B")?.column == 3)
        #expect(failure("A B")?.message.contains("name 'B'") == true)
        #expect(failure("")?.message.contains("empty rule") == true)
        #expect(failure("2")?.message.contains("not 0 or 1") == true)
        #expect(failure("A >= x")?.message.contains("integer level") == true)
    }

    @Test func deepNestingIsACleanErrorNotACrash() {
        let deep = String(repeating: "(", count: 10_000) + "A" + String(repeating: ")", count: 10_000)
        #expect(throws: ExpressionSyntaxError.self) { try ExpressionParser.parse(deep) }
        let negations = String(repeating: "!", count: 10_000) + "A"
        #expect(throws: ExpressionSyntaxError.self) { try ExpressionParser.parse(negations) }
        let ok = String(repeating: "(", count: 150) + "A" + String(repeating: ")", count: 150)
        #expect((try? ExpressionParser.parse(ok)) == .variable("A"))
    }
}

func randomExpression(depth: Int, using rng: inout TestRNG) -> Expression {
    let names = ["A", "B", "C"]
    if depth == 0 || Int.random(in: 0..<4, using: &rng) == 0 {
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: return .constant(Bool.random(using: &rng))
        case 1: return .atom(.init(names[Int.random(in: 0..<3, using: &rng)], .atLeast, 2))
        case 2: return .atom(.init(names[Int.random(in: 0..<3, using: &rng)], .equal, Int.random(in: 0...2, using: &rng)))
        default: return .variable(names[Int.random(in: 0..<3, using: &rng)])
        }
    }
    switch Int.random(in: 0..<3, using: &rng) {
    case 0: return .not(randomExpression(depth: depth - 1, using: &rng))
    case 1: return .and((0..<Int.random(in: 2...3, using: &rng)).map { _ in randomExpression(depth: depth - 1, using: &rng) })
    default: return .or((0..<Int.random(in: 2...3, using: &rng)).map { _ in randomExpression(depth: depth - 1, using: &rng) })
    }
}
