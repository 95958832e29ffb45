/* Limits of the line protocol, version 1 (see ../PROTOCOL.md). No hardware here: host tests use it. */
#ifndef RATING_BUTTON_PROTOCOL_H
#define RATING_BUTTON_PROTOCOL_H

#define FRAME_MAX 48
#define DEVICE_ID_MIN 1
#define DEVICE_ID_MAX 247
#define SEQ_MIN 1
#define SEQ_MAX 255
#define RATING_MIN 1
#define RATING_MAX 5
#define MAX_PENDING 8

#endif
