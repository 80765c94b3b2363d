import OffsyncModel

extension RecordStore {
    /// The store of what a reader read into buffers.
    convenience init(_ buffers: RecordBuffers.Filled, globalOf: [Int32]) {
        self.init(
            entries: buffers.entries, narrowEnds: buffers.narrowEnds, recordStarts: buffers.recordStarts,
            ends: buffers.ends, columns: buffers.columns, narrow: buffers.columns > 0 && !buffers.wide, text: buffers.text,
            owned: buffers.owners, globalOf: globalOf)
    }
}

extension Record {
    /// A record of its own from fields sorted by path id (the readers pack many records into one store).
    public init(id: String, sortedFields fields: [Field], file: Int32, line: Int32) {
        var buffers = RecordBuffers(expectedText: 64)
        for (local, field) in fields.enumerated() {
            if let text = field.value.text, field.value != .bool(true), field.value != .bool(false) {
                var text = text
                text.withUTF8 { buffers.text.append($0) }
            }
            let kind: Entry.Kind = switch field.value {
            case .string: .string
            case .number: .number
            case .composite: .composite
            case .bool(let flag): flag ? .trueLiteral : .falseLiteral
            case .null: .null
            }
            buffers.field(Int32(local), kind)
        }
        let entries = buffers.commit()
        // The id's text after the fields' (no field owns it).
        let idStart = buffers.text.count
        var id = id
        id.withUTF8 { buffers.text.append($0) }
        self.init(
            id: IDText(start: UInt32(idStart), end: UInt32(buffers.text.count)),
            store: RecordStore(buffers.finished(), globalOf: fields.map(\.path)), entries: entries, file: file, line: line)
    }
}
