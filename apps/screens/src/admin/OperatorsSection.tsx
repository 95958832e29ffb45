import { OPERATOR_ROLES, type OperatorRole } from '@talon/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useLanguage } from '../shared/language.js';
import type { AdminCommand } from './admin-command.js';
import { UNSET_PASSWORD_HASH, withNewOperator } from './config-form.js';
import { useDraft } from './draft.js';
import { ListProblems, RemoveItemButton, TextField } from './fields.js';
import { refusalText } from '../shared/refusal-text.js';

export function OperatorsSection({ send, savedIds }: { send: AdminCommand; savedIds: ReadonlySet<string> }) {
  const { t } = useLanguage();
  const { config, edit, replace } = useDraft();
  return (
    <section aria-labelledby="ad-operators-title" className="ad-section">
      <h2 id="ad-operators-title">{t('admin.tab.operators')}</h2>
      <ListProblems path={['operators']} />
      {config.operators.map((operator, index) => (
        <fieldset key={index} className="ad-card">
          <legend>
            {operator.name} <span className="ad-id">({operator.login})</span>
          </legend>
          <div className="ad-grid">
            <TextField label={t('admin.field.id')} path={['operators', index, 'id']} />
            <TextField label={t('admin.field.personName')} path={['operators', index, 'name']} wide />
            <TextField label={t('admin.field.login')} path={['operators', index, 'login']} />
          </div>
          <fieldset className="ad-services">
            <legend>{t('admin.field.roles', { name: operator.name })}</legend>
            {OPERATOR_ROLES.map((role) => (
              <label key={role} className="ad-check">
                <input
                  type="checkbox"
                  checked={operator.roles.includes(role)}
                  onChange={(e) =>
                    edit(
                      ['operators', index, 'roles'],
                      e.target.checked ? [...operator.roles, role] : operator.roles.filter((r: OperatorRole) => r !== role),
                    )
                  }
                />
                {t(`admin.role.${role}`)}
              </label>
            ))}
          </fieldset>
          <ListProblems path={['operators', index, 'roles']} />
          {operator.passwordHash === UNSET_PASSWORD_HASH && <p className="ad-note">{t('admin.passwordUnset')}</p>}
          {savedIds.has(operator.id) ? (
            <PasswordForm operatorId={operator.id} name={operator.name} send={send} />
          ) : (
            <p className="ad-note">{t('admin.saveFirstForPassword')}</p>
          )}
          <RemoveItemButton list="operators" index={index} label={t('admin.removeNamed', { name: operator.name })} />
        </fieldset>
      ))}
      <button type="button" className="ad-small" onClick={() => replace(withNewOperator)}>
        {t('admin.addOperator')}
      </button>
    </section>
  );
}

/** A password goes straight to the server and is never part of the draft: only its hash is stored. */
function PasswordForm({ operatorId, name, send }: { operatorId: string; name: string; send: AdminCommand }) {
  const { t } = useLanguage();
  const id = useId();
  const [password, setPassword] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const ack = await send('operator:set-password', { operatorId, password });
    setResult(ack.ok ? { ok: true, text: t('admin.passwordSet') } : { ok: false, text: refusalText(t, ack, true) });
    if (ack.ok) setPassword('');
  }
  return (
    <form className="ad-inline" onSubmit={submit}>
      <div className="ad-field">
        <label htmlFor={id}>{t('admin.newPassword', { name })}</label>
        <input id={id} type="password" autoComplete="new-password" minLength={10} value={password} onChange={(e) => setPassword(e.target.value)} required />
      </div>
      <button type="submit" className="ad-small">
        {t('admin.setPassword')}
      </button>
      {result && (
        <span role="status" className={result.ok ? 'ad-ok' : 'ad-field-problem'}>
          {result.text}
        </span>
      )}
    </form>
  );
}
