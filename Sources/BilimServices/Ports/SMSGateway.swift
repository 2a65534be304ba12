/// Sends an SMS. `key` identifies the message: a gateway given the same key twice sends it once, which makes a
/// retried delivery after a crash harmless.
package protocol SMSGateway: Sendable {
    func send(key: String, phone: String, text: String) async throws
}
