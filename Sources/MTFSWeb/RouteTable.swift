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
    /// carries its OpenAPI operation (JSON): the description is made from the routes that exist.
    private var routes: [(method: HTTPRequest.Method, path: [Substring], operation: String?)] = []

    init(_ router: Router<PortalContext>) { self.router = router }

    func get(_ path: String, describedAs operation: String? = nil, use closure: @Sendable @escaping (Request, PortalContext) async throws -> Response) {
        add(.get, path, operation, closure)
    }

    func post(_ path: String, describedAs operation: String? = nil, use closure: @Sendable @escaping (Request, PortalContext) async throws -> Response) {
        add(.post, path, operation, closure)
    }

    private func add(
        _ method: HTTPRequest.Method, _ path: String, _ operation: String?, _ closure: @Sendable @escaping (Request, PortalContext) async throws -> Response
    ) {
        router.on(RouterPath(path), method: method, use: closure)
        routes.append((method, path.split(separator: "/"), operation))
    }

    /// The OpenAPI description: `header` (its info, security and schemas) with a path for every
    /// described route, `:name` written `{name}`. Every operation declares 401 (no or bad token),
    /// and every refusal it declares (4xx) has the one error body, `{"errors": [...]}` (SPEC §10 v3).
    /// The description: the header, and a path for every described route. A schema marked
    /// `"x-mtfs-enum": "directorates"` lists `names["directorates"]` as its enum (the ledger's own
    /// names, so a request that names something the ledger does not know is outside the description).
    func openAPI(_ header: String, names: [String: [String]] = [:]) throws -> String {
        guard var document = try RouteTable.naming(JSONSerialization.jsonObject(with: Data(header.utf8)), names) as? [String: Any] else {
            throw HTTPFailure(.internalServerError, "the API description's header is not a JSON object")
        }
        let errors: [String: Any] = ["application/json": ["schema": ["$ref": "#/components/schemas/Errors"]]]
        var paths: [String: [String: Any]] = [:]
        for route in routes {
            guard let text = route.operation,
                var operation = try RouteTable.naming(JSONSerialization.jsonObject(with: Data(text.utf8)), names) as? [String: Any]
            else { continue }
            var responses = operation["responses"] as? [String: Any] ?? [:]
            responses["401"] = responses["401"] ?? ["description": "no or bad token"]
            for (status, value) in responses where status.hasPrefix("4") {
                guard var response = value as? [String: Any] else { continue }
                response["content"] = errors
                responses[status] = response
            }
            operation["responses"] = responses
            let key = "/" + route.path.map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            paths[key, default: [:]][route.method.rawValue.lowercased()] = operation
        }
        document["paths"] = paths
        let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// `value` with every `"x-mtfs-enum": KEY` schema given `names[KEY]` as its enum.
    static func naming(_ value: Any, _ names: [String: [String]]) -> Any {
        if var object = value as? [String: Any] {
            for (key, inner) in object { object[key] = naming(inner, names) }
            if let key = object.removeValue(forKey: "x-mtfs-enum") as? String { object["enum"] = names[key] ?? [] }
            return object
        }
        if let array = value as? [Any] { return array.map { naming($0, names) } }
        return value
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
