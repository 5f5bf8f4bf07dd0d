// Light and dark mode. Without a choice the page follows the system (prefers-color-scheme, in
// app.css); the toggle stores an explicit choice in localStorage, applied as <html data-theme>.

const KEY = 'wharf.theme';
const systemDark = matchMedia('(prefers-color-scheme: dark)');

function stored() {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // Storage can be disabled; the system preference still applies.
  }
}

/** Applies the stored choice; call once before the first render to avoid a flash of the wrong theme. */
export function initTheme() {
  const choice = stored();
  if (choice === 'light' || choice === 'dark') document.documentElement.dataset.theme = choice;
}

/** The scheme in effect: 'light' or 'dark'. */
export function currentScheme() {
  return document.documentElement.dataset.theme || (systemDark.matches ? 'dark' : 'light');
}

/** Switches to the other scheme and remembers the choice. */
export function toggleTheme() {
  const next = currentScheme() === 'dark' ? 'light' : 'dark';
  document.documentElement.dataset.theme = next;
  try {
    localStorage.setItem(KEY, next);
  } catch {
    // Not remembered across reloads, but applied now.
  }
  return next;
}

/** Calls `listener` when the system scheme changes (it matters while no choice is stored). */
export function onSystemSchemeChange(listener) {
  systemDark.addEventListener('change', listener);
}
