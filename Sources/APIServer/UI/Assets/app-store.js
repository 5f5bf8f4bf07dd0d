// The applications list in memory, kept current by stream events. Each entry holds what the
// filters need, computed once when the application arrives (a lowercase search text, its
// project, statuses, destination and labels), so that filtering 10,000 applications on each
// keystroke is a plain loop.
import { primarySource } from './format.js';

// Resource versions are numbers here; others count as 0.
function versionOf(app) {
  const number = Number(app?.metadata?.resourceVersion);
  return Number.isSafeInteger(number) ? number : 0;
}

function entryFor(app) {
  const spec = app.spec ?? {};
  const source = primarySource(spec);
  const destination = spec.destination ?? {};
  const name = app.metadata.name;
  return {
    name,
    app,
    project: spec.project || 'default',
    sync: app.status?.sync?.status || 'Unknown',
    health: app.status?.health?.status || 'Unknown',
    server: destination.server ?? '',
    clusterName: destination.name ?? '',
    namespace: destination.namespace ?? '',
    labels: app.metadata.labels ?? {},
    // Separate fields by a newline so that a search cannot match across two of them.
    search: [name, source.repoURL, source.path, source.chart, destination.namespace, destination.server, destination.name]
      .filter(Boolean)
      .join('\n')
      .toLowerCase(),
  };
}

export class AppStore {
  constructor() {
    this.entries = new Map();
    this.sortedNames = null;
    // Names the stream changed while a full load was in flight: their newer version wins.
    this.changedDuringLoad = null;
  }

  get size() {
    return this.entries.size;
  }

  /** The entries ordered by name (the order is recomputed only when names come or go). */
  *sorted() {
    // Code-point order, as the server and the CLI sort (and much faster than localeCompare).
    if (!this.sortedNames) this.sortedNames = [...this.entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of this.sortedNames) yield this.entries.get(name);
  }

  /** Marks the start of a full load; stream events from now on win over its answer. */
  beginLoad() {
    this.changedDuringLoad = new Set();
  }

  /** Replaces the contents with a full load, keeping what the stream changed meanwhile. */
  finishLoad(items) {
    const changed = this.changedDuringLoad ?? new Set();
    const entries = new Map();
    for (const app of items) {
      const name = app?.metadata?.name;
      if (!name) continue;
      // What the stream said during the load wins, unless the list holds a newer version.
      const streamed = changed.has(name) ? this.entries.get(name) : undefined;
      if (changed.has(name) && (!streamed || versionOf(streamed.app) >= versionOf(app))) continue;
      entries.set(name, entryFor(app));
    }
    for (const name of changed) {
      const entry = this.entries.get(name);
      if (entry && !entries.has(name)) entries.set(name, entry);
    }
    this.entries = entries;
    this.sortedNames = null;
    this.changedDuringLoad = null;
  }

  abortLoad() {
    this.changedDuringLoad = null;
  }

  /** Applies one stream event ({type, application}); returns whether it was usable. */
  apply({ type, application }) {
    const name = application?.metadata?.name;
    if (!name) return false;
    this.changedDuringLoad?.add(name);
    const known = this.entries.has(name);
    if (type === 'DELETED') {
      if (!known) return false;
      this.entries.delete(name);
      this.sortedNames = null;
    } else {
      this.entries.set(name, entryFor(application));
      if (!known) this.sortedNames = null;
    }
    return true;
  }
}
