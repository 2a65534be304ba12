import Foundation
import Testing

/// `bilim serve` refuses to start where it would be unsafe: demo accounts (a published password) only when asked for
/// and never on an https address; outside the demo, absolute links need BILIM_PUBLIC_URL; proxies must be addresses.
@Suite struct ServeSafetyTests {
    @Test("without --demo or BILIM_DEMO=1 and without BILIM_PUBLIC_URL the server does not start, and says why")
    func needsPublicURL() throws {
        let r = try CLI.run(["serve", "--port", "0"], environment: ["DATABASE_URL": "sqlite::memory:", "BILIM_DEMO": "", "BILIM_PUBLIC_URL": ""])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("set BILIM_PUBLIC_URL"), "\(r.stderr)")
        #expect(!r.stdout.contains("bilim-demo-2026"))
    }

    @Test("demo data is never created on an https public address")
    func noDemoOnHTTPS() throws {
        for env in [["BILIM_DEMO": "1"], ["BILIM_DEMO": ""]] {
            let args = env["BILIM_DEMO"] == "1" ? ["serve", "--port", "0"] : ["serve", "--demo", "--port", "0"]
            let r = try CLI.run(args, environment: env.merging(["DATABASE_URL": "sqlite::memory:", "BILIM_PUBLIC_URL": "https://bilim.example.kz"]) { $1 })
            #expect(r.status == 2 && r.stderr.contains("never served on an https BILIM_PUBLIC_URL"), "\(r.stderr)")
            #expect(!r.stdout.contains("bilim-demo-2026"))
        }
    }

    @Test("a trusted proxy that is not an address or a CIDR range stops the start, naming it")
    func badProxy() throws {
        let r = try CLI.run(
            ["serve", "--demo", "--port", "0"],
            environment: ["DATABASE_URL": "sqlite::memory:", "BILIM_TRUSTED_PROXIES": "10.0.0.0/8, proxy.local"])
        #expect(r.status == 2 && r.stderr.contains("'proxy.local' is not an IP address or CIDR range"), "\(r.stderr)")
    }
}
