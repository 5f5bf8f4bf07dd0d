public import KubeModel

/// Decides which notifications an Application calls for, without I/O: upstream's rules.
///
/// A condition that holds sends to each subscribed destination once: again only after it stopped
/// holding (its entry is then forgotten) or, with `oncePer`, for each new value of that expression
/// (those entries are kept, so an old value never sends twice).
public enum NotificationPlanner {
    /// The plan for `application`, subscribed through its annotations, its `project`'s and the
    /// configuration's global subscriptions.
    public static func plan(application: KubeObject, project: KubeObject?, configuration: NotificationsConfiguration) -> NotificationPlan {
        var plan = NotificationPlan(state: NotificationState(of: application))
        let variables = ["app": application.content]
        for (name, destinations) in destinations(application: application, project: project, configuration: configuration).sorted(by: { $0.key < $1.key }) {
            guard let trigger = configuration.triggers[name] else {
                plan.problems.append("\(application.name) subscribes to trigger '\(name)', which is not configured in \(NotificationsConfiguration.configMapName)")
                continue
            }
            for (position, condition) in trigger.conditions.enumerated() {
                let holds: Bool
                do {
                    holds = try condition.when.isTrue(variables)
                } catch {
                    plan.problems.append("trigger '\(name)' condition \(position + 1) failed for \(application.name): \(error)")
                    holds = false
                }
                guard holds else {
                    for destination in destinations {
                        plan.state.forget(NotificationState.key(trigger: name, condition: condition.key, oncePer: nil, destination: destination))
                    }
                    continue
                }
                var oncePer: String?
                if let expression = condition.oncePer {
                    do {
                        oncePer = ConditionExpression.keyText(try expression.evaluate(variables))
                    } catch {
                        plan.problems.append("trigger '\(name)' condition \(position + 1) oncePer failed for \(application.name): \(error)")
                    }
                }
                for destination in destinations {
                    let key = NotificationState.key(trigger: name, condition: condition.key, oncePer: oncePer, destination: destination)
                    guard !plan.state.contains(key) else { continue }
                    plan.pending.append(PendingNotification(trigger: name, templates: condition.send, destination: destination, stateKey: key))
                }
            }
        }
        return plan
    }

    /// Every trigger's destinations, without repeats.
    static func destinations(application: KubeObject, project: KubeObject?, configuration: NotificationsConfiguration) -> [String: [Destination]] {
        var result = SubscriptionAnnotations.destinations(application.annotations, defaultTriggers: configuration.defaultTriggers)
        func add(_ trigger: String, _ destination: Destination) {
            if !(result[trigger]?.contains(destination) ?? false) { result[trigger, default: []].append(destination) }
        }
        if let project {
            for (trigger, destinations) in SubscriptionAnnotations.destinations(project.annotations, defaultTriggers: configuration.defaultTriggers) {
                for destination in destinations { add(trigger, destination) }
            }
        }
        for subscription in configuration.subscriptions where subscription.selector.matches(application.labels) {
            for trigger in subscription.triggers.isEmpty ? configuration.defaultTriggers : subscription.triggers {
                for destination in subscription.recipients { add(trigger, destination) }
            }
        }
        return result
    }
}
