import OffsyncDiagnostics

extension Dataset {
    /// Findings of one kind about many records of this dataset (unmatched, duplicate): one
    /// `Finding.Batch` per file, so each finding holds only its record's id and line.
    public struct RecordFindings: Sendable {
        private let batches: [Finding.Batch]

        /// Each message is `before`, the record's id, then `after`.
        public init(_ severity: Finding.Severity, _ code: Finding.Code, before: String, after: String, in dataset: Dataset) {
            batches = dataset.files.map {
                Finding.Batch(
                    severity, code, before: before, after: after,
                    system: dataset.key.system, entity: dataset.key.entity, file: $0.path)
            }
        }

        /// The finding about `record`, at its file and line.
        public func finding(about record: Record) -> Finding {
            Finding(batches[Int(record.file)], recordID: record.id, line: Int(record.line))
        }
    }
}
