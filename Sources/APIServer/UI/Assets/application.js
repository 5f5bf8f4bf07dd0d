// An application's page (/applications/<name>): its status, the last operation, its details and
// resource tree, and the actions (refresh, sync, history and rollback, edit, delete, terminate).
// Two streams keep it live: the application itself and its resource tree.
import { api, describeError, openStream, segment } from './api.js';
import { openDeleteDialog, openHistoryDialog, openSyncDialog, openTerminateDialog } from './app-actions.js';
import { alertBox, busy, button, detailRow, h, table } from './dom.js';
import { allSources, destinationText, formatDateTime, shortRevision, timeElement } from './format.js';
import { icon } from './icons.js';
import { applicationUrl, navigate } from './nav.js';
import { notifySuccess, reportError } from './notify.js';
import { openResourcePanel } from './resource-panel.js';
import { statusBadge, streamIndicator } from './status.js';
import { renderTree } from './tree.js';

function card(title, ...content) {
  return h('section', { class: 'status-card' }, h('h2', { class: 'status-card-title' }, title), ...content);
}

function externalLink(url) {
  if (!/^https?:\/\//.test(url ?? '')) return url;
  return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, url, icon('external', 'opens in a new tab', 'icon--small'));
}

function policyText(policy) {
  const automated = policy?.automated;
  if (!automated) return 'Manual';
  const extras = [automated.prune && 'prune', automated.selfHeal && 'self heal'].filter(Boolean);
  return extras.length ? `Automated (${extras.join(', ')})` : 'Automated';
}

function statusCards(app) {
  const status = app.status ?? {};
  const operation = status.operationState;
  const sync = status.sync ?? {};
  const sources = allSources(app.spec);
  const target = sources.map((source) => source.targetRevision || 'HEAD').join(', ');
  return h(
    'div',
    { class: 'status-cards' },
    card('App health', statusBadge('health', status.health?.status, { testid: 'app-health-status' }), status.health?.message ? h('p', { class: 'muted' }, status.health.message) : null),
    card(
      'Sync status',
      statusBadge('sync', sync.status, { testid: 'app-sync-status' }),
      h('p', { class: 'muted' }, `To ${target || 'HEAD'}`, sync.revision ? ` (${shortRevision(sync.revision)})` : ''),
      h('p', { class: 'muted' }, `Sync policy: ${policyText(app.spec?.syncPolicy)}`),
    ),
    card(
      'Last operation',
      statusBadge('phase', operation?.phase ?? 'None', { testid: 'operation-phase' }),
      operation?.message ? h('p', { class: 'operation-message', 'data-testid': 'operation-message' }, operation.message) : null,
      operation
        ? h(
            'p',
            { class: 'muted' },
            operation.startedAt ? ['Started ', timeElement(operation.startedAt)] : null,
            operation.finishedAt ? [', finished ', timeElement(operation.finishedAt)] : null,
            operation.operation?.initiatedBy?.username ? ` by ${operation.operation.initiatedBy.username}` : operation.operation?.initiatedBy?.automated ? ' by automated sync' : null,
          )
        : h('p', { class: 'muted' }, 'Never synced'),
    ),
  );
}

function conditions(app) {
  const items = app.status?.conditions ?? [];
  if (items.length === 0) return null;
  return h(
    'ul',
    { class: 'conditions', 'data-testid': 'conditions', 'aria-label': 'Conditions' },
    items.map((condition) =>
      h(
        'li',
        { class: ['condition', /Error/.test(condition.type ?? '') ? 'condition--error' : 'condition--warning'] },
        icon('warning', /Error/.test(condition.type ?? '') ? 'Error' : 'Warning'),
        h('span', {}, h('strong', {}, condition.type ?? 'Condition'), `: ${condition.message ?? ''}`),
      ),
    ),
  );
}

function syncResult(app) {
  const result = app.status?.operationState?.syncResult;
  if (!result?.resources?.length) return null;
  return h(
    'details',
    { class: 'panel', open: true },
    h('summary', {}, h('h2', { class: 'panel-title' }, `Result of the last sync${result.revision ? ` (revision ${shortRevision(result.revision)})` : ''}`)),
    table({
      caption: 'Resources of the last sync',
      testid: 'sync-result-table',
      rows: result.resources,
      columns: [
        ['Kind', (resource) => resource.kind ?? ''],
        ['Namespace', (resource) => resource.namespace ?? ''],
        ['Name', (resource) => resource.name ?? ''],
        ['Status', (resource) => (resource.status ? statusBadge('result', resource.status) : '')],
        ['Hook', (resource) => [resource.hookType, resource.hookPhase].filter(Boolean).join(' ')],
        ['Message', (resource) => resource.message ?? ''],
      ],
    }),
  );
}

function summary(app) {
  const spec = app.spec ?? {};
  const labels = Object.entries(app.metadata.labels ?? {});
  const policy = spec.syncPolicy ?? {};
  const sources = allSources(spec);
  return h(
    'details',
    { class: 'panel', open: true },
    h('summary', {}, h('h2', { class: 'panel-title' }, 'Details')),
    h(
      'dl',
      { class: 'details' },
      detailRow('Project', h('a', { href: `/settings/projects/${segment(spec.project || 'default')}` }, spec.project || 'default')),
      detailRow('Labels', labels.length ? h('span', { class: 'chips' }, labels.map(([key, value]) => h('span', { class: 'chip' }, `${key}=${value}`))) : null),
      sources.map((source, index) => [
        detailRow(sources.length > 1 ? `Source ${index + 1}` : 'Repository', externalLink(source.repoURL)),
        detailRow(source.chart ? 'Chart' : 'Path', source.chart ? `${source.chart}` : source.path),
        detailRow('Target revision', source.targetRevision || 'HEAD'),
      ]),
      detailRow('Destination', destinationText(spec.destination)),
      detailRow('Sync policy', policyText(policy)),
      detailRow('Sync options', (policy.syncOptions ?? []).join(', ')),
      detailRow('Created', app.metadata.creationTimestamp ? formatDateTime(app.metadata.creationTimestamp) : null),
      detailRow('Last reconciled', app.status?.reconciledAt ? timeElement(app.status.reconciledAt) : null),
    ),
  );
}

export async function render(ctx) {
  const [name] = ctx.params;
  const base = `/api/v1/applications/${segment(name)}`;
  document.title = `${name} - Applications - Wharf`;
  let app = await api.get(base, null, { signal: ctx.signal });
  let tree = null;
  let treeError = null;
  let canSync = null;
  let deleted = false;
  let frame = 0;

  const stream = streamIndicator();
  const banner = h('div', { class: 'banner-slot' });
  const statusArea = h('div', {});
  const conditionsArea = h('div', {});
  const resultArea = h('div', {});
  const summaryArea = h('div', {});
  const treeArea = h('div', { class: 'tree-scroll', 'data-testid': 'resource-tree' });
  const treeCount = h('span', { class: 'muted' });
  const treeFilter = h('input', {
    type: 'search',
    class: 'search-input search-input--small',
    placeholder: 'Filter by kind or name',
    'aria-label': 'Filter resources by kind or name',
    'data-testid': 'tree-filter',
    onInput: () => drawTree(),
  });

  // Results of the dialogs: a message for what started, undefined when cancelled.
  const report = async (pending) => {
    const message = await pending;
    if (message) notifySuccess(message);
  };
  const refresh = async (kind, target) => {
    const restore = busy(target, kind === 'hard' ? 'Hard refreshing…' : 'Refreshing…');
    try {
      app = await api.get(base, { refresh: kind });
      schedule();
      notifySuccess(kind === 'hard' ? 'Hard refresh done: manifests regenerated and compared again' : 'Refresh done: compared with the cluster again');
    } catch (error) {
      reportError(error, 'refresh this application');
    } finally {
      restore();
    }
  };
  const actions = {
    sync: button({ label: 'Sync', icon: icon('sync'), variant: 'primary', testid: 'sync-button', onClick: () => report(openSyncDialog(app, { canSync })) }),
    refresh: button({ label: 'Refresh', icon: icon('refresh'), testid: 'refresh-button', onClick: (event) => refresh('normal', event.currentTarget) }),
    hardRefresh: button({ label: 'Hard refresh', icon: icon('refresh'), testid: 'hard-refresh-button', onClick: (event) => refresh('hard', event.currentTarget) }),
    history: button({ label: 'History and rollback', icon: icon('history'), testid: 'history-button', onClick: () => report(openHistoryDialog(app)) }),
    edit: h('a', { class: 'button', href: `${applicationUrl(name)}/edit`, 'data-testid': 'edit-button' }, icon('edit'), h('span', { class: 'button-label' }, 'Edit')),
    terminate: button({ label: 'Terminate', icon: icon('stop'), variant: 'danger', testid: 'terminate-button', onClick: () => report(openTerminateDialog(app)) }),
    delete: button({
      label: 'Delete',
      icon: icon('trash'),
      variant: 'danger',
      testid: 'delete-button',
      onClick: async () => {
        const message = await openDeleteDialog(app);
        if (message) navigate('/applications', { state: { notice: message } });
      },
    }),
  };

  ctx.root.replaceChildren(
    h(
      'div',
      { class: 'page' },
      h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '/applications' }, 'Applications'), h('span', { 'aria-hidden': 'true' }, ' / '), h('span', { 'aria-current': 'page' }, name)),
      h('div', { class: 'page-header' }, h('h1', { tabindex: '-1' }, name), stream.element),
      h('div', { class: 'toolbar', role: 'group', 'aria-label': 'Application actions' }, Object.values(actions)),
      banner,
      statusArea,
      conditionsArea,
      resultArea,
      summaryArea,
      h(
        'section',
        { class: 'panel resources', 'aria-labelledby': 'resources-title' },
        h('div', { class: 'panel-header' }, h('h2', { class: 'panel-title', id: 'resources-title' }, 'Resources'), treeCount, treeFilter),
        treeArea,
      ),
    ),
  );

  function drawTree() {
    // The tree is rebuilt on each change: keep the focus on the same node.
    const focusedKey = treeArea.contains(document.activeElement) ? document.activeElement.dataset.key : null;
    if (!tree) {
      treeArea.replaceChildren(treeError ? alertBox(treeError) : h('p', { class: 'loading' }, 'Loading resources…'));
      return;
    }
    const nodes = tree.nodes ?? [];
    treeCount.textContent = `${nodes.length} resource${nodes.length === 1 ? '' : 's'}`;
    treeArea.replaceChildren(renderTree({ app, nodes, filter: treeFilter.value, onSelect: (node) => openResourcePanel({ app, node }) }));
    if (focusedKey) treeArea.querySelector(`[data-key="${CSS.escape(focusedKey)}"]`)?.focus();
  }

  // Replaces a collapsible panel, keeping whether the user collapsed it and the focus on its summary.
  function replacePanel(area, panel) {
    const previous = area.firstElementChild;
    const summaryFocused = previous?.querySelector('summary') === document.activeElement;
    if (panel && previous) panel.open = previous.open;
    area.replaceChildren(...(panel ? [panel] : []));
    if (panel && summaryFocused) panel.querySelector('summary').focus();
  }

  function update() {
    statusArea.replaceChildren(statusCards(app));
    conditionsArea.replaceChildren(...[conditions(app)].filter(Boolean));
    replacePanel(resultArea, syncResult(app));
    replacePanel(summaryArea, summary(app));
    actions.terminate.hidden = deleted || app.status?.operationState?.phase !== 'Running';
    drawTree();
  }

  function schedule() {
    if (!frame) frame = requestAnimationFrame(() => {
      frame = 0;
      update();
    });
  }

  function markDeleted() {
    deleted = true;
    closeTree();
    for (const action of Object.values(actions)) {
      if (action instanceof HTMLButtonElement) action.disabled = true;
    }
    banner.replaceChildren(
      h('div', { class: 'alert alert--warning', role: 'alert', 'data-testid': 'alert' }, 'This application has been deleted. ', h('a', { href: '/applications' }, 'Back to the applications')),
    );
    schedule();
  }

  const closeApp = openStream('/api/v1/stream/applications', { name }, {
    onMessage: (result) => {
      if (result?.application?.metadata?.name !== name) return;
      if (result.type === 'DELETED') markDeleted();
      else {
        app = result.application;
        schedule();
      }
    },
    onState: stream.set,
  });
  const closeTree = openStream(`${base.replace('/api/v1/', '/api/v1/stream/')}/resource-tree`, null, {
    onMessage: (result) => {
      if (!Array.isArray(result?.nodes)) return;
      tree = result;
      schedule();
    },
  });
  ctx.onLeave(() => {
    closeApp();
    closeTree();
    cancelAnimationFrame(frame);
  });

  update();
  api
    .get(`${base}/resource-tree`, null, { signal: ctx.signal })
    .then((answer) => {
      tree ??= answer;
      schedule();
    })
    .catch((error) => {
      if (error.name === 'AbortError') return;
      treeError = describeError(error, 'load the resource tree');
      schedule();
    });
  // Only informs the sync dialog: the server decides, and its refusal is shown as it comes.
  api
    .get(`/api/v1/account/can-i/applications/sync/${segment(`${app.spec?.project || 'default'}/${name}`)}`, null, { signal: ctx.signal })
    .then((answer) => {
      canSync = answer.value === 'yes';
    })
    .catch(() => {});
}
