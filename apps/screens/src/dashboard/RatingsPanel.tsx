import type { RatingSummary } from '@talon/protocol';
import { useLanguage } from '../shared/language.js';
import { formatTime } from '../shared/office-time.js';
import { linearScale, niceMax } from './chart-scale.js';
import { formatMinutes } from './figures.js';

const BAR_WIDTH = 220;
/** Room on the left for a row's name («Ожидание 15–30 мин»). */
const NAME_WIDTH = 150;

/** Horizontal bars: one row per label, readable without a legend. */
function Bars({ rows, label }: { rows: { name: string; value: number; note?: string }[]; label: string }) {
  const max = niceMax(Math.max(0, ...rows.map((r) => r.value)));
  const x = linearScale(max, 0, BAR_WIDTH);
  const rowHeight = 28;
  return (
    <svg viewBox={`0 0 ${NAME_WIDTH + BAR_WIDTH + 70} ${rows.length * rowHeight}`} className="chart chart--bars" role="img" aria-label={label}>
      {rows.map((row, index) => (
        <g key={row.name} transform={`translate(0 ${index * rowHeight})`}>
          <text x={0} y={19}>
            {row.name}
          </text>
          <rect className="chart__bar" x={NAME_WIDTH} y={6} height={18} width={Math.max(x(row.value), row.value > 0 ? 2 : 0)} />
          <text x={NAME_WIDTH + 6 + x(row.value)} y={19}>
            {row.note ?? row.value}
          </text>
        </g>
      ))}
    </svg>
  );
}

export function RatingsPanel({ ratings, timeZone }: { ratings: RatingSummary; timeZone: string }) {
  const { t, language } = useLanguage();
  return (
    <section className="dash-panel" tabIndex={0} aria-labelledby="ratings-title">
      <h2 id="ratings-title">{t('dashboard.ratings')}</h2>
      <p data-testid="ratings-average">
        {ratings.average === null
          ? t('dashboard.ratingsNone')
          : t('dashboard.ratingsAverage', { value: formatMinutes(ratings.average, language), count: ratings.count })}
      </p>
      <h3>{t('dashboard.ratingsDistribution')}</h3>
      <Bars
        label={t('dashboard.ratingsDistribution')}
        rows={ratings.distribution.map((count, index) => ({ name: t('dashboard.ratingValue', { value: index + 1 }), value: count })).reverse()}
      />
      <h3>{t('dashboard.ratingsByWait')}</h3>
      <Bars
        label={t('dashboard.ratingsByWait')}
        rows={ratings.byWait.map((bucket) => ({
          name: t('dashboard.waitBucket', { label: bucket.label }),
          value: bucket.average ?? 0,
          note: bucket.average === null ? '—' : `${formatMinutes(bucket.average, language)} (${bucket.count})`,
        }))}
      />
      {ratings.lowRatings.length > 0 && (
        <>
          <h3>{t('dashboard.lowRatings')}</h3>
          <ul className="dash-low-ratings" data-testid="low-ratings">
            {ratings.lowRatings.map((low) => (
              <li key={`${low.ticketNumber}@${low.at}`}>
                {t('dashboard.lowRatingItem', {
                  time: formatTime(low.at, timeZone),
                  ticket: low.ticketNumber,
                  desk: low.deskNumber,
                  value: low.value,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
