import { describe, expect, it } from 'vitest';
import { FAKE_STATUS_ANSWERS, ScriptedPrinter } from './scripted-printer.js';
import { interpretRealTimeStatus } from './printer-status.js';

describe('ScriptedPrinter', () => {
  it('separates print data from DLE EOT questions and answers them', () => {
    const printer = new ScriptedPrinter('paper-end');
    const { data, reply } = printer.receive(Uint8Array.of(0x41, 0x10, 0x04, 0x01, 0x42, 0x10, 0x04, 0x04));
    expect([...data]).toEqual([0x41, 0x42]);
    expect([...reply]).toEqual([0x1a, 0x7e]);
    expect(printer.statusQueries).toEqual([1, 4]);
  });

  it('finds a question split across chunks', () => {
    const printer = new ScriptedPrinter('ok');
    expect([...printer.receive(Uint8Array.of(0x41, 0x10)).reply]).toEqual([]);
    expect([...printer.receive(Uint8Array.of(0x04)).reply]).toEqual([]);
    const { data, reply } = printer.receive(Uint8Array.of(0x02, 0x42));
    expect([...data]).toEqual([0x42]);
    expect([...reply]).toEqual([0x12]);
  });

  it('keeps a DLE that starts no question as data', () => {
    expect([...new ScriptedPrinter().receive(Uint8Array.of(0x10, 0x14, 0x01, 0x41)).data]).toEqual([0x10, 0x14, 0x01, 0x41]);
  });

  it('answers nothing when silent, and answers forced bytes when told', () => {
    const printer = new ScriptedPrinter('silent');
    expect(printer.receive(Uint8Array.of(0x10, 0x04, 0x01)).reply.length).toBe(0);
    printer.answers = { 1: 0x12 };
    expect([...printer.receive(Uint8Array.of(0x10, 0x04, 0x01)).reply]).toEqual([0x12]);
  });

  it('answers each condition with bytes that read back as that condition', () => {
    for (const [condition, answers] of Object.entries(FAKE_STATUS_ANSWERS)) {
      expect(interpretRealTimeStatus({ printer: answers[1], offlineCause: answers[2], paperSensor: answers[4] })).toBe(condition);
    }
  });
});
