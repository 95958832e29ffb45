import { ru } from '@talon/messages';
import { describe, expect, it } from 'vitest';
import { deviceStatusKey } from './device-status.js';

describe('device status words', () => {
  it.each([
    ['connected', 'подключено'],
    ['paper-end', 'закончилась бумага'],
    ['cover-open', 'открыта крышка'],
    ['offline', 'нет связи'],
    ['online', 'на связи'],
  ])('%s reads «%s»', (status, words) => {
    const key = deviceStatusKey(status);
    expect(key && ru[key]).toBe(words);
  });

  it('has no words for a status it does not know', () => {
    expect(deviceStatusKey('firmware-update')).toBeNull();
    expect(deviceStatusKey('toString')).toBeNull();
  });
});
