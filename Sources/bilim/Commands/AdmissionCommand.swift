import ArgumentParser
import BilimCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct AdmissionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admission", abstract: "TVET admission: the competition.", subcommands: [Allocate.self])

    /// `bilim admission allocate --input INSTANCE.json --output RESULT.json` (spec/allocation.md "Command-line
    /// contract"). Bad input: a message on standard error, exit status 2, no output file.
    struct Allocate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Allocate state-order places: deferred acceptance with quotas, then groups that do not form (003 §54) (003 §63).")

        @Option(help: "The instance (JSON).") var input: String
        @Option(help: "Where to write the result (JSON).") var output: String
        @Flag(help: .hidden) var timings = false

        func run() throws {
            let clock = ContinuousClock()
            let start = clock.now
            // The file's bytes live only while they are read: the allocation runs without them.
            var read = start
            let instance: Allocation.Flat = try {
                let bytes: [UInt8]
                do { bytes = try FileBytes.read(input) } catch { throw UsageFailure("cannot read \(input): \(error)") }
                read = clock.now
                do { return try AllocationJSON.decodeFlat(bytes) } catch { throw UsageFailure("\(input): \(String(describing: error))") }
            }()
            let decoded = clock.now
            let result = Allocation.run(instance)
            let allocated = clock.now
            let out = AllocationJSON.encode(result, of: instance)
            // Written whole or not at all.
            do {
                try out.withUnsafeBytes { raw in
                    guard let base = raw.baseAddress else { return }
                    try Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: raw.count, deallocator: .none)
                        .write(to: URL(fileURLWithPath: output), options: .atomic)
                }
            } catch {
                throw UsageFailure("cannot write \(output): \(error.localizedDescription)")
            }
            let written = clock.now
            if timings {
                func ms(_ d: Duration) -> String { BenchCommand.AllocationBench.ms(d) }
                FileHandle.standardError.write(
                    Data("timings: read \(ms(read - start)), check \(ms(decoded - read)), allocate \(ms(allocated - decoded)), write \(ms(written - allocated)), peak \((Memory.peakKiB() ?? 0) / 1024) MiB\n".utf8))
            }
        }
    }
}

/// A whole file into one byte array, with no intermediate copy.
enum FileBytes {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw Failure(description: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(description: String(cString: strerror(errno))) }
        let size = Int(info.st_size)
        guard size >= 0, size <= 1 << 32 else { throw Failure(description: "too large") }
        var failure: String?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = Glibc.read(fd, buffer.baseAddress.map { $0 + done }, size - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    break
                }
                if n == 0 { break }
                done += n
            }
            count = done
        }
        if let failure { throw Failure(description: failure) }
        return bytes
    }
}
