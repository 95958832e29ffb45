import { useId, useState, type ReactNode } from 'react';
import { DayInput } from '../shared/DayInput.js';
import { useLanguage } from '../shared/language.js';
import { fieldKey, numberValue, textValue, valueAt, withoutItem, type FieldPath, type RemovableList } from './config-form.js';
import { useDraft } from './draft.js';

/** The server's words for this field, tied to the control so a screen reader reads them too. */
function FieldProblems({ id, problems }: { id: string; problems: string[] | undefined }) {
  if (!problems?.length) return null;
  return (
    <span id={id} className="ad-field-problem" data-testid="field-problem">
      {problems.join('; ')}
    </span>
  );
}

function Field({ label, path, children }: { label: string; path: FieldPath; children: (props: { id: string; describedBy?: string; invalid: boolean }) => ReactNode }) {
  const { problems } = useDraft();
  const id = useId();
  const found = problems.get(fieldKey(path));
  const problemId = `${id}-problem`;
  return (
    <div className={found ? 'ad-field ad-field--invalid' : 'ad-field'} data-field={fieldKey(path)}>
      <label htmlFor={id}>{label}</label>
      {children({ id, invalid: Boolean(found), ...(found && { describedBy: problemId }) })}
      <FieldProblems id={problemId} problems={found} />
    </div>
  );
}

export function TextField({ label, path, optional = false, wide = false }: { label: string; path: FieldPath; optional?: boolean; wide?: boolean }) {
  const { config, edit } = useDraft();
  const value = valueAt(config, path);
  return (
    <Field label={label} path={path}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          className={wide ? 'ad-wide' : undefined}
          value={value === undefined || value === null ? '' : String(value)}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => edit(path, optional ? textValue(e.target.value) : e.target.value)}
        />
      )}
    </Field>
  );
}

/**
 * A date kept as "YYYY-MM-DD" in the config, typed and shown as «08.03.2027» like every other
 * date on the screens (issue 17); the draft changes only once the text is a real date.
 */
export function DayField({ label, path }: { label: string; path: FieldPath }) {
  const { t } = useLanguage();
  const { config, edit } = useDraft();
  const value = valueAt(config, path);
  return (
    <Field label={label} path={path}>
      {({ id, describedBy, invalid }) => (
        <DayInput
          id={id}
          value={typeof value === 'string' ? value : ''}
          onChange={(isoDay) => edit(path, isoDay)}
          placeholder={t('date.placeholder')}
          invalidText={t('date.invalid')}
          problem={invalid}
          emptyIsAnswer
          {...(describedBy && { describedBy })}
        />
      )}
    </Field>
  );
}

export function NumberField({ label, path }: { label: string; path: FieldPath }) {
  const { config, edit } = useDraft();
  const value = valueAt(config, path);
  return (
    <Field label={label} path={path}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          className="ad-narrow"
          inputMode="decimal"
          value={value === undefined ? '' : String(value)}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => edit(path, numberValue(e.target.value))}
        />
      )}
    </Field>
  );
}

export function CheckField({ label, path }: { label: string; path: FieldPath }) {
  const { config, edit, problems } = useDraft();
  const id = useId();
  const found = problems.get(fieldKey(path));
  return (
    <div className="ad-field ad-field--check" data-field={fieldKey(path)}>
      <input id={id} type="checkbox" checked={valueAt(config, path) === true} onChange={(e) => edit(path, e.target.checked)} />
      <label htmlFor={id}>{label}</label>
      <FieldProblems id={`${id}-problem`} problems={found} />
    </div>
  );
}

export function SelectField({
  label,
  path,
  options,
  optional = false,
}: {
  label: string;
  path: FieldPath;
  options: { value: string; label: string }[];
  optional?: boolean;
}) {
  const { config, edit } = useDraft();
  const value = valueAt(config, path);
  return (
    <Field label={label} path={path}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          value={typeof value === 'string' ? value : ''}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => edit(path, optional ? textValue(e.target.value) : e.target.value)}
        >
          {optional && <option value="">—</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Problems the form has no field for (a whole list, an unknown path) still get shown. */
export function ListProblems({ path }: { path: FieldPath }) {
  const { problems } = useDraft();
  const found = problems.get(fieldKey(path));
  if (!found?.length) return null;
  return (
    <p className="ad-field-problem" data-field={fieldKey(path)}>
      {found.join('; ')}
    </p>
  );
}

/** Takes one entry out of a config list in the draft; `label` says which, for a screen reader. */
/**
 * Removes one item of a list. With `confirm`, the first press only asks (a whole service or
 * category goes with its settings; a slip must not cost them).
 */
export function RemoveItemButton({ list, index, label, confirm }: { list: RemovableList; index: number; label: string; confirm?: string }) {
  const { t } = useLanguage();
  const { replace } = useDraft();
  const [asking, setAsking] = useState(false);
  const remove = () => {
    setAsking(false);
    replace((c) => withoutItem(c, list, index));
  };
  if (asking && confirm)
    return (
      <div className="ad-confirm" role="group" aria-label={label}>
        <span>{confirm}</span>
        <button type="button" className="ad-small ad-danger" onClick={remove}>
          {t('admin.removeYes')}
        </button>
        <button type="button" className="ad-small" onClick={() => setAsking(false)}>
          {t('admin.removeNo')}
        </button>
      </div>
    );
  return (
    <button type="button" className="ad-small ad-danger" onClick={() => (confirm ? setAsking(true) : remove())} aria-label={label}>
      {t('admin.remove')}
    </button>
  );
}
