/* adc_checkpoint.h: binomial checkpointing (revolve, Griewank & Walther) for reversing a
 * time-stepping loop of T steps while keeping at most S copies of the state.
 *
 * Reversing step k (x_k -> x_{k+1}) needs x_k. Storing all T states costs T copies; recomputing
 * them from x_0 costs O(T^2) steps. Revolve keeps S snapshots and reverses T steps with the
 * fewest possible forward steps: if r is the smallest integer with C(S + r, S) >= T, no step is
 * recomputed more than r times, and the total is r*T - C(S + r, S + 1) (exactly
 * adc_revolve_forward_steps).
 *
 * The schedule is an iterator: the caller owns the state and the snapshots and obeys the actions
 * adc_revolve_next returns. Step k maps state x_k to x_{k+1}; positions are state indices. A
 * driver looks like:
 *
 *     adc_revolve r;
 *     if (adc_revolve_init(&r, T, S) != ADC_REVOLVE_OK) ...;
 *     for (int done = 0; !done;) {
 *         switch (adc_revolve_next(&r)) {
 *         case ADC_RV_ADVANCE:  for (long k = r.old_capo; k < r.capo; k++) step(x); break;
 *         case ADC_RV_TAKESHOT: adc_snapshots_save(&snaps, r.check, x); break;
 *         case ADC_RV_RESTORE:  adc_snapshots_load(&snaps, r.check, x); break;
 *         case ADC_RV_FIRSTURN: seed x_b with the adjoint of x_T;       // then as YOUTURN
 *         case ADC_RV_YOUTURN:  step r.capo with taping, then its adjoint; break;
 *         case ADC_RV_TERMINATE: done = 1; break;  // x_b now holds the adjoint of x_0
 *         default: error;
 *         }
 *     }
 *     adc_revolve_free(&r);
 *
 * The caller's state must hold x_0 before the first call. Snapshot slots are a stack: slot
 * r.check of TAKESHOT is always the lowest free one, and slots are reused once their state is
 * no longer needed, so slots 0..S-1 suffice. */
#ifndef ADC_CHECKPOINT_H
#define ADC_CHECKPOINT_H

#include <stddef.h>

/* Status codes of adc_revolve_init and the adc_snapshots functions. */
enum { ADC_REVOLVE_OK = 0, ADC_REVOLVE_EINVAL = -1, ADC_REVOLVE_ENOMEM = -2 };

/* Actions returned by adc_revolve_next. */
enum {
    ADC_RV_ADVANCE,   /* run steps old_capo..capo-1 without taping: state goes to x_capo */
    ADC_RV_TAKESHOT,  /* store the current state (x_capo) in snapshot slot check */
    ADC_RV_RESTORE,   /* load the state from snapshot slot check: state becomes x_capo */
    ADC_RV_FIRSTURN,  /* the first reversal: seed the adjoint, then as ADC_RV_YOUTURN */
    ADC_RV_YOUTURN,   /* state is x_capo: run step capo with taping, then its adjoint */
    ADC_RV_TERMINATE, /* every step has been reversed */
    ADC_RV_ERROR      /* the schedule was not initialized successfully */
};

typedef struct adc_revolve {
    long steps;      /* T, the number of steps to reverse */
    int snapshots;   /* S, the number of snapshot slots */
    long capo;       /* the state position after the action (for turns: the step reversed) */
    long old_capo;   /* the state position before the action */
    int check;       /* snapshot slot of TAKESHOT and RESTORE; -1 before the first shot */
    long fine;       /* steps fine..T-1 have been reversed */
    int have_state;  /* nonzero when the caller's state holds x_capo */
    long *shots;     /* shots[i]: the position stored in slot i, for i <= check */
} adc_revolve;

/* Prepares a schedule reversing `steps` >= 0 steps with `snapshots` >= 1 slots. Returns
 * ADC_REVOLVE_OK; ADC_REVOLVE_EINVAL for a NULL r, steps < 0 or snapshots < 1; or
 * ADC_REVOLVE_ENOMEM. On failure (r not NULL) adc_revolve_next returns ADC_RV_ERROR and
 * adc_revolve_free is still safe. */
int adc_revolve_init(adc_revolve *r, long steps, int snapshots);

/* Returns the next action and updates capo, old_capo and check for it; ADC_RV_ERROR for a
 * NULL r or one not successfully initialized (or already freed). */
int adc_revolve_next(adc_revolve *r);

/* Releases the schedule; a NULL r is ignored, and freeing twice is harmless. */
void adc_revolve_free(adc_revolve *r);

/* The number of steps run by ADC_RV_ADVANCE actions of the schedule for (steps, snapshots),
 * not counting the one taped evaluation of each step in its turn (add `steps` for the total).
 * Returns -1 for invalid arguments and LONG_MAX if the count does not fit in a long. */
long adc_revolve_forward_steps(long steps, int snapshots);

/* A simple snapshot store for adc_revolve: `count` slots of `size` bytes each. */
typedef struct adc_snapshots {
    unsigned char *data;
    size_t size;  /* bytes per slot */
    int count;    /* number of slots */
} adc_snapshots;

/* Each returns ADC_REVOLVE_OK, or ADC_REVOLVE_EINVAL for a NULL s or state, a store that is
 * not initialized (or freed), a slot outside 0..count-1, count < 1 or size 0; init also returns
 * ADC_REVOLVE_ENOMEM (when count * size overflows too). On failure init leaves s empty. */
int adc_snapshots_init(adc_snapshots *s, int count, size_t size);
int adc_snapshots_save(adc_snapshots *s, int slot, const void *state);
int adc_snapshots_load(const adc_snapshots *s, int slot, void *state);
/* The storage of slot `slot`, for states made of several arrays; NULL where save would return
 * ADC_REVOLVE_EINVAL. */
void *adc_snapshots_slot(adc_snapshots *s, int slot);
/* Releases the store; a NULL s is ignored, and freeing twice is harmless. */
void adc_snapshots_free(adc_snapshots *s);

#endif
