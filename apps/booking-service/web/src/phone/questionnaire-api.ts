import type { PhoneQuestionnaireAnswer, PhoneQuestionnaireState } from '@talon/protocol';

const url = (token: string) => `/api/phone/${encodeURIComponent(token)}/questionnaire`;

/** Where this ticket's questionnaire stands; `pending` when central could not be asked either. */
export async function questionnaireState(token: string): Promise<PhoneQuestionnaireState> {
  try {
    const body = (await (await fetch(url(token), { cache: 'no-store' })).json()) as { ok: boolean; state?: PhoneQuestionnaireState };
    return body.ok && body.state ? body.state : 'pending';
  } catch {
    return 'pending';
  }
}

export type SendOutcome = 'answered' | 'already' | 'limited' | 'failed';

export async function sendQuestionnaire(token: string, answer: PhoneQuestionnaireAnswer): Promise<SendOutcome> {
  try {
    const response = await fetch(url(token), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(answer) });
    const body = (await response.json()) as { ok: boolean; code?: string };
    if (body.ok) return 'answered';
    return body.code === 'questionnaire-answered' ? 'already' : body.code === 'rate-limited' ? 'limited' : 'failed';
  } catch {
    return 'failed';
  }
}
