/**
 * The office head's dashboard.
 *
 * Stable hooks for tests written elsewhere (keep them when restyling):
 * - `[data-testid="served-count"]` holds today's served count as a bare number;
 *   `no-show-count`, `issued-count` and `waiting-now` likewise;
 * - `[data-testid="dashboard-alert"]` is a live alert, newest first, `data-kind` low-rating or device
 *   (a device alert goes by itself once the device recovers); `[data-testid="device-alarm"]` is the
 *   standing banner of a printer or rating button in trouble that no live alert already names;
 * - `[data-testid="desk-row"]` with `data-desk` (number) and `data-activity`
 *   (closed | open | calling | serving | paused) per desk;
 * - `[data-testid="device-row"]` with `data-alarm` (ok | warning | alarm | offline) per device;
 *   `[data-testid="central-link-row"]` with `data-link` (not-configured | online | offline);
 * - the export button is named «Выгрузить талоны за сегодня (CSV)».
 */
import { useCallback, useState } from 'react';
import { LoginForm } from '../shared/LoginForm.js';
import { logOut, storedSession, type OperatorSession } from '../shared/session.js';
import { Dashboard } from './Dashboard.js';
import './dashboard.css';

export function DashboardScreen() {
  const [session, setSession] = useState<OperatorSession | null>(() => {
    // A session of someone this screen is not for (the same tab was used for another screen) is not kept.
    const stored = storedSession();
    return stored?.screens?.includes('/dashboard') ? stored : null;
  });
  const loggedOut = useCallback(() => {
    void logOut(session);
    setSession(null);
  }, [session]);
  if (!session) return <LoginForm screen="/dashboard" onLoggedIn={setSession} />;
  return <Dashboard session={session} onLoggedOut={loggedOut} />;
}
