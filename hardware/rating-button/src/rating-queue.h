/* Rating events waiting for the host's ack: numbering, retransmit schedule, loss. Pure C. */
#ifndef RATING_BUTTON_RATING_QUEUE_H
#define RATING_BUTTON_RATING_QUEUE_H

#include <stdbool.h>
#include <stdint.h>
#include "protocol.h"

/* The seq of the first rating after boot: SEQ_MIN in every unit. Only the test build
 * `make sim-seq-wrap` starts near the end of the range, so a test reaches the wrap (255 -> 1)
 * in a few presses instead of 254, each a second apart at the least. */
#ifndef RATING_SEQ_FIRST
#define RATING_SEQ_FIRST SEQ_MIN
#endif
#if RATING_SEQ_FIRST < SEQ_MIN || RATING_SEQ_FIRST > SEQ_MAX
#error "RATING_SEQ_FIRST must be within SEQ_MIN..SEQ_MAX"
#endif

typedef struct {
  uint8_t seq;
  uint8_t value;
  uint32_t due_ms;
} rating_event_t;

typedef struct {
  rating_event_t events[MAX_PENDING]; /* oldest first */
  uint8_t count;
  uint8_t last_seq;
  uint32_t lost;
} rating_queue_t;

void rating_queue_init(rating_queue_t *queue);
/* Queues a new rating, due at once; the oldest is dropped (and counted lost) when full. */
void rating_queue_add(rating_queue_t *queue, uint8_t value, uint32_t now_ms);
/* Forgets the event with this seq, if any. Acks are idempotent. */
void rating_queue_ack(rating_queue_t *queue, uint8_t seq);
/* Copies the oldest event due at `now_ms` into *event and schedules its next copy. */
bool rating_queue_take_due(rating_queue_t *queue, uint32_t now_ms, uint32_t retransmit_ms, rating_event_t *event);

#endif
