import GoTemplate

extension NotificationTemplate {
    /// Renders the template's parts into `notification`: the templates a condition sends fill one
    /// notification together, as upstream's do, a later template's non-empty message winning.
    func render(into notification: inout RenderedNotification, data: GoValue) throws(RenderError) {
        let message = try execute("message", data)
        if !message.isEmpty { notification.message = message }
        for (service, method) in webhookMethods {
            notification.webhook[service] = WebhookPart(
                method: method, path: try execute("webhook.\(service).path", data), body: try execute("webhook.\(service).body", data))
        }
        if hasSlack {
            notification.slack = SlackPart(
                attachments: try execute("slack.attachments", data), blocks: try execute("slack.blocks", data),
                username: try execute("slack.username", data), icon: try execute("slack.icon", data))
        }
    }

    private func execute(_ field: String, _ data: GoValue) throws(RenderError) -> String {
        do {
            return try set.execute(field, data: data)
        } catch {
            throw RenderError(template: name, field: field, reason: error.description)
        }
    }
}
