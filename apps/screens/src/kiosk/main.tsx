import { mountScreen } from '../shared/mount.js';
import { KioskScreen } from './KioskScreen.js';

mountScreen(<KioskScreen />);
