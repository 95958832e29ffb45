export { pollingHandshakes } from './polling-handshakes.js';
