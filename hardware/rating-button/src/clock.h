/* Millisecond tick from Timer0; also samples the buttons each tick. */
#ifndef RATING_BUTTON_CLOCK_H
#define RATING_BUTTON_CLOCK_H

#include <stdint.h>

void clock_init(void);
uint32_t clock_ms(void);

#endif
