/* Holds the simulation back to wall-clock time, so 9600 baud and the firmware's 500 ms and 1 s
 * timers take as long as they would on a desk. */
#ifndef RATING_BUTTON_SIM_WALL_CLOCK_H
#define RATING_BUTTON_SIM_WALL_CLOCK_H

#include <time.h>

#include "sim_avr.h"

typedef struct {
  struct timespec start;
  avr_cycle_count_t start_cycle;
} wall_clock_t;

void wall_clock_start(wall_clock_t *clock, avr_t *avr);
/* Sleeps until wall time has caught up with simulated time; returns at once when behind. */
void wall_clock_pace(const wall_clock_t *clock, avr_t *avr);

#endif
