/// Which reader a file needs: by its name without `.gz`, else by its first byte.
enum ExportFormat {
    case csv, json
    /// NDJSON by name (`.ndjson`, `.jsonl`): read as JSON, and an empty file holds no records.
    case lines

    var isLines: Bool { self == .lines }

    /// By the name alone, or nil when the name does not say.
    init?(path: String) {
        var name = path.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        if name.hasSuffix(".csv") || name.hasSuffix(".tsv") || name.hasSuffix(".txt") {
            self = .csv
        } else if name.hasSuffix(".ndjson") || name.hasSuffix(".jsonl") {
            self = .lines
        } else if name.hasSuffix(".json") {
            self = .json
        } else {
            return nil
        }
    }

    init(path: String, bytes: UnsafeBufferPointer<UInt8>) {
        if let format = ExportFormat(path: path) {
            self = format
        } else {
            let first = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
            self = first == UInt8(ascii: "[") || first == UInt8(ascii: "{") ? .json : .csv
        }
    }
}
