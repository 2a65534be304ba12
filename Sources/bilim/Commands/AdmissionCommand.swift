import ArgumentParser
import BilimCore
import Foundation

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

        func run() throws {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: input)) } catch {
                throw UsageFailure("cannot read \(input): \(error.localizedDescription)")
            }
            let instance: Allocation.Instance
            do { instance = try AllocationJSON.decode(Array(data)) } catch { throw UsageFailure("\(input): \(error.description)") }
            let result = Allocation.run(instance)
            let bytes = AllocationJSON.encode(result, of: instance)
            // Written whole or not at all.
            do { try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
                throw UsageFailure("cannot write \(output): \(error.localizedDescription)")
            }
        }
    }
}
