import { DEVICE_ROLES } from '@talon/protocol';
import { useState } from 'react';
import { useLanguage } from '../shared/language.js';
import type { AdminCommand } from './admin-command.js';
import { UNSET_TOKEN_HASH, withNewDevice, withNewPrinter, withNewRatingButton } from './config-form.js';
import { useDraft } from './draft.js';
import { ListProblems, NumberField, RemoveItemButton, SelectField, TextField } from './fields.js';
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
      <PrintersAndButtons />
    </section>
  );
}

/**
 * Printers and rating buttons as forms: which kiosk and agent, the printer's address and profile,
 * the button's serial path and bus id. Saved with the rest and checked by the same config schema.
 */
function PrintersAndButtons() {
  const { t } = useLanguage();
  const { config, replace } = useDraft();
  const ofRole = (role: string) => config.devices.filter((d) => d.role === role).map((d) => ({ value: d.id, label: `${d.name} (${d.id})` }));
  const desks = config.desks.map((d) => ({ value: d.id, label: d.name }));
  return (
    <>
      <h3 id="ad-printers-title">{t('admin.printers')}</h3>
      <ListProblems path={['printers']} />
      {config.printers.map((printer, index) => (
        <fieldset key={index} className="ad-card" data-testid="printer-form">
          <legend>
            {t('admin.printer')} <span className="ad-id">({printer.id})</span>
          </legend>
          <div className="ad-grid">
            <TextField label={t('admin.field.id')} path={['printers', index, 'id']} />
            <SelectField label={t('admin.field.printerKiosk')} path={['printers', index, 'kioskId']} options={ofRole('kiosk')} />
            <SelectField label={t('admin.field.agent')} path={['printers', index, 'agentId']} options={ofRole('agent')} />
            <TextField label={t('admin.field.printerUri')} path={['printers', index, 'uri']} wide />
            <TextField label={t('admin.field.printerProfile')} path={['printers', index, 'profile']} />
          </div>
          <div className="ad-inline">
            <RemoveItemButton list="printers" index={index} label={t('admin.removeNamed', { name: printer.id })} />
          </div>
        </fieldset>
      ))}
      <button type="button" className="ad-small" onClick={() => replace(withNewPrinter)}>
        {t('admin.addPrinter')}
      </button>

      <h3 id="ad-buttons-title">{t('admin.ratingButtons')}</h3>
      <ListProblems path={['ratingButtons']} />
      {config.ratingButtons.map((button, index) => (
        <fieldset key={index} className="ad-card" data-testid="rating-button-form">
          <legend>
            {t('admin.ratingButton')} <span className="ad-id">({button.deskId})</span>
          </legend>
          <div className="ad-grid">
            <SelectField label={t('admin.field.buttonDesk')} path={['ratingButtons', index, 'deskId']} options={desks} />
            <SelectField label={t('admin.field.agent')} path={['ratingButtons', index, 'agentId']} options={ofRole('agent')} />
            <TextField label={t('admin.field.buttonPath')} path={['ratingButtons', index, 'path']} wide />
            <NumberField label={t('admin.field.buttonDeviceId')} path={['ratingButtons', index, 'deviceId']} />
          </div>
          <div className="ad-inline">
            <RemoveItemButton list="ratingButtons" index={index} label={t('admin.removeNamed', { name: `${t('admin.ratingButton')} ${button.deskId}` })} />
          </div>
        </fieldset>
      ))}
      <button type="button" className="ad-small" onClick={() => replace(withNewRatingButton)}>
        {t('admin.addRatingButton')}
      </button>
    </>
  );
}
