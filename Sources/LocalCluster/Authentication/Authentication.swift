/// What authenticating a request found.
enum Authentication: Sendable, Equatable {
    /// Valid credentials of this user.
    case user(UserInfo)
    /// No credentials at all: only the public health and version paths serve such requests.
    case anonymous
    /// Credentials that are not valid: always 401, as kube-apiserver answers a bad token.
    case rejected
}
