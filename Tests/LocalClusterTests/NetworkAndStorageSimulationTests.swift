import Testing

/// Services, load balancers, Ingresses and claims driven with the real kubectl.
@Suite(.serialized, .enabled(if: Kubectl.path != nil, "kubectl is not installed, so the simulated workloads cannot be driven with it"))
struct NetworkAndStorageSimulationTests {
    @Test func servicesGetEndpointsAndAddresses() async throws {
        let kubectl = try await Kubectl.forNewNamespace("svc")
        let applied = await kubectl.apply(DeploymentSimulationTests.deployment("api", image: "api:1", replicas: 2) + """

            ---
            apiVersion: v1
            kind: Service
            metadata: {name: api}
            spec:
              selector: {app: api}
              ports: [{name: web, port: 80, targetPort: http}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: api-public}
            spec:
              type: LoadBalancer
              selector: {app: api}
              ports: [{port: 443, targetPort: 8080}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: api}
            spec:
              rules:
              - host: api.example.com
                http:
                  paths:
                  - {path: /, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: cache}
            spec:
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 2Gi}}
            """)
        try #require(applied.succeeded, "\(applied)")
        let rollout = await kubectl.run(["rollout", "status", "deployment/api", "--timeout=60s"])
        #expect(rollout.succeeded, "\(rollout)")

        let endpoints = await kubectl.eventually(["get", "endpoints", "api", "-o", "jsonpath={.subsets[0].addresses[*].ip} {.subsets[0].ports[0].port}"]) {
            $0.split(separator: " ").count == 3
        }
        let fields = endpoints.output.split(separator: " ")
        #expect(fields.count == 3 && fields.last == "8080" && fields.dropLast().allSatisfy { $0.hasPrefix("10.244.") }, "\(endpoints)")
        let podIPs = await kubectl.run(["get", "pods", "-l", "app=api", "-o", "jsonpath={.items[*].status.podIP}"])
        #expect(Set(podIPs.output.split(separator: " ")) == Set(fields.dropLast()), "\(podIPs)")

        let slices = await kubectl.eventually([
            "get", "endpointslices", "-l", "kubernetes.io/service-name=api", "-o", "jsonpath={.items[0].ports[0].port} {.items[0].endpoints[*].conditions.ready}",
        ]) { $0 == "8080 true true" }
        #expect(slices.output == "8080 true true", "\(slices)")

        let balancer = await kubectl.eventually(["get", "service", "api-public", "-o", "jsonpath={.status.loadBalancer.ingress[0].ip}"]) { !$0.isEmpty }
        #expect(balancer.output.hasPrefix("172.18.255."), "\(balancer)")
        let listed = await kubectl.run(["get", "service", "api-public", "--no-headers"])
        #expect(listed.output.contains(balancer.output), "\(listed)")

        let ingress = await kubectl.eventually(["get", "ingress", "api", "-o", "jsonpath={.status.loadBalancer.ingress[0].ip}"]) { !$0.isEmpty }
        #expect(ingress.output == "172.18.255.1", "\(ingress)")

        let claim = await kubectl.eventually(["get", "pvc", "cache", "-o", "jsonpath={.status.phase} {.spec.storageClassName} {.status.capacity.storage}"]) {
            $0.hasPrefix("Bound")
        }
        #expect(claim.output == "Bound standard 2Gi", "\(claim)")
        let volume = await kubectl.run(["get", "pv", "-o", "jsonpath={.items[?(@.spec.claimRef.name==\"cache\")].status.phase}"], namespaced: false)
        #expect(volume.output == "Bound", "\(volume)")

        let scaled = await kubectl.run(["scale", "deployment/api", "--replicas=0"])
        #expect(scaled.succeeded, "\(scaled)")
        let emptied = await kubectl.eventually(["get", "endpoints", "api", "-o", "jsonpath={.subsets}"]) { $0.isEmpty }
        #expect(emptied.output.isEmpty, "\(emptied)")
    }
}
