import ArgumentParser
import Foundation

/// `bilim`: the server and the operator's tools. Bad arguments exit with status 2 (spec/terms.md).
@main
struct Bilim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bilim",
        abstract: "Education-document state services and TVET admission of Kazakhstan.",
        subcommands: [Serve.self, Migrate.self, CalendarCommand.self, IINCommand.self, AdmissionCommand.self, BenchCommand.self])

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var async = command as? any AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
        } catch let failure as UsageFailure {
            FileHandle.standardError.write(Data("bilim: \(failure.description)\n".utf8))
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if let exit = error as? ExitCode { Foundation.exit(exit.rawValue) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            // Every usage or validation error is status 2, whatever ArgumentParser's own default.
            Foundation.exit(2)
        }
    }
}

/// A failure the user can act on: its message goes to standard error and the process exits with status 2.
struct UsageFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
