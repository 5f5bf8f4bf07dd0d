// The app shell (top bar with navigation, theme toggle and user menu) and the router: each URL
// maps to a view module whose render(ctx) fills the main element. Views get an AbortSignal and an
// onLeave hook so that requests, streams and timers stop when the user moves on.
import { ApiError, describeError, onUnauthorized } from './api.js';
import * as application from './application.js';
import * as applications from './applications.js';
import * as create from './create.js';
import { closeAllDialogs } from './dialog.js';
import { h } from './dom.js';
import { icon } from './icons.js';
import * as login from './login.js';
import { currentUrl, navigate, setNavigationHandler } from './nav.js';
import { notifyError, reportError } from './notify.js';
import { forgetSession, getUserInfo, logout } from './session.js';
import * as settings from './settings.js';
import { currentScheme, initTheme, onSystemSchemeChange, toggleTheme } from './theme.js';

const routes = [
  { pattern: /^\/login$/, view: login.render, public: true },
  { pattern: /^\/applications$/, view: applications.render, section: 'applications' },
  { pattern: /^\/applications\/new$/, view: create.renderCreate, section: 'applications' },
  { pattern: /^\/applications\/([^/]+)\/edit$/, view: create.renderEdit, section: 'applications' },
  { pattern: /^\/applications\/([^/]+)$/, view: application.render, section: 'applications' },
  { pattern: /^\/settings(?:\/(repositories|clusters|accounts))?$/, view: settings.render, section: 'settings' },
  { pattern: /^\/settings\/(projects)(?:\/([^/]+))?$/, view: settings.render, section: 'settings' },
];

// --- Shell -------------------------------------------------------------------------------------

function buildShell() {
  const main = h('main', { id: 'main', class: 'main', tabindex: '-1' });
  const skipLink = h('a', { class: 'skip-link', href: '#main' }, 'Skip to content');
  skipLink.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });

  const navLinks = {
    applications: h('a', { href: '/applications', class: 'topbar-link' }, 'Applications'),
    settings: h('a', { href: '/settings', class: 'topbar-link' }, 'Settings'),
  };

  const themeButton = h('button', { type: 'button', class: 'topbar-button', 'data-testid': 'theme-toggle' });
  const showTheme = () => {
    const dark = currentScheme() === 'dark';
    const label = dark ? 'Switch to light mode' : 'Switch to dark mode';
    themeButton.replaceChildren(icon(dark ? 'sun' : 'moon', label));
    themeButton.setAttribute('aria-label', label);
  };
  themeButton.addEventListener('click', () => {
    toggleTheme();
    showTheme();
  });
  onSystemSchemeChange(showTheme);
  showTheme();

  // The user menu: a disclosure (button + panel), closed by Escape or a click elsewhere.
  const userName = h('span', { class: 'user-name', 'data-testid': 'user-name' });
  const menuButton = h(
    'button',
    { type: 'button', class: 'topbar-button', 'aria-expanded': 'false', 'aria-controls': 'user-menu', 'data-testid': 'user-menu' },
    icon('user', 'User'),
    userName,
  );
  const menuDetails = h('dl', { class: 'details details--compact' });
  const logoutButton = h('button', { type: 'button', class: 'button button--wide', 'data-testid': 'logout-button' }, icon('logout'), h('span', { class: 'button-label' }, 'Log out'));
  const menu = h('div', { id: 'user-menu', class: 'user-menu', hidden: true }, menuDetails, logoutButton);
  const setMenu = (open) => {
    menu.hidden = !open;
    menuButton.setAttribute('aria-expanded', String(open));
    if (open) logoutButton.focus();
  };
  menuButton.addEventListener('click', () => setMenu(menu.hidden));
  menu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      setMenu(false);
      menuButton.focus();
    }
  });
  document.addEventListener('click', (event) => {
    if (!menu.hidden && !menu.contains(event.target) && !menuButton.contains(event.target)) setMenu(false);
  });
  logoutButton.addEventListener('click', async () => {
    try {
      await logout();
      setMenu(false);
      navigate('/login');
    } catch (error) {
      reportError(error, 'log out');
    }
  });

  const header = h(
    'header',
    { class: 'topbar' },
    h('a', { class: 'brand', href: '/applications' }, icon('wharf', 'Wharf logo', 'brand-logo'), h('span', {}, 'Wharf')),
    h('nav', { class: 'topbar-nav', 'aria-label': 'Main' }, Object.values(navLinks)),
    h('div', { class: 'topbar-end' }, themeButton, h('div', { class: 'user-menu-wrap' }, menuButton, menu)),
  );

  const root = document.getElementById('app');
  root.replaceChildren(skipLink, header, main);

  return {
    main,
    setChrome(visible) {
      header.hidden = !visible;
      skipLink.hidden = !visible;
      setMenu(false);
    },
    setSection(section) {
      for (const [name, link] of Object.entries(navLinks)) {
        if (name === section) link.setAttribute('aria-current', 'page');
        else link.removeAttribute('aria-current');
      }
    },
    setUser(info) {
      userName.textContent = info.username ?? '';
      menuDetails.replaceChildren(
        ...[
          ['Logged in as', info.username],
          ['Issuer', info.iss],
          ['Groups', (info.groups ?? []).join(', ')],
        ]
          .filter(([, value]) => value)
          .map(([term, value]) => h('div', { class: 'detail-row' }, h('dt', {}, term), h('dd', {}, value))),
      );
    },
  };
}

// --- Router ------------------------------------------------------------------------------------

let shell;
let leaveCurrent = () => {};
let renderedUrl = null;
let firstRender = true;

function showFailure(error) {
  const unreachable = error?.status === 0;
  const notFound = error?.status === 404 || error instanceof URIError;
  const title = unreachable ? 'Cannot reach the Wharf server' : notFound ? 'Not found' : 'Something went wrong';
  const text = unreachable
    ? 'The server did not answer. Check that it is running and reachable, then retry.'
    : error instanceof ApiError
      ? describeError(error, 'show this page')
      : `The page could not be shown: ${error?.message ?? error}`;
  shell.main.replaceChildren(
    h(
      'div',
      { class: 'failure', 'data-testid': unreachable ? 'server-down' : 'page-error' },
      icon(unreachable ? 'x-circle' : 'warning', null, 'failure-icon'),
      h('h1', { tabindex: '-1' }, title),
      h('p', { role: 'alert', 'data-testid': 'alert' }, text),
      h(
        'div',
        { class: 'inline-actions' },
        h('button', { type: 'button', class: 'button button--primary', 'data-testid': 'retry-button', onClick: () => renderRoute() }, h('span', { class: 'button-label' }, 'Retry')),
        h('a', { class: 'button', href: '/applications' }, 'Go to applications'),
      ),
    ),
  );
}

async function renderRoute() {
  leaveCurrent();
  closeAllDialogs();
  const controller = new AbortController();
  const cleanups = [];
  leaveCurrent = () => {
    controller.abort();
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  };
  renderedUrl = currentUrl();

  const path = location.pathname.replace(/\/+$/, '') || '/';
  if (path === '/') {
    navigate('/applications', { replace: true });
    return;
  }
  const state = history.state ?? {};
  // A notice ("Your session has expired…") is for this visit only, not for a later reload.
  if (state.notice) history.replaceState({ ...state, notice: undefined }, '');

  let route = null;
  let match = null;
  for (const candidate of routes) {
    match = candidate.pattern.exec(path);
    if (match) {
      route = candidate;
      break;
    }
  }
  shell.setChrome(!route?.public);
  shell.setSection(route?.section);
  shell.main.scrollTop = 0;
  shell.main.replaceChildren(h('p', { class: 'loading' }, 'Loading…'));

  try {
    if (!route) throw new ApiError(404, `There is no page at ${path}.`);
    const params = match.slice(1).map((part) => (part === undefined ? undefined : decodeURIComponent(part)));
    if (!route.public) {
      const info = await getUserInfo({ signal: controller.signal });
      if (controller.signal.aborted) return;
      if (!info.loggedIn) {
        navigate(`/login?return_url=${encodeURIComponent(currentUrl())}`, { replace: true });
        return;
      }
      shell.setUser(info);
    }
    await route.view({
      root: shell.main,
      params,
      query: new URLSearchParams(location.search),
      state,
      signal: controller.signal,
      onLeave: (cleanup) => cleanups.push(cleanup),
    });
  } catch (error) {
    if (controller.signal.aborted || error?.name === 'AbortError') return;
    showFailure(error);
  }
  // After an in-app navigation, move focus to the new page's heading (unless the view focused
  // something itself), so that keyboard and screen reader users start at the top of it.
  if (!controller.signal.aborted && !firstRender && (document.activeElement === document.body || !document.activeElement)) {
    shell.main.querySelector('h1')?.focus({ preventScroll: true });
  }
  firstRender = false;
}

// --- Start -------------------------------------------------------------------------------------

initTheme();
shell = buildShell();
setNavigationHandler(renderRoute);

onUnauthorized(() => {
  forgetSession();
  if (location.pathname === '/login') return;
  navigate(`/login?return_url=${encodeURIComponent(currentUrl())}`, {
    replace: true,
    state: { notice: 'Your session has expired, please log in again' },
  });
});

// In-app links navigate without reloading; other origins, the API, SSO (/auth/) and modified
// clicks (new tab, download) are left to the browser.
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest('a[href]');
  if (!link || link.target || link.hasAttribute('download') || link.getAttribute('href').startsWith('#')) return;
  const url = new URL(link.href);
  if (url.origin !== location.origin || /^\/(api|auth|assets)\//.test(url.pathname)) return;
  event.preventDefault();
  const target = url.pathname + url.search;
  navigate(target, { replace: target === currentUrl() });
});

window.addEventListener('popstate', () => {
  // A change of the #fragment alone is no new page.
  if (currentUrl() !== renderedUrl) renderRoute();
});

// Last resort: an error nobody caught is shown to the user instead of failing silently.
window.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  if (event.reason?.name !== 'AbortError' && !event.reason?.sessionExpired) notifyError(`Unexpected error: ${event.reason?.message ?? event.reason}`);
});
window.addEventListener('error', (event) => {
  event.preventDefault();
  notifyError(`Unexpected error: ${event.message}`);
});

// Leaving the page, for good or into the back/forward cache: its streams and requests close now.
// Otherwise they go on holding connections — a browser opens at most six to one server over
// HTTP/1.1, and the next page load waits for one (a minute, in headless Chromium). Coming back
// from the cache renders the page afresh.
window.addEventListener('pagehide', () => leaveCurrent());
window.addEventListener('pageshow', (event) => {
  if (event.persisted) renderRoute();
});

renderRoute();
