import AsyncHTTPClient
import Foundation
import KubeModel
import NIOCore
import NIOHTTP1

/// Delivers rendered notifications to webhook and Slack services over HTTP, each request bounded
/// by `timeout`.
struct NotificationSender: Sendable {
    /// The longest a request may take, connection included.
    let timeout: Duration
    /// The most of a response body read (for error messages).
    private static let responseLimit = 64 * 1024

    func send(_ notification: RenderedNotification, to destination: Destination, through service: NotificationService) async throws(DeliveryError) {
        switch service {
        case .webhook(let options): try await sendWebhook(notification, to: destination, options: options)
        case .slack(let options): try await sendSlack(notification, to: destination, options: options)
        }
    }

    /// Upstream's webhook request: the template's part for this service (method, path, body) or,
    /// without one, a GET with the message as body.
    private func sendWebhook(_ notification: RenderedNotification, to destination: Destination, options: WebhookOptions) async throws(DeliveryError) {
        let part = notification.webhook[destination.service]
        var url = options.url
        if let path = part?.path, !path.isEmpty {
            while url.hasSuffix("/") { url.removeLast() }
            url += "/" + path.drop { $0 == "/" }
        }
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: (part?.method).flatMap { $0.isEmpty ? nil : $0.uppercased() } ?? "GET")
        for header in options.headers { request.headers.replaceOrAdd(name: header.name, value: header.value) }
        if let auth = options.basicAuth {
            request.headers.replaceOrAdd(name: "Authorization", value: "Basic " + Data("\(auth.username):\(auth.password)".utf8).base64EncodedString())
        }
        request.body = .bytes(ByteBuffer(string: part?.body ?? notification.message))
        let (status, _) = try await execute(request, destination: destination)
        guard (200..<300).contains(status.code) else { throw DeliveryError(destination: destination, reason: "the webhook answered \(status)") }
    }

    /// A Slack message: through `chat.postMessage` to the recipient channel with a token, or to an
    /// incoming webhook.
    private func sendSlack(_ notification: RenderedNotification, to destination: Destination, options: SlackOptions) async throws(DeliveryError) {
        var message: JSONObject = ["text": .string(notification.message)]
        let part = notification.slack
        if let username = part?.username.nonEmpty ?? options.username?.nonEmpty { message["username"] = .string(username) }
        if let icon = part?.icon.nonEmpty ?? options.icon?.nonEmpty {
            message[icon.hasPrefix(":") && icon.hasSuffix(":") ? "icon_emoji" : "icon_url"] = .string(icon)
        }
        for (field, text) in [("attachments", part?.attachments ?? ""), ("blocks", part?.blocks ?? "")] where !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            do {
                message[field] = try JSONParser.parse(text)
            } catch {
                throw DeliveryError(destination: destination, reason: "the template's slack \(field) are not valid JSON: \(error)")
            }
        }
        var url: String
        var request: HTTPClientRequest
        if let webhookURL = options.webhookURL {
            url = webhookURL
            request = HTTPClientRequest(url: url)
        } else {
            url = options.apiURL
            if !url.hasSuffix("/") { url += "/" }
            request = HTTPClientRequest(url: url + "chat.postMessage")
            request.headers.replaceOrAdd(name: "Authorization", value: "Bearer " + (options.token ?? ""))
            message["channel"] = .string(destination.recipient)
        }
        request.method = .POST
        request.headers.replaceOrAdd(name: "Content-Type", value: "application/json; charset=utf-8")
        request.body = .bytes(ByteBuffer(string: JSONWriter.string(.object(message))))
        let (status, body) = try await execute(request, destination: destination)
        guard (200..<300).contains(status.code) else { throw DeliveryError(destination: destination, reason: "Slack answered \(status)") }
        // The Web API answers 200 with `"ok": false` when it refuses a message.
        if options.webhookURL == nil, let answer = try? JSONParser.parse(bytes: body), answer["ok"]?.boolValue == false {
            throw DeliveryError(destination: destination, reason: "Slack refused the message: \(answer["error"]?.stringValue ?? "unknown error")")
        }
    }

    private func execute(_ request: HTTPClientRequest, destination: Destination) async throws(DeliveryError) -> (HTTPResponseStatus, [UInt8]) {
        let nanoseconds = timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .nanoseconds(nanoseconds))
            let body = try await response.body.collect(upTo: Self.responseLimit)
            return (response.status, Array(body.readableBytesView))
        } catch {
            // The error's text may quote the URL, which can hold a token: only its kind is reported.
            throw DeliveryError(destination: destination, reason: "the request failed: \(Self.describe(error))")
        }
    }

    /// A description of a transport error that cannot carry the request's URL.
    private static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout: return "timed out"
            case .remoteConnectionClosed: return "the connection was closed"
            default: break
            }
        }
        if error is NIOTooManyBytesError { return "the response was too large" }
        return "could not connect or the connection failed"
    }
}

extension String {
    /// The text, or nil when it is empty.
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
