export { BodyError, readJsonBody } from './json-body.js';
export { assetPathOf, serveBuiltFile } from './built-files.js';
export { CliError, logLevelOption, portOption } from './cli-values.js';
export { FAVICON_DATA_URI } from './favicon.js';
export { newBookingCode } from './booking-code.js';
export { phoneTokenKeyFromOfficeKey, phoneTokenOffice, signPhoneToken, verifyPhoneToken, type PhoneTicketRef } from './phone-token.js';
export { createRefusalLog, type RefusalLog, type RefusalLogger } from './refusal-log.js';
export { createFailureCounter, type FailureCounter } from './failure-counter.js';
export { hashPassword, verifyPassword } from './password.js';
