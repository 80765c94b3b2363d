import ArgumentParser
import CBuildInfo
import Foundation
import OffsyncIngest

@main
struct Offsync: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Offline reconciliation of business-system exports.",
        discussion: "Reads the exports of two or more systems, links their records as a live two-way sync would, and writes import files for each system plus a reconciliation report.",
        version: "\(version) (commit \(String(cString: offsync_commit())))",
        subcommands: [Init.self, Run.self, PlanCommand.self, Check.self, Explain.self, Links.self, Ack.self, Spec.self, Compile.self, State.self])

    /// The release's version; `make dist` names its archive after it.
    static let version = "0.1.0"

    /// ArgumentParser's own entry, but a command line that does not make sense exits 2 (the
    /// README's usage code) rather than sysexits' 64.
    static func main() {
        Terminal.limitMallocArenas()
        // An input file cut short by another program while offsync reads it is bad input (exit 1,
        // naming the file), not a crash; the handler is the process's to install, not ingest's.
        MappedFileGuard.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                Terminal.printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
