/**
 * Every IPC channel between the shell and its pages, in one place. The sandboxed preload cannot
 * import this file (it may require nothing but Electron), so it repeats the names, and
 * preload.test.ts holds the two equal.
 */
export const IPC = {
  statusGet: 'talon:status:get',
  statusPush: 'talon:status',
  setupLoad: 'talon:setup:load',
  setupSave: 'talon:setup:save',
} as const;
