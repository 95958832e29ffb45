import { presetPeriod, previousPeriod, type FollowUp, type PeriodPreset, type QualityPeriod, type QualityReport } from '@talon/domain';
import type { QualityViewContext } from '@talon/protocol';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Socket } from 'socket.io-client';
import { DayInput } from '../../shared/DayInput.js';
import { dayText } from '../../shared/day-text.js';
import { sendCommand } from '../../shared/connection.js';
import { useLanguage } from '../../shared/language.js';
import { refusalText } from '../../shared/refusal-text.js';
import { FollowUpList } from './FollowUpList.js';
import { IndicatorsTable } from './IndicatorsTable.js';
import { ComplaintsChart, SplitsTable, TrendCharts, WaitBandChart } from './QualityCharts.js';
import { qualityNames } from './quality-names.js';
import './quality.css';

interface QualityAnswer {
  report: QualityReport;
  followUps: FollowUp[];
  context: QualityViewContext;
}

type Choice = { preset: PeriodPreset; offset: number } | { preset: 'custom'; period: QualityPeriod };

/**
 * The head's «Качество»: the quality programme's indicators for a week, month, quarter or any
 * period, the previous period of the same length beside them. Works with the central link down:
 * the office server counts from its own tickets.
 */
export function QualityView({ socket, today, canMark }: { socket: Socket | null; today: string; canMark: boolean }) {
  const { t, language } = useLanguage();
  const [choice, setChoice] = useState<Choice>({ preset: 'month', offset: 0 });
  const [custom, setCustom] = useState<QualityPeriod>(() => presetPeriod('month', today));
  const [answer, setAnswer] = useState<QualityAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const period = choice.preset === 'custom' ? choice.period : presetPeriod(choice.preset, today, choice.offset);

  const load = useCallback(async () => {
    const ack = await sendCommand<QualityAnswer>(socket, 'dashboard:quality', period);
    if (ack.ok) {
      setAnswer({ report: ack.report, followUps: ack.followUps, context: ack.context });
      setError(null);
    } else setError(refusalText(t, ack, true));
    // The period's two ends are what matters, not the object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [socket, period.from, period.to, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const names = useMemo(() => (answer ? qualityNames(answer.context, language) : null), [answer, language]);
  const mark = useCallback(
    async (ticketId: string, note: string) => {
      const ack = await sendCommand(socket, 'dashboard:follow-up-done', { ticketId, note });
      if (!ack.ok) return refusalText(t, ack);
      await load();
      return null;
    },
    [socket, load, t],
  );
  const previous = previousPeriod(period);
  const move = (by: number) => choice.preset !== 'custom' && setChoice({ preset: choice.preset, offset: choice.offset + by });

  return (
    <div className="quality" data-testid="quality-view">
      <div className="quality-controls">
        <span className="quality-switch" role="group" aria-label={t('quality.title')}>
          {(['week', 'month', 'quarter'] as const).map((preset) => (
            <button key={preset} type="button" aria-pressed={choice.preset === preset} onClick={() => setChoice({ preset, offset: 0 })}>
              {t(`quality.preset${preset[0]!.toUpperCase()}${preset.slice(1)}` as 'quality.presetWeek')}
            </button>
          ))}
          <button type="button" aria-pressed={choice.preset === 'custom'} onClick={() => setChoice({ preset: 'custom', period: custom })}>
            {t('quality.presetCustom')}
          </button>
        </span>
        {choice.preset === 'custom' ? (
          <span className="quality-custom">
            <label htmlFor="quality-from">{t('quality.from')}</label>
            <DayInput id="quality-from" value={custom.from} onChange={(from) => setCustom((c) => ({ ...c, from }))} placeholder={t('date.placeholder')} invalidText={t('date.invalid')} />
            <label htmlFor="quality-to">{t('quality.to')}</label>
            <DayInput id="quality-to" value={custom.to} onChange={(to) => setCustom((c) => ({ ...c, to }))} placeholder={t('date.placeholder')} invalidText={t('date.invalid')} />
            <button type="button" onClick={() => setChoice({ preset: 'custom', period: custom })}>
              {t('quality.show')}
            </button>
          </span>
        ) : (
          <span className="quality-switch">
            <button type="button" onClick={() => move(-1)}>
              {t('quality.earlier')}
            </button>
            <button type="button" onClick={() => move(1)} disabled={choice.offset >= 0}>
              {t('quality.later')}
            </button>
          </span>
        )}
      </div>
      <p className="quality-period" data-testid="quality-period" data-from={period.from} data-to={period.to}>
        <strong>{t('quality.period', { from: dayText(period.from), to: dayText(period.to) })}</strong>
        {'; '}
        {t('quality.previous', { from: dayText(previous.from), to: dayText(previous.to) })}
      </p>
      {error && (
        <p role="alert" className="dash-alert dash-alert--device">
          {t('quality.failed', { message: error })}
        </p>
      )}
      {!answer || !names ? (
        !error && <p>{t('quality.loading')}</p>
      ) : (
        <div className="quality-grid" aria-busy={answer.report.current.period.from !== period.from}>
          <section className="dash-panel" aria-labelledby="quality-indicators">
            <h2 id="quality-indicators">{t('quality.title')}</h2>
            <IndicatorsTable current={answer.report.current} previous={answer.report.previous} />
          </section>
          <WaitBandChart report={answer.report} />
          <ComplaintsChart report={answer.report} names={names} />
          <SplitsTable report={answer.report} names={names} />
          <TrendCharts report={answer.report} />
          <FollowUpList followUps={answer.followUps} names={names} canMark={canMark} onMark={mark} />
        </div>
      )}
    </div>
  );
}
