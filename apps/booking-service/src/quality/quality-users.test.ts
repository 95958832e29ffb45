import { hashPassword } from '@talon/server-edge';
import { describe, expect, it } from 'vitest';
import { checkQualityLogin, officesInScope, signQualitySession, verifyQualitySession, type QualityUser } from './quality-users.js';

describe('quality department users', async () => {
  const users: QualityUser[] = [
    { login: 'kachestvo', name: 'Отдел качества', passwordHash: await hashPassword('верный пароль') },
    { login: 'ural', name: 'Урал', passwordHash: await hashPassword('другой'), regions: ['Урал'] },
  ];
  const offices = [
    { id: 'north', keyHash: `sha256$${'0'.repeat(64)}`, region: 'Урал' },
    { id: 'south', keyHash: `sha256$${'1'.repeat(64)}`, region: 'Юг' },
    { id: 'west', keyHash: `sha256$${'2'.repeat(64)}` },
  ];

  it('log in by a scrypt hash; a wrong password or an unknown login is refused', async () => {
    expect((await checkQualityLogin(users, 'kachestvo', 'верный пароль'))?.login).toBe('kachestvo');
    expect(await checkQualityLogin(users, 'kachestvo', 'неверный')).toBeUndefined();
    expect(await checkQualityLogin(users, 'nobody', 'верный пароль')).toBeUndefined();
  });

  it('hold a signed session until it expires or the password changes', async () => {
    const token = signQualitySession(users[0]!, 1_000);
    expect(verifyQualitySession(token, users, 999)?.login).toBe('kachestvo');
    expect(verifyQualitySession(token, users, 1_000)).toBeUndefined();
    expect(verifyQualitySession(token.replace('.1000.', '.9999.'), users, 999)).toBeUndefined();
    expect(verifyQualitySession(token, [{ ...users[0]!, passwordHash: await hashPassword('новый') }], 999)).toBeUndefined();
    expect(verifyQualitySession(token, [users[1]!], 999)).toBeUndefined();
    expect(verifyQualitySession('garbage', users, 0)).toBeUndefined();
  });

  it('see every office company-wide, or only their regions\' offices', () => {
    expect([...officesInScope(users[0]!, offices)]).toEqual(['north', 'south', 'west']);
    expect([...officesInScope(users[1]!, offices)]).toEqual(['north']);
  });
});
