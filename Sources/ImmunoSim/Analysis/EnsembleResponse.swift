import Foundation
import ImmunoGraph

/// A response averaged over seeded variants of a model: mean and spread per node.
public struct EnsembleResponse: Hashable, Sendable, Codable, CustomStringConvertible {
    /// One node's statistics over the runs.
    public struct Readout: Hashable, Sendable, Codable {
        /// The node identifier.
        public var node: String
        /// Mean baseline level.
        public var baseline: Double
        /// Mean treated level.
        public var treated: Double
        /// Mean of treated − baseline.
        public var delta: Double
        /// Sample standard deviation of treated − baseline (0 for one run).
        public var deltaSpread: Double
        /// The direction of the mean delta under the tolerance.
        public var direction: Direction
        /// Fraction of runs in which the node went up.
        public var fractionUp: Double
        /// Fraction of runs in which the node went down.
        public var fractionDown: Double
    }

    /// One entry per readout node.
    public var readouts: [Readout]
    /// The number of runs.
    public var runs: Int
    /// The seeds of the runs, in order.
    public var seeds: [UInt64]
    /// The tolerance.
    public var tolerance: Double

    /// The entry for `node`, if read.
    public subscript(node: String) -> Readout? { readouts.first { $0.node == node } }

    /// One line per node: mean delta ± spread, direction, fractions up/down.
    public var description: String {
        readouts.map { r in
            "\(r.node)  \(String(format: "%+.4f", r.delta)) ± \(String(format: "%.4f", r.deltaSpread))  \(r.direction.rawValue)"
                + "  (up in \(Int((r.fractionUp * 100).rounded()))%, down in \(Int((r.fractionDown * 100).rounded()))% of \(runs))"
        }.joined(separator: "\n")
    }
}

extension CompiledGradedModel {
    /// The seed of run `index` of an ensemble started from `seed` (a SplitMix64 mix; stable).
    public static func ensembleSeed(_ seed: UInt64, run index: Int) -> UInt64 {
        var rng = SeededGenerator(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        return rng.next()
    }

    /// Runs `runs` variants of the model (``jittered(amount:seed:)`` with seeds derived from `seed`),
    /// each with the same baseline and treated scenarios, and returns per-node means and spreads.
    ///
    /// Same seed, same result. Run 0 uses the variant of seed `ensembleSeed(seed, run: 0)`.
    public func ensembleResponse(
        baseline: Scenario, treated: Scenario, at time: ReadoutTime, readouts: [String]? = nil,
        tolerance: Double = Response.defaultTolerance, runs: Int, jitter: Double = 0.2, seed: UInt64
    ) throws -> EnsembleResponse {
        guard runs > 0 else { throw PerturbationError("an ensemble needs at least one run; got \(runs)") }
        let seeds = (0..<runs).map { Self.ensembleSeed(seed, run: $0) }
        var responses: [Response] = []
        for s in seeds {
            let variant = jittered(amount: jitter, seed: s)
            responses.append(try variant.response(baseline: baseline, treated: treated, at: time, readouts: readouts, tolerance: tolerance))
        }
        let count = Double(runs)
        let entries = responses[0].readouts.indices.map { k -> EnsembleResponse.Readout in
            let items = responses.map { $0.readouts[k] }
            let meanDelta = items.map(\.delta).reduce(0, +) / count
            let variance = runs > 1 ? items.map { ($0.delta - meanDelta) * ($0.delta - meanDelta) }.reduce(0, +) / (count - 1) : 0
            return EnsembleResponse.Readout(
                node: items[0].node, baseline: items.map(\.baseline).reduce(0, +) / count,
                treated: items.map(\.treated).reduce(0, +) / count, delta: meanDelta, deltaSpread: variance.squareRoot(),
                direction: Direction(delta: meanDelta, tolerance: tolerance),
                fractionUp: Double(items.filter { $0.direction == .up }.count) / count,
                fractionDown: Double(items.filter { $0.direction == .down }.count) / count)
        }
        return EnsembleResponse(readouts: entries, runs: runs, seeds: seeds, tolerance: tolerance)
    }
}
