import Foundation
import Hummingbird
import Mustache

/// Renders Mustache templates from `Resources/Templates` into HTML responses.
package struct Renderer: Sendable {
    let library: MustacheLibrary
    package let text: UIText

    package static func load() async throws -> Renderer {
        let dir = Bundle.module.bundleURL.appendingPathComponent("Resources/Templates")
        return Renderer(library: try await MustacheLibrary(directory: dir.path), text: try UIText.load())
    }

    func html(_ template: String, _ model: Any, status: HTTPResponse.Status = .ok) -> Response {
        let body = library.render(model, withTemplate: template) ?? "template \(template) is missing"
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
