import type { CentralQualityView, QualityLoginAnswer } from '@talon/protocol';

type Answer<T> = ({ ok: true } & T) | { ok: false; code: string; message: string };

async function call<T extends object>(path: string, init?: RequestInit): Promise<Answer<T>> {
  try {
    const response = await fetch(path, init);
    return (await response.json()) as Answer<T>;
  } catch {
    return { ok: false, code: 'no-answer', message: 'network' };
  }
}

/** The quality department's calls: log in, the view for a period, the monthly report as a file. */
export const qualityApi = {
  login: (login: string, password: string) =>
    call<QualityLoginAnswer>('/api/quality/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) }),
  view: (token: string, from: string, to: string) =>
    call<CentralQualityView>(`/api/quality?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${token}` } }),
  /** The file as a blob: the token rides in a header, so a plain link cannot fetch it. */
  async report(token: string, period: { month: string } | { from: string; to: string }, format: 'xlsx' | 'csv'): Promise<Blob | null> {
    const which = 'month' in period ? `month=${period.month}` : `from=${period.from}&to=${period.to}`;
    try {
      const response = await fetch(`/api/quality/monthly?${which}&format=${format}`, { headers: { authorization: `Bearer ${token}` } });
      return response.ok ? await response.blob() : null;
    } catch {
      return null;
    }
  },
};
