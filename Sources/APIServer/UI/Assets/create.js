// Creating (/applications/new) and editing (/applications/<name>/edit) an application: a form
// with what `wharf app create` takes, or the whole Application as YAML. Fields the form does not
// show are kept from the edited object, so editing never drops them.
import { api, describeError, segment } from './api.js';
import { busy, button, checkbox, field, h, setAlert, setFieldError, uid } from './dom.js';
import { icon } from './icons.js';
import { applicationUrl, navigate } from './nav.js';
import { notifySuccess } from './notify.js';
import { parseYaml, toYaml } from './yaml.js';

const SYNC_OPTIONS = [
  ['CreateNamespace=true', 'Auto-create namespace', 'create-create-namespace'],
  ['PruneLast=true', 'Prune last', 'create-prune-last'],
  ['ApplyOutOfSyncOnly=true', 'Apply out of sync only', 'create-apply-out-of-sync-only'],
  ['ServerSideApply=true', 'Server-side apply', 'create-server-side-apply'],
  ['Validate=false', 'Skip schema validation', 'create-skip-validation'],
];
// Kubernetes names: a DNS subdomain for the application, a DNS label for a namespace.
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
// file:// too: Wharf deploys from repositories on its own machine.
const REPO_URL = /^(https?|ssh|git|oci|file):\/\/\S+$|^[\w.-]+@[\w.-]+:\S+$/;
const DEFAULT_CLUSTER = 'https://kubernetes.default.svc';

function template() {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: '' },
    spec: { project: 'default', source: { repoURL: '', path: '', targetRevision: 'HEAD' }, destination: { server: DEFAULT_CLUSTER } },
  };
}

function setOrDelete(object, key, value) {
  if (value === null || value === undefined || value === '') delete object[key];
  else object[key] = value;
}

// Lists for the selects and suggestions; the form still works when one of them cannot be read.
async function optional(path, signal) {
  try {
    return (await api.get(path, null, { signal })).items ?? [];
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    return [];
  }
}

export async function renderCreate(ctx) {
  document.title = 'New application - Wharf';
  await renderForm(ctx, null);
}

export async function renderEdit(ctx) {
  const [name] = ctx.params;
  document.title = `Edit ${name} - Wharf`;
  const app = await api.get(`/api/v1/applications/${segment(name)}`, null, { signal: ctx.signal });
  await renderForm(ctx, app);
}

async function renderForm(ctx, existing) {
  const editing = Boolean(existing);
  const [projects, repositories, clusters] = await Promise.all(['/api/v1/projects', '/api/v1/repositories', '/api/v1/clusters'].map((path) => optional(path, ctx.signal)));
  let base = existing ? structuredClone(existing) : template();
  // The status and operation are the controller's: neither edited nor sent back.
  delete base.status;
  delete base.operation;

  // --- Controls ------------------------------------------------------------------------------
  const nameInput = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', required: true, readOnly: editing, 'data-testid': 'create-name' });
  const projectSelect = h('select', { 'data-testid': 'create-project' });
  const repoList = h('datalist', { id: uid('repos') }, repositories.map((repo) => h('option', { value: repo.repo }, repo.name || repo.repo)));
  const repoInput = h('input', { type: 'text', inputmode: 'url', list: repoList.id, autocomplete: 'off', spellcheck: 'false', required: true, 'data-testid': 'create-repo' });
  const revisionInput = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', 'data-testid': 'create-revision' });
  const pathInput = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', 'data-testid': 'create-path' });
  const chartInput = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', 'data-testid': 'create-chart' });
  const clusterList = h('datalist', { id: uid('clusters') }, clusters.flatMap((cluster) => [cluster.server, cluster.name].filter(Boolean).map((value) => h('option', { value }))));
  const clusterInput = h('input', { type: 'text', list: clusterList.id, autocomplete: 'off', spellcheck: 'false', required: true, 'data-testid': 'create-cluster' });
  const namespaceInput = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', 'data-testid': 'create-namespace' });
  const auto = checkbox({ label: 'Automatic sync', hint: 'sync whenever Git changes', testid: 'create-auto-sync' });
  const prune = checkbox({ label: 'Prune resources', hint: 'delete what was removed from Git', testid: 'create-prune' });
  const selfHeal = checkbox({ label: 'Self heal', hint: 'undo changes made in the cluster', testid: 'create-self-heal' });
  const optionBoxes = SYNC_OPTIONS.map(([option, label, testid]) => ({ option, ...checkbox({ label, testid }) }));
  const recurse = checkbox({ label: 'Recurse into subdirectories', testid: 'create-recurse' });
  const valueFilesInput = h('textarea', { rows: 3, spellcheck: 'false', 'data-testid': 'create-helm-values' });
  const parameterRows = h('div', { class: 'parameter-rows' });
  const yamlInput = h('textarea', { class: 'code-input', rows: 24, spellcheck: 'false', 'aria-label': 'Application as YAML or JSON', 'data-testid': 'create-yaml' });
  const yamlToggle = button({ label: 'Edit as YAML', testid: 'create-yaml-toggle', 'aria-pressed': 'false' });
  const alertSlot = h('div', { class: 'alert-slot' });
  const submit = h('button', { type: 'submit', class: 'button button--primary', 'data-testid': 'create-submit' }, h('span', { class: 'button-label' }, editing ? 'Save' : 'Create'));

  // Each row remembers the parameter it shows, so fields like forceString survive an edit.
  const parameterOf = new WeakMap();
  const addParameter = (parameter = { name: '', value: '' }) => {
    const nameField = h('input', { type: 'text', value: parameter.name ?? '', 'aria-label': 'Parameter name', placeholder: 'name', 'data-testid': 'create-helm-param-name' });
    const valueField = h('input', { type: 'text', value: parameter.value ?? '', 'aria-label': 'Parameter value', placeholder: 'value', 'data-testid': 'create-helm-param-value' });
    const row = h('div', { class: 'parameter-row' }, nameField, valueField);
    row.append(h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Remove parameter', onClick: () => row.remove() }, icon('close')));
    parameterOf.set(row, parameter);
    parameterRows.append(row);
    return nameField;
  };

  const updateAutomatic = () => {
    prune.input.disabled = !auto.input.checked;
    selfHeal.input.disabled = !auto.input.checked;
  };
  auto.input.addEventListener('change', updateAutomatic);

  // --- Form ↔ object -------------------------------------------------------------------------
  function fillForm(app) {
    base = structuredClone(app);
    const spec = app.spec ?? {};
    const source = spec.source ?? {};
    const destination = spec.destination ?? {};
    const policy = spec.syncPolicy ?? {};
    nameInput.value = app.metadata?.name ?? '';
    const project = spec.project || 'default';
    const names = [...new Set(['default', ...projects.map((item) => item.metadata?.name).filter(Boolean), project])].sort();
    projectSelect.replaceChildren(...names.map((value) => h('option', { value }, value)));
    projectSelect.value = project;
    repoInput.value = source.repoURL ?? '';
    revisionInput.value = source.targetRevision ?? 'HEAD';
    pathInput.value = source.path ?? '';
    chartInput.value = source.chart ?? '';
    clusterInput.value = destination.server || destination.name || '';
    namespaceInput.value = destination.namespace ?? '';
    auto.input.checked = Boolean(policy.automated);
    prune.input.checked = Boolean(policy.automated?.prune);
    selfHeal.input.checked = Boolean(policy.automated?.selfHeal);
    updateAutomatic();
    const options = new Set(policy.syncOptions ?? []);
    for (const box of optionBoxes) box.input.checked = options.has(box.option);
    recurse.input.checked = Boolean(source.directory?.recurse);
    valueFilesInput.value = (source.helm?.valueFiles ?? []).join('\n');
    parameterRows.replaceChildren();
    for (const parameter of source.helm?.parameters ?? []) addParameter(parameter);
  }

  function readForm() {
    const app = structuredClone(base);
    app.apiVersion ||= 'argoproj.io/v1alpha1';
    app.kind ||= 'Application';
    app.metadata = { ...app.metadata, name: nameInput.value.trim() };
    const spec = (app.spec ??= {});
    spec.project = projectSelect.value || 'default';

    const source = { ...spec.source };
    source.repoURL = repoInput.value.trim();
    source.targetRevision = revisionInput.value.trim() || 'HEAD';
    setOrDelete(source, 'path', pathInput.value.trim());
    setOrDelete(source, 'chart', chartInput.value.trim());
    const directory = { ...source.directory };
    if (recurse.input.checked) directory.recurse = true;
    else delete directory.recurse;
    setOrDelete(source, 'directory', Object.keys(directory).length ? directory : null);
    const helm = { ...source.helm };
    const valueFiles = valueFilesInput.value.split('\n').map((line) => line.trim()).filter(Boolean);
    setOrDelete(helm, 'valueFiles', valueFiles.length ? valueFiles : null);
    const parameters = [...parameterRows.children]
      .map((row) => {
        const [nameField, valueField] = row.querySelectorAll('input');
        return { ...parameterOf.get(row), name: nameField.value.trim(), value: valueField.value };
      })
      .filter((parameter) => parameter.name);
    setOrDelete(helm, 'parameters', parameters.length ? parameters : null);
    setOrDelete(source, 'helm', Object.keys(helm).length ? helm : null);
    spec.source = source;

    const cluster = clusterInput.value.trim();
    spec.destination = /^https?:\/\//.test(cluster) ? { server: cluster } : { name: cluster };
    setOrDelete(spec.destination, 'namespace', namespaceInput.value.trim());

    const policy = { ...spec.syncPolicy };
    if (auto.input.checked) policy.automated = { ...policy.automated, prune: prune.input.checked, selfHeal: selfHeal.input.checked };
    else delete policy.automated;
    const known = new Set(SYNC_OPTIONS.map(([option]) => option));
    const options = [...(policy.syncOptions ?? []).filter((option) => !known.has(option)), ...optionBoxes.filter((box) => box.input.checked).map((box) => box.option)];
    setOrDelete(policy, 'syncOptions', options.length ? options : null);
    setOrDelete(spec, 'syncPolicy', Object.keys(policy).length ? policy : null);
    return app;
  }

  // --- Validation ----------------------------------------------------------------------------
  const checks = new Map([
    [
      nameInput,
      (value) =>
        !value
          ? 'Name is required.'
          : value.length > 253 || !SUBDOMAIN.test(value)
            ? 'Use lower case letters, digits, "-" and ".", starting and ending with a letter or digit (at most 253 characters).'
            : '',
    ],
    [
      repoInput,
      (value) => (!value ? 'Repository URL is required.' : !REPO_URL.test(value) ? 'Enter a repository URL such as https://github.com/org/repo.git or git@github.com:org/repo.git.' : ''),
    ],
    [pathInput, (value) => (!value && !chartInput.value.trim() ? 'Enter a path in the repository (. for its root), or a Helm chart below.' : '')],
    [clusterInput, (value) => (!value ? 'Cluster URL or name is required.' : '')],
    [
      namespaceInput,
      (value) =>
        value && (value.length > 63 || !LABEL.test(value))
          ? 'A namespace uses lower case letters, digits and "-", starting and ending with a letter or digit (at most 63 characters).'
          : '',
    ],
  ]);
  const check = (control) => {
    const message = checks.get(control)(control.value.trim());
    setFieldError(control, message);
    return !message;
  };
  for (const control of checks.keys()) {
    // Judge a field when the user leaves it, and clear its message as soon as it is fixed.
    control.addEventListener('change', () => check(control));
    control.addEventListener('input', () => control.hasAttribute('aria-invalid') && check(control));
  }
  chartInput.addEventListener('input', () => pathInput.hasAttribute('aria-invalid') && check(pathInput));

  // --- YAML mode -----------------------------------------------------------------------------
  const formFields = h('div', { class: 'form-fields' });
  const yamlSection = h(
    'div',
    { class: 'yaml-section', hidden: true },
    h('p', { class: 'field-hint' }, 'The whole Application as YAML (JSON is accepted too). Fields the form does not show are kept.'),
    yamlInput,
  );
  let yamlMode = false;
  const setYamlMode = (on) => {
    if (on) yamlInput.value = toYaml(readForm());
    else {
      try {
        const parsed = parseYaml(yamlInput.value);
        if (parsed?.spec?.sources?.length) throw new Error('Applications with several sources can only be edited as YAML.');
        fillForm(parsed ?? template());
      } catch (error) {
        setAlert(alertSlot, error.message);
        return;
      }
    }
    setAlert(alertSlot, null);
    yamlMode = on;
    yamlSection.hidden = !on;
    formFields.hidden = on;
    yamlToggle.setAttribute('aria-pressed', String(on));
    (on ? yamlInput : nameInput).focus();
  };
  yamlToggle.addEventListener('click', () => setYamlMode(!yamlMode));

  // --- Submit --------------------------------------------------------------------------------
  async function onSubmit(event) {
    event.preventDefault();
    setAlert(alertSlot, null);
    let app;
    if (yamlMode) {
      try {
        app = parseYaml(yamlInput.value);
      } catch (error) {
        setAlert(alertSlot, error.message);
        return;
      }
      if (!app?.metadata?.name) {
        setAlert(alertSlot, 'The application needs a metadata.name.');
        return;
      }
      app.apiVersion ||= 'argoproj.io/v1alpha1';
      app.kind ||= 'Application';
    } else {
      const invalid = [...checks.keys()].filter((control) => !check(control));
      if (invalid.length) {
        setAlert(alertSlot, 'Please correct the fields marked below.');
        invalid[0].focus();
        return;
      }
      app = readForm();
    }
    const restore = busy(submit, editing ? 'Saving…' : 'Creating…');
    try {
      const saved = editing
        ? await api.put(`/api/v1/applications/${segment(existing.metadata.name)}`, app)
        : await api.post('/api/v1/applications', app);
      const name = saved.metadata?.name ?? app.metadata.name;
      notifySuccess(editing ? `Application "${name}" saved` : `Application "${name}" created`);
      navigate(applicationUrl(name));
    } catch (error) {
      restore();
      setAlert(alertSlot, describeError(error, editing ? 'save the application' : 'create the application'));
    }
  }

  // --- Layout --------------------------------------------------------------------------------
  const section = (title, ...children) => h('fieldset', { class: 'form-section' }, h('legend', {}, title), ...children);
  formFields.append(
    section(
      'General',
      field({ label: 'Application name', control: nameInput, hint: editing ? 'The name cannot be changed.' : 'Lower case letters, digits, "-" and ".".' }),
      field({ label: 'Project', control: projectSelect }),
    ),
    section(
      'Source',
      field({ label: 'Repository URL', control: repoInput }),
      repoList,
      field({ label: 'Target revision', control: revisionInput, hint: 'A branch, tag or commit; HEAD for the default branch.' }),
      field({ label: 'Path', control: pathInput, hint: 'The directory in the repository that holds the manifests.' }),
      field({ label: 'Helm chart', control: chartInput, hint: 'Only for Helm repositories: the chart name (the target revision is its version).' }),
    ),
    section(
      'Destination',
      field({ label: 'Cluster URL or name', control: clusterInput, hint: `For the cluster Wharf runs in: ${DEFAULT_CLUSTER}` }),
      clusterList,
      field({ label: 'Namespace', control: namespaceInput }),
    ),
    section('Sync policy', auto.wrapper, h('div', { class: 'indented' }, prune.wrapper, selfHeal.wrapper)),
    section('Sync options', h('div', { class: 'option-grid' }, optionBoxes.map((box) => box.wrapper))),
    section('Directory', recurse.wrapper),
    section(
      'Helm',
      field({ label: 'Values files', control: valueFilesInput, hint: 'One per line, relative to the path.' }),
      h('div', { class: 'field' }, h('span', { class: 'field-label' }, 'Parameters'), parameterRows, button({ label: 'Add parameter', icon: icon('plus'), variant: 'small', onClick: () => addParameter().focus() })),
    ),
  );

  const form = h(
    'form',
    { class: 'app-form', novalidate: true, onSubmit },
    h('div', { class: 'form-mode' }, yamlToggle),
    formFields,
    yamlSection,
    alertSlot,
    h('div', { class: 'form-actions' }, submit, h('a', { class: 'button', href: editing ? applicationUrl(existing.metadata.name) : '/applications' }, 'Cancel')),
  );

  ctx.root.replaceChildren(
    h(
      'div',
      { class: 'page page--narrow' },
      h(
        'nav',
        { class: 'breadcrumb', 'aria-label': 'Breadcrumb' },
        h('a', { href: '/applications' }, 'Applications'),
        h('span', { 'aria-hidden': 'true' }, ' / '),
        editing ? [h('a', { href: applicationUrl(existing.metadata.name) }, existing.metadata.name), h('span', { 'aria-hidden': 'true' }, ' / ')] : null,
        h('span', { 'aria-current': 'page' }, editing ? 'Edit' : 'New application'),
      ),
      h('div', { class: 'page-header' }, h('h1', { tabindex: '-1' }, editing ? `Edit ${existing.metadata.name}` : 'New application')),
      form,
    ),
  );

  fillForm(base);
  // A multi-source application has no form: it is edited as YAML only.
  if (base.spec?.sources?.length) {
    yamlInput.value = toYaml(base);
    yamlMode = true;
    yamlSection.hidden = false;
    formFields.hidden = true;
    yamlToggle.disabled = true;
    yamlToggle.setAttribute('aria-pressed', 'true');
  }
}
