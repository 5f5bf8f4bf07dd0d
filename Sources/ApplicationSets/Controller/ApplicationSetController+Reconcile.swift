import Foundation
import KubeClient
import KubeModel

extension ApplicationSetController {
    /// Annotations the controller never takes away from a generated Application: a requested refresh
    /// or hydration, and the notification controller's bookkeeping.
    static let preservedAnnotations = ["argocd.argoproj.io/refresh", "argocd.argoproj.io/hydrate", "notified.notifications.argoproj.io"]
    /// Finalizers of an existing Application that an update keeps, so that a deletion in progress (or
    /// one a user asked to cascade) is not undone.
    static let preservedFinalizerPrefixes = ["resources-finalizer.argocd.argoproj.io", "post-delete-finalizer.argocd.argoproj.io"]

    /// Generates, renders and applies one ApplicationSet, then writes its status.
    func reconcile(_ name: String) async {
        guard let object = await applicationSet(name), !object.isBeingDeleted else { return }
        let view = ApplicationSetView(object: object)
        let renderer = ApplicationSetRenderer(clusterSecrets: await secretInformer.list(), git: git)
        let desired: [KubeObject]
        let policy: ApplicationsSyncPolicy
        let steps: [RollingSyncStep]?
        do throws(ApplicationSetError) {
            policy = try view.applicationsSync()
            steps = try view.rollingSyncSteps()
            desired = try await renderer.applications(for: object)
        } catch {
            // Nothing is written to the Applications: a generator that fails (a repository that is
            // unreachable for a moment) must not look like one that produces nothing.
            await fail(view, error, parametersGenerated: error.reason == ApplicationSetReason.generationError ? false : true)
            return
        }
        let (current, errors) = await apply(desired, of: view, policy: policy)
        var rollout: RollingSyncPlanner.Plan?
        if let steps {
            rollout = await rollingSync(view, steps: steps, applications: desired.compactMap { current[$0.name] })
        }
        if let error = errors.first {
            let message = errors.count == 1 ? error.message : "\(error.message) (and \(errors.count - 1) more)"
            await fail(view, ApplicationSetError(message, reason: error.reason), parametersGenerated: true, applications: desired.compactMap { current[$0.name] }, rollout: rollout)
            return
        }
        let conditions = [
            ApplicationSetCondition(
                type: ApplicationSetReason.errorOccurredType, status: false, reason: ApplicationSetReason.upToDate,
                message: "All applications have been generated successfully"),
            ApplicationSetCondition(
                type: ApplicationSetReason.parametersGeneratedType, status: true, reason: ApplicationSetReason.parametersGenerated,
                message: "Successfully generated parameters for all Applications"),
            ApplicationSetCondition(
                type: ApplicationSetReason.resourcesUpToDateType, status: true, reason: ApplicationSetReason.upToDate,
                message: "All applications have been generated successfully"),
        ]
        await writeStatus(view, conditions: conditions, applications: desired.compactMap { current[$0.name] }, rollout: rollout)
        await queue.forget(name)
        if let delay = view.requeueAfter { await queue.addAfter(name, delay: delay) }
    }

    /// Records `error` in the conditions and tries again later with backoff.
    private func fail(
        _ view: ApplicationSetView, _ error: ApplicationSetError, parametersGenerated: Bool, applications: [KubeObject]? = nil,
        rollout: RollingSyncPlanner.Plan? = nil
    ) async {
        let message = "ApplicationSet \(view.qualifiedName): \(error.message)"
        var conditions = [
            ApplicationSetCondition(type: ApplicationSetReason.errorOccurredType, status: true, reason: error.reason, message: message),
            ApplicationSetCondition(type: ApplicationSetReason.resourcesUpToDateType, status: false, reason: ApplicationSetReason.errorOccurred, message: message),
        ]
        if !parametersGenerated {
            conditions.append(
                ApplicationSetCondition(
                    type: ApplicationSetReason.parametersGeneratedType, status: false, reason: ApplicationSetReason.errorOccurred, message: message))
        } else {
            conditions.append(
                ApplicationSetCondition(
                    type: ApplicationSetReason.parametersGeneratedType, status: true, reason: ApplicationSetReason.parametersGenerated,
                    message: "Successfully generated parameters for all Applications"))
        }
        let owned = await ownedApplications(of: view)
        await writeStatus(view, conditions: conditions, applications: applications ?? owned, rollout: rollout)
        await queue.addRateLimited(view.name)
    }

    /// The ApplicationSet `name` as last seen: the cache's copy, or the controller's own last status
    /// write when the watch has not delivered it yet (deciding a RollingSync from an older status would
    /// undo its own progress).
    private func applicationSet(_ name: String) async -> KubeObject? {
        let cached = await applicationSetInformer.get(namespace: configuration.namespace, name: name)
        guard let own = ownStatusWrites[name] else { return cached }
        guard let cached else {
            ownStatusWrites[name] = nil
            return nil
        }
        if let ownVersion = own.resourceVersion.flatMap(UInt64.init), let cachedVersion = cached.resourceVersion.flatMap(UInt64.init), ownVersion > cachedVersion {
            return own
        }
        ownStatusWrites[name] = nil
        return cached
    }

    /// The Applications the ApplicationSet controls, from the cache.
    func ownedApplications(of view: ApplicationSetView) async -> [KubeObject] {
        await applicationInformer.list().filter { Self.isOwned($0, by: view) }.sortedByName()
    }

    static func isOwned(_ application: KubeObject, by view: ApplicationSetView) -> Bool {
        guard let owner = application.controllerReference, owner.kind == "ApplicationSet", owner.name == view.name else { return false }
        return owner.uid.isEmpty || view.object.uid == nil || owner.uid == view.object.uid
    }

    /// Creates, updates and deletes Applications as `policy` allows; returns the Applications as they
    /// now are, by name, and what failed (each failure spares the other Applications).
    private func apply(_ desired: [KubeObject], of view: ApplicationSetView, policy: ApplicationsSyncPolicy) async -> ([String: KubeObject], [ApplicationSetError]) {
        var current: [String: KubeObject] = [:]
        var errors: [ApplicationSetError] = []
        let owner = OwnerReference(
            apiVersion: view.object.apiVersion, kind: "ApplicationSet", name: view.name, uid: view.object.uid ?? "", controller: true, blockOwnerDeletion: true)
        for application in desired {
            var generated = application
            generated.ownerReferences = [owner]
            let namespace = configuration.namespace
            guard let existing = await applicationInformer.get(namespace: namespace, name: generated.name) else {
                do throws(KubeError) {
                    current[generated.name] = try await client.create(Self.applications, namespace: namespace, generated)
                } catch {
                    // The cache has not seen it yet: the watch brings it, and with it another reconcile.
                    if error.category == .alreadyExists { continue }
                    errors.append(ApplicationSetError("cannot create Application \(generated.name): \(error)", reason: ApplicationSetReason.createError))
                }
                continue
            }
            current[generated.name] = existing
            if let other = existing.controllerReference, !Self.isOwned(existing, by: view) {
                errors.append(
                    ApplicationSetError(
                        "Application \(generated.name) already exists and is controlled by \(other.kind) \(other.name); rename the generated Application or delete the existing one",
                        reason: ApplicationSetReason.createError))
                continue
            }
            guard policy.allowsUpdate || existing.controllerReference == nil else { continue }
            let updated = Self.updated(existing, to: generated, view: view)
            guard updated != existing else { continue }
            do throws(KubeError) {
                current[generated.name] = try await client.update(Self.applications, namespace: namespace, updated)
            } catch {
                // Changed since the cache saw it: the watch brings the change, and another reconcile.
                if error.category == .conflict { continue }
                errors.append(ApplicationSetError("cannot update Application \(generated.name): \(error)", reason: ApplicationSetReason.updateError))
            }
        }
        guard policy.allowsDelete else { return (current, errors) }
        let names = Set(desired.map(\.name))
        for application in await ownedApplications(of: view) where !names.contains(application.name) && !application.isBeingDeleted {
            do throws(KubeError) {
                try await client.delete(Self.applications, namespace: configuration.namespace, name: application.name)
            } catch {
                if error.category == .notFound { continue }
                errors.append(ApplicationSetError("cannot delete Application \(application.name): \(error)", reason: ApplicationSetReason.deleteError))
            }
        }
        return (current, errors)
    }

    /// `existing` with what the ApplicationSet generates — labels, annotations, finalizers, spec and the
    /// owner — keeping its status and operation and what upstream preserves.
    static func updated(_ existing: KubeObject, to generated: KubeObject, view: ApplicationSetView) -> KubeObject {
        var result = existing
        var annotations = generated.annotations
        for key in preservedAnnotations + view.preservedAnnotations {
            if let value = existing.annotation(key) { annotations[key] = value }
        }
        var labels = generated.labels
        for key in view.preservedLabels {
            if let value = existing.label(key) { labels[key] = value }
        }
        var finalizers = generated.finalizers
        for finalizer in existing.finalizers where preservedFinalizerPrefixes.contains(where: finalizer.hasPrefix) && !finalizers.contains(finalizer) {
            finalizers.append(finalizer)
        }
        result.annotations = annotations
        result.labels = labels
        result.finalizers = finalizers
        result.ownerReferences = generated.ownerReferences
        result["spec"] = generated["spec"]
        return result
    }
}
