import { mountScreen } from '../shared/mount.js';
import { OperatorScreen } from './OperatorScreen.js';

mountScreen(<OperatorScreen />);
