export { crc8, crc8Hex } from './crc8.js';
export {
  PROTOCOL_VERSION,
  MAX_FRAME_BYTES,
  DEVICE_ID_MIN,
  DEVICE_ID_MAX,
  SEQ_MIN,
  SEQ_MAX,
  RATING_MIN,
  RATING_MAX,
  MAX_PENDING_EVENTS,
  FrameEncodeError,
  encodeHostFrame,
  encodeDeviceFrame,
  wrapBody,
  unwrapFrame,
  decodeDeviceBody,
  decodeHostBody,
} from './frame-codec.js';
export type { HostFrame, DeviceFrame, DeviceCommand, RatingValue, FrameDropReason, BodyDecodeResult } from './frame-codec.js';
export { FrameParser, createDeviceFrameParser, createHostFrameParser } from './frame-parser.js';
export type { ParsedFrame } from './frame-parser.js';
export { RatingDedupe } from './rating-dedupe.js';
export { DEFAULT_REOPEN_BACKOFF, reopenDelayMs } from './reopen-backoff.js';
export type { ReopenBackoff } from './reopen-backoff.js';
export { RatingButtonError } from './rating-button-errors.js';
export type { RatingButtonErrorCode } from './rating-button-errors.js';
export { RatingButtonDriver, RATING_BUTTON_BAUD_RATE, systemClock } from './rating-button-driver.js';
export type {
  RatingButtonDriverOptions,
  RatingButtonDriverEvents,
  RatingEvent,
  HeartbeatEvent,
  DriverClock,
} from './rating-button-driver.js';
export { listSerialPorts } from './serial-port-list.js';
export type { SerialPortInfo, SerialPortListing } from './serial-port-list.js';
