// The one place that talks to the server: JSON requests with the session cookie, uniform errors,
// the reaction to an expired session, and live streams over EventSource.

/** A failed call: `status` is the HTTP status, or 0 when the server could not be reached. */
export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }

  get unreachable() {
    return this.status === 0;
  }
}

let unauthorizedHandler = () => {};

/** Sets what happens when a call finds the session gone (main.js sends the user to the login page). */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

/** A query string ("?a=1&b=2") from an object; empty, null and undefined values are left out. */
function queryString(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Sends a request and returns the parsed JSON answer ({} when the body is empty).
 * Options: `body` (sent as JSON), `params` (query), `signal` (abort), and `redirectOn401`
 * (default true; the login form turns it off because there a 401 means a wrong password).
 */
export async function request(method, path, { body, params, signal, redirectOn401 = true } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const url = path + queryString(params);
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, 'Cannot reach the Wharf server');
  }
  const text = await response.text().catch(() => '');
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const message = data?.message || data?.error || text.trim() || `${response.status} ${response.statusText}`;
    const error = new ApiError(response.status, message, data);
    if (response.status === 401 && redirectOn401) {
      // The user is on the way to the login page, which says why: callers need not report it.
      error.sessionExpired = true;
      unauthorizedHandler();
    }
    throw error;
  }
  return data ?? {};
}

export const api = {
  get: (path, params, options) => request('GET', path, { ...options, params }),
  post: (path, body, options) => request('POST', path, { ...options, body }),
  put: (path, body, options) => request('PUT', path, { ...options, body }),
  delete: (path, params, options) => request('DELETE', path, { ...options, params }),
};

/**
 * A message for the user about a failed action, `action` being what they tried ("sync this
 * application"). A 403 says so plainly, as the server's reason alone can be cryptic.
 */
export function describeError(error, action) {
  if (error?.status === 403) return `You do not have permission to ${action} (${error.message})`;
  if (error instanceof ApiError) return error.unreachable ? 'Cannot reach the Wharf server' : `Unable to ${action}: ${error.message}`;
  return `Unable to ${action}: ${error?.message ?? error}`;
}

/** The path segment for a name (application names cannot hold a slash, repository URLs can). */
export const segment = (name) => encodeURIComponent(name);

/**
 * Opens a Server-Sent Events stream and calls `onMessage` with each event's `result`.
 * `onState('open' | 'reconnecting')` follows the connection. The browser reconnects by itself
 * after a dropped connection; when it gives up instead (the server answered with an error, such
 * as 401 after the session expired), the session is checked and the stream opened again with a
 * growing delay. `onReopen` runs when a connection comes back after a failure, so that a view can
 * catch up with what it missed. Returns a function that closes the stream for good.
 */
export function openStream(path, params, { onMessage, onState = () => {}, onReopen = () => {} }) {
  let source = null;
  let closed = false;
  let failed = false;
  let timer = 0;
  let delay = 1000;

  const connect = () => {
    source = new EventSource(path + queryString(params));
    source.addEventListener('open', () => {
      delay = 1000;
      onState('open');
      if (failed) {
        failed = false;
        onReopen();
      }
    });
    source.addEventListener('message', (event) => {
      let data;
      try {
        data = JSON.parse(event.data);
      } catch {
        return; // Not an event we understand (heartbeats are comments and never arrive here).
      }
      onMessage(data?.result ?? data);
    });
    source.addEventListener('error', () => {
      if (closed) return;
      failed = true;
      onState('reconnecting');
      if (source.readyState === EventSource.CLOSED) {
        timer = setTimeout(reconnect, delay);
        delay = Math.min(delay * 2, 30000);
      }
    });
  };

  const reconnect = async () => {
    try {
      const info = await request('GET', '/api/v1/session/userinfo');
      if (closed) return;
      if (!info.loggedIn) {
        unauthorizedHandler();
        return;
      }
    } catch {
      // The server is still unreachable: try again, the next failure schedules another attempt.
    }
    if (!closed) connect();
  };

  connect();
  return () => {
    closed = true;
    clearTimeout(timer);
    source?.close();
  };
}
