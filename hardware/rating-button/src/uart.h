/* USART0 at 9600 8N1, both directions buffered and interrupt driven. */
#ifndef RATING_BUTTON_UART_H
#define RATING_BUTTON_UART_H

#include <stdbool.h>
#include <stdint.h>

void uart_init(void);
/* Next received byte, if any. Main loop only. */
bool uart_read(uint8_t *byte);
bool uart_has_input(void);
/* Queues bytes for sending; waits for room if the buffer is full. Main loop only. */
void uart_write(const char *data, uint8_t length);

#endif
