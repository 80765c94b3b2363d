import OffsyncSpec

/// What `offsync compile` writes: a job another engine runs on the workspace's exports, making
/// the decisions offsync's own engine makes. Files by path inside the job folder.
public struct CompiledJob: Sendable {
    public struct File: Sendable, Hashable {
        public var path: String
        public var contents: String
        /// The job's `run`: written with its executable bits set.
        public var executable: Bool

        public init(path: String, contents: String, executable: Bool = false) {
            self.path = path
            self.contents = contents
            self.executable = executable
        }
    }

    public var engine: Engine
    public var files: [File]
}

/// The engines a workspace compiles for.
public enum Engine: String, Sendable, CaseIterable {
    /// DuckDB, run through its Python package.
    case duckdb
    /// Spark SQL, run through PySpark: in local mode, or on a cluster by `spark-submit`.
    case spark
}
