import Foundation
import Testing

@Suite struct OperatorCommandTests {
    @Test("bilim migrate --dry-run lists what migrate then applies")
    func migrate() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = ["DATABASE_URL": "sqlite:\(dir.path)/bilim.sqlite"]

        let dry = try CLI.run(["migrate", "--dry-run"], environment: env)
        let apply = try CLI.run(["migrate"], environment: env)
        let again = try CLI.run(["migrate", "--dry-run"], environment: env)

        #expect(dry.status == 0 && dry.stdout.contains("would apply") && dry.stdout.contains("0001-create-reference-tables"))
        #expect(apply.status == 0 && apply.stdout.contains("applied") && apply.stdout.contains("0009-create-sessions"))
        #expect(again.status == 0 && again.stdout.contains("nothing to apply"))
    }

    @Test("an unreachable DATABASE_URL stops a command with exit 2 and no password in the message")
    func unreachable() throws {
        let r = try CLI.run(["migrate"], environment: ["DATABASE_URL": "postgres://bilim:s3cret@127.0.0.1:9/bilim"])

        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot open the database postgres://bilim:***@127.0.0.1:9/bilim"))
        #expect(!r.stderr.contains("s3cret"))
    }

    @Test("bilim calendar load replaces a year; a broken file changes nothing")
    func load() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = ["DATABASE_URL": "sqlite:\(dir.path)/bilim.sqlite"]
        // A transfer published mid-year: Friday 2027-01-08 off, Saturday 2027-01-16 working.
        let year = """
            {"year": 2027, "source": "test decree", "holidays": [
              {"date": "2027-01-01", "kind": "public", "name": {"kk": "Жаңа жыл", "ru": "Новый год", "en": "New Year"}}],
             "transfers": [{"dayOff": "2027-01-08", "workingDay": "2027-01-16", "source": "test decree No. 1"}]}
            """
        try year.write(to: dir.appendingPathComponent("2027.json"), atomically: true, encoding: .utf8)
        try #"{"year": 2027, "holidays": []}"#.write(to: dir.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)

        let bad = try CLI.run(["calendar", "load", "--file", dir.appendingPathComponent("bad.json").path], environment: env)
        let before = try CLI.run(["calendar", "non-working", "--from", "2027-01-07", "--to", "2027-01-16"], environment: env)
        let good = try CLI.run(["calendar", "load", "--file", dir.appendingPathComponent("2027.json").path], environment: env)
        let after = try CLI.run(["calendar", "non-working", "--from", "2027-01-07", "--to", "2027-01-16"], environment: env)

        #expect(bad.status == 2 && bad.stderr.contains("bad.json: missing field 'source'"), "\(bad.stderr)")
        #expect(before.stdout == #"["2027-01-07", "2027-01-09", "2027-01-10", "2027-01-16"]"#)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(after.stdout == #"["2027-01-08", "2027-01-09", "2027-01-10"]"#)
    }

    @Test("a passport file with a missing field stops the server's start with a message naming it")
    func brokenPassport() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try #"{"service": "S1", "version": 1}"#.write(to: dir.appendingPathComponent("S1-v1.json"), atomically: true, encoding: .utf8)

        let r = try CLI.run(["serve", "--passports", dir.path, "--port", "0"], environment: ["DATABASE_URL": "sqlite::memory:"])

        #expect(r.status == 2)
        #expect(r.stderr.contains("S1-v1.json: missing field 'legalSource'"), "\(r.stderr)")
    }
}
