// The resource tree: the Application, the resources it manages, and what those own (by
// parentRefs), laid out left to right in columns. Nodes are positioned buttons; the edges are one
// SVG of curves behind them.
import { h, svg } from './dom.js';
import { statusIcon } from './status.js';

const NODE_WIDTH = 250;
const NODE_HEIGHT = 56;
const COLUMN_GAP = 72;
const ROW_GAP = 14;
const ROOT_KEY = '#application';

const KIND_ABBREVIATIONS = {
  Application: 'app',
  ClusterRole: 'crole',
  ClusterRoleBinding: 'crb',
  ConfigMap: 'cm',
  ControllerRevision: 'rev',
  CronJob: 'cj',
  CustomResourceDefinition: 'crd',
  DaemonSet: 'ds',
  Deployment: 'deploy',
  EndpointSlice: 'eps',
  Endpoints: 'ep',
  HorizontalPodAutoscaler: 'hpa',
  Ingress: 'ing',
  Job: 'job',
  Namespace: 'ns',
  NetworkPolicy: 'netpol',
  PersistentVolumeClaim: 'pvc',
  Pod: 'pod',
  ReplicaSet: 'rs',
  Role: 'role',
  RoleBinding: 'rb',
  Secret: 'secret',
  Service: 'svc',
  ServiceAccount: 'sa',
  StatefulSet: 'sts',
};

function abbreviation(kind) {
  return KIND_ABBREVIATIONS[kind] ?? (kind.match(/[A-Z]/g)?.join('').toLowerCase() || kind.slice(0, 3).toLowerCase());
}

/** Identifies a node across tree updates (its uid when it has one, its coordinates otherwise). */
function nodeKey(node) {
  return node.uid || `${node.group ?? ''}/${node.kind}/${node.namespace ?? ''}/${node.name}`;
}

/** The identity of a resource in status.resources and managed-resources. */
export function resourceKey(resource) {
  return `${resource.group ?? ''}/${resource.kind}/${resource.namespace ?? ''}/${resource.name}`;
}

/**
 * Positions: column = 1 + the deepest parent's column (the Application is column 0); within a
 * column, nodes follow their parent's row, then kind and name, without overlapping. Nodes whose
 * parents are filtered out hang from the Application.
 */
function layout(nodes) {
  const byUid = new Map();
  const byCoordinates = new Map();
  for (const node of nodes) {
    if (node.uid) byUid.set(node.uid, node);
    byCoordinates.set(resourceKey(node), node);
  }
  const parents = new Map(
    nodes.map((node) => {
      const found = (node.parentRefs ?? []).map((ref) => byUid.get(ref.uid) ?? byCoordinates.get(resourceKey(ref))).filter((parent) => parent && parent !== node);
      return [node, found];
    }),
  );

  const columns = new Map();
  const visiting = new Set();
  const columnOf = (node) => {
    if (columns.has(node)) return columns.get(node);
    if (visiting.has(node)) return 1; // A cycle in owner references: break it here.
    visiting.add(node);
    const column = 1 + Math.max(0, ...parents.get(node).map(columnOf));
    visiting.delete(node);
    columns.set(node, column);
    return column;
  };
  nodes.forEach(columnOf);

  const rows = new Map();
  const byColumn = [];
  for (const node of nodes) (byColumn[columns.get(node)] ??= []).push(node);
  const parentRow = (node) => {
    const list = parents.get(node);
    return list.length ? Math.min(...list.map((parent) => rows.get(parent) ?? 0)) : 0;
  };
  let height = 1;
  for (const column of byColumn.slice(1)) {
    if (!column) continue;
    column.sort((a, b) => parentRow(a) - parentRow(b) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
    let next = 0;
    for (const node of column) {
      const row = Math.max(next, parentRow(node));
      rows.set(node, row);
      next = row + 1;
    }
    height = Math.max(height, next);
  }
  return { columns, rows, parents, columnCount: byColumn.length || 1, height };
}

function position(column, row) {
  return { x: column * (NODE_WIDTH + COLUMN_GAP), y: row * (NODE_HEIGHT + ROW_GAP) };
}

/**
 * Draws the tree. `app` is the Application, `nodes` the resource-tree nodes, `filter` a text
 * matched against kind and name, `onSelect(node | null)` runs on a click (null: the Application).
 */
export function renderTree({ app, nodes, filter, onSelect }) {
  const syncByResource = new Map((app.status?.resources ?? []).map((resource) => [resourceKey(resource), resource.status]));
  const needle = filter.trim().toLowerCase();
  const shown = nodes.filter((node) => !needle || `${node.kind} ${node.name}`.toLowerCase().includes(needle));
  const { columns, rows, parents, columnCount, height } = layout(shown);

  const width = columnCount * NODE_WIDTH + (columnCount - 1) * COLUMN_GAP;
  const canvasHeight = height * NODE_HEIGHT + (height - 1) * ROW_GAP;
  const canvas = h('div', { class: 'tree-canvas' });
  canvas.style.width = `${width}px`;
  canvas.style.height = `${canvasHeight}px`;

  const edges = svg('svg', { class: 'tree-edges', width, height: canvasHeight, 'aria-hidden': 'true' });
  const connect = (from, to) => {
    const x1 = from.x + NODE_WIDTH;
    const y1 = from.y + NODE_HEIGHT / 2;
    const x2 = to.x;
    const y2 = to.y + NODE_HEIGHT / 2;
    const bend = COLUMN_GAP / 2;
    edges.append(svg('path', { d: `M${x1} ${y1} C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2} ${y2}` }));
  };
  canvas.append(edges);

  const rootPosition = position(0, 0);
  canvas.append(
    treeNode({
      key: ROOT_KEY,
      kind: 'Application',
      name: app.metadata.name,
      health: app.status?.health?.status,
      sync: app.status?.sync?.status,
      at: rootPosition,
      onClick: () => onSelect(null),
    }),
  );
  for (const node of shown) {
    const at = position(columns.get(node), rows.get(node));
    const nodeParents = parents.get(node);
    if (nodeParents.length === 0) connect(rootPosition, at);
    for (const parent of nodeParents) connect(position(columns.get(parent), rows.get(parent)), at);
    canvas.append(
      treeNode({
        key: nodeKey(node),
        kind: node.kind,
        name: node.name,
        namespace: node.namespace,
        health: node.health?.status,
        sync: syncByResource.get(resourceKey(node)),
        at,
        onClick: () => onSelect(node),
      }),
    );
  }
  const hidden = nodes.length - shown.length;
  return h(
    'div',
    { class: 'tree' },
    hidden ? h('p', { class: 'tree-hidden' }, `${hidden} resource${hidden === 1 ? '' : 's'} hidden by the filter`) : null,
    canvas,
  );
}

function treeNode({ key, kind, name, namespace, health, sync, at, onClick }) {
  const element = h(
    'button',
    {
      type: 'button',
      class: ['tree-node', kind === 'Application' && 'tree-node--root'],
      'data-testid': 'tree-node',
      'data-kind': kind,
      'data-name': name,
      'data-key': key,
      title: namespace ? `${kind} ${namespace}/${name}` : `${kind} ${name}`,
      onClick,
    },
    h('span', { class: 'tree-kind-badge', 'aria-hidden': 'true' }, abbreviation(kind)),
    h('span', { class: 'tree-node-text' }, h('span', { class: 'tree-node-kind' }, kind), h('span', { class: 'tree-node-name truncate' }, name)),
    h('span', { class: 'tree-node-status' }, health ? statusIcon('health', health) : null, sync ? statusIcon('sync', sync) : null),
  );
  element.style.left = `${at.x}px`;
  element.style.top = `${at.y}px`;
  element.style.width = `${NODE_WIDTH}px`;
  element.style.height = `${NODE_HEIGHT}px`;
  return element;
}
