@testable import KubeModel
import Testing

/// Kubernetes protobuf bodies built by hand, byte by byte, and the JSON they must become.
struct ProtobufDecoderTests {
    // MARK: - Wire building

    private static func varint(_ value: UInt64) -> [UInt8] {
        var value = value
        var bytes: [UInt8] = []
        repeat {
            bytes.append(UInt8(value & 0x7F) | (value > 0x7F ? 0x80 : 0))
            value >>= 7
        } while value != 0
        return bytes
    }

    private static func varintField(_ number: UInt64, _ value: UInt64) -> [UInt8] {
        varint(number << 3) + varint(value)
    }

    private static func bytesField(_ number: UInt64, _ payload: [UInt8]) -> [UInt8] {
        varint(number << 3 | 2) + varint(UInt64(payload.count)) + payload
    }

    private static func stringField(_ number: UInt64, _ text: String) -> [UInt8] {
        bytesField(number, Array(text.utf8))
    }

    private static func mapEntry(_ number: UInt64, _ key: String, _ value: [UInt8]) -> [UInt8] {
        bytesField(number, stringField(1, key) + bytesField(2, value))
    }

    /// What kubectl sends: the prefix and a runtime.Unknown around the object's message.
    private static func envelope(apiVersion: String, kind: String, _ raw: [UInt8]) -> [UInt8] {
        KubeProtobufDecoder.magic + bytesField(1, stringField(1, apiVersion) + stringField(2, kind)) + bytesField(2, raw)
            + stringField(3, "") + stringField(4, "")
    }

    /// ObjectMeta as gogo-protobuf writes it: every non-pointer field, even when empty.
    private static func objectMeta(name: String, namespace: String = "") -> [UInt8] {
        stringField(1, name) + stringField(2, "") + stringField(3, namespace) + stringField(4, "") + stringField(5, "")
            + stringField(6, "") + varintField(7, 0) + bytesField(8, [])
    }

    private func decode(_ bytes: [UInt8]) throws -> JSONValue {
        try KubeProtobufDecoder().decode(bytes)
    }

    private func json(_ text: String) throws -> JSONValue {
        try JSONParser.parse(text)
    }

    // MARK: - Objects

    @Test func configMapBecomesTheJSONKubectlPrints() throws {
        let raw = Self.bytesField(1, Self.objectMeta(name: "settings", namespace: "shop"))
            + Self.mapEntry(2, "greeting", Array("hello".utf8))
        let decoded = try decode(Self.envelope(apiVersion: "v1", kind: "ConfigMap", raw))
        #expect(decoded == (try json(#"""
            {"kind":"ConfigMap","apiVersion":"v1",
             "metadata":{"name":"settings","namespace":"shop","creationTimestamp":null},
             "data":{"greeting":"hello"}}
            """#)))
        #expect(Array(decoded.objectValue?.keys ?? []) == ["kind", "apiVersion", "metadata", "data"])
    }

    @Test func secretBytesBecomeBase64() throws {
        let raw = Self.bytesField(1, Self.objectMeta(name: "credentials")) + Self.mapEntry(2, "password", Array("s3cret".utf8))
            + Self.stringField(3, "Opaque")
        let decoded = try decode(Self.envelope(apiVersion: "v1", kind: "Secret", raw))
        #expect(decoded["data"] == (try json(#"{"password":"czNjcmV0"}"#)))
        #expect(decoded["type"] == .string("Opaque"))
    }

    @Test func pointerZeroStaysAndOmitemptyZeroGoes() throws {
        // replicas is *int32: present means set, so 0 stays; minReadySeconds and paused are plain
        // omitempty fields that gogo-protobuf writes anyway.
        let spec = Self.varintField(1, 0) + Self.varintField(5, 0) + Self.varintField(7, 0)
        let raw = Self.bytesField(1, Self.objectMeta(name: "web")) + Self.bytesField(2, spec)
        let decoded = try decode(Self.envelope(apiVersion: "apps/v1", kind: "Deployment", raw))
        #expect(decoded["spec"] == (try json(#"{"replicas":0}"#)))
    }

    @Test func nonOmitemptyZeroStays() throws {
        let raw = Self.bytesField(1, Self.objectMeta(name: "low")) + Self.varintField(2, 0) + Self.varintField(3, 0)
            + Self.stringField(4, "")
        let decoded = try decode(Self.envelope(apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", raw))
        #expect(decoded == (try json(#"""
            {"kind":"PriorityClass","apiVersion":"scheduling.k8s.io/v1",
             "metadata":{"name":"low","creationTimestamp":null},"value":0}
            """#)))
    }

    @Test func negativeInt32IsSignExtended() throws {
        let decoded = try KubeProtobufDecoder().decode(message: ArraySlice(Self.varintField(2, UInt64(bitPattern: -5))), named: "scheduling.v1.PriorityClass")
        #expect(decoded["value"] == .int(-5))
    }

    @Test func inlineFieldJoinsItsParent() throws {
        let volume = Self.stringField(1, "cache") + Self.bytesField(2, Self.bytesField(2, Self.stringField(1, "Memory")))
        let decoded = try KubeProtobufDecoder().decode(message: ArraySlice(volume), named: "core.v1.Volume")
        #expect(decoded == (try json(#"{"name":"cache","emptyDir":{"medium":"Memory"}}"#)))
    }

    // MARK: - Special types

    @Test func quantityIsItsString() throws {
        let resources = Self.mapEntry(1, "memory", Self.stringField(1, "64Mi")) + Self.mapEntry(2, "cpu", Self.stringField(1, "250m"))
        let decoded = try KubeProtobufDecoder().decode(message: ArraySlice(resources), named: "core.v1.ResourceRequirements")
        #expect(decoded == (try json(#"{"limits":{"memory":"64Mi"},"requests":{"cpu":"250m"}}"#)))
    }

    @Test func intOrStringFollowsItsType() throws {
        let number = Self.varintField(3, 80) + Self.bytesField(4, Self.varintField(1, 0) + Self.varintField(2, 8080) + Self.stringField(3, ""))
        let name = Self.varintField(3, 80) + Self.bytesField(4, Self.varintField(1, 1) + Self.varintField(2, 0) + Self.stringField(3, "http"))
        let decoder = KubeProtobufDecoder()
        #expect(try decoder.decode(message: ArraySlice(number), named: "core.v1.ServicePort") == (try json(#"{"port":80,"targetPort":8080}"#)))
        #expect(try decoder.decode(message: ArraySlice(name), named: "core.v1.ServicePort") == (try json(#"{"port":80,"targetPort":"http"}"#)))
    }

    @Test func timeIsRFC3339InWholeSecondsAndEmptyTimeIsNull() throws {
        // 2026-01-02T03:04:05Z; Kubernetes drops the nanoseconds of a Time.
        let meta = Self.stringField(1, "a") + Self.bytesField(8, Self.varintField(1, 1_767_323_045) + Self.varintField(2, 500))
            + Self.bytesField(9, [])
        let decoded = try KubeProtobufDecoder().decode(message: ArraySlice(meta), named: "meta.v1.ObjectMeta")
        #expect(decoded == (try json(#"{"name":"a","creationTimestamp":"2026-01-02T03:04:05Z","deletionTimestamp":null}"#)))
    }

    @Test func microTimeKeepsMicroseconds() throws {
        let spec = Self.bytesField(3, Self.varintField(1, 1_767_323_045) + Self.varintField(2, 123_456_789))
        let decoded = try KubeProtobufDecoder().decode(message: ArraySlice(spec), named: "coordination.v1.LeaseSpec")
        #expect(decoded == (try json(#"{"acquireTime":"2026-01-02T03:04:05.123456Z"}"#)))
    }

    @Test(arguments: [
        (Int64(0), "0s"), (1_500, "1.5µs"), (2_000_000, "2ms"), (1_500_000_000, "1.5s"), (90_000_000_000, "1m30s"),
        (3_600_000_000_000, "1h0m0s"), (-5_000_000_000, "-5s"),
    ])
    func durationIsGoText(nanoseconds: Int64, text: String) {
        #expect(ProtobufValueFormatter.duration(nanoseconds: nanoseconds) == text)
    }

    @Test func timestampsBeforeTheEpochAndInLeapYears() {
        #expect(ProtobufValueFormatter.timestamp(seconds: -1) == "1969-12-31T23:59:59Z")
        #expect(ProtobufValueFormatter.timestamp(seconds: 951_782_400) == "2000-02-29T00:00:00Z")
    }

    @Test func rawExtensionIsEmbeddedJSON() throws {
        let revision = Self.bytesField(2, Self.bytesField(1, Array(#"{"spec":{"replicas":2}}"#.utf8))) + Self.varintField(3, 4)
        let decoded = try KubeProtobufDecoder().decode(message: ArraySlice(revision), named: "apps.v1.ControllerRevision")
        #expect(decoded == (try json(#"{"data":{"spec":{"replicas":2}},"revision":4}"#)))
    }

    @Test func packedRepeatedScalarsAreRead() throws {
        // Kubernetes writes repeated int32 unpacked, but protobuf readers must accept packed too.
        let packed = Self.bytesField(3, Self.varint(1) + Self.varint(2))
        let unpacked = Self.varintField(3, 1) + Self.varintField(3, 2)
        let decoder = KubeProtobufDecoder()
        let expected = try json(#"{"operator":"In","values":[1,2]}"#)
        for values in [packed, unpacked] {
            let rule = Self.bytesField(2, Self.stringField(2, "In") + values)
            #expect(try decoder.decode(message: ArraySlice(rule), named: "batch.v1.PodFailurePolicyRule")["onExitCodes"] == expected)
        }
    }

    @Test func unknownFieldsAreSkipped() throws {
        let raw = Self.bytesField(1, Self.objectMeta(name: "a")) + Self.stringField(99, "future")
        let decoded = try decode(Self.envelope(apiVersion: "v1", kind: "Namespace", raw))
        #expect(decoded["metadata"]?["name"] == .string("a"))
        #expect(decoded.objectValue?.count == 3)
    }

    // MARK: - Errors

    @Test func bodyWithoutThePrefixIsMalformed() {
        #expect(throws: ProtobufDecodingError.malformed("the body does not start with the Kubernetes protobuf prefix \"k8s\\0\"")) {
            try KubeProtobufDecoder().decode(Array(#"{"kind":"ConfigMap"}"#.utf8))
        }
    }

    @Test func unknownKindIsReportedAsSuch() {
        let body = Self.envelope(apiVersion: "example.com/v1", kind: "Widget", [])
        #expect(throws: ProtobufDecodingError.unknownKind(apiVersion: "example.com/v1", kind: "Widget")) {
            try KubeProtobufDecoder().decode(body)
        }
    }

    @Test(arguments: [
        // A length that runs past the end.
        KubeProtobufDecoder.magic + [0x0A, 0x20, 0x0A],
        // A varint that never ends.
        KubeProtobufDecoder.magic + [0x08, 0xFF, 0xFF],
        // Wire type 3 (a group).
        KubeProtobufDecoder.magic + [0x0B],
        // No type meta at all.
        KubeProtobufDecoder.magic,
    ])
    func brokenEnvelopesAreMalformed(body: [UInt8]) {
        #expect {
            try KubeProtobufDecoder().decode(body)
        } throws: { error in
            if case .malformed = error as? ProtobufDecodingError { return true }
            return false
        }
    }

    @Test func wrongWireTypeForAFieldIsMalformed() {
        // metadata (field 1) as a varint instead of a message.
        let body = Self.envelope(apiVersion: "v1", kind: "ConfigMap", Self.varintField(1, 7))
        #expect {
            try KubeProtobufDecoder().decode(body)
        } throws: { error in
            (error as? ProtobufDecodingError)?.description.contains("core.v1.ConfigMap field 1") == true
        }
    }

    @Test func builtinSchemaCoversTheKindsKubectlCreates() {
        let schema = ProtobufSchema.builtin
        #expect(schema.schemaVersion == "v1.32")
        let kinds = [
            ("v1", "Namespace"), ("v1", "ConfigMap"), ("v1", "Secret"), ("v1", "Service"), ("v1", "ServiceAccount"),
            ("v1", "ResourceQuota"), ("v1", "Pod"), ("apps/v1", "Deployment"), ("batch/v1", "Job"), ("batch/v1", "CronJob"),
            ("rbac.authorization.k8s.io/v1", "Role"), ("rbac.authorization.k8s.io/v1", "RoleBinding"),
            ("rbac.authorization.k8s.io/v1", "ClusterRole"), ("scheduling.k8s.io/v1", "PriorityClass"),
            ("policy/v1", "PodDisruptionBudget"), ("networking.k8s.io/v1", "Ingress"),
            ("authentication.k8s.io/v1", "TokenRequest"), ("authorization.k8s.io/v1", "SelfSubjectAccessReview"),
            ("apiextensions.k8s.io/v1", "CustomResourceDefinition"),
            ("coordination.k8s.io/v1", "Lease"), ("discovery.k8s.io/v1", "EndpointSlice"), ("storage.k8s.io/v1", "StorageClass"),
            ("autoscaling/v2", "HorizontalPodAutoscaler"),
        ]
        for (apiVersion, kind) in kinds {
            #expect(schema.messageName(apiVersion: apiVersion, kind: kind) != nil, "\(apiVersion) \(kind)")
        }
    }
}
