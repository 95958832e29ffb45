import { nameIn, t as translate, type MessageKey } from '@talon/messages';
import { presetPeriod, previousPeriod, QUALITY_INDICATORS, type IndicatorFormat, type PeriodPreset, type QualityPeriod } from '@talon/domain';
import type { CentralQualityView, QualityLoginAnswer } from '@talon/protocol';
import { useEffect, useState, type FormEvent } from 'react';
import { CentralFollowUps } from './CentralFollowUps.js';
import { CentralSplits } from './CentralSplits.js';
import { CompanyCharts } from './CompanyCharts.js';
import { qualityApi } from './quality-api-client.js';

const language = new URLSearchParams(window.location.search).get('lang') === 'en' ? 'en' : 'ru';
document.documentElement.lang = language;
const say = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);

const COLUMNS = QUALITY_INDICATORS;

function formatted(value: number | null, format: IndicatorFormat): string {
  if (value === null) return '—';
  if (format === 'share') return `${Math.round(value * 100)} %`;
  if (format === 'count') return String(value);
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'ru-RU', { maximumFractionDigits: 2 }).format(value);
}

type Choice = { preset: PeriodPreset; offset: number } | { preset: 'custom'; period: QualityPeriod };

const PRESETS: PeriodPreset[] = ['week', 'month', 'quarter'];
const presetKey = (preset: PeriodPreset) => `quality.preset${preset[0]!.toUpperCase()}${preset.slice(1)}` as MessageKey;
/** 2026-08-14 -> 14.08.2026 */
const dayText = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
const decimal = (value: number | null) => formatted(value, 'decimal');

const SESSION_KEY = 'talon.quality.session';

function outcomeName(view: CentralQualityView, id: string): string {
  const name = view.outcomes[id];
  return name ? nameIn(name, language) : id;
}

/**
 * Central's quality view for the quality department, the office head's view across offices: a
 * week, month, quarter or any period with the previous period of the same length beside it, the
 * company's indicators, trends and splits (service, operator, desk, hour, wait band), the offices
 * of the user's scope ranked, the low ratings to follow up, and the period's report as XLSX or
 * CSV. Every cell carries its exact value in `data-value` for tests.
 */
export function QualityPage() {
  const [session, setSession] = useState<QualityLoginAnswer | null>(() => {
    const stored = sessionStorage.getItem(SESSION_KEY);
    const parsed = stored ? (JSON.parse(stored) as QualityLoginAnswer) : null;
    return parsed && parsed.expiresAt > Date.now() ? parsed : null;
  });
  if (!session) return <LoginForm onLoggedIn={(s) => (sessionStorage.setItem(SESSION_KEY, JSON.stringify(s)), setSession(s))} />;
  return <QualityView session={session} onLogout={() => (sessionStorage.removeItem(SESSION_KEY), setSession(null))} />;
}

function LoginForm({ onLoggedIn }: { onLoggedIn: (s: QualityLoginAnswer) => void }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await qualityApi.login(login, password);
    if (answer.ok) onLoggedIn(answer);
    else setError(answer.code === 'rate-limited' ? say('login.throttled') : answer.code === 'no-answer' ? say('login.noAnswer') : say('login.wrong'));
  };
  return (
    <form className="qc qc-login" onSubmit={(e) => void submit(e)}>
      <h1>{say('quality.centralTitle')}</h1>
      <label htmlFor="qc-login">{say('login.login')}</label>
      <input id="qc-login" autoComplete="username" value={login} onChange={(e) => setLogin(e.target.value)} />
      <label htmlFor="qc-password">{say('login.password')}</label>
      <input id="qc-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      <button type="submit" className="qc-primary">
        {say('login.submit')}
      </button>
      {error && (
        <p role="alert" className="qc-error">
          {error}
        </p>
      )}
    </form>
  );
}

function QualityView({ session, onLogout }: { session: QualityLoginAnswer; onLogout: () => void }) {
  // The page's today is the browser's: the quality department reads closed months, not today's hour.
  const today = new Date().toISOString().slice(0, 10);
  const [choice, setChoice] = useState<Choice>({ preset: 'month', offset: -1 });
  const [custom, setCustom] = useState<QualityPeriod>(() => presetPeriod('month', today, -1));
  const [view, setView] = useState<CentralQualityView | null>(null);
  const [error, setError] = useState('');
  const period = choice.preset === 'custom' ? choice.period : presetPeriod(choice.preset, today, choice.offset);
  const previous = previousPeriod(period);
  /** A calendar month keeps its name in the report's file and the e2e's walk back. */
  const month = choice.preset === 'month' ? period.from.slice(0, 7) : undefined;
  useEffect(() => {
    let current = true;
    void qualityApi.view(session.token, period.from, period.to).then((answer) => {
      if (!current) return;
      if (answer.ok) {
        setView(answer);
        setError('');
      } else if (answer.code === 'unauthorized') onLogout();
      else setError(say('quality.failed', { message: answer.message }));
    });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session.token, period.from, period.to]);

  const download = async (format: 'xlsx' | 'csv') => {
    const blob = await qualityApi.report(session.token, month ? { month } : period, format);
    if (!blob) return setError(say('quality.reportFailed'));
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `talon-quality-${month ?? `${period.from}_${period.to}`}.${format}`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const move = (by: number) => choice.preset !== 'custom' && setChoice({ preset: choice.preset, offset: choice.offset + by });

  return (
    <div className="qc" data-testid="central-quality">
      <header>
        <h1>{say('quality.centralTitle')}</h1>
        <span>
          {session.user.name} {session.user.regions ? `(${session.user.regions.join(', ')})` : ''}{' '}
          <button type="button" onClick={onLogout}>
            {say('login.logout')}
          </button>
        </span>
      </header>
      <div className="qc-controls">
        <span className="qc-switch" role="group" aria-label={say('quality.title')}>
          {PRESETS.map((preset) => (
            <button key={preset} type="button" aria-pressed={choice.preset === preset} onClick={() => setChoice({ preset, offset: preset === 'month' ? -1 : 0 })}>
              {say(presetKey(preset))}
            </button>
          ))}
          <button type="button" aria-pressed={choice.preset === 'custom'} onClick={() => setChoice({ preset: 'custom', period: custom })}>
            {say('quality.presetCustom')}
          </button>
        </span>
        {choice.preset === 'custom' ? (
          <span className="qc-switch">
            <label htmlFor="qc-from">{say('quality.from')}</label>
            <input id="qc-from" type="date" value={custom.from} onChange={(e) => setCustom((c) => ({ ...c, from: e.target.value }))} />
            <label htmlFor="qc-to">{say('quality.to')}</label>
            <input id="qc-to" type="date" value={custom.to} onChange={(e) => setCustom((c) => ({ ...c, to: e.target.value }))} />
            <button type="button" onClick={() => custom.from && custom.to && custom.from <= custom.to && setChoice({ preset: 'custom', period: custom })}>
              {say('quality.show')}
            </button>
          </span>
        ) : (
          <span className="qc-switch">
            <button type="button" onClick={() => move(-1)}>
              {say('quality.earlier')}
            </button>
            <button type="button" onClick={() => move(1)} disabled={choice.offset >= 0}>
              {say('quality.later')}
            </button>
          </span>
        )}
        <button type="button" onClick={() => void download('xlsx')}>
          {say('quality.downloadXlsx')}
        </button>
        <button type="button" onClick={() => void download('csv')}>
          {say('quality.downloadCsv')}
        </button>
      </div>
      <p data-testid="central-quality-month" data-month={month ?? ''} data-from={period.from} data-to={period.to}>
        <strong>{month ? say('quality.monthOf', { month }) : say('quality.period', { from: dayText(period.from), to: dayText(period.to) })}</strong>
        {'; '}
        {say('quality.previous', { from: dayText(previous.from), to: dayText(previous.to) })}
      </p>
      {error && (
        <p role="alert" className="qc-error">
          {error}
        </p>
      )}
      {view && view.period.from === period.from && view.period.to === period.to && (
        <>
          <section className="qc-panel" tabIndex={0} aria-labelledby="qc-company">
            <h2 id="qc-company">{say('quality.company')}</h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">{say('quality.indicator')}</th>
                  <th scope="col">{say('quality.current')}</th>
                  <th scope="col">{say('quality.previousColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {COLUMNS.map((c) => (
                  <tr key={c.key}>
                    <th scope="row">{say(`quality.indicator.${c.key}`)}</th>
                    <td data-testid={`company-${c.key}`} data-value={c.of(view.company.current) ?? ''}>
                      {formatted(c.of(view.company.current), c.format)}
                    </td>
                    <td data-testid={`company-${c.key}-previous`} data-value={c.of(view.company.previous) ?? ''}>
                      {formatted(c.of(view.company.previous), c.format)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <CompanyCharts view={view} say={say} outcomeName={(id) => outcomeName(view, id)} />
          <CentralSplits view={view} say={say} decimal={decimal} />
          <section className="qc-panel" tabIndex={0} aria-labelledby="qc-offices">
            <h2 id="qc-offices">{say('quality.officesRanked')}</h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">{say('quality.rank')}</th>
                  <th scope="col" className="qc-name">
                    {say('quality.office')}
                  </th>
                  <th scope="col" className="qc-name">
                    {say('quality.region')}
                  </th>
                  {COLUMNS.map((c) => (
                    <th key={c.key} scope="col">
                      {say(`quality.indicator.${c.key}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {view.offices.map((o) => (
                  <tr key={o.officeId} data-testid="central-quality-office" data-office={o.officeId}>
                    <td>{o.rank}</td>
                    <td className="qc-name">{o.name}</td>
                    <td className="qc-name">{o.region ?? '—'}</td>
                    {COLUMNS.map((c) => (
                      <td key={c.key} data-key={c.key} data-value={c.of(o.current) ?? ''}>
                        {formatted(c.of(o.current), c.format)}
                        <div className="qc-prev" data-previous={c.of(o.previous) ?? ''}>
                          {formatted(c.of(o.previous), c.format)}
                        </div>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="qc-prev">{say('quality.previousUnder')}</p>
          </section>
          <CentralFollowUps view={view} say={say} decimal={decimal} outcomeName={(id) => outcomeName(view, id)} />
        </>
      )}
    </div>
  );
}
