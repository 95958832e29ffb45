#include "buttons.h"

#include <avr/io.h>
#include <util/atomic.h>

#include "config.h"

static uint8_t stable_pressed;      /* debounced state, bit i = button i held */
static uint8_t counters[BUTTON_COUNT];
static volatile uint8_t press_edges;

void buttons_init(void) {
  DDRD &= (uint8_t)~BUTTON_MASK;
  PORTD |= BUTTON_MASK; /* pull-ups: a button pulls its pin to GND */
}

void buttons_sample(void) {
  uint8_t raw_pressed = (uint8_t)((~PIND & BUTTON_MASK) >> BUTTON_FIRST_BIT);
  for (uint8_t i = 0; i < BUTTON_COUNT; i++) {
    uint8_t bit = (uint8_t)(1 << i);
    if ((raw_pressed & bit) == (stable_pressed & bit)) {
      counters[i] = 0;
      continue;
    }
    /* The new level must hold for DEBOUNCE_MS ticks in a row; any bounce starts over. */
    if (++counters[i] < DEBOUNCE_MS) continue;
    counters[i] = 0;
    stable_pressed ^= bit;
    if (stable_pressed & bit) press_edges |= bit;
  }
}

uint8_t buttons_take_presses(void) {
  uint8_t presses;
  ATOMIC_BLOCK(ATOMIC_RESTORESTATE) {
    presses = press_edges;
    press_edges = 0;
  }
  return presses;
}

uint8_t buttons_pending(void) {
  return press_edges;
}
