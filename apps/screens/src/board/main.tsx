import { mountScreen } from '../shared/mount.js';
import { BoardScreen } from './BoardScreen.js';

mountScreen(<BoardScreen />);
