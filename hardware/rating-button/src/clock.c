#include "clock.h"

#include <avr/interrupt.h>
#include <avr/io.h>
#include <util/atomic.h>

#include "buttons.h"

static volatile uint32_t milliseconds;

void clock_init(void) {
  /* CTC, prescaler 64, 250 counts: 16 MHz / 64 / 250 = 1 kHz. */
  TCCR0A = (1 << WGM01);
  TCCR0B = (1 << CS01) | (1 << CS00);
  OCR0A = (uint8_t)(F_CPU / 64 / 1000 - 1);
  TIMSK0 = (1 << OCIE0A);
}

ISR(TIMER0_COMPA_vect) {
  milliseconds++;
  buttons_sample();
}

uint32_t clock_ms(void) {
  uint32_t now;
  ATOMIC_BLOCK(ATOMIC_RESTORESTATE) {
    now = milliseconds;
  }
  return now;
}
