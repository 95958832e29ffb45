/*
 * Runs the rating button firmware under simavr for tests and bench work:
 *   rating-button-sim [--device-id N] build/rating-button-sim.elf
 * stdout, one line each: "pty <path>" once the UART is bridged, "led 0|1" on every change,
 * "ok <command>" or "error <reason>" per command. stdin: "press <1-5> [ms]", "bounce <1-5> [ms]",
 * "down <1-5>", "up <1-5>", "reset" (the MCU restarts, as after a power blip), "quit". EOF on stdin also quits, so the harness never outlives
 * the test that started it.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "avr_eeprom.h"
#include "sim_avr.h"
#include "sim_elf.h"
#include "uart_pty.h"

#include "desk-panel.h"
#include "wall-clock.h"

#define SIMAVR_UART_LINK "/tmp/simavr-uart0"

static uart_pty_t uart_bridge;

static void usage(const char *program) {
  fprintf(stderr, "usage: %s [--device-id 1..255] firmware.elf\n", program);
  exit(2);
}

/* The firmware sleeps between ticks; pacing is ours, so simavr must not sleep on its own. */
static void no_sleep(avr_t *avr, avr_cycle_count_t how_long) {
  (void)avr;
  (void)how_long;
}

/* uart_pty leaves a /tmp/simavr-uart0 link behind; remove it if it is still ours. */
static void remove_uart_link(void) {
  char target[sizeof(uart_bridge.port[0].slavename)];
  ssize_t length = readlink(SIMAVR_UART_LINK, target, sizeof(target) - 1);
  if (length <= 0) return;
  target[length] = '\0';
  if (strcmp(target, uart_bridge.port[0].slavename) == 0) unlink(SIMAVR_UART_LINK);
}

/* Reads whatever stdin has without blocking; runs complete lines. PANEL_QUIT on quit or EOF;
 * PANEL_RESET stops reading so the main loop resets before the next command runs. */
static panel_action_t read_commands(avr_t *avr) {
  static char line[128];
  static size_t length;
  struct pollfd input = {.fd = STDIN_FILENO, .events = POLLIN};
  while (poll(&input, 1, 0) > 0) {
    char chunk[128];
    ssize_t count = read(STDIN_FILENO, chunk, sizeof(chunk));
    if (count == 0) return PANEL_QUIT;
    if (count < 0) return errno == EINTR || errno == EAGAIN ? PANEL_CONTINUE : PANEL_QUIT;
    for (ssize_t i = 0; i < count; i++) {
      if (chunk[i] == '\n') {
        line[length] = '\0';
        length = 0;
        panel_action_t action = desk_panel_command(avr, line);
        if (action != PANEL_CONTINUE) {
          /* Whatever followed in this chunk is lost; the test waits for "ok reset" first. */
          return action;
        }
      } else if (length < sizeof(line) - 1) {
        line[length++] = chunk[i];
      }
    }
  }
  return PANEL_CONTINUE;
}

int main(int argc, char **argv) {
  int device_id = -1;
  const char *firmware_path = NULL;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--device-id") == 0 && i + 1 < argc) {
      char *end;
      long value = strtol(argv[++i], &end, 10);
      if (*end != '\0' || value < 0 || value > 255) usage(argv[0]);
      device_id = (int)value;
    } else if (argv[i][0] != '-' && firmware_path == NULL) {
      firmware_path = argv[i];
    } else {
      usage(argv[0]);
    }
  }
  if (firmware_path == NULL) usage(argv[0]);

  /* Our stdout is a line protocol read by a test. simavr and uart_pty print notes and
   * warnings on stdout, so fd 1 goes to stderr and our lines use a private copy of it. */
  fflush(stdout);
  FILE *lines = fdopen(dup(STDOUT_FILENO), "w");
  if (lines == NULL || dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
    perror("stdout");
    return 1;
  }
  setvbuf(lines, NULL, _IOLBF, 0);

  elf_firmware_t firmware;
  memset(&firmware, 0, sizeof(firmware));
  if (elf_read_firmware(firmware_path, &firmware) != 0) {
    fprintf(stderr, "cannot read firmware %s\n", firmware_path);
    return 1;
  }
  if (firmware.mmcu[0] == '\0' || firmware.frequency == 0) {
    fprintf(stderr, "%s has no .mmcu tag; build it with `make sim`\n", firmware_path);
    return 1;
  }
  avr_t *avr = avr_make_mcu_by_name(firmware.mmcu);
  if (avr == NULL) {
    fprintf(stderr, "simavr does not know the part %s\n", firmware.mmcu);
    return 1;
  }
  avr_init(avr);
  avr_load_firmware(avr, &firmware);
  avr->sleep = no_sleep;

  if (device_id >= 0) {
    uint8_t byte = (uint8_t)device_id;
    avr_eeprom_desc_t eeprom = {.ee = &byte, .offset = 0, .size = 1};
    avr_ioctl(avr, AVR_IOCTL_EEPROM_SET, &eeprom);
  }

  desk_panel_init(avr, lines);

  /* Without these uart_pty would also open a tap pty and launch an xterm. */
  unsetenv("SIMAVR_UART_XTERM");
  unsetenv("SIMAVR_UART_TAP");
  uart_pty_init(avr, &uart_bridge);
  uart_pty_connect(&uart_bridge, '0');
  fflush(stdout);
  if (uart_bridge.port[0].s == 0) {
    fprintf(stderr, "could not make a pty for UART0\n");
    return 1;
  }
  atexit(remove_uart_link);
  fprintf(lines, "pty %s\n", uart_bridge.port[0].slavename);

  wall_clock_t clock;
  wall_clock_start(&clock, avr);
  const avr_cycle_count_t tick = avr->frequency / 1000;
  avr_cycle_count_t next_tick = avr->cycle + tick;
  for (;;) {
    int state = avr_run(avr);
    if (state == cpu_Done || state == cpu_Crashed) {
      fprintf(stderr, "firmware stopped (state %d)\n", state);
      return 1;
    }
    if (avr->cycle >= next_tick) {
      next_tick = avr->cycle + tick;
      panel_action_t action = read_commands(avr);
      if (action == PANEL_QUIT) break;
      if (action == PANEL_RESET) {
        /* avr_reset clears RAM, registers and cycle timers, and may rewind the cycle count,
         * so the pacing clock and the command tick start again from here. */
        avr_reset(avr);
        desk_panel_after_reset(avr);
        wall_clock_start(&clock, avr);
        next_tick = avr->cycle + tick;
        fprintf(lines, "ok reset\n");
        continue;
      }
      wall_clock_pace(&clock, avr);
    }
  }
  return 0;
}
