// Who is logged in. The answer is kept while the user is logged in, so that moving between pages
// does not ask the server again; logging in, out, or losing the session forgets it.
import { api } from './api.js';

let known = null;

/** The caller's userinfo ({loggedIn, username, iss, groups}). */
export async function getUserInfo({ signal } = {}) {
  if (known) return known;
  const info = await api.get('/api/v1/session/userinfo', null, { signal });
  known = info.loggedIn ? info : null;
  return info;
}

/** Drops the remembered userinfo (after login, logout or an expired session). */
export function forgetSession() {
  known = null;
}

/** Ends the session on the server (which clears the cookie). */
export async function logout() {
  await api.delete('/api/v1/session', null, { redirectOn401: false });
  forgetSession();
}
