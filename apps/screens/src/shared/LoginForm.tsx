import { useState, type FormEvent } from 'react';
import { useLanguage } from './language.js';
import { logIn, type OperatorSession } from './session.js';
import './login-form.css';

/**
 * The one login form of the people's screens (operator, dashboard, admin). A user who may not open
 * `screen` (the server's permissions table says, in the login answer) is told so here rather than
 * by a refused connection later.
 */
export function LoginForm({ screen, onLoggedIn }: { screen: '/operator' | '/dashboard' | '/admin'; onLoggedIn: (session: OperatorSession) => void }) {
  const { t } = useLanguage();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await logIn(login, password);
    setBusy(false);
    if (!result.ok) {
      setError(
        result.code === 'rate-limited' ? t('login.throttled') : result.code === 'no-answer' ? t('login.noAnswer') : t('login.wrong'),
      );
      return;
    }
    if (!result.session.screens.includes(screen)) {
      setError(t('login.forbidden'));
      return;
    }
    onLoggedIn(result.session);
  }

  return (
    <form className="login-form" onSubmit={submit} aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <label>
        {t('login.login')}
        <input name="login" autoComplete="username" value={login} onChange={(e) => setLogin(e.target.value)} required autoFocus />
      </label>
      <label>
        {t('login.password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      {error && (
        <p role="alert" className="login-form__error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('login.submit')}
      </button>
    </form>
  );
}
