import Testing

/// One strategic merge patch conformance case: an object (YAML, as a user writes it) and a patch
/// (JSON, as `kubectl patch -p` takes it). `kubectl patch --local` and `wharf kube patch` must give
/// the same object.
///
/// The objects avoid YAML 1.1 spellings that kubectl reads differently from YAML 1.2 (`y`, `no`,
/// `on`, octal `0644`); that difference is the YAML reader's, not the patch's.
struct StrategicPatchConformanceCase: Sendable, CustomTestStringConvertible {
    let name: String
    let object: String
    let patch: String

    var testDescription: String { name }
}

extension StrategicPatchConformanceCase {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
          labels:
            app: web
            app.kubernetes.io/part-of: shop
          annotations:
            team: storefront
          finalizers: [example.com/cleanup, example.com/audit]
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: web
          strategy:
            type: RollingUpdate
            rollingUpdate:
              maxSurge: 1
              maxUnavailable: 0
          template:
            metadata:
              labels:
                app: web
            spec:
              imagePullSecrets:
              - name: registry-a
              initContainers:
              - name: migrate
                image: shop/migrate:1.0
                command: [/bin/migrate, --up]
              containers:
              - name: web
                image: nginx:1.26
                args: [--port, "8080", --verbose]
                ports:
                - containerPort: 8080
                  name: http
                - containerPort: 9090
                  name: metrics
                env:
                - name: MODE
                  value: production
                - name: LOG_LEVEL
                  value: info
                - name: CACHE
                  value: redis
                resources:
                  limits:
                    cpu: 500m
                    memory: 256Mi
                volumeMounts:
                - name: config
                  mountPath: /etc/web
                - name: cache
                  mountPath: /var/cache/web
              - name: sidecar
                image: envoy:1.30
              tolerations:
              - key: dedicated
                operator: Equal
                value: web
                effect: NoSchedule
              volumes:
              - name: config
                configMap:
                  name: web-config
              - name: cache
                emptyDir:
                  medium: Memory
        """

    static let pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: worker
          labels:
            app: worker
          ownerReferences:
          - apiVersion: apps/v1
            kind: ReplicaSet
            name: worker-abc
            uid: 1111-aaaa
        spec:
          nodeSelector:
            disktype: ssd
          containers:
          - name: worker
            image: busybox:1.36
            command: [sh, -c, sleep 3600]
            env:
            - name: QUEUE
              value: jobs
          - name: logger
            image: fluent-bit:3.0
          - name: metrics
            image: prom/statsd-exporter:0.26
          tolerations:
          - key: node.kubernetes.io/not-ready
            operator: Exists
            effect: NoExecute
            tolerationSeconds: 300
          volumes:
          - name: scratch
            emptyDir: {}
        """

    static let service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: dns
        spec:
          type: ClusterIP
          selector:
            app: dns
            tier: infra
          ports:
          - name: dns-tcp
            port: 53
            protocol: TCP
            targetPort: 53
          - name: dns-udp
            port: 53
            protocol: UDP
            targetPort: 53
          - name: metrics
            port: 9153
            protocol: TCP
        """

    static let configMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          labels:
            app: web
        data:
          color: blue
          size: large
          greeting: hello
        """

    static let statefulSet = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          serviceName: db
          replicas: 3
          selector:
            matchLabels:
              app: db
          updateStrategy:
            type: RollingUpdate
            rollingUpdate:
              partition: 0
          template:
            metadata:
              labels:
                app: db
            spec:
              containers:
              - name: postgres
                image: postgres:16
                ports:
                - containerPort: 5432
                  name: pg
                volumeMounts:
                - name: data
                  mountPath: /var/lib/postgresql/data
          volumeClaimTemplates:
          - metadata:
              name: data
            spec:
              accessModes: [ReadWriteOnce]
              resources:
                requests:
                  storage: 10Gi
        """

    static let job = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: report
        spec:
          backoffLimit: 4
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: report
                image: shop/report:2.1
                args: [--since, 24h]
                env:
                - name: FORMAT
                  value: csv
        """

    static let role = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: reader
          namespace: shop
        rules:
        - apiGroups: [""]
          resources: [pods, services]
          verbs: [get, list, watch]
        - apiGroups: [apps]
          resources: [deployments]
          verbs: [get]
        """

    static let ingress = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: shop
          annotations:
            nginx.ingress.kubernetes.io/rewrite-target: /
        spec:
          ingressClassName: nginx
          tls:
          - hosts: [shop.example.com]
            secretName: shop-tls
          rules:
          - host: shop.example.com
            http:
              paths:
              - path: /
                pathType: Prefix
                backend:
                  service:
                    name: web
                    port:
                      number: 80
        """

    static let networkPolicy = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: web-ingress
        spec:
          podSelector:
            matchLabels:
              app: web
          policyTypes: [Ingress]
          ingress:
          - from:
            - podSelector:
                matchLabels:
                  role: frontend
            ports:
            - protocol: TCP
              port: 8080
        """

    static let daemonSet = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
        spec:
          selector:
            matchLabels:
              app: agent
          updateStrategy:
            type: RollingUpdate
            rollingUpdate:
              maxUnavailable: 1
          template:
            metadata:
              labels:
                app: agent
            spec:
              hostNetwork: true
              containers:
              - name: agent
                image: agent:2.0
                securityContext:
                  privileged: true
                volumeMounts:
                - name: proc
                  mountPath: /host/proc
                  readOnly: true
              volumes:
              - name: proc
                hostPath:
                  path: /proc
        """

    private static let containers = #"{"spec":{"template":{"spec":{"containers":"#

    /// Every case; at least one per patch feature and per kind the suite covers.
    static let all: [StrategicPatchConformanceCase] = [
        // Deployment: containers, merged by name.
        .init(name: "deployment: change a container image", object: deployment,
              patch: containers + #"[{"name":"web","image":"nginx:1.27"}]}}}}"#),
        .init(name: "deployment: add a container (goes first, as kubectl orders it)", object: deployment,
              patch: containers + #"[{"name":"cache","image":"redis:7"}]}}}}"#),
        .init(name: "deployment: add one container and change another", object: deployment,
              patch: containers + #"[{"name":"cache","image":"redis:7"},{"name":"sidecar","image":"envoy:1.31"}]}}}}"#),
        .init(name: "deployment: delete a container with $patch: delete", object: deployment,
              patch: containers + #"[{"name":"sidecar","$patch":"delete"}]}}}}"#),
        .init(name: "deployment: replace the container list with $patch: replace", object: deployment,
              patch: containers + #"[{"$patch":"replace"},{"name":"solo","image":"httpd:2.4"}]}}}}"#),
        .init(name: "deployment: delete a container field with null", object: deployment,
              patch: containers + #"[{"name":"web","resources":null,"args":null}]}}}}"#),
        // Deployment: env, ports, volumeMounts inside a container.
        .init(name: "deployment: change, add and delete env variables", object: deployment,
              patch: containers + #"[{"name":"web","env":[{"name":"LOG_LEVEL","value":"debug"},{"name":"REGION","value":"eu"},{"name":"CACHE","$patch":"delete"}]}]}}}}"#),
        .init(name: "deployment: env variable value removed with null", object: deployment,
              patch: containers + #"[{"name":"web","env":[{"name":"MODE","value":null,"valueFrom":{"fieldRef":{"fieldPath":"metadata.name"}}}]}]}}}}"#),
        .init(name: "deployment: add a container port (merge key containerPort)", object: deployment,
              patch: containers + #"[{"name":"web","ports":[{"containerPort":8443,"name":"https"}]}]}}}}"#),
        .init(name: "deployment: change a container port by containerPort", object: deployment,
              patch: containers + #"[{"name":"web","ports":[{"containerPort":9090,"name":"prom","protocol":"TCP"}]}]}}}}"#),
        .init(name: "deployment: delete a container port with $patch: delete", object: deployment,
              patch: containers + #"[{"name":"web","ports":[{"containerPort":9090,"$patch":"delete"}]}]}}}}"#),
        .init(name: "deployment: volumeMounts merge by mountPath", object: deployment,
              patch: containers + #"[{"name":"web","volumeMounts":[{"mountPath":"/etc/web","readOnly":true},{"mountPath":"/tmp","name":"tmp"}]}]}}}}"#),
        .init(name: "deployment: args are replaced, not merged", object: deployment,
              patch: containers + #"[{"name":"web","args":["--port","9000"]}]}}}}"#),
        .init(name: "deployment: $deleteFromPrimitiveList removes args values", object: deployment,
              patch: containers + #"[{"name":"web","$deleteFromPrimitiveList/args":["--verbose"]}]}}}}"#),
        .init(name: "deployment: resources replaced with $patch: replace", object: deployment,
              patch: containers + #"[{"name":"web","resources":{"$patch":"replace","requests":{"cpu":"100m"}}}]}}}}"#),
        // Deployment: ordering.
        .init(name: "deployment: $setElementOrder reorders containers", object: deployment,
              patch: #"{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"sidecar"},{"name":"web"}]}}}}"#),
        .init(name: "deployment: $setElementOrder places an added container", object: deployment,
              patch: #"{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"web"},{"name":"cache"},{"name":"sidecar"}],"containers":[{"name":"cache","image":"redis:7"}]}}}}"#),
        .init(name: "deployment: $setElementOrder with a change and a deletion of env", object: deployment,
              patch: containers + #"[{"name":"web","$setElementOrder/env":[{"name":"CACHE"},{"name":"MODE"}],"env":[{"name":"CACHE","value":"memcached"},{"name":"LOG_LEVEL","$patch":"delete"}]}]}}}}"#),
        // Deployment: volumes, retainKeys, strategy.
        .init(name: "deployment: add a volume", object: deployment,
              patch: #"{"spec":{"template":{"spec":{"volumes":[{"name":"tmp","emptyDir":{}}]}}}}"#),
        .init(name: "deployment: delete a volume with $patch: delete", object: deployment,
              patch: #"{"spec":{"template":{"spec":{"volumes":[{"name":"cache","$patch":"delete"}]}}}}"#),
        .init(name: "deployment: switch a volume source with $retainKeys", object: deployment,
              patch: #"{"spec":{"template":{"spec":{"volumes":[{"name":"cache","$retainKeys":["name","persistentVolumeClaim"],"persistentVolumeClaim":{"claimName":"cache"}}]}}}}"#),
        .init(name: "deployment: switch the strategy to Recreate with $retainKeys", object: deployment,
              patch: #"{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}"#),
        .init(name: "deployment: delete rollingUpdate with null", object: deployment,
              patch: #"{"spec":{"strategy":{"type":"Recreate","rollingUpdate":null}}}"#),
        .init(name: "deployment: empty a map with $patch: delete", object: deployment,
              patch: #"{"spec":{"strategy":{"rollingUpdate":{"$patch":"delete"}}}}"#),
        // Deployment: other lists and metadata.
        .init(name: "deployment: add an init container", object: deployment,
              patch: #"{"spec":{"template":{"spec":{"initContainers":[{"name":"wait","image":"busybox:1.36","command":["sh","-c","sleep 5"]}]}}}}"#),
        .init(name: "deployment: change an init container command (replaced)", object: deployment,
              patch: #"{"spec":{"template":{"spec":{"initContainers":[{"name":"migrate","command":["/bin/migrate","--down"]}]}}}}"#),
        .init(name: "deployment: tolerations are replaced", object: deployment,
              patch: #"{"spec":{"template":{"spec":{"tolerations":[{"key":"gpu","operator":"Exists"}]}}}}"#),
        .init(name: "deployment: imagePullSecrets merge by name", object: deployment,
              patch: #"{"spec":{"template":{"spec":{"imagePullSecrets":[{"name":"registry-b"}]}}}}"#),
        .init(name: "deployment: labels and annotations added, changed and deleted", object: deployment,
              patch: #"{"metadata":{"labels":{"app.kubernetes.io/part-of":null,"tier":"frontend"},"annotations":{"team":"checkout"}}}"#),
        .init(name: "deployment: annotations replaced with $patch: replace", object: deployment,
              patch: #"{"metadata":{"annotations":{"$patch":"replace","owner":"alice"}}}"#),
        .init(name: "deployment: finalizers are merged as a set", object: deployment,
              patch: #"{"metadata":{"finalizers":["example.com/audit","example.com/backup"]}}"#),
        .init(name: "deployment: $deleteFromPrimitiveList removes a finalizer", object: deployment,
              patch: #"{"metadata":{"$deleteFromPrimitiveList/finalizers":["example.com/cleanup"]}}"#),
        .init(name: "deployment: $setElementOrder orders finalizers", object: deployment,
              patch: #"{"metadata":{"$setElementOrder/finalizers":["example.com/audit","example.com/new","example.com/cleanup"],"finalizers":["example.com/new"]}}"#),
        .init(name: "deployment: scalars replaced, replicas removed with null", object: deployment,
              patch: #"{"spec":{"replicas":null,"minReadySeconds":10,"paused":true}}"#),
        // Pod.
        .init(name: "pod: change a container in the middle", object: pod,
              patch: #"{"spec":{"containers":[{"name":"logger","image":"fluent-bit:3.1"}]}}"#),
        .init(name: "pod: add two containers around an existing one", object: pod,
              patch: #"{"spec":{"containers":[{"name":"first","image":"a:1"},{"name":"logger","image":"fluent-bit:3.1"},{"name":"last","image":"b:1"}]}}"#),
        .init(name: "pod: command is replaced", object: pod,
              patch: #"{"spec":{"containers":[{"name":"worker","command":["sh","-c","sleep 60"]}]}}"#),
        .init(name: "pod: nodeSelector merged, key deleted with null", object: pod,
              patch: #"{"spec":{"nodeSelector":{"disktype":null,"zone":"eu-1"}}}"#),
        .init(name: "pod: ownerReferences merge by uid", object: pod,
              patch: #"{"metadata":{"ownerReferences":[{"uid":"2222-bbbb","apiVersion":"v1","kind":"Node","name":"node-1"}]}}"#),
        .init(name: "pod: add a volume source to an existing volume", object: pod,
              patch: #"{"spec":{"volumes":[{"name":"scratch","emptyDir":{"sizeLimit":"1Gi"}}]}}"#),
        // Service.
        .init(name: "service: a port patch merges into the first element with that port", object: service,
              patch: #"{"spec":{"ports":[{"port":53,"targetPort":5353}]}}"#),
        .init(name: "service: $patch: delete removes every port with that number", object: service,
              patch: #"{"spec":{"ports":[{"port":53,"$patch":"delete"}]}}"#),
        .init(name: "service: add a port", object: service,
              patch: #"{"spec":{"ports":[{"name":"admin","port":8081,"protocol":"TCP"}]}}"#),
        .init(name: "service: selector is merged", object: service,
              patch: #"{"spec":{"selector":{"tier":null,"version":"v2"}}}"#),
        .init(name: "service: type change and new field", object: service,
              patch: #"{"spec":{"type":"NodePort","externalTrafficPolicy":"Local"}}"#),
        // ConfigMap.
        .init(name: "configmap: data keys added, changed and deleted", object: configMap,
              patch: #"{"data":{"color":"red","size":null,"shape":"round"}}"#),
        .init(name: "configmap: data replaced with $patch: replace", object: configMap,
              patch: #"{"data":{"$patch":"replace","only":"this"}}"#),
        .init(name: "configmap: new binaryData map", object: configMap,
              patch: #"{"binaryData":{"logo":"aGVsbG8="}}"#),
        // StatefulSet.
        .init(name: "statefulset: volumeClaimTemplates are replaced", object: statefulSet,
              patch: #"{"spec":{"volumeClaimTemplates":[{"metadata":{"name":"data"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"20Gi"}}}}]}}"#),
        .init(name: "statefulset: update strategy and container port", object: statefulSet,
              patch: #"{"spec":{"updateStrategy":{"rollingUpdate":{"partition":2}},"template":{"spec":{"containers":[{"name":"postgres","ports":[{"containerPort":9187,"name":"exporter"}]}]}}}}"#),
        // Job.
        .init(name: "job: template container env and args", object: job,
              patch: #"{"spec":{"backoffLimit":1,"template":{"spec":{"containers":[{"name":"report","args":["--since","1h"],"env":[{"name":"FORMAT","value":"json"},{"name":"DEST","value":"s3"}]}]}}}}"#),
        // RBAC.
        .init(name: "role: rules are replaced", object: role,
              patch: #"{"rules":[{"apiGroups":[""],"resources":["configmaps"],"verbs":["get"]}]}"#),
        // Ingress.
        .init(name: "ingress: rules and tls are replaced, annotations merged", object: ingress,
              patch: #"{"metadata":{"annotations":{"cert-manager.io/cluster-issuer":"letsencrypt"}},"spec":{"tls":[{"hosts":["www.example.com"],"secretName":"www-tls"}],"rules":[{"host":"www.example.com","http":{"paths":[{"path":"/","pathType":"Prefix","backend":{"service":{"name":"web","port":{"number":8080}}}}]}}]}}"#),
        // NetworkPolicy.
        .init(name: "networkpolicy: ingress rules replaced, podSelector merged", object: networkPolicy,
              patch: #"{"spec":{"podSelector":{"matchLabels":{"tier":"api"}},"policyTypes":["Ingress","Egress"],"ingress":[{"ports":[{"protocol":"TCP","port":443}]}],"egress":[{"to":[{"ipBlock":{"cidr":"10.0.0.0/8"}}]}]}}"#),
        // DaemonSet.
        .init(name: "daemonset: nested securityContext and volume changes", object: daemonSet,
              patch: #"{"spec":{"template":{"spec":{"containers":[{"name":"agent","securityContext":{"privileged":null,"readOnlyRootFilesystem":true},"volumeMounts":[{"mountPath":"/host/proc","readOnly":false}]}],"volumes":[{"name":"sys","hostPath":{"path":"/sys"}}]}}}}"#),
        // Ordering and edge cases of merged lists.
        .init(name: "pod: two containers changed, named in reverse order", object: pod,
              patch: #"{"spec":{"containers":[{"name":"metrics","image":"prom/statsd-exporter:0.27"},{"name":"worker","image":"busybox:1.37"}]}}"#),
        .init(name: "pod: $setElementOrder names some containers, the others keep their place", object: pod,
              patch: #"{"spec":{"$setElementOrder/containers":[{"name":"metrics"},{"name":"worker"}],"containers":[{"name":"metrics","image":"prom/statsd-exporter:0.27"}]}}"#),
        .init(name: "pod: $retainKeys on the pod spec clears unlisted fields", object: pod,
              patch: #"{"spec":{"$retainKeys":["containers","volumes"],"containers":[{"name":"worker","image":"busybox:1.37"}]}}"#),
        .init(name: "service: $setElementOrder orders ports by port number", object: service,
              patch: #"{"spec":{"$setElementOrder/ports":[{"port":9153},{"port":53}],"ports":[{"port":9153,"name":"prometheus"}]}}"#),
        .init(name: "deployment: empty patch lists leave merged lists alone and empty replaced ones", object: deployment,
              patch: #"{"metadata":{"finalizers":[]},"spec":{"template":{"spec":{"containers":[],"tolerations":[]}}}}"#),
        .init(name: "deployment: a $patch: replace element empties the list but for the other elements", object: deployment,
              patch: containers + #"[{"name":"web","env":[{"name":"MODE","$patch":"replace","value":"ignored"}]}]}}}}"#),
        .init(name: "deployment: container ports match by containerPort alone", object: deployment,
              patch: containers + #"[{"name":"web","ports":[{"containerPort":8080,"protocol":"UDP"}]}]}}}}"#),
        .init(name: "deployment: $setElementOrder after a deletion and an addition (apimachinery's in-place order)",
              object: deployment,
              patch: #"{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"extra"}],"containers":[{"name":"sidecar","$patch":"delete"},{"name":"extra","image":"busybox:1.36"}]}}}}"#),
        .init(name: "pod: $setElementOrder after deleting one container and adding two", object: pod,
              patch: #"{"spec":{"$setElementOrder/containers":[{"name":"new-a"},{"name":"metrics"},{"name":"new-b"}],"containers":[{"name":"logger","$patch":"delete"},{"name":"new-a","image":"a:1"},{"name":"new-b","image":"b:1"}]}}"#),
        .init(name: "deployment: $setElementOrder interleaves new finalizers with kept ones", object: deployment,
              patch: #"{"metadata":{"$setElementOrder/finalizers":["example.com/first","example.com/audit","example.com/last"],"finalizers":["example.com/first","example.com/last"]}}"#),
    ]

    /// Patches both tools must reject (a non-zero exit code and a message): broken directives,
    /// elements without their merge key, and kinds without a schema.
    static let rejected: [StrategicPatchConformanceCase] = [
        .init(name: "rejected: a merge-list element without its merge key", object: pod,
              patch: #"{"spec":{"containers":[{"image":"nginx"}]}}"#),
        .init(name: "rejected: an unknown $patch value in a list element", object: pod,
              patch: #"{"spec":{"containers":[{"name":"worker","$patch":"remove"}]}}"#),
        .init(name: "rejected: $patch: merge in a list", object: pod,
              patch: #"{"spec":{"containers":[{"name":"worker","$patch":"merge"}]}}"#),
        .init(name: "rejected: $patch: merge on an object", object: pod,
              patch: #"{"metadata":{"labels":{"$patch":"merge"}}}"#),
        .init(name: "rejected: $setElementOrder disagreeing with the patch list", object: pod,
              patch: #"{"spec":{"$setElementOrder/containers":[{"name":"logger"},{"name":"worker"}],"containers":[{"name":"worker","image":"a"},{"name":"logger","image":"b"}]}}"#),
        .init(name: "rejected: a field missing from $retainKeys", object: deployment,
              patch: #"{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate","rollingUpdate":{"maxSurge":2}}}}"#),
        .init(name: "rejected: a custom resource", object: """
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: gadget
            spec:
              size: 1
            """, patch: #"{"spec":{"size":2}}"#),
    ]
}
