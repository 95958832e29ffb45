/* The five rating buttons: debounced, reported once per press on the press edge. */
#ifndef RATING_BUTTON_BUTTONS_H
#define RATING_BUTTON_BUTTONS_H

#include <stdint.h>

void buttons_init(void);
/* Called from the 1 ms tick. */
void buttons_sample(void);
/* Presses seen since the last call, bit i for rating i + 1; clears them. */
uint8_t buttons_take_presses(void);
uint8_t buttons_pending(void);

#endif
