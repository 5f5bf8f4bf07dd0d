public import KubeModel

extension NotificationsConfiguration {
    /// Renders the named templates for `application` into one notification, with `.context` from
    /// this configuration and the given `.serviceType` and `.recipient`.
    public func render(templates names: [String], application: KubeObject, serviceType: String, recipient: String) throws(RenderError) -> RenderedNotification {
        let data = TemplateData.make(app: application.content, context: context, serviceType: serviceType, recipient: recipient)
        var notification = RenderedNotification()
        for name in names {
            guard let template = templates[name] else {
                throw RenderError(template: name, field: "", reason: "not configured in \(Self.configMapName)")
            }
            try template.render(into: &notification, data: data)
        }
        return notification
    }
}
