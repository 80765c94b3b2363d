/// `offsync-fuzz`: the readers under libFuzzer (`make fuzz`), or, built normally, a replayer
/// that feeds files through the same entry points (`make fuzz-replay`).
///
///     offsync-fuzz TARGET [libFuzzer flags] [CORPUS...]   built with -sanitize=fuzzer -DFUZZING
///     offsync-fuzz TARGET FILE|FOLDER...                   built normally: each file once
///
/// TARGET is csv, json, document, gzip, parquet or values (`ReaderFuzzing.Target`).
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation
import OffsyncFuzzing

#if FUZZING
/// libFuzzer's entry for one input (the target is chosen once, by `main`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    ReaderFuzzing.run(FuzzMain.target, UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
#endif

@main
enum FuzzMain {
    nonisolated(unsafe) static var target = ReaderFuzzing.Target.csv

    static func main() {
        var arguments = CommandLine.arguments
        // `TARGET` first, or `--target=TARGET` anywhere: libFuzzer ignores flags that start
        // with `--` and passes them on to the processes it starts (-jobs, -merge).
        let named: String?
        if arguments.count > 1, ReaderFuzzing.Target(rawValue: arguments[1]) != nil {
            named = arguments.remove(at: 1)
            arguments.insert("--target=\(named!)", at: 1)
        } else {
            named = arguments.first { $0.hasPrefix("--target=") }.map { String($0.dropFirst("--target=".count)) }
        }
        guard let named, let chosen = ReaderFuzzing.Target(rawValue: named) else {
            let targets = ReaderFuzzing.Target.allCases.map(\.rawValue).joined(separator: "|")
            complain("usage: offsync-fuzz \(targets) [libFuzzer flags] [CORPUS...]\n")
            exit(2)
        }
        target = chosen
        #if FUZZING
        var argc = Int32(arguments.count)
        let argv = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: arguments.count + 1)
        for (index, argument) in arguments.enumerated() { argv[index] = strdup(argument) }
        argv[arguments.count] = nil
        var pointer = argv
        exit(runDriver(&argc, &pointer, fuzzOneInput))
        #else
        replay(arguments.dropFirst().filter { !$0.hasPrefix("-") })
        #endif
    }

    static func complain(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Feeds every file given (and every file in the folders given) through the target once.
    static func replay(_ paths: [String]) {
        var files: [String] = []
        for path in paths {
            var folder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &folder), folder.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.sorted().map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        guard !files.isEmpty else {
            complain("offsync-fuzz: no files to replay (built without -DFUZZING, it replays files)\n")
            exit(2)
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                complain("offsync-fuzz: cannot read \(file)\n")
                exit(1)
            }
            print(file)
            for line in ReaderFuzzing.run(target, [UInt8](data)) { print("  \(line)") }
        }
        print("offsync-fuzz: \(files.count) files replayed through \(target.rawValue)")
    }
}
