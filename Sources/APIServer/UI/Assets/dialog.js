// Accessible dialogs on top of the native <dialog> element: showModal() makes the page behind
// inert; on top of that, Tab is kept inside, Escape and the close button close it, and focus goes
// back to what opened it. Variants: "modal" (centred), "wide" (centred, for tables) and "drawer"
// (along the right edge, for the resource panel).
import { busy, h, setAlert, uid } from './dom.js';
import { icon } from './icons.js';

const openDialogs = new Set();

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

function focusables(root) {
  return [...root.querySelectorAll(FOCUSABLE)].filter((element) => !element.disabled && element.getClientRects().length > 0);
}

/**
 * Opens a modal dialog. `content` and `footer` are nodes; `onClose` runs once it is closed.
 * Returns {dialog, close}.
 */
export function openDialog({ title, content, footer, variant = 'modal', testid, onClose }) {
  const opener = document.activeElement;
  const titleId = uid('dialog-title');
  const closeButton = h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Close' }, icon('close'));
  const dialog = h(
    'dialog',
    { class: ['dialog', `dialog--${variant}`], 'aria-labelledby': titleId, 'aria-modal': 'true', 'data-testid': testid },
    h(
      'div',
      { class: 'dialog-frame' },
      h('div', { class: 'dialog-header' }, h('h2', { id: titleId, class: 'dialog-title' }, title), closeButton),
      h('div', { class: 'dialog-body' }, content),
      footer ? h('div', { class: 'dialog-footer' }, footer) : null,
    ),
  );

  let closed = false;
  const handle = {
    dialog,
    close() {
      if (closed) return;
      closed = true;
      openDialogs.delete(handle);
      dialog.close();
      dialog.remove();
      if (opener?.isConnected) opener.focus();
      onClose?.();
    },
  };

  closeButton.addEventListener('click', () => handle.close());
  // The browser's own close request (Escape, or a platform gesture): close our way.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    handle.close();
  });
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation(); // Only the topmost dialog closes.
      handle.close();
    } else if (event.key === 'Tab') {
      const items = focusables(dialog);
      if (items.length === 0) return event.preventDefault();
      const first = items[0];
      const last = items[items.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    }
  });

  document.body.append(dialog);
  dialog.showModal();
  openDialogs.add(handle);
  const preferred = dialog.querySelector('[autofocus]') ?? focusables(dialog.querySelector('.dialog-body'))[0] ?? closeButton;
  preferred.focus();
  return handle;
}

/** Closes every open dialog (the router calls it when the page changes). */
export function closeAllDialogs() {
  for (const handle of [...openDialogs].reverse()) handle.close();
}

/**
 * A dialog around a form whose submission runs `onSubmit`. While it runs, the submit button shows
 * `busyLabel`; when it throws, the error's message is shown in the dialog as an alert and the
 * dialog stays open; when it succeeds, the dialog closes and `result` resolves with its value.
 * Cancelling resolves `result` with undefined. Returns {result, submit, close}.
 */
export function formDialog({ title, content, submitLabel, busyLabel, danger = false, submitTestid, testid, variant, onSubmit }) {
  const formId = uid('form');
  const alertSlot = h('div', { class: 'alert-slot' });
  const submit = h(
    'button',
    { type: 'submit', form: formId, class: ['button', danger ? 'button--danger' : 'button--primary'], 'data-testid': submitTestid },
    h('span', { class: 'button-label' }, submitLabel),
  );
  const cancel = h('button', { type: 'button', class: 'button' }, 'Cancel');
  const form = h('form', { id: formId, class: 'dialog-form', novalidate: true }, content, alertSlot);

  let resolve;
  const result = new Promise((done) => {
    resolve = done;
  });
  const handle = openDialog({ title, content: form, footer: [cancel, submit], testid, variant, onClose: () => resolve(undefined) });
  cancel.addEventListener('click', () => handle.close());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    setAlert(alertSlot, null);
    const restore = busy(submit, busyLabel);
    try {
      const value = await onSubmit();
      resolve(value ?? true);
      handle.close();
    } catch (error) {
      restore();
      setAlert(alertSlot, error?.message ?? String(error));
    }
  });
  return { result, submit, close: handle.close };
}
