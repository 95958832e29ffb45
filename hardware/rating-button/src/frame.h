/* Frames of the line protocol: CRC-8, building device frames, reading host frames. Pure C. */
#ifndef RATING_BUTTON_FRAME_H
#define RATING_BUTTON_FRAME_H

#include <stdbool.h>
#include <stdint.h>
#include "protocol.h"

uint8_t crc8(const char *data, uint8_t length);

/* Builds "$T,dev,...*HH\r\n". Fields that would overflow FRAME_MAX are refused (ok = false). */
typedef struct {
  char text[FRAME_MAX];
  uint8_t length;
  bool ok;
} frame_builder_t;

void frame_begin(frame_builder_t *frame, char type, uint8_t device_id);
void frame_add_uint(frame_builder_t *frame, uint32_t value);
void frame_add_text(frame_builder_t *frame, const char *text);
/* Appends the CRC and line end; returns the frame length, or 0 if the frame did not fit. */
uint8_t frame_finish(frame_builder_t *frame);

typedef struct {
  char type;      /* 'A', 'L' or 'P' */
  uint8_t device_id;
  uint8_t arg;    /* A: seq; L: 0 closed, 1 open; P: unused */
} host_command_t;

/* Streaming reader of host frames, fed one byte at a time from the UART. */
typedef struct {
  char text[FRAME_MAX];
  uint8_t length;
  bool in_frame;
} frame_reader_t;

void frame_reader_init(frame_reader_t *reader);
/* True when `byte` completed a valid host frame, written to *command. */
bool frame_reader_push(frame_reader_t *reader, uint8_t byte, host_command_t *command);

#endif
