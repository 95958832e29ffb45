import { useState } from 'react';
import { LoginForm } from '../shared/LoginForm.js';
import { logOut, storedSession, type OperatorSession } from '../shared/session.js';
import { AdminConsole } from './AdminConsole.js';
import './admin.css';

/**
 * The admin screen at /admin: the office config edited as a draft and applied live with one save
 * (config:update), device tokens and passwords set directly, and bookings taken at the office.
 * Hooks for tests: login as on every screen («Логин», «Пароль», «Войти»); section buttons by their
 * names («Услуги», «Окна», «Записи», …); data-field="services[0].hint" wraps each field, and a
 * refusal's words for it sit in data-testid="field-problem"; data-testid="booking-code" holds the
 * code of the booking just taken.
 */
export function AdminScreen() {
  const [session, setSession] = useState<OperatorSession | null>(() => {
    // A session of another role (the same tab was used for another screen) is not this screen's.
    const stored = storedSession();
    return stored?.screens?.includes('/admin') ? stored : null;
  });
  if (!session) return <LoginForm screen="/admin" onLoggedIn={setSession} />;
  return (
    <AdminConsole
      session={session}
      onLogout={() => {
        void logOut(session);
        setSession(null);
      }}
    />
  );
}
