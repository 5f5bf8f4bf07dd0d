// The side drawer opened from a tree node: a resource's live and desired manifests, their diff,
// and its events (for the Application node: its manifest and events). Each tab loads when first
// shown.
import { api, describeError, segment } from './api.js';
import { openDialog } from './dialog.js';
import { diffView } from './diff.js';
import { alertBox, detailRow, h, table, uid } from './dom.js';
import { formatDateTime, timeElement } from './format.js';
import { icon } from './icons.js';
import { statusBadge } from './status.js';
import { resourceKey } from './tree.js';
import { toYaml } from './yaml.js';

function parseState(text) {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

// managedFields are bookkeeping of the API server, long and never what anyone wants to read.
function withoutManagedFields(object) {
  if (!object?.metadata?.managedFields) return object;
  const copy = structuredClone(object);
  delete copy.metadata.managedFields;
  return copy;
}

// Both sides of the diff with sorted keys, so that key order never shows as a change; the live
// status is dropped when the desired state has none (it always would, and is not drift).
function comparable(object, dropStatus) {
  const sortKeys = (value) => {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys(value[key])]));
  };
  let copy = withoutManagedFields(object);
  if (!copy) return '';
  if (dropStatus && 'status' in copy) {
    copy = { ...copy };
    delete copy.status;
  }
  return toYaml(sortKeys(copy));
}

function code(text, label) {
  return h('pre', { class: 'code', tabindex: '0', 'aria-label': label, 'data-testid': 'manifest' }, text);
}

function note(text) {
  return h('p', { class: 'empty' }, text);
}

function eventsTable(items) {
  const sorted = [...items].sort((a, b) => String(b.lastTimestamp ?? b.eventTime ?? '').localeCompare(String(a.lastTimestamp ?? a.eventTime ?? '')));
  return table({
    caption: 'Events',
    testid: 'events-table',
    empty: 'No events.',
    rows: sorted,
    columns: [
      ['Type', (event) => h('span', { class: event.type === 'Warning' ? 'status-degraded' : '' }, event.type === 'Warning' ? icon('warning') : null, ` ${event.type ?? ''}`)],
      ['Reason', (event) => event.reason ?? ''],
      ['Message', (event) => event.message ?? ''],
      ['Count', (event) => String(event.count ?? 1)],
      ['Last seen', (event) => timeElement(event.lastTimestamp ?? event.eventTime)],
    ],
  });
}

/** Opens the drawer for `node` of the resource tree, or for the Application itself when null. */
export function openResourcePanel({ app, node }) {
  const appName = app.metadata.name;
  const base = `/api/v1/applications/${segment(appName)}`;
  const resource = app.status?.resources?.find((item) => node && resourceKey(item) === resourceKey(node));
  let managed = null;
  // One request serves both the desired manifest and the diff.
  const managedItem = () => {
    managed ??= api.get(`${base}/managed-resources`).then((answer) => (answer.items ?? []).find((item) => resourceKey(item) === resourceKey(node)));
    return managed;
  };

  const loaders = {
    async manifest() {
      return code(toYaml(withoutManagedFields(app)), `Manifest of application ${appName}`);
    },
    async live() {
      const answer = await api.get(`${base}/resource`, {
        namespace: node.namespace,
        resourceName: node.name,
        version: node.version,
        group: node.group,
        kind: node.kind,
      });
      const live = parseState(answer.manifest);
      return live ? code(toYaml(withoutManagedFields(live)), `Live manifest of ${node.kind} ${node.name}`) : note('The resource does not exist in the cluster.');
    },
    async desired() {
      const item = await managedItem();
      if (!item) return note('This resource is created by another resource, not by the application: it has no desired state of its own.');
      const target = parseState(item.targetState);
      return target ? code(toYaml(target), `Desired manifest of ${node.kind} ${node.name}`) : note('The desired state has no such resource: it will be removed by a sync with prune.');
    },
    async diff() {
      const item = await managedItem();
      if (!item) return note('This resource is created by another resource, not by the application: there is nothing to compare.');
      const live = parseState(item.normalizedLiveState) ?? parseState(item.liveState);
      const desired = parseState(item.predictedLiveState) ?? parseState(item.targetState);
      return diffView(comparable(live, !desired?.status), comparable(desired, false));
    },
    async events() {
      const params = node ? { resourceNamespace: node.namespace, resourceName: node.name, resourceUID: node.uid } : {};
      const answer = await api.get(`${base}/events`, params);
      const items = (answer.items ?? []).filter((event) => !node || (event.involvedObject?.name === node.name && event.involvedObject?.kind === node.kind));
      return eventsTable(items);
    },
  };
  const tabs = node
    ? [['live', 'Live manifest'], ['desired', 'Desired manifest'], ['diff', 'Diff'], ['events', 'Events']]
    : [['manifest', 'Manifest'], ['events', 'Events']];

  const panelId = uid('tab-panel');
  const panel = h('div', { class: 'tab-panel', id: panelId, role: 'tabpanel' });
  const buttons = tabs.map(([id, label]) =>
    h('button', { type: 'button', role: 'tab', class: 'tab', id: uid(`tab-${id}`), 'aria-controls': panelId, 'data-testid': `tab-${id}` }, label),
  );
  let sequence = 0;
  const select = (index, focus = false) => {
    buttons.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
    });
    if (focus) buttons[index].focus();
    panel.setAttribute('aria-labelledby', buttons[index].id);
    panel.replaceChildren(h('p', { class: 'loading' }, 'Loading…'));
    const current = ++sequence;
    loaders[tabs[index][0]]()
      .then((content) => current === sequence && panel.replaceChildren(content))
      .catch((error) => current === sequence && panel.replaceChildren(alertBox(describeError(error, 'load this view'))));
  };
  buttons.forEach((tab, index) => tab.addEventListener('click', () => select(index)));
  const tablist = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Resource views' }, buttons);
  // Arrow keys move between tabs, as in any tab list.
  tablist.addEventListener('keydown', (event) => {
    const current = buttons.indexOf(document.activeElement);
    const moves = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: buttons.length - 1 };
    if (current < 0 || !(event.key in moves)) return;
    event.preventDefault();
    select((moves[event.key] + buttons.length) % buttons.length, true);
  });

  const health = node ? node.health : app.status?.health;
  const summary = h(
    'dl',
    { class: 'details details--compact' },
    detailRow('Kind', node ? [[node.group, node.version].filter(Boolean).join('/'), node.kind].filter(Boolean).join(' ') : 'argoproj.io/v1alpha1 Application'),
    detailRow('Namespace', node ? node.namespace : app.metadata.namespace),
    detailRow('Health', health?.status ? statusBadge('health', health.status) : null),
    detailRow('Health message', health?.message),
    detailRow('Sync status', node ? (resource ? statusBadge('sync', resource.status) : null) : statusBadge('sync', app.status?.sync?.status)),
    detailRow('Created', node?.createdAt ? formatDateTime(node.createdAt) : null),
  );

  openDialog({
    title: node ? `${node.kind} ${node.name}` : `Application ${appName}`,
    variant: 'drawer',
    testid: 'resource-panel',
    content: h('div', { class: 'resource-panel' }, summary, tablist, panel),
  });
  select(0);
}
