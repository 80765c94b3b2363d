import Foundation
import OffsyncFuzzing
import Testing

/// The committed fuzz corpus (`Fuzz/corpus/<target>`), fed through the entry points the fuzzer
/// calls: every input, seeds and inputs the fuzzer once found alike, must read to a result or
/// a clean error. A crash or a broken promise (a gzip export read differently from its
/// plain bytes, a rendered document that reads back differently) stops the test process.
@Suite("fuzz corpus")
struct CorpusReplayTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/corpus")

    static func inputs(_ target: ReaderFuzzing.Target) -> [URL] {
        let folder = corpus.appendingPathComponent(target.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test("every corpus input reads to a result or a clean error", arguments: ReaderFuzzing.Target.allCases)
    func replay(_ target: ReaderFuzzing.Target) throws {
        let inputs = Self.inputs(target)
        #expect(!inputs.isEmpty, "no corpus for \(target.rawValue) at \(Self.corpus.path)")
        for input in inputs {
            let readings = ReaderFuzzing.run(target, [UInt8](try Data(contentsOf: input)))
            #expect(!readings.isEmpty, "\(input.lastPathComponent) gave no reading")
        }
    }
}
