import Foundation
import HTTPTypes
import Hummingbird
import ServiceLifecycle
import Logging
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore
import NIOCore

/// Authenticates every request (bearer token, trusted header, or session cookie), and refuses a
/// cookie-authenticated write without the session's CSRF token.
/// Every route the portal answers, recorded as it is registered: the router and the methods a path
/// takes (for 405 and its Allow header) come from this one table, never from a second list.
final class RouteTable: @unchecked Sendable {
    let router: Router<PortalContext>
    /// Filled while the router is built, before the server starts; read-only after. An API route
    /// carries its OpenAPI operation (made for the ledger's names as they stand): the description is
    /// made from the routes that exist.
    typealias Describe = @Sendable (OpenAPI.Names) -> OpenAPI.Operation
    private var routes: [(method: HTTPRequest.Method, path: [Substring], operation: Describe?)] = []

    init(_ router: Router<PortalContext>) { self.router = router }

    func get(_ path: String, describedAs operation: Describe? = nil, use closure: @Sendable @escaping (Request, PortalContext) async throws -> Response) {
        add(.get, path, operation, closure)
    }

    func post(_ path: String, describedAs operation: Describe? = nil, use closure: @Sendable @escaping (Request, PortalContext) async throws -> Response) {
        add(.post, path, operation, closure)
    }

    private func add(
        _ method: HTTPRequest.Method, _ path: String, _ operation: Describe?, _ closure: @Sendable @escaping (Request, PortalContext) async throws -> Response
    ) {
        router.on(RouterPath(path), method: method, use: closure)
        routes.append((method, path.split(separator: "/"), operation))
    }

    /// The OpenAPI description: `document` (its info, security and schemas) with a path for every
    /// described route, `:name` written `{name}`, each operation made for `names` (the ledger's own,
    /// so a request that names something the ledger does not know is outside the description). Every
    /// operation declares 401 (no or bad token), and every refusal it declares (4xx) has the one error
    /// body, `{"errors": [...]}` (SPEC §10 v3).
    func openAPI(_ document: OpenAPI.Document, names: OpenAPI.Names) throws -> String {
        var document = document
        let errors = ["application/json": OpenAPI.MediaType(schema: .ref("Errors"))]
        for route in routes {
            guard let describe = route.operation else { continue }
            var operation = describe(names)
            operation.responses["401"] = operation.responses["401"] ?? .plain("no or bad token")
            for status in operation.responses.keys where status.hasPrefix("4") { operation.responses[status]?.content = errors }
            let key = "/" + route.path.map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            document.paths[key, default: [:]][route.method.rawValue.lowercased()] = operation
        }
        return try JSONOutput.encode(document)
    }

    /// The methods `path` is answered to (`:name` segments match any one segment), or nil.
    func methods(for path: String) -> [String]? {
        let parts = path.split(separator: "/")
        let methods = routes.filter { route in
            route.path.count == parts.count && zip(route.path, parts).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
        }.map(\.method.rawValue)
        return methods.isEmpty ? nil : Array(Set(methods)).sorted()
    }
}
