import Foundation
import Testing

/// The `offsync` executable built beside the tests, run as a user runs it: exit codes, what
/// it prints, and signals are only seen from outside the process.
struct OffsyncProcess {
    let process = Process()
    let output = Pipe()
    let error = Pipe()

    static var executable: URL {
        get throws {
            let folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            let binary = folder.appendingPathComponent("offsync")
            try #require(FileManager.default.isExecutableFile(atPath: binary.path), "offsync is built beside the tests (\(folder.path))")
            return binary
        }
    }

    /// Starts `offsync arguments...` in `folder`.
    init(_ arguments: [String], in folder: URL) throws {
        process.executableURL = try Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = output
        process.standardError = error
        try process.run()
    }

    struct Ended {
        var status: Int32
        var signalled: Bool
        var output: String
        var error: String
    }

    func wait() -> Ended {
        // Read before waiting: a full pipe would block the process.
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Ended(
            status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
            output: String(decoding: out, as: UTF8.self), error: String(decoding: err, as: UTF8.self))
    }

    /// Runs `offsync arguments...` in `folder` to its end.
    static func run(_ arguments: [String], in folder: URL) throws -> Ended {
        try OffsyncProcess(arguments, in: folder).wait()
    }
}
