/** One mask for phones everywhere (office and central): the protocol's. */
export { maskPhone } from '@talon/protocol';
