// Settings (/settings and its pages): repositories (list, connect, remove), clusters, projects
// (list, and one project's roles and sync windows, editable as JSON or YAML) and local accounts.
import { api, describeError, segment } from './api.js';
import { formDialog } from './dialog.js';
import { button, checkbox, detailRow, field, h, table } from './dom.js';
import { icon } from './icons.js';
import { notifySuccess, reportError } from './notify.js';
import { statusBadge } from './status.js';
import { parseYaml } from './yaml.js';

const SECTIONS = [
  ['repositories', 'Repositories', 'Git and Helm repositories that applications deploy from.'],
  ['clusters', 'Clusters', 'The clusters applications deploy to.'],
  ['projects', 'Projects', 'Groups of applications, with their roles and sync windows.'],
  ['accounts', 'Accounts', 'Local user accounts.'],
];

export async function render(ctx) {
  const [section, item] = ctx.params;
  if (!section) return renderIndex(ctx);
  const title = SECTIONS.find(([id]) => id === section)[1];
  document.title = `${item ?? title} - Settings - Wharf`;
  const content = h('div', { class: 'settings-content' });
  const renderers = { repositories, clusters, projects: item ? project : projects, accounts };
  await renderers[section](ctx, content, item);
  ctx.root.replaceChildren(
    h(
      'div',
      { class: 'page settings-page' },
      h(
        'nav',
        { class: 'settings-nav', 'aria-label': 'Settings' },
        h('a', { href: '/settings' }, 'Settings'),
        SECTIONS.map(([id, label]) => h('a', { href: `/settings/${id}`, 'aria-current': id === section ? 'page' : null }, label)),
      ),
      content,
    ),
  );
}

function renderIndex(ctx) {
  document.title = 'Settings - Wharf';
  ctx.root.replaceChildren(
    h(
      'div',
      { class: 'page' },
      h('div', { class: 'page-header' }, h('h1', { tabindex: '-1' }, 'Settings')),
      h(
        'ul',
        { class: 'settings-cards' },
        SECTIONS.map(([id, label, description]) =>
          h('li', {}, h('a', { class: 'settings-card', href: `/settings/${id}`, 'data-testid': `settings-${id}` }, h('span', { class: 'settings-card-title' }, label), h('span', { class: 'muted' }, description))),
        ),
      ),
    ),
  );
}

function header(title, ...actions) {
  return h('div', { class: 'page-header' }, h('h1', { tabindex: '-1' }, title), actions.length ? h('div', { class: 'page-actions' }, actions) : null);
}

function connection(state) {
  return h(
    'span',
    { class: 'connection' },
    statusBadge('connection', state?.status || 'Unknown'),
    state?.message ? h('span', { class: 'muted connection-message' }, state.message) : null,
  );
}

// --- Repositories ------------------------------------------------------------------------------

async function repositories(ctx, container) {
  const listSlot = h('div');
  const draw = (items) =>
    listSlot.replaceChildren(
      table({
        caption: 'Repositories',
        testid: 'repo-table',
        rowTestid: 'repo-row',
        empty: 'No repositories are connected yet.',
        rows: items,
        columns: [
          ['Type', (repo) => repo.type || 'git'],
          ['Name', (repo) => repo.name || ''],
          ['Repository', (repo) => h('span', { class: 'break' }, repo.repo)],
          ['Connection', (repo) => connection(repo.connectionState)],
          ['', (repo) => button({ label: 'Delete', icon: icon('trash'), variant: 'small', testid: 'repo-delete-button', 'aria-label': `Delete repository ${repo.repo}`, onClick: () => remove(repo) })],
        ],
      }),
    );
  const reload = async () => {
    try {
      draw((await api.get('/api/v1/repositories')).items ?? []);
    } catch (error) {
      reportError(error, 'list the repositories');
    }
  };

  const remove = async (repo) => {
    const message = await formDialog({
      title: 'Delete repository',
      submitLabel: 'Delete',
      busyLabel: 'Deleting…',
      danger: true,
      submitTestid: 'repo-delete-submit',
      content: h('p', {}, `Remove ${repo.repo}? Applications using it can no longer fetch their manifests.`),
      onSubmit: async () => {
        try {
          await api.delete(`/api/v1/repositories/${segment(repo.repo)}`);
        } catch (error) {
          throw new Error(describeError(error, 'delete this repository'));
        }
        return `Repository ${repo.repo} deleted`;
      },
    }).result;
    if (message) {
      notifySuccess(message);
      await reload();
    }
  };

  const connect = async () => {
    const type = h('select', { 'data-testid': 'repo-type' }, h('option', { value: 'git' }, 'Git'), h('option', { value: 'helm' }, 'Helm'));
    const name = h('input', { type: 'text', autocomplete: 'off', 'data-testid': 'repo-name' });
    const url = h('input', { type: 'text', inputmode: 'url', autocomplete: 'off', spellcheck: 'false', required: true, autofocus: true, 'data-testid': 'repo-url' });
    const username = h('input', { type: 'text', autocomplete: 'off', 'data-testid': 'repo-username' });
    const password = h('input', { type: 'password', autocomplete: 'new-password', 'data-testid': 'repo-password' });
    const insecure = checkbox({ label: 'Skip server verification', hint: 'accept any TLS certificate or host key', testid: 'repo-insecure' });
    const message = await formDialog({
      title: 'Connect a repository',
      submitLabel: 'Connect',
      busyLabel: 'Connecting…',
      submitTestid: 'repo-submit',
      testid: 'repo-dialog',
      content: [
        field({ label: 'Type', control: type }),
        field({ label: 'Repository URL', control: url }),
        field({ label: 'Name', control: name, hint: 'Optional; required for Helm repositories.' }),
        field({ label: 'Username', control: username, hint: 'Optional, for private repositories.' }),
        field({ label: 'Password or token', control: password, hint: 'Stored by the server and never shown again.' }),
        insecure.wrapper,
      ],
      onSubmit: async () => {
        if (!url.value.trim()) throw new Error('Repository URL is required.');
        const body = { repo: url.value.trim(), type: type.value, insecure: insecure.input.checked };
        if (name.value.trim()) body.name = name.value.trim();
        if (username.value) body.username = username.value;
        if (password.value) body.password = password.value;
        try {
          await api.post('/api/v1/repositories', body);
        } catch (error) {
          throw new Error(describeError(error, 'connect this repository'));
        }
        return `Repository ${body.repo} connected`;
      },
    }).result;
    if (message) {
      notifySuccess(message);
      await reload();
    }
  };

  draw((await api.get('/api/v1/repositories', null, { signal: ctx.signal })).items ?? []);
  container.append(header('Repositories', button({ label: 'Connect repository', icon: icon('plus'), variant: 'primary', testid: 'repo-add-button', onClick: connect })), listSlot);
}

// --- Clusters ----------------------------------------------------------------------------------

async function clusters(ctx, container) {
  const { items = [] } = await api.get('/api/v1/clusters', null, { signal: ctx.signal });
  container.append(
    header('Clusters'),
    table({
      caption: 'Clusters',
      testid: 'cluster-table',
      rowTestid: 'cluster-row',
      empty: 'No clusters.',
      rows: items,
      columns: [
        ['Name', (cluster) => cluster.name || ''],
        ['Server', (cluster) => h('span', { class: 'break' }, cluster.server)],
        ['Version', (cluster) => cluster.serverVersion || cluster.info?.serverVersion || ''],
        ['Connection', (cluster) => connection(cluster.connectionState ?? cluster.info?.connectionState)],
      ],
    }),
  );
}

// --- Projects ----------------------------------------------------------------------------------

function destinations(list) {
  return (list ?? []).map((destination) => `${destination.name || destination.server || '*'}/${destination.namespace || '*'}`).join(', ');
}

async function projects(ctx, container) {
  const { items = [] } = await api.get('/api/v1/projects', null, { signal: ctx.signal });
  container.append(
    header('Projects'),
    table({
      caption: 'Projects',
      testid: 'project-table',
      rowTestid: 'project-row',
      empty: 'No projects.',
      rows: items,
      columns: [
        ['Name', (item) => h('a', { href: `/settings/projects/${segment(item.metadata.name)}` }, item.metadata.name)],
        ['Description', (item) => item.spec?.description ?? ''],
        ['Sources', (item) => (item.spec?.sourceRepos ?? []).join(', ')],
        ['Destinations', (item) => destinations(item.spec?.destinations)],
      ],
    }),
  );
}

async function project(ctx, container, name) {
  let current = await api.get(`/api/v1/projects/${segment(name)}`, null, { signal: ctx.signal });
  const body = h('div');

  const draw = () => {
    const spec = current.spec ?? {};
    body.replaceChildren(
      h(
        'dl',
        { class: 'details' },
        detailRow('Description', spec.description),
        detailRow('Source repositories', (spec.sourceRepos ?? []).join(', ')),
        detailRow('Destinations', destinations(spec.destinations)),
      ),
      h('h2', {}, 'Roles'),
      table({
        caption: 'Roles',
        testid: 'project-roles',
        empty: 'This project has no roles.',
        rows: spec.roles ?? [],
        columns: [
          ['Name', (role) => role.name],
          ['Description', (role) => role.description ?? ''],
          ['Policies', (role) => h('ul', { class: 'plain-list' }, (role.policies ?? []).map((policy) => h('li', {}, h('code', {}, policy))))],
          ['Groups', (role) => (role.groups ?? []).join(', ')],
        ],
      }),
      h('h2', {}, 'Sync windows'),
      table({
        caption: 'Sync windows',
        testid: 'project-windows',
        empty: 'This project has no sync windows: syncs may run at any time.',
        rows: spec.syncWindows ?? [],
        columns: [
          ['Kind', (slot) => slot.kind ?? ''],
          ['Schedule', (slot) => h('code', {}, slot.schedule ?? '')],
          ['Duration', (slot) => slot.duration ?? ''],
          ['Applications', (slot) => (slot.applications ?? []).join(', ')],
          ['Namespaces', (slot) => (slot.namespaces ?? []).join(', ')],
          ['Clusters', (slot) => (slot.clusters ?? []).join(', ')],
          ['Manual sync', (slot) => (slot.manualSync ? 'Allowed' : 'Denied')],
          ['Time zone', (slot) => slot.timeZone ?? ''],
        ],
      }),
    );
  };

  const edit = async () => {
    const editor = h('textarea', {
      class: 'code-input',
      rows: 18,
      spellcheck: 'false',
      autofocus: true,
      'data-testid': 'project-editor',
      value: JSON.stringify({ roles: current.spec?.roles ?? [], syncWindows: current.spec?.syncWindows ?? [] }, null, 2),
    });
    const saved = await formDialog({
      title: `Roles and sync windows of ${name}`,
      submitLabel: 'Save',
      busyLabel: 'Saving…',
      submitTestid: 'project-save',
      content: field({ label: 'Roles and sync windows (JSON or YAML)', control: editor, hint: 'An object with "roles" and "syncWindows" lists, as in the AppProject spec.' }),
      onSubmit: async () => {
        const value = parseYaml(editor.value);
        if (!value || !Array.isArray(value.roles ?? []) || !Array.isArray(value.syncWindows ?? [])) throw new Error('Expected an object with "roles" and "syncWindows" lists.');
        const updated = structuredClone(current);
        updated.spec = { ...updated.spec, roles: value.roles ?? [], syncWindows: value.syncWindows ?? [] };
        try {
          return await api.put(`/api/v1/projects/${segment(name)}`, { project: updated });
        } catch (error) {
          throw new Error(describeError(error, 'update this project'));
        }
      },
    }).result;
    if (saved) {
      current = saved.metadata ? saved : (await api.get(`/api/v1/projects/${segment(name)}`));
      draw();
      notifySuccess(`Project ${name} saved`);
    }
  };

  draw();
  container.append(
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '/settings/projects' }, 'Projects'), h('span', { 'aria-hidden': 'true' }, ' / '), h('span', { 'aria-current': 'page' }, name)),
    header(`Project ${name}`, button({ label: 'Edit roles and sync windows', icon: icon('edit'), testid: 'project-edit-button', onClick: edit })),
    body,
  );
}

// --- Accounts ----------------------------------------------------------------------------------

async function accounts(ctx, container) {
  const { items = [] } = await api.get('/api/v1/account', null, { signal: ctx.signal });
  container.append(
    header('Accounts'),
    table({
      caption: 'Accounts',
      testid: 'account-table',
      rowTestid: 'account-row',
      empty: 'No local accounts.',
      rows: items,
      columns: [
        ['Name', (account) => account.name],
        ['Enabled', (account) => (account.enabled ? 'Yes' : 'No')],
        ['Capabilities', (account) => (account.capabilities ?? []).join(', ')],
        ['Tokens', (account) => String((account.tokens ?? []).length)],
      ],
    }),
  );
}
