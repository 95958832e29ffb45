#ifndef RATING_BUTTON_DEVICE_ID_H
#define RATING_BUTTON_DEVICE_ID_H

#include <stdint.h>

/* The id stored in EEPROM byte 0, or 1 when that byte is blank or out of range. */
uint8_t device_id_read(void);

#endif
