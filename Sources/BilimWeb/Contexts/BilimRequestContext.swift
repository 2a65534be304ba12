import BilimCore
import BilimStore
import Hummingbird
import Logging

/// Per-request state: the language the answer is in, the signed-in user and the session token.
package struct BilimRequestContext: RequestContext {
    package var coreContext: CoreRequestContextStorage
    package var language: Language = .default
    package var user: UserRow?
    package var sessionToken: String?
    package var csrfToken: String?
    /// The actor the route's door let in (`DoorMiddleware`); nil on routes without a door.
    package var actor: Actor?
    /// The socket peer's IP address, when the connection has one.
    package let peer: String?
    /// The client's address as `ClientAddressMiddleware` resolved it (peer, or X-Forwarded-For past trusted proxies).
    package var clientAddress = "unknown"

    package init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress?.ipAddress
    }

    /// The request id Hummingbird puts in every log line of this request.
    package var requestId: String { logger[metadataKey: "hb.request.id"]?.description ?? "-" }

    /// Attachments may be up to 5 MB; forms and JSON are held to `Body.smallLimit` by their readers.
    package var maxUploadSize: Int { 5 * 1024 * 1024 + 1 }
}
