import ArgumentParser
import BilimCore
import BilimServices
import Foundation

struct IINCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iin", abstract: "Individual identification numbers.", subcommands: [Check.self])

    /// `bilim iin check IIN`: a verdict for any string, exit 0 when valid and 1 when not (spec/terms.md).
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check an IIN: checksum, birth date, century and sex.")

        // Taken verbatim, so that "-5", "" or spaces get a verdict instead of a usage error.
        @Argument(parsing: .allUnrecognized, help: "The IIN (12 digits).")
        var values: [String] = []

        func validate() throws {
            guard values.count == 1 else { throw ValidationError("give exactly one IIN to check (quote it if it has spaces)") }
        }

        func run() throws {
            let today = LocalTime.almaty.today(SystemClock())
            do {
                let iin = try IIN(values[0], today: today)
                print(#"{"valid": true, "birthDate": "\#(iin.birthDate.iso)", "sex": "\#(iin.sex.rawValue)"}"#)
            } catch {
                print(#"{"valid": false, "reason": \#(jsonString(error.message(in: .en)))}"#)
                throw ExitCode(1)
            }
        }
    }
}

func jsonString(_ s: String) -> String {
    String(decoding: try! JSONEncoder().encode(s), as: UTF8.self)
}
