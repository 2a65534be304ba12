import ArgumentParser
import BilimCore
import BilimServices
import BilimStore
import Foundation
import Logging

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks that print their figures.", subcommands: [AllocationBench.self, CompetitionBench.self, PeopleBench.self])

    /// `bilim bench competition`: a region's applications stored in a database (a throw-away SQLite file, or
    /// `DATABASE_URL`), then the department's run on them timed end to end: scoring from the database, the
    /// allocation, and storing the run.
    struct CompetitionBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "competition", abstract: "A region's competition on stored applications: wall time of the whole run.")

        @Option(help: "Applicants of the region.") var applicants = 15_000
        @Option(help: "Programs of the region.") var programs = 1_000
        @Option(help: "Seed of the generator.") var seed: UInt64 = 1
        @Option(help: "Timed runs.") var runs = 3

        func validate() throws {
            guard applicants >= 0, programs > 0, runs > 0 else { throw ValidationError("applicants must be ≥ 0; programs and runs > 0") }
        }

        func run() async throws {
            try await BenchDatabase.with(name: "competition") { database, url, logger in try await measure(database, url: url, logger: logger) }
        }

        func measure(_ database: Database, url: DatabaseURL, logger: Logger) async throws {
            _ = try await MigrationRunner().migrate(on: database)
            let deps = ServiceDependencies(database: database, passports: try ShippedData.passportCatalog(), logger: logger)
            let bench = CompetitionBenchmark(deps)
            let clock = ContinuousClock()
            let instance = AllocationGenerator(applicants: applicants, programs: programs, regions: 1, seed: seed).make()
            let stored = try await clock.measure { try await bench.store(instance) }
            let choices = instance.applicants.reduce(0) { $0 + $1.choices.count }
            print("stored on \(url.isSQLite ? "SQLite" : "PostgreSQL"): \(applicants) applications, \(programs) programs, \(choices) choices (in \(AllocationBench.ms(stored)))")
            let actor = try await bench.department()
            let expected = Allocation.run(instance).assignments.compactMap { $0 }.count
            var times: [Duration] = []
            var summary: CompetitionRunSummary?
            for _ in 0..<runs {
                times.append(try await clock.measure { summary = try await CompetitionRuns(deps).runOnApplications(by: actor) })
            }
            if let s = summary {
                print("run: \(s.applicants) applicants, \(s.admitted) admitted (the generated instance allocated directly: \(expected)), \(s.notFormed) groups not formed; allocation alone \(s.wallMs) ms")
            }
            print("runs: " + times.map(AllocationBench.ms).joined(separator: ", "))
            let sorted = times.sorted()
            print("competition run wall time (median of \(runs); scoring from the database, allocation, storing): \(AllocationBench.ms(sorted[sorted.count / 2]))")
        }
    }

    /// `bilim bench allocation`: a national-scale instance, allocated several times on one thread; prints the wall
    /// time of each run, the median, and the peak memory of the allocation.
    struct AllocationBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "allocation", abstract: "The admission allocation at national scale: wall time and peak memory.")

        @Option(help: "Applicants.") var applicants = 300_000
        @Option(help: "Programs.") var programs = 20_000
        @Option(help: "Regions the programs and applicants are spread over.") var regions = 20
        @Option(help: "Seed of the generator.") var seed: UInt64 = 1
        @Option(help: "Timed runs.") var runs = 5
        @Option(help: "Also write the instance in the contract's JSON here, to time `bilim admission allocate` on it.")
        var writeInstance: String?
        @Flag(help: "Time the whole `bilim admission allocate` process on the instance (read, check, allocate, write) and its peak memory.")
        var wholeProcess = false

        func validate() throws {
            guard applicants >= 0, programs > 0, regions > 0, runs > 0 else {
                throw ValidationError("applicants must be ≥ 0; programs, regions and runs > 0")
            }
        }

        func run() throws {
            let clock = ContinuousClock()
            var instance = Allocation.Instance(categories: [], programs: [], applicants: [])
            let generation = clock.measure {
                instance = AllocationGenerator(applicants: applicants, programs: programs, regions: regions, seed: seed).make()
            }
            let choices = instance.applicants.reduce(0) { $0 + $1.choices.count }
            let seats = instance.programs.reduce(0) { $0 + $1.seats }
            print("instance: \(applicants) applicants, \(programs) programs, \(seats) seats, \(choices) choices (generated in \(Self.ms(generation)))")
            if let path = writeInstance {
                try Data(AllocationJSON.encode(instance)).write(to: URL(fileURLWithPath: path), options: .atomic)
                print("instance written to \(path)")
            }
            if wholeProcess { return try measureWholeProcess(instance) }
            let baseline = Memory.residentKiB()
            Memory.resetPeak()
            var times: [Duration] = []
            var result: Allocation.Result?
            // The run as `bilim admission allocate` does it: on the flat instance its reader makes.
            let flat = Allocation.Flat(instance)
            for _ in 0..<runs {
                times.append(clock.measure { result = Allocation.run(flat) })
            }
            let peak = Memory.peakKiB()
            guard let result else { return }
            let admitted = result.assignments.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
            let formed = result.programs.filter { $0.status == .formed }.count
            let notFormed = result.programs.filter { $0.status == .notFormed }.count
            let empty = result.programs.filter { $0.status == .empty }.count
            print("result: \(admitted) admitted, \(applicants - admitted) unassigned; \(formed) formed, \(notFormed) not formed, \(empty) empty programs")
            print("runs: " + times.map(Self.ms).joined(separator: ", "))
            let sorted = times.sorted()
            print("allocation wall time (median of \(runs), one thread): \(Self.ms(sorted[sorted.count / 2]))")
            if let peak, let baseline {
                print("peak memory: \(peak / 1024) MiB resident (\(max(0, peak - baseline) / 1024) MiB above the instance itself)")
            }
        }

        /// Runs `bilim admission allocate` on the instance `runs` times, as its own process: the wall time of each, the
        /// phases it reports, and the largest peak resident size of the children.
        func measureWholeProcess(_ instance: Allocation.Instance) throws {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bilim-bench-allocate-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let input = dir.appendingPathComponent("instance.json")
            let bytes = AllocationJSON.encode(instance)
            try Data(bytes).write(to: input)
            print("instance file: \(bytes.count / 1024 / 1024) MiB")
            let clock = ContinuousClock()
            var walls: [Duration] = []
            var phases: [String] = []
            for i in 0..<runs {
                let p = Process()
                p.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
                p.arguments = ["admission", "allocate", "--input", input.path, "--output", dir.appendingPathComponent("out\(i).json").path, "--timings"]
                let err = Pipe()
                p.standardError = err
                let wall = try clock.measure {
                    try p.run()
                    p.waitUntilExit()
                }
                let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                guard p.terminationStatus == 0 else { throw UsageFailure("bench allocation: the process failed: \(text)") }
                walls.append(wall)
                phases.append(text.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            // Each process reports its own peak (VmHWM): the children's rusage would count the spawning copy of this one.
            let peaks = phases.compactMap { phase in
                phase.components(separatedBy: "peak ").last.flatMap { Int($0.split(separator: " ").first ?? "") }
            }
            for (w, phase) in zip(walls, phases) { print("  \(Self.ms(w)) — \(phase)") }
            let sorted = walls.sorted()
            print("whole process wall time (median of \(runs)): \(Self.ms(sorted[sorted.count / 2]))")
            print("peak memory of the process: \(peaks.max().map(String.init) ?? "unknown") MiB resident")
        }

        static func ms(_ d: Duration) -> String {
            let (s, atto) = d.components
            return String(format: "%.1f ms", Double(s) * 1000 + Double(atto) / 1e15)
        }
    }
}

/// The process's memory as Linux reports it.
enum Memory {
    static func field(_ name: String) -> Int? {
        // procfs files report no size: read the handle to its end.
        guard let h = FileHandle(forReadingAtPath: "/proc/self/status") else { return nil }
        defer { try? h.close() }
        let text = String(decoding: h.readDataToEndOfFile(), as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            return Int(line.dropFirst(name.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
        }
        return nil
    }

    static func residentKiB() -> Int? { field("VmRSS") }
    static func peakKiB() -> Int? { field("VmHWM") }

    /// Resets the peak resident size to the current one (Linux: writing 5 to clear_refs).
    static func resetPeak() {
        if let h = FileHandle(forWritingAtPath: "/proc/self/clear_refs") {
            h.write(Data("5".utf8))
            try? h.close()
        }
    }
}
