#include "rating-queue.h"

void rating_queue_init(rating_queue_t *queue) {
  queue->count = 0;
  queue->last_seq = (uint8_t)(RATING_SEQ_FIRST - 1);
  queue->lost = 0;
}

static void remove_at(rating_queue_t *queue, uint8_t index) {
  for (uint8_t i = index; i + 1 < queue->count; i++) queue->events[i] = queue->events[i + 1];
  queue->count--;
}

void rating_queue_add(rating_queue_t *queue, uint8_t value, uint32_t now_ms) {
  if (queue->count == MAX_PENDING) {
    remove_at(queue, 0);
    queue->lost++;
  }
  queue->last_seq = queue->last_seq >= SEQ_MAX ? SEQ_MIN : (uint8_t)(queue->last_seq + 1);
  rating_event_t *event = &queue->events[queue->count++];
  event->seq = queue->last_seq;
  event->value = value;
  event->due_ms = now_ms;
}

void rating_queue_ack(rating_queue_t *queue, uint8_t seq) {
  for (uint8_t i = 0; i < queue->count; i++) {
    if (queue->events[i].seq == seq) {
      remove_at(queue, i);
      return;
    }
  }
}

bool rating_queue_take_due(rating_queue_t *queue, uint32_t now_ms, uint32_t retransmit_ms, rating_event_t *event) {
  for (uint8_t i = 0; i < queue->count; i++) {
    rating_event_t *candidate = &queue->events[i];
    /* Signed difference, so the comparison survives the millisecond counter wrapping. */
    if ((int32_t)(now_ms - candidate->due_ms) >= 0) {
      candidate->due_ms = now_ms + retransmit_ms;
      *event = *candidate;
      return true;
    }
  }
  return false;
}
