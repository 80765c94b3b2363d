/// The one error offsync raises: bad input or configuration, a refused plan, a file that cannot
/// be read or written, or a C library that would not start. It carries a readable message and
/// the place it is about.
///
/// A struct with a kind rather than an enum, so that new kinds and fields can be added
/// without breaking code that catches it.
public struct OffsyncError: Error, Sendable, Hashable {
    /// What went wrong, as far as the exit code is concerned.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        let name: String
        /// The exit code a command line should end with (README, "Exit codes").
        public let exitCode: Int32

        /// Bad input or configuration: a manifest, document or export that cannot be used.
        public static let badInput = Kind(name: "bad input", exitCode: 1)
        /// A command line that does not make sense.
        public static let usage = Kind(name: "usage", exitCode: 2)
        /// The plan would delete or rewrite more than the circuit breaker allows.
        public static let circuitBreaker = Kind(name: "circuit breaker", exitCode: 3)
        /// A `--fail-on` condition was met.
        public static let failOn = Kind(name: "fail-on", exitCode: 4)
        /// The system refused to read or write a file the input is fine for: permissions, a
        /// full disk, a folder in the way of the outputs or the state.
        public static let io = Kind(name: "i/o", exitCode: 5)
        /// offsync itself failed (zlib or libcsv would not start): not the input's fault.
        public static let `internal` = Kind(name: "internal", exitCode: 6)

        public var description: String { name }
    }

    public var kind: Kind
    public var message: String
    public var location: SourceLocation?

    public init(_ kind: Kind = .badInput, _ message: String, at location: SourceLocation? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    /// Shorthand for the common case: bad input at a place.
    public static func badInput(_ message: String, at location: SourceLocation? = nil) -> OffsyncError {
        OffsyncError(.badInput, message, at: location)
    }
}

extension OffsyncError: CustomStringConvertible {
    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }
}
