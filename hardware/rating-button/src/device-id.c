#include "device-id.h"

#include <avr/eeprom.h>

#include "config.h"
#include "protocol.h"

uint8_t device_id_read(void) {
  uint8_t stored = eeprom_read_byte((const uint8_t *)DEVICE_ID_EEPROM_ADDRESS);
  return (stored >= DEVICE_ID_MIN && stored <= DEVICE_ID_MAX) ? stored : DEVICE_ID_DEFAULT;
}
