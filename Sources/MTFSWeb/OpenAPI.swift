/// The API's description (OpenAPI 3.0.3, SPEC §10 v3) as values: every part an `Encodable` type,
/// encoded as every other JSON reply is (``JSONOutput``), never JSON written by hand.
enum OpenAPI {
    /// The ledger's own names a schema may list as its enum, as the ledger stands when the
    /// description is asked for (directorates, holders, refs, years, finding codes), by kind.
    typealias Names = [String: [String]]

    struct Document: Encodable, Sendable {
        var openapi = "3.0.3"
        var info: Info
        var components: Components
        var security: [[String: [String]]]
        var paths: [String: [String: Operation]]
    }

    struct Info: Encodable, Sendable {
        var title: String
        var version: String
        var description: String
    }

    struct Components: Encodable, Sendable {
        var securitySchemes: [String: SecurityScheme]
        var schemas: [String: Schema]
    }

    struct SecurityScheme: Encodable, Sendable {
        var type: String
        var scheme: String
    }

    /// One route's operation: what it is, what it takes and every answer it gives.
    struct Operation: Encodable, Sendable {
        var summary: String
        var parameters: [Parameter]?
        var requestBody: RequestBody?
        var responses: [String: Response]

        init(_ summary: String, parameters: [Parameter]? = nil, body: Schema? = nil, responses: [String: Response]) {
            self.summary = summary
            self.parameters = parameters
            self.requestBody = body.map { RequestBody(required: true, content: ["application/json": MediaType(schema: $0)]) }
            self.responses = responses
        }
    }

    struct Parameter: Encodable, Sendable {
        var name: String
        var location: String
        var required: Bool
        var description: String?
        var style: String?
        var explode: Bool?
        var schema: Schema

        enum CodingKeys: String, CodingKey {
            case name, location = "in", required, description, style, explode, schema
        }

        static func query(_ name: String, required: Bool = false, _ description: String? = nil, repeated: Bool = false, _ schema: Schema) -> Parameter {
            Parameter(
                name: name, location: "query", required: required, description: description, style: repeated ? "form" : nil,
                explode: repeated ? true : nil, schema: schema)
        }

        static func query(_ name: String, _ schema: Schema) -> Parameter { query(name, nil, schema) }

        static func path(_ name: String, _ schema: Schema) -> Parameter {
            Parameter(name: name, location: "path", required: true, schema: schema)
        }
    }

    struct RequestBody: Encodable, Sendable {
        var required: Bool
        var content: [String: MediaType]
    }

    struct MediaType: Encodable, Sendable {
        var schema: Schema
    }

    struct Response: Encodable, Sendable {
        var description: String
        var content: [String: MediaType]?

        /// An answer with no body described (a refusal: its body, `{"errors": [...]}`, is added for
        /// every 4xx by ``RouteTable/openAPI(_:names:)``).
        static func plain(_ description: String) -> Response { Response(description: description) }

        /// An answer whose JSON body is the schema.
        static func json(_ description: String, _ schema: Schema) -> Response {
            Response(description: description, content: ["application/json": MediaType(schema: schema)])
        }
    }

    /// A value the schema allows: text, or null.
    enum Scalar: Encodable, Sendable, ExpressibleByStringLiteral {
        case text(String)
        case null

        init(stringLiteral value: String) { self = .text(value) }

        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .text(let s): try c.encode(s)
            case .null: try c.encodeNil()
            }
        }
    }

    /// A JSON Schema (OpenAPI 3.0's subset): only the keywords this API uses.
    struct Schema: Encodable, Sendable {
        var ref: String?
        var type: String?
        var pattern: String?
        var example: String?
        var description: String?
        var nullable: Bool?
        var allowed: [Scalar]?
        var defaultValue: String?
        var items: Boxed?
        var properties: [String: Schema]?
        var required: [String]?
        var minItems: Int?
        var maxLength: Int?
        var oneOf: [Schema]?
        var additionalProperties: Boxed?

        enum CodingKeys: String, CodingKey {
            case ref = "$ref", type, pattern, example, description, nullable, allowed = "enum", defaultValue = "default", items, properties, required
            case minItems, maxLength, oneOf, additionalProperties
        }

        /// A schema inside a schema (an array's items, a map's values).
        final class Boxed: Encodable, Sendable {
            let schema: Schema
            init(_ schema: Schema) { self.schema = schema }
            func encode(to encoder: Encoder) throws { try schema.encode(to: encoder) }
        }

        static func ref(_ name: String) -> Schema { Schema(ref: "#/components/schemas/\(name)") }

        static func string(_ description: String? = nil, allowed: [Scalar]? = nil, nullable: Bool? = nil, maxLength: Int? = nil) -> Schema {
            Schema(type: "string", description: description, nullable: nullable, allowed: allowed, maxLength: maxLength)
        }

        /// Text that is one of the ledger's own names of a kind (``Names``).
        static func named(_ kind: String, in names: Names) -> Schema { Schema(type: "string", allowed: (names[kind] ?? []).map(Scalar.text)) }

        static let integer = Schema(type: "integer")
        static let boolean = Schema(type: "boolean")
        static let number = Schema(type: "number")
        /// An object described no further.
        static let anyObject = Schema(type: "object")

        static func array(_ items: Schema, minItems: Int? = nil) -> Schema { Schema(type: "array", items: Boxed(items), minItems: minItems) }

        static func object(required: [String] = [], _ properties: [String: Schema], nullable: Bool? = nil) -> Schema {
            Schema(type: "object", nullable: nullable, properties: properties, required: required.isEmpty ? nil : required)
        }

        /// An object whose every value is the schema (a map).
        static func map(_ values: Schema) -> Schema { Schema(type: "object", additionalProperties: Boxed(values)) }

        /// This schema, also allowed to be null.
        var orNull: Schema {
            var s = self
            s.nullable = true
            return s
        }
    }
}
