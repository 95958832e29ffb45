export { createCentralService, type CentralService, type CentralServiceOptions } from './app.js';
export { parseCentralConfig, loadCentralConfig, type CentralConfig } from './config/central-config.js';
export { hashSecret } from './config/secret-hash.js';
export { createSqliteCentralStore } from './storage/sqlite/sqlite-central-store.js';
export type { CentralStore, CentralBooking } from './storage/central-store.js';
export { createCentralLogger, silentCentralLogger } from './logger.js';
