import Foundation
import Testing

@testable import OffsyncCompile

/// The compiled Spark job's value functions (`SparkPrelude`) against the DuckDB job's macros
/// (`DuckDBPrelude`), which the DuckDB differential tests prove equal to offsync's own rules:
/// `SparkPrelude/check.py` evaluates both on one seeded corpus. `make test-engines` installs
/// PySpark beside DuckDB and names the interpreter in `OFFSYNC_SPARK_PYTHON`.
@Suite("the Spark job's value functions decide as the DuckDB job's macros")
struct SparkPreludeTests {
    @Test("normalizing, typing, hashing and reading stamps: every function, every value of the corpus")
    func sameAsDuckDB() throws {
        let python = try DifferentialTests.python(for: .spark)
        let scratch = try DifferentialTests.Scratch()
        let duckdb = scratch.path("duckdb.sql"), spark = scratch.path("spark.sql")
        try DuckDBPrelude.sql.write(toFile: duckdb, atomically: true, encoding: .utf8)
        try SparkPrelude.sql.write(toFile: spark, atomically: true, encoding: .utf8)
        let check = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("SparkPrelude/check.py").path
        // One stream (Spark writes to standard error while the check writes its lines), and the
        // check's exit status as its last line, so a failure shows the mismatches.
        let output = try DifferentialTests.execute(
            "/bin/sh", ["-c", "\"$0\" \"$@\" 2>&1; echo \"check exited $?\"", python, check, "--duckdb-prelude", duckdb, "--spark-prelude", spark])
        let mismatches = output.split(separator: "\n").filter { $0.hasPrefix("MISMATCH") }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10).joined(separator: "\n"))")
        #expect(output.hasSuffix("check exited 0\n"), "\(output.suffix(2000))")
        #expect(output.contains("\n0 mismatches in 25 functions"), "\(output.suffix(2000))")
    }
}
