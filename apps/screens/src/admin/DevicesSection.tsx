import { DEVICE_ROLES } from '@talon/protocol';
import { useState } from 'react';
import { useLanguage } from '../shared/language.js';
import type { AdminCommand } from './admin-command.js';
import { UNSET_TOKEN_HASH, withNewDevice } from './config-form.js';
import { useDraft } from './draft.js';
import { ListProblems, RemoveItemButton, SelectField, TextField } from './fields.js';
import { refusalText } from '../shared/refusal-text.js';

export function DevicesSection({ send, savedIds }: { send: AdminCommand; savedIds: ReadonlySet<string> }) {
  const { t } = useLanguage();
  const { config, replace } = useDraft();
  // Shown once: the server keeps only the hash, so the token is gone when this screen closes.
  const [issued, setIssued] = useState<{ deviceId: string; token: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function issue(deviceId: string) {
    setProblem(null);
    const ack = await send<{ deviceId: string; token: string }>('device:issue-token', { deviceId });
    if (ack.ok) setIssued({ deviceId: ack.deviceId, token: ack.token });
    else setProblem(refusalText(t, ack, true));
  }

  return (
    <section aria-labelledby="ad-devices-title" className="ad-section">
      <h2 id="ad-devices-title">{t('admin.tab.devices')}</h2>
      <ListProblems path={['devices']} />
      {problem && (
        <p role="alert" className="ad-field-problem">
          {problem}
        </p>
      )}
      {config.devices.map((device, index) => (
        <fieldset key={index} className="ad-card">
          <legend>
            {device.name} <span className="ad-id">({device.id})</span>
          </legend>
          <div className="ad-grid">
            <TextField label={t('admin.field.id')} path={['devices', index, 'id']} />
            <TextField label={t('admin.field.name')} path={['devices', index, 'name']} wide />
            <SelectField
              label={t('admin.field.deviceRole')}
              path={['devices', index, 'role']}
              options={DEVICE_ROLES.map((role) => ({ value: role, label: t(`admin.deviceRole.${role}`) }))}
            />
          </div>
          {device.tokenHash === UNSET_TOKEN_HASH && <p className="ad-note">{t('admin.tokenUnset')}</p>}
          <div className="ad-inline">
            <button
              type="button"
              className="ad-small"
              disabled={!savedIds.has(device.id)}
              onClick={() => void issue(device.id)}
              aria-label={t('admin.issueTokenFor', { name: device.name })}
            >
              {t('admin.issueToken')}
            </button>
            {!savedIds.has(device.id) && <span className="ad-note">{t('admin.saveFirstForToken')}</span>}
            <RemoveItemButton list="devices" index={index} label={t('admin.removeNamed', { name: device.name })} />
          </div>
          {issued?.deviceId === device.id && (
            <p role="status" className="ad-token">
              {t('admin.tokenOnce')} <code data-testid="issued-token">{issued.token}</code>
            </p>
          )}
        </fieldset>
      ))}
      <button type="button" className="ad-small" onClick={() => replace(withNewDevice)}>
        {t('admin.addDevice')}
      </button>
    </section>
  );
}
