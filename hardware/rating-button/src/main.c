/*
 * Desk rating button: five buttons (ratings 1..5), one LED, one serial line to the host.
 * Speaks the line protocol in ../PROTOCOL.md, version 1.
 */
#include <avr/interrupt.h>
#include <avr/io.h>
#include <avr/sleep.h>
#include <stdbool.h>

#include "buttons.h"
#include "clock.h"
#include "config.h"
#include "device-id.h"
#include "frame.h"
#include "rating-queue.h"
#include "uart.h"

static uint8_t device_id;
static bool window_open;
static bool has_accepted;
static uint32_t last_accepted_ms;
static rating_queue_t queue;
static frame_reader_t reader;

static void set_window(bool open) {
  window_open = open;
  if (open) {
    PORTB |= (1 << LED_BIT);
  } else {
    PORTB &= (uint8_t)~(1 << LED_BIT);
  }
}

static void send(frame_builder_t *frame) {
  uint8_t length = frame_finish(frame);
  if (length > 0) uart_write(frame->text, length);
}

static void send_boot(void) {
  frame_builder_t frame;
  frame_begin(&frame, 'B', device_id);
  frame_add_text(&frame, FIRMWARE_VERSION);
  send(&frame);
}

static void send_event(const rating_event_t *event) {
  frame_builder_t frame;
  frame_begin(&frame, 'E', device_id);
  frame_add_uint(&frame, event->seq);
  frame_add_uint(&frame, event->value);
  send(&frame);
}

static void send_heartbeat(uint32_t now_ms) {
  frame_builder_t frame;
  frame_begin(&frame, 'H', device_id);
  frame_add_uint(&frame, now_ms / 1000);
  frame_add_uint(&frame, queue.count);
  frame_add_uint(&frame, queue.lost);
  send(&frame);
}

static void send_reply(char command) {
  char text[2] = {command, '\0'};
  frame_builder_t frame;
  frame_begin(&frame, 'K', device_id);
  frame_add_text(&frame, text);
  send(&frame);
}

static void handle_command(const host_command_t *command) {
  /* Several units may share an RS-485 line; frames for another id are not ours. */
  if (command->device_id != device_id) return;
  switch (command->type) {
    case 'A':
      rating_queue_ack(&queue, command->arg);
      break;
    case 'L':
      set_window(command->arg == 1);
      send_reply('L');
      break;
    case 'P':
      send_reply('P');
      break;
    default:
      break;
  }
}

static void handle_presses(uint8_t presses, uint32_t now_ms) {
  if (!window_open) return;
  if (has_accepted && now_ms - last_accepted_ms < LOCKOUT_MS) return;
  /* Two buttons in the same tick: the lower rating wins; the other is not a second visitor. */
  uint8_t index = 0;
  while (!(presses & (1 << index))) index++;
  rating_queue_add(&queue, (uint8_t)(index + 1), now_ms);
  has_accepted = true;
  last_accepted_ms = now_ms;
  set_window(false);
}

/* Idle sleep until the next interrupt (the 1 ms tick at the latest), unless work is waiting. */
static void idle(void) {
  cli();
  if (!uart_has_input() && !buttons_pending()) {
    sleep_enable();
    sei();
    sleep_cpu(); /* SEI takes effect after this instruction, so no wake-up is missed */
    sleep_disable();
  } else {
    sei();
  }
}

int main(void) {
  device_id = device_id_read();
  DDRB |= (1 << LED_BIT);
  set_window(false);
  buttons_init();
  uart_init();
  clock_init();
  rating_queue_init(&queue);
  frame_reader_init(&reader);
  set_sleep_mode(SLEEP_MODE_IDLE);
  sei();

  send_boot();
  uint32_t next_heartbeat_ms = clock_ms() + HEARTBEAT_MS;

  for (;;) {
    uint32_t now_ms = clock_ms();

    uint8_t byte;
    host_command_t command;
    while (uart_read(&byte)) {
      if (frame_reader_push(&reader, byte, &command)) handle_command(&command);
    }

    uint8_t presses = buttons_take_presses();
    if (presses) handle_presses(presses, now_ms);

    rating_event_t event;
    while (rating_queue_take_due(&queue, now_ms, RETRANSMIT_MS, &event)) send_event(&event);

    if ((int32_t)(now_ms - next_heartbeat_ms) >= 0) {
      send_heartbeat(now_ms);
      next_heartbeat_ms += HEARTBEAT_MS;
    }

    idle();
  }
}
