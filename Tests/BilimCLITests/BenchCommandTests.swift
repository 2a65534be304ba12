import Foundation
import Testing

/// The benchmarks run and print their figures (the figures themselves go in the notes, never into assertions).
@Suite struct BenchCommandTests {
    @Test("bench competition stores a small region, runs it from the database and admits what the direct allocation admits")
    func competition() throws {
        let r = try CLI.run(["bench", "competition", "--applicants", "300", "--programs", "20", "--runs", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        let run = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("run: ") })
        // "run: 300 applicants, N admitted (the generated instance allocated directly: N), …"
        let numbers = run.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        #expect(numbers.count >= 3 && numbers[0] == 300 && numbers[1] == numbers[2], "\(run)")
        #expect(r.stdout.contains("competition run wall time (median of 1"))
    }
}
