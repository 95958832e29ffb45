import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Language } from '@talon/messages';
import { LanguageProvider } from '../shared/language.js';
import { WaitAccuracyPanel } from './WaitAccuracyPanel.js';

/** The panel's table as text: each row's name and its today / month cells. */
function rows(markup: string): string[][] {
  return [...markup.matchAll(/<tr data-row="[^"]+">(.*?)<\/tr>/g)].map(([, row]) => [...(row as string).matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map(([, cell]) => cell as string));
}

const render = (accuracy: Parameters<typeof WaitAccuracyPanel>[0]['accuracy'], language: Language) =>
  renderToStaticMarkup(
    <LanguageProvider initial={language}>
      <WaitAccuracyPanel accuracy={accuracy} />
    </LanguageProvider>,
  );

describe('the dashboard panel of the wait told against the wait that followed', () => {
  const accuracy = {
    today: { counted: 42, meanAbsErrorMin: 3.84, biasMin: -0.56, insideRangeShare: 0.786 },
    month: { counted: 1250, meanAbsErrorMin: 4.1, biasMin: 0.2, insideRangeShare: 0.8 },
  };

  it("shows today's and the month's mean error, lean and share inside the printed range, in Russian", () => {
    const markup = render(accuracy, 'ru');
    expect(markup).toContain('Точность прогноза ожидания');
    expect(rows(markup)).toEqual([
      ['Талонов с прогнозом', '42', '1250'],
      ['Средняя ошибка, мин', '3,8', '4,1'],
      ['Сдвиг (прогноз − ожидание), мин', '-0,6', '0,2'],
      ['Ожидание в пределах напечатанного', '79 %', '80 %'],
    ]);
  });

  it('in English, with dashes where nothing has been counted yet', () => {
    const markup = render({ today: { counted: 0, meanAbsErrorMin: null, biasMin: null, insideRangeShare: null }, month: accuracy.month }, 'en');
    expect(rows(markup)).toEqual([
      ['Tickets with an estimate', '0', '1250'],
      ['Mean error, min', '—', '4.1'],
      ['Bias (told − waited), min', '—', '0.2'],
      ['Wait inside the printed range', '—', '80 %'],
    ]);
  });

  it('shows nothing on an office that does not keep what it told', () => {
    expect(render(undefined, 'ru')).toBe('');
  });
});
