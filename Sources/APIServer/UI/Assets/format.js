// Formatting shared by the views: times, revisions, sources and destinations.
import { h } from './dom.js';

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const UNITS = [
  ['year', 31536000],
  ['month', 2592000],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "5 minutes ago" for a date. */
function timeAgo(date) {
  const seconds = (date.getTime() - Date.now()) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') return relative.format(Math.round(seconds / size), unit);
  }
  return '';
}

/** A <time> showing a relative time, with the full date as its tooltip; `fallback` text without a date. */
export function timeElement(iso, fallback = '—') {
  if (!iso) return fallback;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return h('time', { datetime: iso, title: absolute.format(date) }, timeAgo(date));
}

/** The full local date and time. */
export function formatDateTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso ?? '') : absolute.format(date);
}

/** A Git commit shortened to 7 characters; branches, tags and chart versions stay as they are. */
export function shortRevision(revision) {
  return /^[0-9a-f]{40}$/.test(revision ?? '') ? revision.slice(0, 7) : revision ?? '';
}

/** The first source of an application spec (single-source or multi-source). */
export function primarySource(spec) {
  return spec?.source ?? spec?.sources?.[0] ?? {};
}

/** All sources of an application spec. */
export function allSources(spec) {
  return spec?.sources?.length ? spec.sources : spec?.source ? [spec.source] : [];
}

/** What a source deploys from: the chart for a Helm repository, otherwise the path. */
export function sourcePath(source) {
  return source?.chart ? `chart ${source.chart}` : source?.path ?? '';
}

/** "in-cluster/guestbook": the cluster (name or server) and the namespace. */
export function destinationText(destination) {
  const cluster = destination?.name || destination?.server || '';
  return destination?.namespace ? `${cluster}/${destination.namespace}` : cluster;
}
