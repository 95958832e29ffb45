import type { RatingSummary } from '@talon/protocol';
import { useMemo } from 'react';
import { useLanguage } from '../shared/language.js';
import { formatTime } from '../shared/office-time.js';
import { ChartFigure, type ChartSeries } from './charts/ChartFigure.js';
import { formatMinutes } from './figures.js';

/** Low enough that the live view still fits a 1440x900 monitor with both charts in the panel. */
const RATINGS_CHART_HEIGHT = 110;

/** The values a button can press, as the distribution chart's x axis. */
const RATING_VALUES = ['1', '2', '3', '4', '5'];

/** How many visitors pressed each value today, 1 to 5 (drawn only once someone has rated). */
function DistributionChart({ ratings }: { ratings: RatingSummary }) {
  const { t } = useLanguage();
  const series = useMemo<ChartSeries[]>(
    () => [{ label: t('dashboard.ratingsCount'), kind: 'bars', color: 'served', values: [...ratings.distribution] }],
    [ratings.distribution, t],
  );
  return (
    <ChartFigure
      title={t('dashboard.ratingsDistribution')}
      testId="chart-ratings-distribution"
      xLabels={RATING_VALUES}
      xTitle={t('quality.rating')}
      series={series}
      height={RATINGS_CHART_HEIGHT}
    />
  );
}

/** The mean rating per wait bucket, with how many rated in it: does the mark fall as the wait grows? */
function ByWaitChart({ ratings }: { ratings: RatingSummary }) {
  const { t, language } = useLanguage();
  const xLabels = useMemo(() => ratings.byWait.map((b) => b.label), [ratings.byWait]);
  const series = useMemo<ChartSeries[]>(
    () => [
      { label: t('quality.meanRating'), kind: 'bars', color: 'issued', values: ratings.byWait.map((b) => b.average), format: (v) => formatMinutes(v, language) },
      { label: t('dashboard.ratingsCount'), kind: 'bars', color: 'served', values: ratings.byWait.map((b) => b.count), format: (v) => String(v), tableOnly: true },
    ],
    [ratings.byWait, t, language],
  );
  return (
    <ChartFigure
      title={t('dashboard.ratingsByWait')}
      testId="chart-ratings-by-wait"
      xLabels={xLabels}
      xTitle={t('quality.waitBand')}
      series={series}
      yMin={5}
      height={RATINGS_CHART_HEIGHT}
    />
  );
}

export function RatingsPanel({ ratings, timeZone }: { ratings: RatingSummary; timeZone: string }) {
  const { t, language } = useLanguage();
  return (
    <section className="dash-panel dash-panel--ratings" tabIndex={0} aria-labelledby="ratings-title">
      <h2 id="ratings-title">{t('dashboard.ratings')}</h2>
      <p data-testid="ratings-average">
        {ratings.average === null
          ? t('dashboard.ratingsNone')
          : t('dashboard.ratingsAverage', { value: formatMinutes(ratings.average, language), count: ratings.count })}
      </p>
      {ratings.count > 0 && (
        <>
          <DistributionChart ratings={ratings} />
          <ByWaitChart ratings={ratings} />
        </>
      )}
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
