// Client-side navigation with the History API. main.js installs the router; views call navigate()
// and keep their filters in the URL with replaceQuery().

let handler = () => {};

/** Sets the function that renders the page for the current URL (the router). */
export function setNavigationHandler(render) {
  handler = render;
}

/** The current path and query, e.g. "/applications?view=list". */
export function currentUrl() {
  return location.pathname + location.search;
}

/**
 * Goes to `url` inside the app. `state` travels with the history entry (views read one-off notices
 * from it, such as "Your session has expired"); `replace` keeps the back button from returning to
 * a page that only redirected.
 */
export function navigate(url, { replace = false, state = null } = {}) {
  history[replace ? 'replaceState' : 'pushState'](state, '', url);
  handler();
}

/** Rewrites the query string of the current page without rendering it again. */
export function replaceQuery(params) {
  const query = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}`);
}

/**
 * A return URL taken from the query string, accepted only when it is a path on this site, so
 * that a crafted login link cannot send the user elsewhere after logging in.
 */
export function safeReturnUrl(value, fallback = '/applications') {
  if (!value) return fallback;
  try {
    const url = new URL(value, location.origin);
    if (url.origin !== location.origin || url.pathname.startsWith('/login')) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}

/** The in-app URL of an application's page. */
export function applicationUrl(name) {
  return `/applications/${encodeURIComponent(name)}`;
}
