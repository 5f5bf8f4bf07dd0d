// Small helpers to build the DOM safely. Anything that may come from the server goes in as text
// (Text nodes or attribute values), never as HTML. No element gets a style attribute: the
// Content-Security-Policy forbids them, so data-driven layout is set through the CSSOM
// (element.style.x = ...) by the few modules that need it.

const SVG_NS = 'http://www.w3.org/2000/svg';

// Assigned as DOM properties rather than attributes, because the property is the live state
// (a checkbox's `checked` attribute is only its initial value).
const PROPERTIES = new Set(['value', 'checked', 'disabled', 'hidden', 'selected', 'readOnly', 'required', 'open', 'indeterminate']);

/**
 * Creates an element. `props` keys: `class` (string or array, falsy entries dropped), `onXxx`
 * functions (event listeners), the live properties above, and any other attribute (`data-*`,
 * `aria-*`, ...); null, undefined and false skip an attribute. Children are nodes or strings
 * (inserted as text), possibly nested in arrays; null, undefined and booleans are skipped.
 */
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined) continue;
    if (PROPERTIES.has(name)) element[name] = value;
    else if (value === null || value === false) continue;
    else if (name === 'class') element.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...flatten(children));
  return element;
}

/** Creates an SVG element with the given attributes. */
export function svg(tag, attributes = {}) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

function flatten(children) {
  return children
    .flat(Infinity)
    .filter((child) => child !== null && child !== undefined && typeof child !== 'boolean')
    .map((child) => (typeof child === 'number' ? String(child) : child));
}

let counter = 0;
/** A document-unique id, for label/aria wiring. */
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

const errorSlots = new WeakMap();

/**
 * A labelled form control with a hint and a slot for its validation message, both linked to the
 * control by aria-describedby so screen readers read them with the field.
 */
export function field({ label, control, hint, className }) {
  if (!control.id) control.id = uid('field');
  const error = h('p', { class: 'field-error', id: `${control.id}-error`, hidden: true });
  errorSlots.set(control, error);
  const hintElement = hint ? h('p', { class: 'field-hint', id: `${control.id}-hint` }, hint) : null;
  control.setAttribute('aria-describedby', [hintElement?.id, error.id].filter(Boolean).join(' '));
  return h('div', { class: ['field', className] }, h('label', { for: control.id }, label), control, hintElement, error);
}

/** Shows (or clears, with an empty message) the validation message of a control made by field(). */
export function setFieldError(control, message) {
  const error = errorSlots.get(control);
  if (message) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
  if (error) {
    error.textContent = message || '';
    error.hidden = !message;
  }
}

/** A checkbox with its label wrapped around it; returns the wrapper and the input. */
export function checkbox({ label, checked = false, testid, hint, name, value }) {
  const input = h('input', { type: 'checkbox', checked, 'data-testid': testid, name, value });
  const wrapper = h('label', { class: 'check' }, input, h('span', {}, label, hint ? h('span', { class: 'check-hint' }, hint) : null));
  return { wrapper, input };
}

/**
 * A button whose label lives in a span, so that busy() can swap the text while keeping the icon.
 */
export function button({ label, icon, variant, testid, ...props }) {
  return h(
    'button',
    { type: 'button', class: ['button', variant && `button--${variant}`], 'data-testid': testid, ...props },
    icon,
    h('span', { class: 'button-label' }, label),
  );
}

/** Puts a button in its busy state ("Syncing…"); returns a function that restores it. */
export function busy(buttonElement, label) {
  const text = buttonElement.querySelector('.button-label') ?? buttonElement;
  const previous = text.textContent;
  text.textContent = label;
  buttonElement.disabled = true;
  buttonElement.setAttribute('aria-busy', 'true');
  return () => {
    text.textContent = previous;
    buttonElement.disabled = false;
    buttonElement.removeAttribute('aria-busy');
  };
}

/** An error message that assistive technology announces at once. */
export function alertBox(message) {
  return h('div', { class: 'alert alert--error', role: 'alert', 'data-testid': 'alert' }, message);
}

/** Replaces what `slot` shows with an alert for `message`, or empties it when there is none. */
export function setAlert(slot, message) {
  slot.replaceChildren(...(message ? [alertBox(message)] : []));
}

/** A definition-list row, skipped when the value is empty. */
export function detailRow(term, value) {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  return h('div', { class: 'detail-row' }, h('dt', {}, term), h('dd', {}, value));
}

/** A simple table; `columns` are [header, cell(row) => node or text] pairs. */
export function table({ columns, rows, caption, testid, rowTestid, empty = 'Nothing to show.' }) {
  if (rows.length === 0) return h('p', { class: 'empty' }, empty);
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'table', 'data-testid': testid },
      caption ? h('caption', { class: 'sr-only' }, caption) : null,
      h('thead', {}, h('tr', {}, columns.map(([header]) => h('th', { scope: 'col' }, header)))),
      h('tbody', {}, rows.map((row) => h('tr', { 'data-testid': rowTestid }, columns.map(([, cell]) => h('td', {}, cell(row)))))),
    ),
  );
}
