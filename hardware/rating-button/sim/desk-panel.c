#include "desk-panel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "avr_ioport.h"
#include "sim_irq.h"
#include "sim_time.h"

/* Must match the firmware's wiring (src/config.h): ratings 1..5 on PD2..PD6, LED on PB5. */
#define BUTTON_COUNT 5
#define BUTTON_FIRST_PIN 2
#define LED_PIN 5
#define DEFAULT_HOLD_MS 100
#define MAX_STEPS 12

enum { PRESSED = 0, RELEASED = 1 };

typedef struct {
  uint32_t at_us;
  uint8_t level;
} pin_step_t;

/* A button plays a script of pin levels in simulated time, so a press lasts exactly as long
 * as asked however fast the host runs. */
typedef struct {
  avr_irq_t *pin;
  pin_step_t steps[MAX_STEPS];
  int count;
  int next;
} button_t;

static button_t buttons[BUTTON_COUNT];
static int led_state = -1;
static FILE *out;

static void led_changed(avr_irq_t *irq, uint32_t value, void *param) {
  (void)irq;
  (void)param;
  int lit = value ? 1 : 0;
  if (lit == led_state) return;
  led_state = lit;
  fprintf(out, "led %d\n", lit);
}

static avr_cycle_count_t play_step(avr_t *avr, avr_cycle_count_t when, void *param) {
  button_t *button = param;
  const pin_step_t *step = &button->steps[button->next++];
  avr_raise_irq(button->pin, step->level);
  if (button->next >= button->count) return 0;
  return when + avr_usec_to_cycles(avr, button->steps[button->next].at_us - step->at_us);
}

static void play(avr_t *avr, button_t *button, const pin_step_t *steps, int count) {
  avr_cycle_timer_cancel(avr, play_step, button);
  memcpy(button->steps, steps, sizeof(pin_step_t) * (size_t)count);
  button->count = count;
  button->next = 0;
  play_step(avr, avr->cycle, button);
  if (button->next < button->count) {
    avr_cycle_timer_register_usec(avr, button->steps[button->next].at_us, play_step, button);
  }
}

void desk_panel_init(avr_t *avr, FILE *lines) {
  out = lines;
  for (int i = 0; i < BUTTON_COUNT; i++) {
    buttons[i].pin = avr_io_getirq(avr, AVR_IOCTL_IOPORT_GETIRQ('D'), BUTTON_FIRST_PIN + i);
    /* Released from the start: an undriven pin would read low, a press at power-up. */
    avr_raise_irq(buttons[i].pin, RELEASED);
  }
  avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_IOPORT_GETIRQ('B'), LED_PIN), led_changed, NULL);
  led_state = 0;
  fprintf(out, "led 0\n");
}

static bool parse_button(const char *text, int *index) {
  char *end;
  long value = strtol(text, &end, 10);
  if (end == text || value < 1 || value > BUTTON_COUNT) return false;
  *index = (int)value - 1;
  return true;
}

void desk_panel_after_reset(avr_t *avr) {
  (void)avr;
  for (int i = 0; i < BUTTON_COUNT; i++) {
    buttons[i].count = 0;
    buttons[i].next = 0;
    /* The port's reset clears the pin latch while the pin IRQ keeps its released level, and an
     * IRQ raised to the value it holds is filtered out: lower it for no simulated time (far
     * below the firmware's debounce) so the raise reaches the port again. */
    avr_raise_irq(buttons[i].pin, PRESSED);
    avr_raise_irq(buttons[i].pin, RELEASED);
  }
}

panel_action_t desk_panel_command(avr_t *avr, const char *line) {
  char verb[16] = "";
  char button_text[16] = "";
  unsigned hold_ms = DEFAULT_HOLD_MS;
  int fields = sscanf(line, "%15s %15s %u", verb, button_text, &hold_ms);
  if (fields <= 0) return PANEL_CONTINUE;
  if (strcmp(verb, "quit") == 0) return PANEL_QUIT;
  /* The harness answers "ok reset" once the MCU has been reset, not here. */
  if (strcmp(verb, "reset") == 0 && fields == 1) return PANEL_RESET;

  int index;
  if (fields < 2 || !parse_button(button_text, &index)) {
    fprintf(out, "error expected: press|bounce|down|up <1-5> [hold_ms], reset or quit; got: %s\n", line);
    return PANEL_CONTINUE;
  }
  if (hold_ms < 1 || hold_ms > 60000) hold_ms = DEFAULT_HOLD_MS;
  uint32_t hold_us = hold_ms * 1000u;
  button_t *button = &buttons[index];

  if (strcmp(verb, "press") == 0) {
    const pin_step_t steps[] = {{0, PRESSED}, {hold_us, RELEASED}};
    play(avr, button, steps, 2);
  } else if (strcmp(verb, "bounce") == 0) {
    /* Contacts chatter for a few ms on both edges, as cheap tact switches do. */
    const pin_step_t steps[] = {
        {0, PRESSED},          {300, RELEASED},          {800, PRESSED},           {1500, RELEASED},
        {2600, PRESSED},       {hold_us, RELEASED},      {hold_us + 400, PRESSED}, {hold_us + 1200, RELEASED},
        {hold_us + 2000, PRESSED}, {hold_us + 3000, RELEASED},
    };
    play(avr, button, steps, 10);
  } else if (strcmp(verb, "down") == 0) {
    const pin_step_t steps[] = {{0, PRESSED}};
    play(avr, button, steps, 1);
  } else if (strcmp(verb, "up") == 0) {
    const pin_step_t steps[] = {{0, RELEASED}};
    play(avr, button, steps, 1);
  } else {
    fprintf(out, "error unknown command: %s\n", line);
    return PANEL_CONTINUE;
  }
  fprintf(out, "ok %s\n", line);
  return PANEL_CONTINUE;
}
