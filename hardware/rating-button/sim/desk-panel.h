/* The desk side of the simulated unit: five buttons driven through pin IRQs on commands, and
 * the LED reported on stdout when it changes. */
#ifndef RATING_BUTTON_SIM_DESK_PANEL_H
#define RATING_BUTTON_SIM_DESK_PANEL_H

#include <stdbool.h>
#include <stdio.h>

#include "sim_avr.h"

/* Lines go to `out`: the harness keeps its real stdout for them alone. */
void desk_panel_init(avr_t *avr, FILE *out);
typedef enum { PANEL_CONTINUE, PANEL_QUIT, PANEL_RESET } panel_action_t;

/* Runs one command line. PANEL_RESET asks the harness to reset the MCU, as a power blip or a
 * replug does: the firmware boots again with its sequence numbers and uptime from the start. */
panel_action_t desk_panel_command(avr_t *avr, const char *line);
/* After avr_reset: buttons released, pending presses dropped (a reset clears cycle timers). */
void desk_panel_after_reset(avr_t *avr);

#endif
