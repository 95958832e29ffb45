import { performance } from 'node:perf_hooks';
import { planDay, planSampleDates } from '@talon/domain';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedPlanHistory } from '../../apps/office-server/dist/testing/plan-history-seed.js';
import { demoConfig } from '../../apps/office-server/dist/testing/test-office.js';
import { officeSetupFromConfig } from '../../apps/office-server/dist/config/office-setup-from-config.js';
import { dayPlanRulesFromConfig, deskStaffOf } from '../../apps/office-server/dist/staffing/plan-for-day.js';
import { planHistoryOf } from '../../apps/office-server/dist/staffing/plan-history.js';
import { openDatabase } from '../../apps/office-server/dist/storage/open-database.js';
const file = join(mkdtempSync(join(tmpdir(), 'talon-planprof-')), 'talon.db');
seedPlanHistory(file, { date: '2026-12-01', weeks: 6, seed: 5 });
const config = demoConfig((c) => { c.office.alwaysOpen = false; });
const setup = officeSetupFromConfig(config);
const rules = dayPlanRulesFromConfig(config, '2026-12-01');
const db = openDatabase(file);
const history = planHistoryOf(db, planSampleDates(setup, '2026-12-01', rules).used);
for (let i = 0; i < 3; i++) { const t = performance.now(); const p = planDay({ setup, date: '2026-12-01', history, deskStaff: deskStaffOf(config), rules }); console.log(performance.now() - t, p.optionsPlayed, p.expectedVisitors); }
