# sample.mk: the build step the seed-example samples share. A sample's Makefile sets
# PROGRAM (the executable) and OBJECTIVE (the annotated source, without .c), then includes
# this file: adc differentiates OBJECTIVE.c into OBJECTIVE_ad.c and OBJECTIVE_ad.h, with a
# dependency file so that editing the source or any header it includes regenerates them,
# and main.c, the objective and its derivatives link against libadc.
#   make BUILD=../../build     adc and libadc from this CMake build tree (the default)
#   make ADC=/path/to/adc      override the tool only
# RUN is the command `make run` runs (default ./$(PROGRAM); the MPI samples start mpirun);
# ADC_CLANG_FLAGS, more flags for adc's parse of OBJECTIVE.c (mpi-heat: mpicc's -I).
BUILD ?= ../../build
ADC ?= $(BUILD)/compiler/adc
ADC_INCLUDE ?= ../../include
CFLAGS ?= -std=c11 -O2 -Wall -Wextra -Werror
CPPFLAGS += -I$(ADC_INCLUDE) -I../common -I.
LDLIBS += $(BUILD)/runtime/libadc.a -lm

RUN ?= ./$(PROGRAM)

run: $(PROGRAM)
	$(RUN)

$(PROGRAM): main.o $(OBJECTIVE).o $(OBJECTIVE)_ad.o
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

%_ad.c %_ad.h: %.c $(ADC)
	$(ADC) $< -o $*_ad.c --header $*_ad.h -MD -MF $*_ad.d -- -I$(ADC_INCLUDE) $(ADC_CLANG_FLAGS)

main.o: $(OBJECTIVE)_ad.h ../common/compare.h

-include $(OBJECTIVE)_ad.d

clean:
	rm -f $(PROGRAM) *.o $(OBJECTIVE)_ad.c $(OBJECTIVE)_ad.h $(OBJECTIVE)_ad.d $(CLEAN_EXTRA)

.PHONY: run clean
