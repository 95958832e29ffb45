/* Host-side tests of the firmware's pure parts: frames and the rating queue. `make check`. */
#include <stdio.h>
#include <string.h>

#include "frame.h"
#include "rating-queue.h"

static int failures;

#define CHECK(condition)                                                  \
  do {                                                                    \
    if (!(condition)) {                                                   \
      fprintf(stderr, "%s:%d: failed: %s\n", __FILE__, __LINE__, #condition); \
      failures++;                                                         \
    }                                                                     \
  } while (0)

/* Feeds a string; returns how many commands it produced, the last one in *command. */
static int feed(frame_reader_t *reader, const char *text, size_t length, host_command_t *command) {
  int produced = 0;
  for (size_t i = 0; i < length; i++) {
    if (frame_reader_push(reader, (uint8_t)text[i], command)) produced++;
  }
  return produced;
}

static int feed_text(const char *text, host_command_t *command) {
  frame_reader_t reader;
  frame_reader_init(&reader);
  return feed(&reader, text, strlen(text), command);
}

static void test_crc(void) {
  CHECK(crc8("P,7", 3) == 0xF3);
  CHECK(crc8("123456789", 9) == 0xF4);
  CHECK(crc8("", 0) == 0x00);
}

static void test_builder(void) {
  frame_builder_t frame;
  frame_begin(&frame, 'E', 1);
  frame_add_uint(&frame, 1);
  frame_add_uint(&frame, 5);
  uint8_t length = frame_finish(&frame);
  CHECK(length == 13 && memcmp(frame.text, "$E,1,1,5*7E\r\n", 13) == 0);

  frame_begin(&frame, 'H', 247);
  frame_add_uint(&frame, 4294967295u);
  frame_add_uint(&frame, 8);
  frame_add_uint(&frame, 4294967295u);
  length = frame_finish(&frame);
  CHECK(length == 35 && memcmp(frame.text, "$H,247,4294967295,8,4294967295*", 31) == 0);

  frame_begin(&frame, 'B', 1);
  frame_add_text(&frame, "1.0");
  length = frame_finish(&frame);
  CHECK(length == 13 && memcmp(frame.text, "$B,1,1.0*5C\r\n", 13) == 0);

  frame_begin(&frame, 'K', 1);
  frame_add_text(&frame, "P");
  length = frame_finish(&frame);
  CHECK(length == 11 && memcmp(frame.text, "$K,1,P*3E\r\n", 11) == 0);

  /* Too long for one frame: refused, never truncated into something else. */
  frame_begin(&frame, 'B', 1);
  frame_add_text(&frame, "0123456789012345678901234567890123456789");
  CHECK(frame_finish(&frame) == 0);
}

static void test_reader_accepts(void) {
  host_command_t command;
  CHECK(feed_text("$P,7*F3\r\n", &command) == 1 && command.type == 'P' && command.device_id == 7);
  CHECK(feed_text("$A,1,1*C3\r\n", &command) == 1 && command.type == 'A' && command.arg == 1);
  CHECK(feed_text("$L,1,1*37\r\n", &command) == 1 && command.type == 'L' && command.arg == 1);
  CHECK(feed_text("$L,1,0*30\r\n", &command) == 1 && command.type == 'L' && command.arg == 0);
  /* Noise before, a torn frame, then a good one: only the good one counts. */
  static const char noisy[] = "\xff\x00junk$L,1,$P,7*F3\r\n";
  frame_reader_t reader;
  frame_reader_init(&reader);
  CHECK(feed(&reader, noisy, sizeof(noisy) - 1, &command) == 1 && command.type == 'P');
  /* Two frames back to back. */
  CHECK(feed_text("$L,1,1*37\r\n$P,7*F3\r\n", &command) == 2 && command.type == 'P');
}

static char hex_digit(unsigned value) {
  return "0123456789ABCDEF"[value & 0xF];
}

/* A frame with a correct CRC around any body, so only the body is under test. */
static int feed_body(const char *body, host_command_t *command) {
  char text[80];
  uint8_t crc = crc8(body, (uint8_t)strlen(body));
  snprintf(text, sizeof(text), "$%s*%c%c\r\n", body, hex_digit(crc >> 4), hex_digit(crc));
  return feed_text(text, command);
}

static void test_reader_rejects(void) {
  host_command_t command;
  CHECK(feed_text("$P,7*F4\r\n", &command) == 0);   /* bad CRC */
  CHECK(feed_text("$P,7*f3\r\n", &command) == 0);   /* lower-case hex */
  CHECK(feed_text("$P,7*F3\n", &command) == 0);     /* no CR */
  CHECK(feed_text("$P,\x01" "7*F3\r\n", &command) == 0);
  CHECK(feed_text("$P,\xe9" "7*F3\r\n", &command) == 0);
  CHECK(feed_body("P,7", &command) == 1);
  CHECK(feed_body("P,07", &command) == 0);          /* leading zero */
  CHECK(feed_body("P,0", &command) == 0);           /* id out of range */
  CHECK(feed_body("P,248", &command) == 0);
  CHECK(feed_body("P,1,1", &command) == 0);         /* field count */
  CHECK(feed_body("A,1", &command) == 0);
  CHECK(feed_body("A,1,0", &command) == 0);         /* seq out of range */
  CHECK(feed_body("A,1,256", &command) == 0);
  CHECK(feed_body("A,1,1,1", &command) == 0);
  CHECK(feed_body("A,1,", &command) == 0);
  CHECK(feed_body("L,1,2", &command) == 0);
  CHECK(feed_body("L,1,+1", &command) == 0);
  CHECK(feed_body("E,1,1,5", &command) == 0);       /* a device frame is not a command */
  CHECK(feed_body("PP,1", &command) == 0);
  CHECK(feed_body("P1", &command) == 0);

  /* 49 bytes with no line end: dropped, and the next frame still gets through. */
  char long_text[80];
  memset(long_text, '1', sizeof(long_text));
  memcpy(long_text, "$A,1,", 5);
  frame_reader_t reader;
  frame_reader_init(&reader);
  CHECK(feed(&reader, long_text, 49, &command) == 0);
  CHECK(feed(&reader, "*00\r\n", 5, &command) == 0);
  CHECK(feed(&reader, "$P,7*F3\r\n", 9, &command) == 1);
}

static void test_queue(void) {
  rating_queue_t queue;
  rating_event_t event;
  rating_queue_init(&queue);

  rating_queue_add(&queue, 5, 1000);
  CHECK(queue.count == 1 && queue.events[0].seq == 1);
  CHECK(rating_queue_take_due(&queue, 1000, 500, &event) && event.seq == 1 && event.value == 5);
  CHECK(!rating_queue_take_due(&queue, 1499, 500, &event));
  CHECK(rating_queue_take_due(&queue, 1500, 500, &event) && event.seq == 1);
  rating_queue_ack(&queue, 1);
  rating_queue_ack(&queue, 1); /* idempotent */
  CHECK(queue.count == 0 && !rating_queue_take_due(&queue, 5000, 500, &event));

  /* Nine unacked: the oldest goes, counted lost. */
  for (uint8_t i = 0; i < 9; i++) rating_queue_add(&queue, 3, 2000);
  CHECK(queue.count == 8 && queue.lost == 1 && queue.events[0].seq == 3 && queue.events[7].seq == 10);

  /* Acking from the middle keeps the order of the rest. */
  rating_queue_ack(&queue, 5);
  CHECK(queue.count == 7 && queue.events[2].seq == 6);

  /* seq runs 1..255 then 1 again, never 0. */
  rating_queue_init(&queue);
  for (int i = 0; i < 255; i++) {
    rating_queue_add(&queue, 1, 0);
    rating_queue_ack(&queue, queue.last_seq);
  }
  CHECK(queue.last_seq == 255);
  rating_queue_add(&queue, 2, 0);
  CHECK(queue.events[0].seq == 1);

  /* Due times survive the millisecond counter wrapping. */
  rating_queue_init(&queue);
  rating_queue_add(&queue, 4, 0xFFFFFF00u);
  CHECK(rating_queue_take_due(&queue, 0xFFFFFF00u, 500, &event));
  CHECK(!rating_queue_take_due(&queue, 0xFFFFFFFFu, 500, &event));
  CHECK(rating_queue_take_due(&queue, 0x000000F4u, 500, &event));
}

int main(void) {
  test_crc();
  test_builder();
  test_reader_accepts();
  test_reader_rejects();
  test_queue();
  if (failures) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  puts("firmware host tests passed");
  return 0;
}
