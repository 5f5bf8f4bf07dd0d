import Foundation
import KubeModel

/// Typed reads of an ApplicationSet object; what it does not read stays in ``object``.
struct ApplicationSetView: Sendable {
    let object: KubeObject

    var name: String { object.name }
    var namespace: String { object.namespace ?? "" }
    var qualifiedName: String { "\(namespace)/\(name)" }
    var goTemplate: Bool { object[path: "spec", "goTemplate"]?.boolValue ?? false }
    var goTemplateOptions: [String] { object[path: "spec", "goTemplateOptions"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
    var generators: [JSONValue] { object[path: "spec", "generators"]?.arrayValue ?? [] }
    var template: JSONValue { object[path: "spec", "template"] ?? .emptyObject }
    var preserveResourcesOnDeletion: Bool { object[path: "spec", "syncPolicy", "preserveResourcesOnDeletion"]?.boolValue ?? false }
    /// Annotation and label keys of generated Applications that the controller leaves as users set them.
    var preservedAnnotations: [String] { object[path: "spec", "preservedFields", "annotations"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
    var preservedLabels: [String] { object[path: "spec", "preservedFields", "labels"]?.arrayValue?.compactMap(\.stringValue) ?? [] }

    /// `spec.syncPolicy.applicationsSync`.
    func applicationsSync() throws(ApplicationSetError) -> ApplicationsSyncPolicy {
        guard let text = object[path: "spec", "syncPolicy", "applicationsSync"]?.stringValue, !text.isEmpty else { return .sync }
        guard let policy = ApplicationsSyncPolicy(rawValue: text) else {
            throw ApplicationSetError("spec.syncPolicy.applicationsSync: \"\(text)\" is not one of create-only, create-update, create-delete, sync")
        }
        return policy
    }

    /// The RollingSync steps, or nil when the strategy is not RollingSync.
    func rollingSyncSteps() throws(ApplicationSetError) -> [RollingSyncStep]? {
        guard object[path: "spec", "strategy", "type"]?.stringValue == "RollingSync" else { return nil }
        var steps: [RollingSyncStep] = []
        for (index, step) in (object[path: "spec", "strategy", "rollingSync", "steps"]?.arrayValue ?? []).enumerated() {
            let field = "spec.strategy.rollingSync.steps[\(index)]"
            let selector: LabelSelector
            do throws(SelectorError) {
                selector = try LabelSelector(json: ["matchExpressions": step["matchExpressions"] ?? .array([])])
            } catch {
                throw ApplicationSetError("\(field): \(error)")
            }
            var maxUpdate: RollingSyncStep.MaxUpdate?
            switch step["maxUpdate"] {
            case .number(let number)?:
                maxUpdate = .count(Int(number.int64Value ?? 0))
            case .string(let text)? where text.hasSuffix("%") && Int(text.dropLast()) != nil:
                maxUpdate = .percent(Int(text.dropLast())!)
            case .string(let text)? where Int(text) != nil:
                maxUpdate = .count(Int(text)!)
            case nil, .null?:
                maxUpdate = nil
            default:
                throw ApplicationSetError("\(field).maxUpdate must be a number or a percentage such as 25%")
            }
            steps.append(RollingSyncStep(selector: selector, maxUpdate: maxUpdate))
        }
        return steps
    }

    /// How long until the generators should look again (for new commits): the shortest
    /// `requeueAfterSeconds` of a generator, where Git generators default to upstream's 180 s.
    var requeueAfter: Duration? {
        func seconds(_ entry: JSONValue) -> [Int] {
            guard let members = entry.objectValue else { return [] }
            var result: [Int] = []
            for (kind, body) in members where ["list", "clusters", "git", "matrix", "merge"].contains(kind) {
                if let value = body["requeueAfterSeconds"]?.int64Value {
                    result.append(Int(value))
                } else if kind == "git" {
                    result.append(180)
                }
                for child in body["generators"]?.arrayValue ?? [] { result += seconds(child) }
            }
            return result
        }
        return generators.flatMap(seconds).filter { $0 > 0 }.min().map { .seconds($0) }
    }

    /// The last recorded RollingSync state of each Application, by name.
    var applicationStatus: [String: RollingSyncEntry] {
        var result: [String: RollingSyncEntry] = [:]
        for entry in object[path: "status", "applicationStatus"]?.arrayValue ?? [] {
            if let parsed = RollingSyncEntry(json: entry) { result[parsed.application] = parsed }
        }
        return result
    }
}
