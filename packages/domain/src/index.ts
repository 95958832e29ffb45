export * from './actor.js';
export * from './booking.js';
export * from './commands.js';
export * from './desk-state.js';
export * from './errors.js';
export * from './events.js';
export * from './office-setup.js';
export * from './queue-state.js';
export * from './ticket.js';
export { createQueueState, replaceSetup } from './create-queue-state.js';
export { decide } from './decide.js';
export { apply, applyAll } from './apply.js';
export { chooseNextTicket, isDueBooking, isPriorityTicket, type CallChoice } from './call-next.js';
export { formatTicketNumber, cyrillicTicketNumber, spokenTicketNumber, russianNumberWords } from './ticket-number.js';
export * from './voice-clips.js';
export { estimateWait, type WaitEstimate } from './estimated-wait.js';
export {
  officeDayOf,
  hoursOn,
  localTimeOf,
  issuingWindow,
  type IssuingWindow,
  scheduledBreakAt,
  instantOfLocal,
} from './office-hours.js';
export { awaitsArrival, chooseNextCall, type NextCall, type PassedOver } from './remote-place.js';
export { REMOTE_EXPIRED } from './decide-desk.js';
export { peopleAheadOf } from './people-ahead.js';
export { openDesksFor } from './open-desks.js';
export { bookingSlotStarts, type SlotDay } from './booking-slots.js';
export { countsAsDeskStaff } from './desk-staff.js';
export { toSnapshot, fromSnapshot, type QueueSnapshot } from './snapshot.js';
export { finishGaps, type FinishGap } from './finish-requirements.js';
export {
  forecastCalls,
  forecastWaitMin,
  forecastWaits,
  remainingServiceMs,
  type ForecastError,
  calibratedWaitMin,
  waitRange,
  expectedServiceMs,
  arrivalRatesFrom,
  type ArrivalRate,
  type ForecastOptions,
} from './wait-forecast.js';
export * from './quality/index.js';
export { erlangC, desksNeeded, staffingWith, type StaffingQuestion, type StaffingAnswer } from './staffing/erlang-c.js';
export { breaksOn, isoWeekdayOf } from './office-hours.js';
export { playHall, type HallPlay, type PlayDesk } from './hall-play.js';
export { seededRandom } from './staffing/seeded-random.js';
export { sampleDatesFor, expectedArrivals, type PlanHistoryTicket, type SampleDates, type SkippedDateReason, type ExpectedHour, type ExpectedArrivals } from './staffing/expected-arrivals.js';
export { servicePools, type ServicePool } from './staffing/service-pools.js';
export { desksNeededByHour, type HourNeed, type PoolHourNeed } from './staffing/desks-needed.js';
export { planRoster, type RosterDesk } from './staffing/roster.js';
export { drawDayArrivals, type PlannedVisitor } from './staffing/day-arrivals.js';
export { playPlannedDay, withDayLunches, type DayPlayResult } from './staffing/day-play.js';
export { placeLunches, placeLunchesSteps, runSteps, type LunchRules, type LunchOption } from './staffing/lunch-placement.js';
export {
  planDay,
  planDaySteps,
  planSampleDates,
  drawPlanDays,
  desksOnDuty,
  DEFAULT_DAY_PLAN_RULES,
  type DayPlan,
  type DayPlanInput,
  type DayPlanRules,
  type PlanHour,
  type PlannedLunchOption,
} from './staffing/day-plan.js';
