import { describe, expect, it } from 'vitest';
import { describeRealTimeStatus, interpretRealTimeStatus, statusAllowsPrinting, type PrinterStatus } from './printer-status.js';

describe('interpretRealTimeStatus', () => {
  // printer (DLE EOT 1), offline cause (DLE EOT 2), paper sensor (DLE EOT 4)
  it.each<[string, number, number, number, PrinterStatus]>([
    ['all fixed bits only', 0x12, 0x12, 0x12, 'ok'],
    ['a clone that leaves the fixed bits clear', 0x00, 0x00, 0x00, 'ok'],
    ['drawer pin high is not our business', 0x16, 0x12, 0x12, 'ok'],
    ['near end, one sensor bit', 0x12, 0x12, 0x16, 'paper-near-end'],
    ['near end, both sensor bits', 0x12, 0x12, 0x1e, 'paper-near-end'],
    ['paper end from the roll sensor', 0x1a, 0x32, 0x7e, 'paper-end'],
    ['paper end from the sensor alone', 0x12, 0x12, 0x72, 'paper-end'],
    ['paper end from the offline cause alone', 0x1a, 0x32, 0x12, 'paper-end'],
    ['cover open', 0x1a, 0x16, 0x12, 'cover-open'],
    ['cover open wins over paper end', 0x1a, 0x36, 0x7e, 'cover-open'],
    ['error bit in the offline cause', 0x1a, 0x52, 0x12, 'error'],
    ['waiting for online recovery', 0x32, 0x12, 0x12, 'error'],
    ['paper end wins over an error', 0x3a, 0x72, 0x7e, 'paper-end'],
    ['offline for no reason we know (feed button held)', 0x1a, 0x1a, 0x12, 'error'],
    ['error wins over near end', 0x3a, 0x52, 0x1e, 'error'],
  ])('%s → %s', (_name, printer, offlineCause, paperSensor, expected) => {
    expect(interpretRealTimeStatus({ printer, offlineCause, paperSensor })).toBe(expected);
  });
});

describe('statusAllowsPrinting', () => {
  it.each<[PrinterStatus, boolean]>([
    ['ok', true],
    ['paper-near-end', true],
    ['paper-end', false],
    ['cover-open', false],
    ['error', false],
    ['offline', false],
  ])('%s → %s', (status, allowed) => {
    expect(statusAllowsPrinting(status)).toBe(allowed);
  });
});

describe('describeRealTimeStatus', () => {
  it('names each set bit for an installer', () => {
    expect(describeRealTimeStatus({ printer: 0x1a, offlineCause: 0x36, paperSensor: 0x7e })).toEqual([
      'DLE EOT 1, printer: 0x1a (offline)',
      'DLE EOT 2, offline cause: 0x36 (cover open, stopped at paper end)',
      'DLE EOT 4, paper sensor: 0x7e (paper near end, paper end)',
    ]);
    expect(describeRealTimeStatus({ printer: 0x12, offlineCause: 0x12, paperSensor: 0x12 })).toEqual([
      'DLE EOT 1, printer: 0x12',
      'DLE EOT 2, offline cause: 0x12',
      'DLE EOT 4, paper sensor: 0x12',
    ]);
  });
});
