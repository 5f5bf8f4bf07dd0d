// The applications list (/applications): tiles or a table, filters kept in the URL, live updates
// from the stream, and virtualised rendering so that 10,000 applications stay smooth.
import { api, openStream } from './api.js';
import { AppStore } from './app-store.js';
import { busy, button, h } from './dom.js';
import { destinationText, primarySource, sourcePath, timeElement } from './format.js';
import { icon } from './icons.js';
import { applicationUrl, navigate, replaceQuery } from './nav.js';
import { notifySuccess, reportError } from './notify.js';
import { HEALTH_STATUSES, statusBadge, statusClass, streamIndicator, SYNC_STATUSES } from './status.js';
import { VirtualList } from './virtual.js';

// Only what the list shows and filters on: a full Application can be large.
const FIELDS = [
  'metadata.name',
  'metadata.labels',
  'metadata.resourceVersion',
  'spec',
  'status.sync',
  'status.health',
  'status.operationState.phase',
  'status.operationState.finishedAt',
  'status.reconciledAt',
];
const LIST_FIELDS = [...FIELDS.map((path) => `items.${path}`), 'metadata.resourceVersion'].join(',');
const STREAM_FIELDS = ['result.type', ...FIELDS.map((path) => `result.application.${path}`)].join(',');

const COLUMNS = [
  ['Name', 'cell-name'],
  ['Project', 'cell-project'],
  ['Sync', 'cell-sync'],
  ['Health', 'cell-health'],
  ['Repository', 'cell-repo'],
  ['Revision', 'cell-revision'],
  ['Destination', 'cell-destination'],
  ['Last sync', 'cell-synced'],
];

function readFilters(query) {
  const set = (key) => new Set((query.get(key) ?? '').split(',').map((value) => value.trim()).filter(Boolean));
  return {
    proj: query.get('proj') ?? '',
    sync: set('sync'),
    health: set('health'),
    cluster: query.get('cluster') ?? '',
    namespace: query.get('namespace') ?? '',
    labels: query.get('labels') ?? '',
    search: query.get('search') ?? '',
    view: query.get('view') === 'list' ? 'list' : 'tiles',
  };
}

function writeFilters(filters) {
  const query = new URLSearchParams();
  for (const key of ['proj', 'sync', 'health', 'cluster', 'namespace', 'labels', 'search']) {
    const value = filters[key] instanceof Set ? [...filters[key]].join(',') : filters[key].trim();
    if (value) query.set(key, value);
  }
  query.set('view', filters.view);
  replaceQuery(query);
}

// "app=web, tier!=db, team" → terms that must all hold.
function parseLabelTerms(text) {
  return text
    .split(',')
    .map((term) => term.trim())
    .filter(Boolean)
    .map((term) => {
      const match = /^([^!=]+?)\s*(!=|==|=)\s*(.*)$/.exec(term);
      if (!match) return { key: term, test: (labels) => Object.hasOwn(labels, term) };
      const [, key, operator, value] = match.map((part) => part.trim());
      return operator === '!='
        ? { key, test: (labels) => labels[key] !== value }
        : { key, test: (labels) => labels[key] === value };
    });
}

function matcher(filters) {
  const search = filters.search.trim().toLowerCase();
  const labelTerms = parseLabelTerms(filters.labels);
  return {
    // Everything except the two status filters, whose counts are shown next to their checkboxes.
    base: (entry) =>
      (!filters.proj || entry.project === filters.proj) &&
      (!filters.cluster || entry.server === filters.cluster || entry.clusterName === filters.cluster) &&
      (!filters.namespace || entry.namespace === filters.namespace) &&
      labelTerms.every((term) => term.test(entry.labels)) &&
      (!search || entry.search.includes(search)),
    sync: (entry) => filters.sync.size === 0 || filters.sync.has(entry.sync),
    health: (entry) => filters.health.size === 0 || filters.health.has(entry.health),
  };
}

// A click anywhere on a tile or row opens the application, except on its link (which navigates by
// itself), while selecting text, or with a modifier key (then in a new tab, like a link would).
function openOnClick(event) {
  if (event.target.closest('a, button') || window.getSelection()?.toString()) return;
  const url = applicationUrl(event.currentTarget.dataset.name);
  if (event.ctrlKey || event.metaKey || event.shiftKey) window.open(url, '_blank', 'noopener');
  else navigate(url);
}

function lastSync(app) {
  return timeElement(app.status?.operationState?.finishedAt, 'Never');
}

function truncated(text, className) {
  return h('span', { class: ['truncate', className], title: text || null }, text || '—');
}

function renderTile(entry) {
  const { app, name } = entry;
  const spec = app.spec ?? {};
  const source = primarySource(spec);
  const field = (label, value) => h('div', { class: 'tile-field' }, h('dt', {}, label), h('dd', {}, value));
  return h(
    'div',
    {
      class: ['app-tile', `tile-${statusClass(entry.health)}`],
      role: 'listitem',
      'data-testid': 'app-tile',
      'data-name': name,
      onClick: openOnClick,
    },
    h('div', { class: 'tile-head' }, h('a', { class: 'tile-title truncate', href: applicationUrl(name), title: name }, name)),
    h(
      'dl',
      { class: 'tile-fields' },
      field('Project', truncated(entry.project)),
      field('Sync', statusBadge('sync', entry.sync, { testid: 'sync-status' })),
      field('Health', statusBadge('health', entry.health, { testid: 'health-status' })),
      field('Repository', truncated(source.repoURL)),
      field('Target', truncated(source.targetRevision || 'HEAD')),
      field('Path', truncated(sourcePath(source))),
      field('Destination', truncated(destinationText(spec.destination))),
      field('Last sync', lastSync(app)),
    ),
  );
}

function renderRow(entry) {
  const { app, name } = entry;
  const spec = app.spec ?? {};
  const source = primarySource(spec);
  const cells = [
    h('a', { class: 'truncate', href: applicationUrl(name), title: name }, name),
    truncated(entry.project),
    statusBadge('sync', entry.sync, { testid: 'sync-status' }),
    statusBadge('health', entry.health, { testid: 'health-status' }),
    truncated(source.repoURL),
    truncated(source.targetRevision || 'HEAD'),
    truncated(destinationText(spec.destination)),
    lastSync(app),
  ];
  return h(
    'div',
    { class: 'app-row', role: 'row', 'data-testid': 'app-tile', 'data-name': name, onClick: openOnClick },
    cells.map((cell, index) => h('div', { class: ['cell', COLUMNS[index][1]], role: 'cell' }, cell)),
  );
}

/** Keeps a <select>'s options equal to `values` (plus "all"), rebuilding only when they change. */
function syncOptions(select, allLabel, values, selected) {
  const wanted = [...new Set([...values, selected].filter(Boolean))].sort((a, b) => a.localeCompare(b));
  const signature = wanted.join('\n');
  if (select.dataset.signature !== signature) {
    select.dataset.signature = signature;
    select.replaceChildren(h('option', { value: '' }, allLabel), ...wanted.map((value) => h('option', { value }, value)));
  }
  select.value = selected;
}

export async function render(ctx) {
  document.title = 'Applications - Wharf';
  const filters = readFilters(ctx.query);
  const store = new AppStore();
  let loaded = false;
  let list = null;
  let frame = 0;

  // --- Page skeleton -------------------------------------------------------------------------
  const count = h('span', { 'data-testid': 'app-count' }, '0');
  const total = h('span', {}, '0');
  const stream = streamIndicator();
  const refreshButton = button({ label: 'Refresh', icon: icon('refresh'), testid: 'refresh-button', onClick: () => refresh() });
  const searchInput = h('input', {
    type: 'search',
    class: 'search-input',
    placeholder: 'Search by name, repository, path, cluster or namespace',
    'aria-label': 'Search applications',
    'data-testid': 'app-search',
    value: filters.search,
    onInput: (event) => changeFilter('search', event.target.value),
  });
  const viewButtons = {
    tiles: h('button', { type: 'button', class: 'button button--small', 'data-testid': 'view-tiles', onClick: () => setView('tiles') }, icon('tiles'), h('span', { class: 'button-label' }, 'Tiles')),
    list: h('button', { type: 'button', class: 'button button--small', 'data-testid': 'view-list', onClick: () => setView('list') }, icon('list'), h('span', { class: 'button-label' }, 'List')),
  };

  const projectSelect = h('select', { 'data-testid': 'filter-project', onChange: (event) => changeFilter('proj', event.target.value) });
  const clusterSelect = h('select', { 'data-testid': 'filter-cluster', onChange: (event) => changeFilter('cluster', event.target.value) });
  const namespaceSelect = h('select', { 'data-testid': 'filter-namespace', onChange: (event) => changeFilter('namespace', event.target.value) });
  const labelsInput = h('input', {
    type: 'text',
    placeholder: 'key=value, key2!=value',
    'data-testid': 'filter-labels',
    value: filters.labels,
    onInput: (event) => changeFilter('labels', event.target.value),
  });
  const statusCounts = { sync: new Map(), health: new Map() };
  const statusGroup = (kind, legend, statuses) =>
    h(
      'fieldset',
      { class: 'filter-group' },
      h('legend', {}, legend),
      statuses.map((status) => {
        const countElement = h('span', { class: 'filter-count', 'data-testid': `count-${kind}-${status}` }, '0');
        statusCounts[kind].set(status, countElement);
        const input = h('input', {
          type: 'checkbox',
          checked: filters[kind].has(status),
          'data-testid': `filter-${kind}-${status}`,
          onChange: (event) => {
            if (event.target.checked) filters[kind].add(status);
            else filters[kind].delete(status);
            filtersChanged();
          },
        });
        return h('label', { class: 'check filter-option' }, input, statusBadge(kind, status), countElement);
      }),
    );
  const labelled = (text, control) => h('label', { class: 'filter-field' }, h('span', {}, text), control);
  // On narrow screens the panel starts closed: its summary tells how many filters are active.
  const filterSummary = h('summary', {}, 'Filters');
  const filterPanel = h(
    'details',
    { class: 'filters', open: matchMedia('(min-width: 900px)').matches },
    filterSummary,
    h(
      'div',
      { class: 'filters-body' },
      labelled('Project', projectSelect),
      statusGroup('sync', 'Sync status', SYNC_STATUSES),
      statusGroup('health', 'Health', HEALTH_STATUSES),
      labelled('Cluster', clusterSelect),
      labelled('Namespace', namespaceSelect),
      labelled('Labels', labelsInput),
      button({ label: 'Clear filters', variant: 'link', testid: 'clear-filters', onClick: clearFilters }),
    ),
  );

  const message = h('div', { class: 'list-message' });
  const scroller = h('div', { class: 'app-scroller', 'data-testid': 'app-list', 'aria-label': 'Applications' });
  const notice = ctx.state.notice ? h('p', { class: 'notice', role: 'status' }, ctx.state.notice) : null;

  ctx.root.replaceChildren(
    h(
      'div',
      { class: 'page page--apps' },
      h(
        'div',
        { class: 'page-header' },
        h('h1', { tabindex: '-1' }, 'Applications'),
        h('p', { class: 'page-header-meta' }, count, ' of ', total, ' applications'),
        stream.element,
        h(
          'div',
          { class: 'page-actions' },
          h('a', { class: 'button button--primary', href: '/applications/new', 'data-testid': 'new-app-button' }, icon('plus'), h('span', { class: 'button-label' }, 'New app')),
          refreshButton,
        ),
      ),
      notice,
      h('div', { class: 'apps-toolbar' }, searchInput, h('div', { class: 'segmented', role: 'group', 'aria-label': 'View' }, viewButtons.tiles, viewButtons.list)),
      h('div', { class: 'apps-body' }, filterPanel, h('section', { class: 'apps-results', 'aria-label': 'Matching applications' }, message, scroller)),
    ),
  );

  syncOptions(projectSelect, 'All projects', [], filters.proj);
  syncOptions(clusterSelect, 'All clusters', [], filters.cluster);
  syncOptions(namespaceSelect, 'All namespaces', [], filters.namespace);

  // --- Rendering -----------------------------------------------------------------------------
  function buildList() {
    list?.destroy();
    scroller.replaceChildren();
    const table = filters.view === 'list';
    scroller.className = `app-scroller app-scroller--${filters.view}`;
    scroller.setAttribute('role', table ? 'table' : 'list');
    if (table) {
      scroller.append(
        h('div', { class: 'app-row app-row-header', role: 'row', 'aria-rowindex': '1' }, COLUMNS.map(([label, className]) => h('div', { class: ['cell', className], role: 'columnheader' }, label))),
      );
    }
    list = new VirtualList({ scroller, table, keyOf: (entry) => entry.name, renderItem: table ? renderRow : renderTile });
    for (const [view, element] of Object.entries(viewButtons)) element.setAttribute('aria-pressed', String(view === filters.view));
  }

  function update() {
    // Until the first load completes, the stream's replay fills the store unseen: counts shown
    // from a half-filled store would be wrong.
    if (!loaded) {
      message.replaceChildren(h('div', { class: 'empty-state' }, h('p', {}, 'Loading applications…')));
      return;
    }
    const match = matcher(filters);
    const syncCounts = new Map();
    const healthCounts = new Map();
    const visible = [];
    const projects = new Set();
    const clusters = new Set();
    const namespaces = new Set();
    for (const entry of store.sorted()) {
      projects.add(entry.project);
      clusters.add(entry.clusterName || entry.server);
      if (entry.namespace) namespaces.add(entry.namespace);
      if (!match.base(entry)) continue;
      const syncMatches = match.sync(entry);
      const healthMatches = match.health(entry);
      if (healthMatches) syncCounts.set(entry.sync, (syncCounts.get(entry.sync) ?? 0) + 1);
      if (syncMatches) healthCounts.set(entry.health, (healthCounts.get(entry.health) ?? 0) + 1);
      if (syncMatches && healthMatches) visible.push(entry);
    }
    for (const [status, element] of statusCounts.sync) element.textContent = String(syncCounts.get(status) ?? 0);
    for (const [status, element] of statusCounts.health) element.textContent = String(healthCounts.get(status) ?? 0);
    syncOptions(projectSelect, 'All projects', projects, filters.proj);
    syncOptions(clusterSelect, 'All clusters', clusters, filters.cluster);
    syncOptions(namespaceSelect, 'All namespaces', namespaces, filters.namespace);
    count.textContent = String(visible.length);
    total.textContent = String(store.size);
    list.setItems(visible);

    let text = null;
    let action = null;
    if (store.size === 0) {
      text = 'No applications yet.';
      action = h('a', { class: 'button button--primary', href: '/applications/new' }, 'Create an application');
    } else if (visible.length === 0) {
      text = 'No applications match the current filters.';
      action = button({ label: 'Clear filters', onClick: clearFilters });
    }
    message.replaceChildren(...(text ? [h('div', { class: 'empty-state' }, h('p', {}, text), action)] : []));
  }

  // Stream events can arrive by the thousand (the initial replay): render once per frame.
  function schedule() {
    if (!frame) frame = requestAnimationFrame(() => {
      frame = 0;
      update();
    });
  }

  function showActiveFilters() {
    const active = ['proj', 'cluster', 'namespace', 'labels'].filter((key) => filters[key].trim()).length + filters.sync.size + filters.health.size;
    filterSummary.textContent = active ? `Filters (${active} active)` : 'Filters';
  }

  function filtersChanged() {
    writeFilters(filters);
    showActiveFilters();
    schedule();
  }

  function changeFilter(key, value) {
    filters[key] = value;
    filtersChanged();
  }

  function setView(view) {
    if (filters.view === view) return;
    filters.view = view;
    writeFilters(filters);
    buildList();
    update();
  }

  function clearFilters() {
    Object.assign(filters, { proj: '', cluster: '', namespace: '', labels: '', search: '', sync: new Set(), health: new Set() });
    searchInput.value = '';
    labelsInput.value = '';
    for (const input of filterPanel.querySelectorAll('input[type=checkbox]')) input.checked = false;
    filtersChanged();
  }

  // --- Data ----------------------------------------------------------------------------------
  async function load() {
    store.beginLoad();
    try {
      const answer = await api.get('/api/v1/applications', { fields: LIST_FIELDS }, { signal: ctx.signal });
      store.finishLoad(answer.items ?? []);
      loaded = true;
      schedule();
    } catch (error) {
      store.abortLoad();
      throw error;
    }
  }

  async function refresh() {
    const restore = busy(refreshButton, 'Refreshing…');
    try {
      await load();
      notifySuccess('Applications reloaded');
    } catch (error) {
      reportError(error, 'load the applications');
    } finally {
      restore();
    }
  }

  // Remember the scroll position in the history entry, so that coming back restores it.
  let scrollTimer = 0;
  scroller.addEventListener('scroll', () => {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => history.replaceState({ ...history.state, scrollTop: scroller.scrollTop }, ''), 200);
  }, { passive: true });

  buildList();
  showActiveFilters();
  update();
  // The stream opens first and the list is read once it is open, so that nothing changing in
  // between is missed. Given a resourceVersion (any: the value is not read), the server does not
  // replay every application on the stream (10,000 events the list already carries); the store
  // lets whichever of the list and the stream is newer win.
  let streamReady;
  const streamOpened = new Promise((resolve) => {
    streamReady = resolve;
  });
  const closeStream = openStream('/api/v1/stream/applications', { fields: STREAM_FIELDS, resourceVersion: '0' }, {
    onMessage: (result) => {
      if (store.apply(result ?? {})) schedule();
    },
    onState: (state) => {
      stream.set(state);
      streamReady(); // Open, or failed: the list is read either way (a reopened stream reloads it).
    },
    // After an outage, deletions may have been missed: reload once (not on every event).
    onReopen: () => load().catch(() => {}),
  });
  ctx.onLeave(() => {
    closeStream();
    cancelAnimationFrame(frame);
    clearTimeout(scrollTimer);
    list.destroy();
  });

  await streamOpened;
  await load();
  update();
  if (ctx.state.scrollTop) scroller.scrollTop = ctx.state.scrollTop;
}
