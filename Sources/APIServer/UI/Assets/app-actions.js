// The dialogs behind the application page's actions: sync, history and rollback, delete and
// terminate. Each resolves with a message describing what was started (or undefined when the
// user cancels); failures stay in the dialog as alerts.
import { api, describeError, segment } from './api.js';
import { formDialog, openDialog } from './dialog.js';
import { button, checkbox, field, h, table } from './dom.js';
import { allSources, formatDateTime, primarySource, shortRevision, sourcePath } from './format.js';
import { statusBadge } from './status.js';

function base(app) {
  return `/api/v1/applications/${segment(app.metadata.name)}`;
}

// Runs a request and turns its failure into the message shown in the dialog.
async function attempt(action, run) {
  try {
    return await run();
  } catch (error) {
    throw new Error(describeError(error, action));
  }
}

/** The sync dialog: revision, options and the resources to sync. */
export function openSyncDialog(app, { canSync }) {
  const source = primarySource(app.spec);
  const multiSource = allSources(app.spec).length > 1;
  const appOptions = new Set(app.spec?.syncPolicy?.syncOptions ?? []);
  const revision = h('input', { type: 'text', value: multiSource ? '' : source.targetRevision || 'HEAD', 'data-testid': 'sync-revision', autocomplete: 'off' });
  const options = {
    prune: checkbox({ label: 'Prune', hint: 'delete resources that are no longer in Git', testid: 'sync-prune' }),
    dryRun: checkbox({ label: 'Dry run', hint: 'validate without changing the cluster', testid: 'sync-dry-run' }),
    applyOutOfSyncOnly: checkbox({ label: 'Apply out of sync only', checked: appOptions.has('ApplyOutOfSyncOnly=true'), testid: 'sync-apply-out-of-sync-only' }),
    force: checkbox({ label: 'Force', hint: 'replace resources that cannot be patched', testid: 'sync-force' }),
    serverSideApply: checkbox({ label: 'Server-side apply', checked: appOptions.has('ServerSideApply=true'), testid: 'sync-server-side-apply' }),
  };

  const resources = app.status?.resources ?? [];
  const resourceBoxes = resources.map((resource) => {
    const label = [resource.kind, resource.namespace ? `${resource.namespace}/${resource.name}` : resource.name].join(' ');
    const box = checkbox({ label, checked: true, testid: 'sync-resource' });
    box.input.dataset.name = resource.name;
    box.input.dataset.kind = resource.kind;
    box.wrapper.append(statusBadge('sync', resource.status));
    return { resource, input: box.input, wrapper: box.wrapper };
  });
  const selectWhere = (predicate) => resourceBoxes.forEach((box) => (box.input.checked = predicate(box.resource)));
  const resourceSection = resources.length
    ? h(
        'fieldset',
        { class: 'resource-choice' },
        h('legend', {}, `Resources (${resources.length})`),
        h(
          'div',
          { class: 'inline-actions' },
          button({ label: 'All', variant: 'small', onClick: () => selectWhere(() => true) }),
          button({ label: 'None', variant: 'small', onClick: () => selectWhere(() => false) }),
          button({ label: 'Out of sync', variant: 'small', onClick: () => selectWhere((resource) => resource.status === 'OutOfSync') }),
        ),
        h('div', { class: 'resource-choice-list' }, resourceBoxes.map((box) => box.wrapper)),
      )
    : null;

  return formDialog({
    title: `Sync ${app.metadata.name}`,
    submitLabel: 'Synchronize',
    busyLabel: 'Syncing…',
    submitTestid: 'sync-submit',
    testid: 'sync-dialog',
    variant: 'wide',
    content: [
      canSync === false ? h('p', { class: 'notice notice--warning' }, 'Your account may not be allowed to sync this application.') : null,
      field({
        label: 'Revision',
        control: revision,
        hint: multiSource ? 'This application has several sources: leave empty to use their target revisions.' : 'A branch, tag or commit; empty for the target revision.',
      }),
      h('fieldset', { class: 'option-grid' }, h('legend', {}, 'Options'), Object.values(options).map((option) => option.wrapper)),
      resourceSection,
    ],
    onSubmit: () => {
      const chosen = resourceBoxes.filter((box) => box.input.checked);
      if (resourceBoxes.length && chosen.length === 0) throw new Error('Select at least one resource to sync.');
      const items = [];
      if (options.applyOutOfSyncOnly.input.checked) items.push('ApplyOutOfSyncOnly=true');
      if (options.serverSideApply.input.checked) items.push('ServerSideApply=true');
      const body = {
        prune: options.prune.input.checked,
        dryRun: options.dryRun.input.checked,
        strategy: { apply: { force: options.force.input.checked } },
      };
      if (revision.value.trim()) body.revision = revision.value.trim();
      if (items.length) body.syncOptions = { items };
      // Only a partial selection is sent: no list means "everything", as upstream's UI does.
      if (chosen.length < resourceBoxes.length) {
        body.resources = chosen.map(({ resource }) => ({ group: resource.group ?? '', kind: resource.kind, name: resource.name, namespace: resource.namespace ?? '' }));
      }
      return attempt('sync this application', async () => {
        await api.post(`${base(app)}/sync`, body);
        return body.dryRun ? 'Dry-run sync started' : 'Sync started';
      });
    },
  }).result;
}

/** The history dialog: deployed revisions, newest first, each with a Rollback button. */
export function openHistoryDialog(app) {
  return new Promise((resolve) => {
    const history = [...(app.status?.history ?? [])].reverse();
    const automated = Boolean(app.spec?.syncPolicy?.automated);
    let handle;
    const rollback = async (entry) => {
      const prune = checkbox({ label: 'Prune', hint: 'delete resources not in that revision', testid: 'rollback-prune' });
      const message = await formDialog({
        title: 'Roll back',
        submitLabel: 'Rollback',
        busyLabel: 'Rolling back…',
        submitTestid: 'rollback-submit',
        testid: 'rollback-dialog',
        content: [h('p', {}, `Roll ${app.metadata.name} back to revision ${shortRevision(entry.revision ?? '')} (history ${entry.id})?`), prune.wrapper],
        onSubmit: () =>
          attempt('roll back this application', async () => {
            await api.post(`${base(app)}/rollback`, { id: entry.id, prune: prune.input.checked });
            return `Rollback to revision ${shortRevision(entry.revision ?? '')} started`;
          }),
      }).result;
      if (message) {
        resolve(message);
        handle.close();
      }
    };
    const content = [
      automated ? h('p', { class: 'notice notice--warning' }, 'Automated sync is enabled: the server refuses rollbacks until it is turned off.') : null,
      table({
        caption: 'Deployment history',
        testid: 'history-table',
        rowTestid: 'history-entry',
        empty: 'This application has not been synced yet.',
        rows: history,
        columns: [
          ['ID', (entry) => String(entry.id)],
          ['Revision', (entry) => h('code', { title: entry.revision ?? '' }, shortRevision(entry.revision ?? (entry.revisions ?? []).join(', ')))],
          ['Deployed', (entry) => h('span', { class: 'nowrap' }, formatDateTime(entry.deployedAt))],
          ['Source', (entry) => [entry.source?.repoURL, sourcePath(entry.source)].filter(Boolean).join(' ')],
          [
            'Action',
            (entry) =>
              entry === history[0]
                ? h('span', { class: 'muted' }, 'Current')
                : button({ label: 'Rollback', variant: 'small', testid: 'rollback-button', 'data-id': entry.id, onClick: () => rollback(entry) }),
          ],
        ],
      }),
    ];
    handle = openDialog({ title: `History of ${app.metadata.name}`, content, variant: 'wide', testid: 'history-dialog', onClose: () => resolve(undefined) });
  });
}

/** The delete dialog: the cascade choice, and the name typed again to confirm. */
export function openDeleteDialog(app) {
  const name = app.metadata.name;
  const policies = [
    ['foreground', 'Foreground', 'delete the resources, then the application once they are gone'],
    ['background', 'Background', 'delete the application now, its resources in the background'],
    ['non-cascading', 'Non-cascading', 'delete only the application and leave its resources running'],
  ];
  const radios = policies.map(([value, label, hint], index) => {
    const input = h('input', { type: 'radio', name: 'propagation', value, checked: index === 0, 'data-testid': `delete-policy-${value}` });
    return h('label', { class: 'check' }, input, h('span', {}, label, h('span', { class: 'check-hint' }, hint)));
  });
  const confirm = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', autofocus: true, 'data-testid': 'delete-confirm-input' });
  const dialog = formDialog({
    title: `Delete ${name}`,
    submitLabel: 'Delete',
    busyLabel: 'Deleting…',
    danger: true,
    submitTestid: 'delete-submit',
    testid: 'delete-dialog',
    content: [
      h('fieldset', { class: 'option-list' }, h('legend', {}, 'Propagation policy'), radios),
      field({ label: `Type the application name "${name}" to confirm`, control: confirm }),
    ],
    onSubmit: () =>
      attempt('delete this application', async () => {
        const policy = radios.map((label) => label.querySelector('input')).find((input) => input.checked).value;
        const cascade = policy !== 'non-cascading';
        await api.delete(base(app), { cascade, propagationPolicy: cascade ? policy : undefined });
        return `Application "${name}" is being deleted`;
      }),
  });
  const update = () => {
    dialog.submit.disabled = confirm.value !== name;
  };
  confirm.addEventListener('input', update);
  update();
  return dialog.result;
}

/** Confirms, then stops the running operation. */
export function openTerminateDialog(app) {
  return formDialog({
    title: 'Terminate operation',
    submitLabel: 'Terminate',
    busyLabel: 'Terminating…',
    danger: true,
    submitTestid: 'terminate-submit',
    content: h('p', {}, `Stop the running operation of ${app.metadata.name}? Resources already applied stay as they are.`),
    onSubmit: () =>
      attempt('terminate the operation', async () => {
        await api.delete(`${base(app)}/operation`);
        return 'Operation terminating';
      }),
  }).result;
}
