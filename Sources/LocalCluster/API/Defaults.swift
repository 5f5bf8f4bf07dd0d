import Foundation
public import KubeModel

/// The defaults the Kubernetes API server fills in for the built-in kinds, so that objects read back
/// look as they would from a real cluster (and diffs must learn to ignore them).
enum Defaults {
    /// A Secret's write-only `stringData` is folded into `data` (base64, winning over the same key in
    /// `data`) and never stored, as the API server's conversion does.
    private static func mergeStringData(_ object: inout JSONValue) {
        guard let strings = object["stringData"]?.objectValue else { return }
        var data = object["data"]?.objectValue ?? [:]
        for (key, value) in strings {
            data[key] = .string(Data((value.stringValue ?? "").utf8).base64EncodedString())
        }
        object["data"] = .object(data)
        object["stringData"] = nil
    }

    static func apply(to object: inout JSONValue, info: ResourceInfo) {
        switch (info.group, info.kind) {
        case ("", "Namespace"):
            setIfAbsent(&object, ["spec", "finalizers"], ["kubernetes"])
            setIfAbsent(&object, ["status", "phase"], "Active")
        case ("", "Pod"):
            applyPodSpec(&object, at: ["spec"])
            setIfAbsent(&object, ["status", "phase"], "Pending")
            setIfAbsent(&object, ["status", "qosClass"], "BestEffort")
        case ("", "Service"):
            applyService(&object)
        case ("", "Secret"):
            setIfAbsent(&object, ["type"], "Opaque")
            mergeStringData(&object)
        case ("apps", "Deployment"):
            setIfAbsent(&object, ["spec", "replicas"], 1)
            setIfAbsent(&object, ["spec", "strategy", "type"], "RollingUpdate")
            if object[path: ["spec", "strategy", "type"]] == "RollingUpdate" {
                setIfAbsent(&object, ["spec", "strategy", "rollingUpdate", "maxSurge"], "25%")
                setIfAbsent(&object, ["spec", "strategy", "rollingUpdate", "maxUnavailable"], "25%")
            }
            setIfAbsent(&object, ["spec", "revisionHistoryLimit"], 10)
            setIfAbsent(&object, ["spec", "progressDeadlineSeconds"], 600)
            applyPodSpec(&object, at: ["spec", "template", "spec"])
        case ("apps", "ReplicaSet"):
            setIfAbsent(&object, ["spec", "replicas"], 1)
            applyPodSpec(&object, at: ["spec", "template", "spec"])
        case ("apps", "StatefulSet"):
            setIfAbsent(&object, ["spec", "replicas"], 1)
            setIfAbsent(&object, ["spec", "podManagementPolicy"], "OrderedReady")
            setIfAbsent(&object, ["spec", "updateStrategy", "type"], "RollingUpdate")
            if object[path: ["spec", "updateStrategy", "type"]] == "RollingUpdate" {
                setIfAbsent(&object, ["spec", "updateStrategy", "rollingUpdate", "partition"], 0)
            }
            setIfAbsent(&object, ["spec", "revisionHistoryLimit"], 10)
            applyPodSpec(&object, at: ["spec", "template", "spec"])
        case ("apps", "DaemonSet"):
            setIfAbsent(&object, ["spec", "updateStrategy", "type"], "RollingUpdate")
            if object[path: ["spec", "updateStrategy", "type"]] == "RollingUpdate" {
                setIfAbsent(&object, ["spec", "updateStrategy", "rollingUpdate", "maxUnavailable"], 1)
                setIfAbsent(&object, ["spec", "updateStrategy", "rollingUpdate", "maxSurge"], 0)
            }
            setIfAbsent(&object, ["spec", "revisionHistoryLimit"], 10)
            applyPodSpec(&object, at: ["spec", "template", "spec"])
        case ("batch", "Job"):
            setIfAbsent(&object, ["spec", "parallelism"], 1)
            setIfAbsent(&object, ["spec", "completions"], 1)
            setIfAbsent(&object, ["spec", "backoffLimit"], 6)
            setIfAbsent(&object, ["spec", "completionMode"], "NonIndexed")
            setIfAbsent(&object, ["spec", "suspend"], false)
            applyPodSpec(&object, at: ["spec", "template", "spec"])
        case ("batch", "CronJob"):
            setIfAbsent(&object, ["spec", "concurrencyPolicy"], "Allow")
            setIfAbsent(&object, ["spec", "suspend"], false)
            setIfAbsent(&object, ["spec", "successfulJobsHistoryLimit"], 3)
            setIfAbsent(&object, ["spec", "failedJobsHistoryLimit"], 1)
            applyPodSpec(&object, at: ["spec", "jobTemplate", "spec", "template", "spec"])
        default:
            break
        }
    }

    private static func setIfAbsent(_ object: inout JSONValue, _ path: [String], _ value: JSONValue) {
        if object[path: path] == nil { object[path: path] = value }
    }

    private static func applyPodSpec(_ object: inout JSONValue, at path: [String]) {
        guard var spec = object[path: path], spec.objectValue != nil else { return }
        setIfAbsent(&spec, ["restartPolicy"], "Always")
        setIfAbsent(&spec, ["dnsPolicy"], "ClusterFirst")
        setIfAbsent(&spec, ["schedulerName"], "default-scheduler")
        setIfAbsent(&spec, ["securityContext"], .emptyObject)
        setIfAbsent(&spec, ["terminationGracePeriodSeconds"], 30)
        for field in ["containers", "initContainers"] {
            guard var containers = spec[field]?.arrayValue else { continue }
            for index in containers.indices where containers[index].objectValue != nil {
                var container = containers[index]
                setIfAbsent(&container, ["terminationMessagePath"], "/dev/termination-log")
                setIfAbsent(&container, ["terminationMessagePolicy"], "File")
                setIfAbsent(&container, ["resources"], .emptyObject)
                if container["imagePullPolicy"] == nil {
                    let image = container["image"]?.stringValue ?? ""
                    let tagless = !(image.split(separator: "/").last ?? "").contains(":") && !image.contains("@")
                    container["imagePullPolicy"] = tagless || image.hasSuffix(":latest") ? "Always" : "IfNotPresent"
                }
                if var ports = container["ports"]?.arrayValue {
                    for portIndex in ports.indices where ports[portIndex]["protocol"] == nil && ports[portIndex].objectValue != nil {
                        ports[portIndex]["protocol"] = "TCP"
                    }
                    container["ports"] = .array(ports)
                }
                containers[index] = container
            }
            spec[field] = .array(containers)
        }
        object[path: path] = spec
    }

    private static func applyService(_ object: inout JSONValue) {
        setIfAbsent(&object, ["spec", "type"], "ClusterIP")
        setIfAbsent(&object, ["spec", "sessionAffinity"], "None")
        if object[path: ["spec", "type"]] != "ExternalName" {
            if object[path: ["spec", "clusterIP"]] == nil {
                let name = "\(object[path: ["metadata", "namespace"]]?.stringValue ?? "")/\(object[path: ["metadata", "name"]]?.stringValue ?? "")"
                let ip = clusterIP(for: name)
                object[path: ["spec", "clusterIP"]] = .string(ip)
                object[path: ["spec", "clusterIPs"]] = [.string(ip)]
            }
            setIfAbsent(&object, ["spec", "ipFamilies"], ["IPv4"])
            setIfAbsent(&object, ["spec", "ipFamilyPolicy"], "SingleStack")
            setIfAbsent(&object, ["spec", "internalTrafficPolicy"], "Cluster")
        }
        if var ports = object[path: ["spec", "ports"]]?.arrayValue {
            for index in ports.indices where ports[index].objectValue != nil {
                if ports[index]["protocol"] == nil { ports[index]["protocol"] = "TCP" }
                if ports[index]["targetPort"] == nil, let port = ports[index]["port"] { ports[index]["targetPort"] = port }
            }
            object[path: ["spec", "ports"]] = .array(ports)
        }
    }

    /// A stable address in 10.96.0.0/12 derived from the service's name (FNV-1a), like an allocator
    /// that never hands out the same address twice for different services in practice.
    private static func clusterIP(for name: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        let offset = hash % (1 << 20 - 2) + 1
        return "10.\(96 + (offset >> 16)).\((offset >> 8) & 0xFF).\(offset & 0xFF)"
    }
}
