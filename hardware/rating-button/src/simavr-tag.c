/* Linked only into the simulator build: tells simavr the part and clock from the ELF itself. */
#include "avr_mcu_section.h"

AVR_MCU(F_CPU, "atmega328p");
