// Line diff between a resource's live and desired manifests, shown unified or side by side.
// The diff is Myers' O(ND) algorithm after trimming the common head and tail, which is what
// differs little in two versions of one manifest.
import { h } from './dom.js';

// Past this many differing lines the edit script costs too much memory to trace; the changed
// middle is then shown as removed and added as a whole, which is still a correct diff.
const MAX_EDITS = 2000;
const CONTEXT = 3;

/**
 * The edit script turning `a` into `b` (arrays of lines): a list of
 * {type: 'same' | 'del' | 'add', text, oldLine, newLine} with 1-based line numbers.
 */
export function diffLines(a, b) {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const middle = myers(a.slice(start, endA), b.slice(start, endB));
  const ops = [
    ...a.slice(0, start).map((text) => ({ type: 'same', text })),
    ...middle,
    ...a.slice(endA).map((text) => ({ type: 'same', text })),
  ];
  let oldLine = 0;
  let newLine = 0;
  for (const op of ops) {
    if (op.type !== 'add') op.oldLine = ++oldLine;
    if (op.type !== 'del') op.newLine = ++newLine;
  }
  return ops;
}

function myers(a, b) {
  const n = a.length;
  const m = b.length;
  const wholesale = () => [...a.map((text) => ({ type: 'del', text })), ...b.map((text) => ({ type: 'add', text }))];
  if (n === 0 || m === 0) return wholesale();
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] keeps the furthest x on diagonals -d-1..d+1 before round d, for the walk back.
  const trace = [];
  for (let d = 0; d <= max; d += 1) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]);
      let x = down ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b);
    }
  }
  return wholesale();
}

function backtrack(trace, a, b) {
  const ops = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d -= 1) {
    const row = trace[d];
    const at = (k) => row[k + d + 1];
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      ops.push({ type: 'same', text: a[x - 1] });
      x -= 1;
      y -= 1;
    }
    if (d > 0) {
      if (x === previousX) ops.push({ type: 'add', text: b[y - 1] });
      else ops.push({ type: 'del', text: a[x - 1] });
    }
    x = previousX;
    y = previousY;
  }
  return ops.reverse();
}

/**
 * Splits the ops into what is shown: every change with `context` unchanged lines around it, and
 * {type: 'skip', count} for each hidden run. With `context` Infinity, everything is shown.
 */
function visibleOps(ops, context) {
  if (context === Infinity) return ops;
  const keep = new Uint8Array(ops.length);
  ops.forEach((op, index) => {
    if (op.type === 'same') return;
    for (let i = Math.max(0, index - context); i <= Math.min(ops.length - 1, index + context); i += 1) keep[i] = 1;
  });
  const result = [];
  let skipped = 0;
  ops.forEach((op, index) => {
    if (keep[index]) {
      if (skipped) result.push({ type: 'skip', count: skipped });
      skipped = 0;
      result.push(op);
    } else {
      skipped += 1;
    }
  });
  if (skipped) result.push({ type: 'skip', count: skipped });
  return result;
}

const MARKERS = { same: ' ', del: '-', add: '+' };
const LABELS = { del: 'removed', add: 'added' };

function lineNumber(value) {
  return h('span', { class: 'diff-ln', 'aria-hidden': 'true' }, value ?? '');
}

function lineText(op) {
  return h(
    'span',
    { class: 'diff-text' },
    LABELS[op.type] ? h('span', { class: 'sr-only' }, `${LABELS[op.type]}: `) : null,
    h('span', { class: 'diff-marker', 'aria-hidden': 'true' }, MARKERS[op.type]),
    op.text,
  );
}

function skipRow(count, className) {
  return h('div', { class: ['diff-skip', className] }, `⋯ ${count} unchanged line${count === 1 ? '' : 's'}`);
}

function unified(ops) {
  return ops.map((op) =>
    op.type === 'skip'
      ? skipRow(op.count)
      : h('div', { class: ['diff-line', `diff-${op.type}`] }, lineNumber(op.oldLine), lineNumber(op.newLine), lineText(op)),
  );
}

// Side by side: removed lines face the added lines of the same change, row by row.
function sideBySide(ops) {
  const rows = [];
  const cell = (op) =>
    op ? [lineNumber(op.type === 'add' ? op.newLine : op.oldLine), lineText(op)] : [lineNumber(''), h('span', { class: 'diff-text diff-empty' })];
  for (let i = 0; i < ops.length; ) {
    const op = ops[i];
    if (op.type === 'skip') {
      rows.push(skipRow(op.count, 'diff-skip--split'));
      i += 1;
    } else if (op.type === 'same') {
      rows.push(h('div', { class: 'diff-row diff-same' }, h('div', { class: 'diff-side' }, cell(op)), h('div', { class: 'diff-side' }, cell(op))));
      i += 1;
    } else {
      const removed = [];
      const added = [];
      while (i < ops.length && ops[i].type === 'del') removed.push(ops[i++]);
      while (i < ops.length && ops[i].type === 'add') added.push(ops[i++]);
      for (let j = 0; j < Math.max(removed.length, added.length); j += 1) {
        rows.push(
          h(
            'div',
            { class: 'diff-row' },
            h('div', { class: ['diff-side', removed[j] ? 'diff-del' : 'diff-blank'] }, cell(removed[j])),
            h('div', { class: ['diff-side', added[j] ? 'diff-add' : 'diff-blank'] }, cell(added[j])),
          ),
        );
      }
    }
  }
  return rows;
}

/**
 * The diff widget: a toolbar (unified or side by side, changes only or the whole file) and the
 * diff of `oldText` (live) against `newText` (desired). The mode choice is remembered for the
 * session so that moving between resources keeps it.
 */
export function diffView(oldText, newText, { oldLabel = 'Live', newLabel = 'Desired' } = {}) {
  const ops = diffLines(splitLines(oldText), splitLines(newText));
  const added = ops.filter((op) => op.type === 'add').length;
  const removed = ops.filter((op) => op.type === 'del').length;
  let mode = sessionStorage.getItem('wharf.diffMode') === 'split' ? 'split' : 'unified';
  let full = false;

  const output = h('div', { class: 'diff-output', tabindex: '0', role: 'region', 'aria-label': `Differences between ${oldLabel.toLowerCase()} and ${newLabel.toLowerCase()} manifests` });
  const unifiedButton = h('button', { type: 'button', class: 'button button--small', 'data-testid': 'diff-unified' }, 'Unified');
  const splitButton = h('button', { type: 'button', class: 'button button--small', 'data-testid': 'diff-split' }, 'Side by side');
  const fullInput = h('input', { type: 'checkbox', 'data-testid': 'diff-full' });

  const draw = () => {
    unifiedButton.setAttribute('aria-pressed', String(mode === 'unified'));
    splitButton.setAttribute('aria-pressed', String(mode === 'split'));
    output.className = `diff-output diff-output--${mode}`;
    if (added === 0 && removed === 0) {
      output.replaceChildren(h('p', { class: 'empty' }, 'No differences: the live resource matches the desired state.'));
      return;
    }
    const shown = visibleOps(ops, full ? Infinity : CONTEXT);
    const header =
      mode === 'split'
        ? h('div', { class: 'diff-row diff-heading' }, h('div', {}, oldLabel), h('div', {}, newLabel))
        : h('div', { class: 'diff-heading' }, `--- ${oldLabel}  +++ ${newLabel}`);
    output.replaceChildren(header, ...(mode === 'split' ? sideBySide(shown) : unified(shown)));
  };
  const setMode = (next) => {
    mode = next;
    sessionStorage.setItem('wharf.diffMode', mode);
    draw();
  };
  unifiedButton.addEventListener('click', () => setMode('unified'));
  splitButton.addEventListener('click', () => setMode('split'));
  fullInput.addEventListener('change', () => {
    full = fullInput.checked;
    draw();
  });
  draw();

  return h(
    'div',
    { class: 'diff-view', 'data-testid': 'diff-view' },
    h(
      'div',
      { class: 'diff-toolbar' },
      h('div', { class: 'segmented', role: 'group', 'aria-label': 'Diff layout' }, unifiedButton, splitButton),
      h('label', { class: 'check' }, fullInput, h('span', {}, 'Show whole file')),
      h(
        'span',
        { class: 'diff-summary', 'data-testid': 'diff-summary' },
        h('span', { class: 'diff-count-add' }, `+${added}`),
        ' ',
        h('span', { class: 'diff-count-del' }, `−${removed}`),
      ),
    ),
    output,
  );
}

function splitLines(text) {
  if (!text) return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
