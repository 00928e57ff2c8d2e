import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

/// Hostile input to the simulation layer: schedules at the edge of `Int`, hypothesis files with
/// misspelled keys and runaway counts, and screen results that are not what they claim to be.
@Suite("Hostile input: schedules, hypotheses, screen results")
struct HostileSimulationTests {
    // MARK: Integer overflow

    @Test("schedules with Int.max cycles, starts and on-lengths evaluate without overflow, and say they are beyond the limit")
    func schedulesNeverOverflow() throws {
        let big = Int.max
        let schedules = [
            Schedule(start: 0, cycle: .init(on: 1, off: big)),
            Schedule(start: 0, cycle: .init(on: big, off: big), halfLife: 3),
            Schedule(start: big - 1, cycle: .init(on: 1, off: 1), halfLife: 2),
            Schedule(start: 0, stop: big, cycle: .init(on: 1, off: big - 1), halfLife: 1),
        ]
        for schedule in schedules {
            #expect(schedule.profile(steps: 5).count == 5)
            _ = schedule.exposure(at: big)
            _ = schedule.isOn(at: big)
            _ = schedule.isDoseStep(big)
            #expect(schedule.problems.contains { $0.contains("beyond the largest step \(Schedule.maximumStep)") }, "\(schedule)")
        }
        // A weekly cycle is still weekly.
        let weekly = Schedule(start: 0, cycle: .init(on: 1, off: 6))
        #expect((0..<15).filter(weekly.isOn) == [0, 7, 14])
    }

    @Test("therapy specs refuse step numbers beyond Schedule.maximumStep, naming the column",
        arguments: ["ANTI_PD1@0/1+9223372036854775807", "ANTI_PD1@9223372036854775807", "ANTI_PD1@0-99999999999",
                    "ANTI_PD1@0/1000000001+1"])
    func therapySpecsAreBounded(_ spec: String) throws {
        let graph = try ModelLoader.load("builtin:flagship")
        #expect { try TherapySpec.parse(spec, in: graph) } throws: { error in
            "\(error)".contains("an integer in") && "\(error)".contains("\(Schedule.maximumStep)")
        }
    }

    // MARK: Hypothesis files: unknown keys, bounds, located errors

    private func hypothesisError(_ json: String) -> String? {
        do {
            _ = try HypothesisFile.read(Data(json.utf8), file: "h.json")
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("a misspelled key anywhere in a hypothesis file is an error with a did-you-mean and a location",
        arguments: [
            (#"{"model": "builtin:flagship", "hypotheses": [{"name": "x", "therapy": ["ANTI_PD1"], "expect": [{"node": "TIM3", "direction": "up"}]}]}"#,
             "h.json:1:71: at hypotheses[0].therapy: unknown key 'therapy' in a hypothesis; did you mean 'therapies'?"),
            (#"{"hypotheses": [{"name": "x", "expect": [{"node": "TIM3", "direction": "up"}], "robustnes": {"variants": 5}}]}"#,
             "at hypotheses[0].robustnes: unknown key 'robustnes' in a hypothesis; did you mean 'robustness'?"),
            (#"{"hypotheses": [{"name": "x", "expect": [{"node": "TIM3", "direction": "up"}], "robustness": {"variant": 5}}]}"#,
             "at hypotheses[0].robustness.variant: unknown key 'variant' in a robustness block; did you mean 'variants'?"),
            (#"{"hypotheses": [{"name": "x", "expect": [{"node": "TIM3", "directon": "up"}]}]}"#,
             "at hypotheses[0].expect[0].directon: unknown key 'directon' in an expectation; did you mean 'direction'?"),
            (#"{"modle": "builtin:flagship", "hypotheses": []}"#,
             "h.json:1:11: at modle: unknown key 'modle' in a hypothesis file; did you mean 'model'?"),
        ])
    func unknownKeysAreErrors(_ json: String, _ expected: String) throws {
        let message = try #require(hypothesisError(json))
        #expect(message.contains(expected), "\(message)")
    }

    @Test("runaway counts and out-of-range numbers in hypothesis files are errors naming the key and the range",
        arguments: [
            (#"{"hypotheses": [{"name": "x", "expect": [{"node": "T", "direction": "up"}], "robustness": {"variants": 1000000000}}]}"#,
             "variants 1000000000 is outside 1...10000"),
            (#"{"hypotheses": [{"name": "x", "semantics": "logical", "runs": 1000000000, "expect": [{"node": "T", "direction": "up"}]}]}"#,
             "runs 1000000000 is outside 1...10000"),
            (#"{"hypotheses": [{"name": "x", "steps": 9223372036854775807, "expect": [{"node": "T", "direction": "up"}]}]}"#,
             "steps 9223372036854775807 is outside 0...1000000"),
            (#"{"hypotheses": [{"name": "x", "window": [50, 10], "expect": [{"node": "T", "direction": "up"}]}]}"#,
             "expected [from, to] with 0 <= from <= to <= 1000000"),
            (#"{"hypotheses": [{"name": "x", "expect": [{"node": "T", "direction": "up"}], "robustness": {"atLeast": 9}}]}"#,
             "atLeast 9.0 is outside 0...1"),
            (#"{"hypotheses": [{"name": "x", "expect": [{"node": "T", "direction": "sideways"}]}]}"#,
             "at hypotheses[0].expect[0].direction: 'sideways' is not a valid direction; expected one of: up, down, unchanged"),
        ])
    func boundsAreChecked(_ json: String, _ expected: String) throws {
        let message = try #require(hypothesisError(json))
        #expect(message.contains(expected), "\(message)")
        #expect(message.hasPrefix("h.json:1:"), "\(message)")
    }

    @Test("hypothesis syntax errors, empty files and type mismatches are located in our words (no Codable or Foundation text)",
        arguments: [
            ("", "h.json:1:1: the file is empty"),
            ("{\"hypotheses\": [}", "h.json:1:17: invalid JSON"),
            (#"{"hypotheses": [{"name": 7, "expect": [{"node": "T", "direction": "up"}]}]}"#,
             "h.json:1:26: at hypotheses[0].name: expected a string, found 7"),
            ("\u{FEFF}{\"hypotheses\": 3}", "at hypotheses: expected a list [...], found 3"),
        ])
    func syntaxAndShapeErrorsAreLocated(_ json: String, _ expected: String) throws {
        let message = try #require(hypothesisError(json))
        #expect(message.contains(expected), "\(message)")
        for foreign in ["Cannot initialize", "NSCocoaErrorDomain", "debugDescription", "CodingKeys", "Expected to decode"] {
            #expect(!message.contains(foreign), "\(message)")
        }
    }

    @Test("a graded hypothesis that would record more than the memory limit is refused before running")
    func hypothesisRecordIsBounded() throws {
        let lines = (0..<200).map { "N\($0), N\(($0 + 1) % 200)" }.joined(separator: "\n")
        let graph = try BnetFormat.read(lines)
        let hypothesis = Hypothesis("long", therapies: [], readAt: .step(1_000_000), expect: [.direction(node: "N1", .unchanged)])
        #expect { try hypothesis.check(on: graph) } throws: { "\($0)".contains("more than 100000000 node-states") }
    }

    // MARK: Screen results

    private func screenResult(shard: ShardSpec? = nil) throws -> ScreenResult {
        let plan = ScreenPlan(
            candidates: [ScreenCandidate("A", .therapy), ScreenCandidate("B", .therapy), ScreenCandidate("B", .knockout)],
            readouts: ["R", "S"], order: 2)
        let arms = plan.arms
        let rows = arms.indices.filter { shard?.contains(arm: $0) ?? true }.map {
            ScreenRow(arm: $0, candidates: arms[$0].candidates, values: [Double($0) / 10, 0.5])
        }
        return ScreenResult(model: "m", settings: "s", plan: plan, shard: shard, baseline: [0.9, 0.5], rows: rows)
    }

    @Test("armCount counts arms without listing them and agrees with arms")
    func armCountAgreesWithArms() throws {
        let result = try screenResult()
        #expect(result.plan.armCount == result.plan.arms.count)
        let candidates = (0..<40).flatMap { [ScreenCandidate("N\($0)", .therapy), ScreenCandidate("N\($0)", .knockout)] }
        let triples = ScreenPlan(candidates: candidates, readouts: ["R"], order: 3)
        #expect(triples.armCount == triples.arms.count)
        let huge = ScreenPlan(candidates: (0..<10_000).map { ScreenCandidate("N\($0)", .therapy) }, readouts: ["R"], order: 3)
        #expect(huge.armCount == nil)
        #expect { try ScreenResult(model: "m", settings: "s", plan: huge, shard: nil, baseline: [0], rows: []).validate(name: "x") }
            throws: { "\($0)".contains("more than \(ScreenPlan.maximumArms) arms") }
    }

    @Test("validate refuses shard counts out of range, wrong row widths, duplicated, foreign, misnamed and missing rows")
    func screenResultsAreValidated() throws {
        func message(_ change: (inout ScreenResult) -> Void, shard: ShardSpec? = nil) throws -> String {
            var result = try screenResult(shard: shard)
            change(&result)
            do {
                try result.validate(name: "s.json")
                return ""
            } catch {
                return "\(error)"
            }
        }
        let shard = try ShardSpec(index: 1, count: 2)
        #expect(try message({ _ in }).isEmpty)
        #expect(try message({ _ in }, shard: shard).isEmpty)
        #expect(try message({ $0.shard?.count = 0 }, shard: shard).contains("shard 1/0 is invalid"))
        #expect(try message({ $0.shard?.count = 1_000_000_000 }, shard: shard).contains("<= \(ShardSpec.maximumCount)"))
        #expect(try message({ $0.rows[1].values = [0.1] }).contains("rows[1] (arm 1) has 1 values but the plan has 2 readouts"))
        #expect(try message({ $0.baseline = [0.1, 0.2, 0.3] }).contains("at baseline: 3 values"))
        #expect(try message({ $0.rows.insert($0.rows[2], at: 2) }).contains("given twice"))
        #expect(try message({ $0.rows.append(ScreenRow(arm: 99, candidates: [], values: [0, 0])) }).contains("not from this screen"))
        #expect(try message({ $0.rows[1].arm = 1 }, shard: shard).contains("belongs to shard 2/2"))
        #expect(try message({ $0.rows[0].candidates = [ScreenCandidate("Z", .therapy)] }).contains("but the plan's arm 0 is 'A'"))
        #expect(try message({ $0.rows.removeLast() }).contains("is missing"))
        #expect(try message({ $0.rows[0].values[0] = .nan }).contains("not a finite number"))
        #expect(try message({ $0.format = "other" }).contains("not a screen result"))
    }

    @Test("merge refuses a tampered shard and merges valid shards into exactly the unsharded result")
    func mergeValidatesShards() throws {
        let whole = try screenResult()
        let one = try screenResult(shard: ShardSpec(index: 1, count: 2))
        let two = try screenResult(shard: ShardSpec(index: 2, count: 2))
        #expect(try ScreenResult.merge([two, one]) == whole)
        var foreign = two
        foreign.rows[0].arm = 0
        #expect(throws: PerturbationError.self) { try ScreenResult.merge([one, foreign]) }
        var zero = one
        zero.shard?.count = 0
        #expect(throws: PerturbationError.self) { try ScreenResult.merge([zero]) }
    }
}
