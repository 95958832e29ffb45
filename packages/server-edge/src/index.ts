export { BodyError, readJsonBody } from './json-body.js';
export { assetPathOf, serveBuiltFile } from './built-files.js';
export { CliError, logLevelOption, portOption } from './cli-values.js';
export { newBookingCode } from './booking-code.js';
export { phoneTokenKeyFromOfficeKey, phoneTokenOffice, signPhoneToken, verifyPhoneToken, type PhoneTicketRef } from './phone-token.js';
