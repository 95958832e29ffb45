import type { OfficeConfig } from '@talon/protocol';
import { createContext, useContext } from 'react';
import type { FieldPath } from './config-form.js';

/** The config being edited, shared by every section so each field edits by its path alone. */
export interface Draft {
  config: OfficeConfig;
  edit: (path: FieldPath, value: unknown) => void;
  replace: (change: (config: OfficeConfig) => OfficeConfig) => void;
  /** The server's last refusal, by field path. */
  problems: Map<string, string[]>;
}

export const DraftContext = createContext<Draft | null>(null);

export function useDraft(): Draft {
  const draft = useContext(DraftContext);
  if (!draft) throw new Error('useDraft outside DraftContext');
  return draft;
}
