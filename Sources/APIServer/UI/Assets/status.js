// How statuses look everywhere: the same icon, colour and words for an application's health and
// sync status, an operation's phase and a repository's connection.
import { h } from './dom.js';
import { icon } from './icons.js';

export const SYNC_STATUSES = ['Synced', 'OutOfSync', 'Unknown'];
export const HEALTH_STATUSES = ['Healthy', 'Progressing', 'Degraded', 'Suspended', 'Missing', 'Unknown'];

const KINDS = {
  health: {
    label: 'Health',
    icons: { Healthy: 'heart', Progressing: 'progress', Degraded: 'heart-broken', Suspended: 'pause-circle', Missing: 'ghost' },
  },
  sync: { label: 'Sync status', icons: { Synced: 'check-circle', OutOfSync: 'arrow-up-circle' } },
  phase: {
    label: 'Last operation',
    icons: { Running: 'progress', Terminating: 'progress', Succeeded: 'check-circle', Failed: 'x-circle', Error: 'x-circle', None: 'info' },
  },
  connection: { label: 'Connection', icons: { Successful: 'check-circle', Failed: 'x-circle' } },
  result: {
    label: 'Result',
    icons: { Synced: 'check-circle', SyncFailed: 'x-circle', Pruned: 'trash', PruneSkipped: 'info', Running: 'progress', Succeeded: 'check-circle', Failed: 'x-circle' },
  },
};

// Statuses whose icon turns, so that something in progress looks like it.
const SPINNING = new Set(['Progressing', 'Running', 'Terminating']);

/** The CSS class that colours a status. */
export function statusClass(status) {
  return `status-${String(status || 'Unknown').toLowerCase()}`;
}

/** A labelled status icon alone (for places with no room for the word, like tree nodes). */
export function statusIcon(kind, status) {
  const value = status || 'Unknown';
  const { label, icons } = KINDS[kind];
  return icon(icons[value] ?? 'question-circle', `${label}: ${value}`, `${statusClass(value)}${SPINNING.has(value) ? ' spin' : ''}`);
}

/**
 * An icon and the status word. The word alone carries `testid` (so tests read exactly "Synced"),
 * and a visually hidden prefix tells screen readers what the word is about.
 */
export function statusBadge(kind, status, { testid } = {}) {
  const value = status || 'Unknown';
  const { label, icons } = KINDS[kind];
  return h(
    'span',
    { class: ['badge', statusClass(value)], title: `${label}: ${value}` },
    icon(icons[value] ?? 'question-circle', null, SPINNING.has(value) ? 'spin' : ''),
    h('span', { class: 'sr-only' }, `${label}: `),
    h('span', { class: 'badge-text', 'data-testid': testid }, value),
  );
}

/**
 * The small "Reconnecting…" marker shown while a live stream is down; hidden while it works.
 * Returns the element and a function taking the stream state ('open' or 'reconnecting').
 */
export function streamIndicator() {
  const element = h('span', { class: 'stream-state', role: 'status', 'data-testid': 'stream-status' });
  const set = (state) => {
    element.replaceChildren(...(state === 'reconnecting' ? [icon('progress', null, 'spin'), 'Reconnecting…'] : []));
    element.classList.toggle('stream-state--down', state === 'reconnecting');
  };
  return { element, set };
}
