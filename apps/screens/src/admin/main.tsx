import { mountScreen } from '../shared/mount.js';
import { AdminScreen } from './AdminScreen.js';

mountScreen(<AdminScreen />);
