/**
 * The same account however it is typed: both servers look logins up trimmed and lower-cased, so
 * their guess counters key on the same form (otherwise "ivanova   " gets fresh guesses).
 */
export function normaliseLogin(login: string): string {
  return login.trim().toLowerCase();
}
