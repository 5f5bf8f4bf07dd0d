// Toasts: the result of an action that has no dialog to show it in (refresh, rollback, delete…).
// Successes are polite status messages that go away; errors are alerts that stay until closed.
import { describeError } from './api.js';
import { h } from './dom.js';
import { icon } from './icons.js';

let region = null;

function container() {
  if (!region || !region.isConnected) {
    region = h('div', { class: 'toasts', 'aria-live': 'polite' });
    document.body.append(region);
  }
  return region;
}

function toast(kind, message, lifetime) {
  const close = h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Dismiss message' }, icon('close'));
  const element = h(
    'div',
    kind === 'error'
      ? { class: 'toast toast--error', role: 'alert', 'data-testid': 'alert' }
      : { class: 'toast toast--success', role: 'status', 'data-testid': 'toast' },
    icon(kind === 'error' ? 'warning' : 'check-circle'),
    h('span', { class: 'toast-text' }, message),
    close,
  );
  close.addEventListener('click', () => element.remove());
  container().append(element);
  if (lifetime) setTimeout(() => element.remove(), lifetime);
}

export function notifySuccess(message) {
  toast('success', message, 6000);
}

export function notifyError(message) {
  toast('error', message, 0);
}

/**
 * Reports a failed action (see describeError). Aborted requests and an expired session (the
 * login page explains that one) are not reported.
 */
export function reportError(error, action) {
  if (error?.name === 'AbortError' || error?.sessionExpired) return;
  notifyError(describeError(error, action));
}
