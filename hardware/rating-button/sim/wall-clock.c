#include "wall-clock.h"

#include <errno.h>

#include "sim_time.h"

void wall_clock_start(wall_clock_t *clock, avr_t *avr) {
  clock_gettime(CLOCK_MONOTONIC, &clock->start);
  clock->start_cycle = avr->cycle;
}

void wall_clock_pace(const wall_clock_t *clock, avr_t *avr) {
  uint64_t simulated_ns = avr_cycles_to_nsec(avr, avr->cycle - clock->start_cycle);
  struct timespec target = clock->start;
  target.tv_sec += (time_t)(simulated_ns / 1000000000ull);
  target.tv_nsec += (long)(simulated_ns % 1000000000ull);
  if (target.tv_nsec >= 1000000000L) {
    target.tv_sec++;
    target.tv_nsec -= 1000000000L;
  }
  while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &target, NULL) == EINTR) {
  }
}
