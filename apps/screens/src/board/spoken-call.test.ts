import { describe, expect, it } from 'vitest';
import { spokenCall } from './spoken-call.js';

describe('spoken call', () => {
  it('reads the number in Russian words with the desk', () => {
    expect(spokenCall({ ticketId: 't1', number: 'A015', deskNumber: 3, recall: false, at: 100 })).toEqual({
      key: 't1@100',
      text: 'Талон А ноль пятнадцать, окно 3',
    });
  });

  it('names consonant letters so they are not read as prepositions', () => {
    expect(spokenCall({ ticketId: 't2', number: 'K007', deskNumber: 12, recall: false, at: 1 }).text).toBe('Талон Ка ноль ноль семь, окно 12');
  });

  it('says a recall again, under its own key', () => {
    const first = spokenCall({ ticketId: 't1', number: 'B105', deskNumber: 2, recall: false, at: 100 });
    const again = spokenCall({ ticketId: 't1', number: 'B105', deskNumber: 2, recall: true, at: 160 });
    expect(again.text).toBe('Повторно: талон Вэ сто пять, окно 2');
    expect(again.key).not.toBe(first.key);
  });
});
