#include "uart.h"

#include <avr/interrupt.h>
#include <avr/io.h>

#include "config.h"

/* Sizes are powers of two so indices wrap with a mask. RX holds a burst of a few host frames;
 * TX holds a heartbeat and a full set of eight retransmits. */
#define RX_SIZE 64
#define TX_SIZE 256

static volatile uint8_t rx_buffer[RX_SIZE];
static volatile uint8_t rx_head, rx_tail;
static volatile uint8_t tx_buffer[TX_SIZE];
static volatile uint8_t tx_head, tx_tail;

void uart_init(void) {
  const uint16_t ubrr = (uint16_t)(F_CPU / (16UL * UART_BAUD) - 1);
  UBRR0H = (uint8_t)(ubrr >> 8);
  UBRR0L = (uint8_t)ubrr;
  UCSR0A = 0;
  UCSR0C = (1 << UCSZ01) | (1 << UCSZ00);
  UCSR0B = (1 << RXEN0) | (1 << TXEN0) | (1 << RXCIE0);
}

ISR(USART_RX_vect) {
  uint8_t status = UCSR0A;
  uint8_t byte = UDR0;
  uint8_t next = (uint8_t)((rx_head + 1) & (RX_SIZE - 1));
  /* A framing error or a full buffer loses the byte; the frame's CRC then rejects the frame. */
  if ((status & (1 << FE0)) || next == rx_tail) return;
  rx_buffer[rx_head] = byte;
  rx_head = next;
}

ISR(USART_UDRE_vect) {
  if (tx_head == tx_tail) {
    UCSR0B &= (uint8_t)~(1 << UDRIE0);
    return;
  }
  UDR0 = tx_buffer[tx_tail];
  tx_tail = (uint8_t)((tx_tail + 1) & (TX_SIZE - 1));
}

bool uart_has_input(void) {
  return rx_head != rx_tail;
}

bool uart_read(uint8_t *byte) {
  if (rx_head == rx_tail) return false;
  *byte = rx_buffer[rx_tail];
  rx_tail = (uint8_t)((rx_tail + 1) & (RX_SIZE - 1));
  return true;
}

void uart_write(const char *data, uint8_t length) {
  for (uint8_t i = 0; i < length; i++) {
    uint8_t next = (uint8_t)((tx_head + 1) & (TX_SIZE - 1));
    while (next == tx_tail) {
      /* The UDRE interrupt drains the buffer meanwhile. */
    }
    tx_buffer[tx_head] = (uint8_t)data[i];
    tx_head = next;
    UCSR0B |= (1 << UDRIE0);
  }
}
