/* The desk side of the simulated unit: five buttons driven through pin IRQs on commands, and
 * the LED reported on stdout when it changes. */
#ifndef RATING_BUTTON_SIM_DESK_PANEL_H
#define RATING_BUTTON_SIM_DESK_PANEL_H

#include <stdbool.h>
#include <stdio.h>

#include "sim_avr.h"

/* Lines go to `out`: the harness keeps its real stdout for them alone. */
void desk_panel_init(avr_t *avr, FILE *out);
/* Runs one command line; false when the line asks the harness to quit. */
bool desk_panel_command(avr_t *avr, const char *line);

#endif
