// The login page (/login): a local account form, and the SSO button when the server has OIDC.
// After logging in, the user goes to the page they wanted (?return_url=).
import { api } from './api.js';
import { busy, field, h, setAlert } from './dom.js';
import { icon } from './icons.js';
import { navigate, safeReturnUrl } from './nav.js';
import { forgetSession, getUserInfo } from './session.js';

export async function render(ctx) {
  document.title = 'Log in - Wharf';
  const returnUrl = safeReturnUrl(ctx.query.get('return_url'));
  const [info, settings] = await Promise.all([
    getUserInfo({ signal: ctx.signal }),
    // Without settings the page still offers the local login; only the SSO button is missing.
    api.get('/api/v1/settings', null, { signal: ctx.signal }).catch((error) => {
      if (error.name === 'AbortError') throw error;
      return {};
    }),
  ]);
  if (info.loggedIn) {
    navigate(returnUrl, { replace: true });
    return;
  }

  const username = h('input', { type: 'text', name: 'username', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', required: true, autofocus: true, 'data-testid': 'login-username' });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true, 'data-testid': 'login-password' });
  const submit = h('button', { type: 'submit', class: 'button button--primary button--wide', 'data-testid': 'login-submit' }, h('span', { class: 'button-label' }, 'Sign in'));
  const alertSlot = h('div', { class: 'alert-slot' });
  if (ctx.state.notice) setAlert(alertSlot, ctx.state.notice);

  const onSubmit = async (event) => {
    event.preventDefault();
    if (!username.value.trim() || !password.value) {
      setAlert(alertSlot, 'Enter your username and password.');
      (username.value.trim() ? password : username).focus();
      return;
    }
    setAlert(alertSlot, null);
    const restore = busy(submit, 'Signing in…');
    try {
      // A 401 here means wrong credentials or a lockout, not an expired session: no redirect.
      await api.post('/api/v1/session', { username: username.value.trim(), password: password.value }, { redirectOn401: false });
      forgetSession();
      navigate(returnUrl, { replace: true });
    } catch (error) {
      restore();
      setAlert(alertSlot, error.unreachable ? 'Server unreachable: cannot reach the Wharf server. Check that it is running and try again.' : error.message);
      password.select();
    }
  };

  const localLogin = settings.userLoginsDisabled
    ? null
    : h(
        'form',
        { class: 'login-form', novalidate: true, onSubmit },
        field({ label: 'Username', control: username }),
        field({ label: 'Password', control: password }),
        submit,
      );
  const sso = settings.oidcConfig
    ? h(
        'a',
        {
          class: 'button button--wide',
          // A full page load: the server redirects to the identity provider and back. The return
          // URL is a path, which is what the server accepts (it refuses other sites' URLs).
          href: `/auth/login?return_url=${encodeURIComponent(returnUrl)}`,
          'data-testid': 'sso-button',
        },
        `Log in via ${settings.oidcConfig.name || 'SSO'}`,
      )
    : null;

  ctx.root.replaceChildren(
    h(
      'div',
      { class: 'login-page' },
      h(
        'div',
        { class: 'login-card' },
        h('div', { class: 'login-brand' }, icon('wharf', 'Wharf logo', 'login-logo'), h('span', {}, 'Wharf')),
        h('h1', { tabindex: '-1' }, 'Log in'),
        alertSlot,
        localLogin,
        localLogin && sso ? h('p', { class: 'login-or' }, 'or') : null,
        sso,
        localLogin || sso ? null : h('p', { class: 'empty' }, 'Local logins are disabled and no single sign-on is configured: use an API token with the wharf command line.'),
      ),
    ),
  );
  username.focus();
}
