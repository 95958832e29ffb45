#include "frame.h"

uint8_t crc8(const char *data, uint8_t length) {
  uint8_t crc = 0;
  for (uint8_t i = 0; i < length; i++) {
    crc ^= (uint8_t)data[i];
    for (uint8_t bit = 0; bit < 8; bit++) {
      crc = (crc & 0x80) ? (uint8_t)((crc << 1) ^ 0x07) : (uint8_t)(crc << 1);
    }
  }
  return crc;
}

static const char HEX_DIGITS[] = "0123456789ABCDEF";

static void put(frame_builder_t *frame, char c) {
  /* Room is kept for "*HH\r\n" so frame_finish can always close a frame that fit. */
  if (frame->length >= FRAME_MAX - 5) {
    frame->ok = false;
    return;
  }
  frame->text[frame->length++] = c;
}

void frame_begin(frame_builder_t *frame, char type, uint8_t device_id) {
  frame->length = 0;
  frame->ok = true;
  put(frame, '$');
  put(frame, type);
  frame_add_uint(frame, device_id);
}

void frame_add_uint(frame_builder_t *frame, uint32_t value) {
  char digits[10];
  uint8_t count = 0;
  do {
    digits[count++] = (char)('0' + value % 10);
    value /= 10;
  } while (value > 0);
  put(frame, ',');
  while (count > 0) put(frame, digits[--count]);
}

void frame_add_text(frame_builder_t *frame, const char *text) {
  put(frame, ',');
  while (*text) put(frame, *text++);
}

uint8_t frame_finish(frame_builder_t *frame) {
  if (!frame->ok) return 0;
  uint8_t crc = crc8(frame->text + 1, (uint8_t)(frame->length - 1));
  frame->text[frame->length++] = '*';
  frame->text[frame->length++] = HEX_DIGITS[crc >> 4];
  frame->text[frame->length++] = HEX_DIGITS[crc & 0x0F];
  frame->text[frame->length++] = '\r';
  frame->text[frame->length++] = '\n';
  return frame->length;
}

void frame_reader_init(frame_reader_t *reader) {
  reader->length = 0;
  reader->in_frame = false;
}

static int8_t hex_value(char c) {
  if (c >= '0' && c <= '9') return (int8_t)(c - '0');
  if (c >= 'A' && c <= 'F') return (int8_t)(c - 'A' + 10);
  return -1;
}

/* One decimal field ending at ',' or at `end`: no sign, no leading zeros, at most `max`. */
static bool read_field(const char **cursor, const char *end, uint16_t max, uint16_t *value) {
  const char *p = *cursor;
  if (p >= end || *p < '0' || *p > '9') return false;
  if (*p == '0' && p + 1 < end && p[1] != ',') return false;
  uint16_t result = 0;
  while (p < end && *p != ',') {
    if (*p < '0' || *p > '9') return false;
    result = (uint16_t)(result * 10 + (uint16_t)(*p - '0'));
    if (result > max) return false;
    p++;
  }
  *value = result;
  *cursor = p;
  return true;
}

static bool decode_host_frame(const char *text, uint8_t length, host_command_t *command) {
  /* Shortest host frame: "$P,1*XX\r\n". */
  if (length < 9 || text[length - 2] != '\r' || text[length - 5] != '*') return false;
  int8_t high = hex_value(text[length - 4]);
  int8_t low = hex_value(text[length - 3]);
  if (high < 0 || low < 0) return false;
  const char *body = text + 1;
  const char *end = text + length - 5;
  if (crc8(body, (uint8_t)(end - body)) != (uint8_t)((high << 4) | low)) return false;

  char type = body[0];
  if (body[1] != ',') return false;
  const char *cursor = body + 2;
  uint16_t device_id;
  if (!read_field(&cursor, end, DEVICE_ID_MAX, &device_id) || device_id < DEVICE_ID_MIN) return false;

  uint16_t arg = 0;
  switch (type) {
    case 'P':
      if (cursor != end) return false;
      break;
    case 'A':
    case 'L':
      if (cursor >= end || *cursor != ',') return false;
      cursor++;
      if (!read_field(&cursor, end, type == 'A' ? SEQ_MAX : 1, &arg) || cursor != end) return false;
      if (type == 'A' && arg < SEQ_MIN) return false;
      break;
    default:
      return false;
  }
  command->type = type;
  command->device_id = (uint8_t)device_id;
  command->arg = (uint8_t)arg;
  return true;
}

bool frame_reader_push(frame_reader_t *reader, uint8_t byte, host_command_t *command) {
  if (byte == '$') {
    /* A '$' always starts a frame: a lost byte costs at most the frame it hit. */
    reader->text[0] = '$';
    reader->length = 1;
    reader->in_frame = true;
    return false;
  }
  if (!reader->in_frame) return false;
  bool printable = byte >= 0x20 && byte <= 0x7E;
  if (!printable && byte != '\r' && byte != '\n') {
    reader->in_frame = false;
    return false;
  }
  reader->text[reader->length++] = (char)byte;
  if (byte == '\n') {
    reader->in_frame = false;
    return decode_host_frame(reader->text, reader->length, command);
  }
  if (reader->length >= FRAME_MAX) reader->in_frame = false;
  return false;
}
