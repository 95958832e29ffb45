import { useState } from 'react';
import { LoginForm } from '../shared/LoginForm.js';
import { logOut, storedSession, type OperatorSession } from '../shared/session.js';
import { OperatorConsole } from './OperatorConsole.js';
import './operator.css';

/**
 * The operator console at /operator.
 *
 * Stable hooks for tests written elsewhere (keep them when changing the screen):
 * - login: fields labelled «Логин» and «Пароль», button «Войти» (shared LoginForm);
 * - desk picker: one button per desk whose accessible name is the desk's name («Окно 1»);
 *   a desk another operator holds is disabled;
 * - action buttons' accessible names start with the action: «Вызвать следующего», «Повторить вызов»,
 *   «Начать приём», «Завершить», «Не явился», «Перенаправить», «Отложить», «Перерыв»,
 *   «Продолжить работу», «Закрыть окно» (then the shortcut digit); a button for an action the
 *   desk cannot take now is disabled;
 * - data-testid="current-ticket" holds the current visitor's ticket number, "current-status" its
 *   state, "desk-status" the desk's state, "waiting-<serviceId>" the waiting count per service;
 * - keys 1–9 (physical digit keys or the keypad) trigger actions when focus is not in a field.
 */
export function OperatorScreen() {
  const [session, setSession] = useState<OperatorSession | null>(() => {
    // A session of another role (the same tab was used for another screen) is not this screen's.
    const stored = storedSession();
    return stored?.screens?.includes('/operator') ? stored : null;
  });
  if (!session) return <LoginForm screen="/operator" onLoggedIn={setSession} />;
  return (
    <OperatorConsole
      session={session}
      onLogout={() => {
        void logOut(session);
        setSession(null);
      }}
    />
  );
}
