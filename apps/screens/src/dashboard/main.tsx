import { mountScreen } from '../shared/mount.js';
import { DashboardScreen } from './DashboardScreen.js';

mountScreen(<DashboardScreen />);
