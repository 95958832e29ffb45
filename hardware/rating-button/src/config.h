/* Rating button firmware: pins, timings and limits in one place. */
#ifndef RATING_BUTTON_CONFIG_H
#define RATING_BUTTON_CONFIG_H

#define FIRMWARE_VERSION "1.0"

/* Arduino Nano D2..D6 = PD2..PD6: buttons for ratings 1..5, to GND, internal pull-ups. */
#define BUTTON_COUNT 5
#define BUTTON_FIRST_BIT 2
#define BUTTON_MASK (((1 << BUTTON_COUNT) - 1) << BUTTON_FIRST_BIT)

/* Arduino Nano D13 = PB5: the on-board LED, plus an optional panel LED in parallel. */
#define LED_BIT 5

#define UART_BAUD 9600UL

#define DEBOUNCE_MS 20
#define LOCKOUT_MS 1000
#define RETRANSMIT_MS 500
#define HEARTBEAT_MS 1000

/* EEPROM byte 0 holds the device id; blank (0xFF) or out of range means 1. */
#define DEVICE_ID_EEPROM_ADDRESS 0
#define DEVICE_ID_DEFAULT 1

#endif
