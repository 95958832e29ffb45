import type { AdminServerEvents, ConfigIssue, OfficeConfig } from '@talon/protocol';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { sendCommand, useLoggedOutOnRefusal, useOfficeLink, useServerEvent } from '../shared/connection.js';
import { useLanguage } from '../shared/language.js';
import { LinkBanner } from '../shared/LinkBanner.js';
import type { OperatorSession } from '../shared/session.js';
import type { AdminCommand } from './admin-command.js';
import { BookingsSection } from './BookingsSection.js';
import { CategoriesSection } from './CategoriesSection.js';
import { problemsByField, updateAt, withSecretsOf, type FieldPath } from './config-form.js';
import { issueLines, issuesByField } from './config-issue-text.js';
import { DesksSection } from './DesksSection.js';
import { DevicesSection } from './DevicesSection.js';
import { DraftContext, type Draft } from './draft.js';
import { JsonSection } from './JsonSection.js';
import { OperatorsSection } from './OperatorsSection.js';
import { remoteChange } from './remote-change.js';
import { ScheduleSection } from './ScheduleSection.js';
import { ServicesSection } from './ServicesSection.js';
import { refusalText } from '../shared/refusal-text.js';

const TABS = ['services', 'desks', 'operators', 'categories', 'schedule', 'devices', 'bookings', 'json'] as const;
type Tab = (typeof TABS)[number];

/** Commands that change a secret's hash on the server; the draft must take the new hash, or a later save would undo it. */
const SECRET_COMMANDS = new Set(['operator:set-password', 'device:issue-token']);

type ConfigChanged = Parameters<AdminServerEvents['config:changed']>[0];

export function AdminConsole({ session, onLogout }: { session: OperatorSession; onLogout: () => void }) {
  const { t, language, setLanguage } = useLanguage();
  const auth = useMemo(() => ({ session: session.session }), [session.session]);
  const { socket, link, refusal } = useOfficeLink('admin', auth);
  useLoggedOutOnRefusal(link, refusal, onLogout);
  const [saved, setSaved] = useState<OfficeConfig | null>(null);
  const [draft, setDraft] = useState<OfficeConfig | null>(null);
  // The server's configRefusal: translatable issues when it sends them, its English lines otherwise (an older server).
  const [configRefusal, setConfigRefusal] = useState<{ issues: ConfigIssue[] } | { lines: Map<string, string[]> } | null>(null);
  const problems = useMemo(
    () => (!configRefusal ? new Map<string, string[]>() : 'issues' in configRefusal ? issuesByField(configRefusal.issues, t) : configRefusal.lines),
    [configRefusal, t],
  );
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [tab, setTab] = useState<Tab>('services');
  const [busy, setBusy] = useState(false);
  /** Another administrator's change that arrived over unsaved edits, waiting for this one to choose. */
  const [pending, setPending] = useState<ConfigChanged | null>(null);

  useEffect(() => {
    if (link !== 'online' || !socket) return;
    void sendCommand<{ config: OfficeConfig }>(socket, 'config:get').then((ack) => {
      if (!ack.ok) return;
      setSaved(ack.config);
      // A reconnect must not throw away unsaved edits.
      setDraft((current) => current ?? ack.config);
    });
  }, [socket, link]);

  useServerEvent<ConfigChanged>(socket, 'config:changed', (change) => {
    switch (remoteChange(change, socket?.id, saved, draft)) {
      case 'ours':
        return;
      case 'take':
        take(change.config);
        setNotice({ ok: true, text: t('admin.changedElsewhere', { name: change.changedBy }) });
        return;
      case 'ask':
        setPending(change);
        return;
    }
  });

  function take(config: OfficeConfig) {
    setSaved(config);
    setDraft(config);
    setConfigRefusal(null);
    setPending(null);
  }

  /** The draft stays, measured against what is live now: saving it replaces the other change knowingly. */
  function keepDraft() {
    if (pending) setSaved(pending.config);
    setPending(null);
  }

  const send = useCallback<AdminCommand>(
    async (event, payload) => {
      const ack = await sendCommand(socket, event, payload);
      if (ack.ok && SECRET_COMMANDS.has(event)) {
        const fresh = await sendCommand<{ config: OfficeConfig }>(socket, 'config:get');
        if (fresh.ok) {
          setSaved(fresh.config);
          setDraft((current) => (current ? withSecretsOf(current, fresh.config) : fresh.config));
        }
      }
      return ack as Awaited<ReturnType<AdminCommand>>;
    },
    [socket],
  );

  const draftValue = useMemo<Draft | null>(
    () =>
      draft && {
        config: draft,
        edit: (path: FieldPath, value: unknown) => setDraft((current) => (current ? updateAt(current, path, value) : current)),
        replace: (change) => setDraft((current) => (current ? change(current) : current)),
        problems,
      },
    [draft, problems],
  );

  const dirty = useMemo(() => Boolean(draft && saved && JSON.stringify(draft) !== JSON.stringify(saved)), [draft, saved]);
  const savedIds = useMemo(() => new Set([...(saved?.operators ?? []), ...(saved?.devices ?? [])].map((x) => x.id)), [saved]);

  async function save() {
    if (!draft) return;
    setBusy(true);
    const ack = await sendCommand<{ config: OfficeConfig }>(socket, 'config:update', { config: draft });
    setBusy(false);
    if (ack.ok) {
      take(ack.config);
      setNotice({ ok: true, text: t('admin.saved') });
    } else if (ack.code === 'invalid-config') {
      setConfigRefusal(ack.details?.configIssues ? { issues: ack.details.configIssues } : { lines: problemsByField(ack.message) });
      setNotice({ ok: false, text: t('admin.refused') });
    } else {
      setNotice({ ok: false, text: ack.code === 'no-answer' ? t('admin.noAnswer') : refusalText(t, ack, true) });
    }
  }

  function revert() {
    setDraft(saved);
    setConfigRefusal(null);
    setNotice(null);
  }

  const problemLines =
    configRefusal && 'issues' in configRefusal ? issueLines(configRefusal.issues, t) : [...problems.entries()].flatMap(([field, texts]) => texts.map((text) => `${field}: ${text}`));

  return (
    <div className="ad-screen">
      <header className="ad-header">
        <h1>{t('admin.title')}</h1>
        <span>{t('admin.signedInAs', { name: session.operator.name })}</span>
        <button type="button" className="ad-small" onClick={() => setLanguage(language === 'ru' ? 'en' : 'ru')} aria-label={t('language.switchLabel')}>
          {t('language.switch')}
        </button>
        <button type="button" className="ad-small" onClick={onLogout}>
          {t('login.logout')}
        </button>
      </header>
      <LinkBanner link={link} refusal={refusal} />
      <nav className="ad-tabs" aria-label={t('admin.sections')}>
        {TABS.map((name) => (
          <button key={name} type="button" aria-pressed={tab === name} onClick={() => setTab(name)}>
            {t(`admin.tab.${name}`)}
          </button>
        ))}
      </nav>
      {tab !== 'bookings' && (
        <div className="ad-savebar">
          <button type="button" className="ad-primary" disabled={!dirty || busy || link !== 'online'} onClick={() => void save()}>
            {t('admin.save')}
          </button>
          <button type="button" className="ad-small" disabled={!dirty || busy} onClick={revert}>
            {t('admin.revert')}
          </button>
          <span className="ad-note">{dirty ? t('admin.unsaved') : t('admin.upToDate')}</span>
          <span role="status" className={notice?.ok ? 'ad-ok' : 'ad-field-problem'} data-testid="save-notice">
            {notice?.text}
          </span>
        </div>
      )}
      {pending && (
        <div role="alert" className="ad-problems" data-testid="remote-change">
          <p>{t('admin.changedUnderDraft', { name: pending.changedBy })}</p>
          <button type="button" className="ad-primary" onClick={() => take(pending.config)}>
            {t('admin.takeRemote')}
          </button>{' '}
          <button type="button" className="ad-small" onClick={keepDraft}>
            {t('admin.keepDraft')}
          </button>
        </div>
      )}
      {problemLines.length > 0 && tab !== 'bookings' && (
        <div role="alert" className="ad-problems" data-testid="config-problems">
          <p>{t('admin.problemsHeading')}</p>
          <ul>
            {problemLines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      <main className="ad-main">
        {!draftValue ? (
          <p className="ad-note">{t('admin.loading')}</p>
        ) : (
          <DraftContext.Provider value={draftValue}>
            {tab === 'services' && <ServicesSection />}
            {tab === 'desks' && <DesksSection />}
            {tab === 'operators' && <OperatorsSection send={send} savedIds={savedIds} />}
            {tab === 'categories' && <CategoriesSection />}
            {tab === 'schedule' && <ScheduleSection />}
            {tab === 'devices' && <DevicesSection send={send} savedIds={savedIds} />}
            {tab === 'bookings' && saved && <BookingsSection send={send} config={saved} />}
            {tab === 'json' && <JsonSection />}
          </DraftContext.Provider>
        )}
      </main>
    </div>
  );
}
