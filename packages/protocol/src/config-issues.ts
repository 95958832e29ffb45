import type { z } from 'zod';

/**
 * What is wrong with one config field, in words a screen can translate: the admin screen shows
 * «Норма приёма, мин: нужно число», not zod's English. `limit` and `value` fill the message.
 */
export const CONFIG_PROBLEMS = [
  'required',
  'too-short',
  'too-long',
  'at-least',
  'above',
  'at-most',
  'below',
  'too-few',
  'too-many',
  'not-a-number',
  'not-whole',
  'wrong-type',
  'time-format',
  'date-format',
  'no-such-date',
  'login-format',
  'id-format',
  'wrong-format',
  'one-of',
  'open-before-close',
  'duplicate-id',
  'prefix-taken',
  'unknown-group',
  'desk-number-twice',
  'unknown-service',
  'login-twice',
  'date-twice',
  'date-also-holiday',
  'unknown-operator',
  'break-order',
  'not-kiosk',
  'not-agent',
  'unknown-desk',
  'hard-limit-short',
  'near-standard-long',
  'unknown-time-zone',
  'printer-target',
  'printer-network',
  'other',
] as const;
export type ConfigProblem = (typeof CONFIG_PROBLEMS)[number];

export interface ConfigIssue {
  /** `services[1].prefix`, as `formatPath` writes it. */
  path: string;
  problem: ConfigProblem;
  limit?: number;
  value?: string;
}

type Issue = z.core.$ZodIssue;

const isProblem = (value: unknown): value is ConfigProblem => typeof value === 'string' && (CONFIG_PROBLEMS as readonly string[]).includes(value);

/** One zod issue as a translatable problem; the office-wide checks name theirs in `params`. */
export function configProblemOf(issue: Issue): Omit<ConfigIssue, 'path'> {
  switch (issue.code) {
    case 'too_small': {
      const limit = Number(issue.minimum);
      if (issue.origin === 'string') return limit <= 1 ? { problem: 'required' } : { problem: 'too-short', limit };
      if (issue.origin === 'array' || issue.origin === 'set') return { problem: 'too-few', limit };
      return { problem: issue.inclusive === false ? 'above' : 'at-least', limit };
    }
    case 'too_big': {
      const limit = Number(issue.maximum);
      if (issue.origin === 'string') return { problem: 'too-long', limit };
      if (issue.origin === 'array' || issue.origin === 'set') return { problem: 'too-many', limit };
      return { problem: issue.inclusive === false ? 'below' : 'at-most', limit };
    }
    case 'invalid_type':
      if (/received undefined/.test(issue.message)) return { problem: 'required' };
      if (issue.expected === 'number') return { problem: 'not-a-number' };
      if (issue.expected === 'int') return { problem: 'not-whole' };
      return { problem: 'wrong-type' };
    case 'invalid_format':
      if (issue.message.includes('HH:MM')) return { problem: 'time-format' };
      if (issue.message.includes('YYYY-MM-DD')) return { problem: 'date-format' };
      if (issue.message.includes('lower-case')) return { problem: 'login-format' };
      if (issue.message.startsWith('letters, digits')) return { problem: 'id-format' };
      return { problem: 'wrong-format' };
    case 'invalid_value':
      return { problem: 'one-of', value: issue.values.map(String).join(' ') };
    case 'custom': {
      const params = (issue.params ?? {}) as { problem?: unknown; value?: unknown };
      if (isProblem(params.problem)) return { problem: params.problem, ...(params.value !== undefined && { value: String(params.value) }) };
      return { problem: 'other' };
    }
    default:
      return { problem: 'other' };
  }
}
