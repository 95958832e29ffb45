/** The kiosk's names for config texts: the one resolver in @talon/messages, under the names the kiosk uses. */
export { documentIn as localDocument, hintIn as localHint, nameIn as localName } from '@talon/messages';
