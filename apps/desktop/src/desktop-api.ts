import type { AgentStatus } from '@talon/device-agent';
import type { ConfigIssue } from './shell-config.js';
import type { SetupDraft } from './setup-draft.js';
import type { WindowKind } from './window-options.js';

/** What the page may know of the PC it runs on; never a token. */
export interface ShellStatus {
  role: WindowKind;
  /** null when this PC runs no device agent. */
  agent: AgentStatus | null;
}

export interface SetupView {
  draft: SetupDraft;
  /** Why the saved config was refused, when it was. */
  issues: ConfigIssue[];
}

export type SetupSaveResult = { ok: true } | { ok: false; issues: ConfigIssue[] };

/** `window.talon` in every page the shell shows. Narrow on purpose: each member is a need. */
export interface TalonDesktopApi {
  readonly role: WindowKind | undefined;
  status(): Promise<ShellStatus>;
  /** Returns the function that stops listening. */
  onStatus(listener: (status: ShellStatus) => void): () => void;
  readonly setup: {
    load(): Promise<SetupView>;
    save(draft: SetupDraft): Promise<SetupSaveResult>;
  };
}
