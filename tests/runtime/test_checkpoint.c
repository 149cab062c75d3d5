/* test_checkpoint.c: the revolve schedule drives the reversal of x_{k+1} = sin(x_k) + 0.5 x_k.
 * Each schedule must give the adjoint of a fully taped reversal, use at most S snapshots and
 * never overwrite one still needed, reverse every step once in reverse order, and run exactly
 * adc_revolve_forward_steps forward steps, which is the binomial optimum. */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <cmocka.h>
#include "adc_checkpoint.h"
#include "adc_tape.h"

static double step(double x) { return sin(x) + 0.5 * x; }
static double step_derivative(double x) { return cos(x) + 0.5; }

/* What a snapshot slot holds: the state and, for checking, the position it belongs to. */
typedef struct shot {
    double x;
    long pos;  /* -1 while the slot is unused */
} shot;

/* The simulated caller of a schedule and what it observed. */
typedef struct run {
    const double *traj;  /* traj[k] = x_k, from a plain forward sweep */
    double x;            /* the current state */
    long pos;            /* its position, -1 after a turn */
    double xb;           /* the adjoint */
    long next_turn;      /* the step the next turn must reverse */
    long forward;        /* steps run by advances */
    long *runs;          /* runs[k]: how often step k was advanced */
    int slots_used;      /* highest slot index + 1 ever written */
    adc_snapshots snaps;
    adc_tape tape;
} run;

/* The smallest r with C(s + r, s) >= t (in doubles: fine for these sizes). */
static long repetition_number(long t, int s) {
    long r = 0;
    double b = 1;
    while (b < t) {
        r++;
        b = b * (s + r) / r;
    }
    return r;
}

static void do_advance(run *u, const adc_revolve *r) {
    assert_int_equal(r->old_capo, u->pos);
    assert_true(r->capo > r->old_capo && r->capo <= u->next_turn);
    for (long k = r->old_capo; k < r->capo; k++) {
        u->x = step(u->x);
        u->runs[k]++;
    }
    u->forward += r->capo - r->old_capo;
    u->pos = r->capo;
}

static void do_takeshot(run *u, const adc_revolve *r) {
    shot *s = adc_snapshots_slot(&u->snaps, r->check);
    assert_non_null(s);
    assert_int_equal(r->capo, u->pos);
    assert_false(s->pos >= 0 && s->pos <= u->next_turn);  /* not overwriting a needed state */
    s->x = u->x;
    s->pos = u->pos;
    if (r->check + 1 > u->slots_used)
        u->slots_used = r->check + 1;
}

static void do_restore(run *u, const adc_revolve *r) {
    shot s;
    assert_int_equal(adc_snapshots_load(&u->snaps, r->check, &s), ADC_REVOLVE_OK);
    assert_int_equal(s.pos, r->capo);
    u->x = s.x;
    u->pos = s.pos;
}

/* Tapes step capo, then reverses it. */
static void do_turn(run *u, const adc_revolve *r) {
    assert_int_equal(r->capo, u->next_turn);
    assert_int_equal(u->pos, r->capo);
    assert_true(u->x == u->traj[r->capo]);
    adc_push_double(&u->tape, u->x);
    u->x = step(u->x);
    u->xb *= step_derivative(adc_pop_double(&u->tape));
    u->next_turn--;
    u->pos = -1;
}

/* Obeys the schedule of (steps, snapshots) until it terminates; fails on anything unexpected. */
static void drive(run *u, long steps, int snapshots) {
    adc_revolve r;
    assert_int_equal(adc_revolve_init(&r, steps, snapshots), ADC_REVOLVE_OK);
    long budget = 4 * (adc_revolve_forward_steps(steps, snapshots) + steps) + 4;
    for (int done = 0; !done; budget--) {
        assert_true(budget > 0);
        int action = adc_revolve_next(&r);
        switch (action) {
        case ADC_RV_ADVANCE: do_advance(u, &r); break;
        case ADC_RV_TAKESHOT: do_takeshot(u, &r); break;
        case ADC_RV_RESTORE: do_restore(u, &r); break;
        case ADC_RV_FIRSTURN:
            assert_int_equal(u->next_turn, steps - 1);
            do_turn(u, &r);
            break;
        case ADC_RV_YOUTURN:
            assert_true(u->next_turn < steps - 1);
            do_turn(u, &r);
            break;
        case ADC_RV_TERMINATE: done = 1; break;
        default: fail_msg("unexpected action %d", action);
        }
    }
    assert_int_equal(adc_revolve_next(&r), ADC_RV_TERMINATE);
    adc_revolve_free(&r);
}

/* Runs the schedule for (steps, snapshots) from x0 and checks everything it observed. Returns
 * the number of forward steps. */
static long check_schedule(long steps, int snapshots) {
    double *traj = malloc((size_t)(steps + 1) * sizeof *traj);
    long *runs = calloc((size_t)steps + 1, sizeof *runs);
    assert_non_null(traj);
    assert_non_null(runs);
    traj[0] = 0.8;
    for (long k = 0; k < steps; k++)
        traj[k + 1] = step(traj[k]);
    double ref = 1;  /* the fully taped reference: d x_T / d x_0 */
    for (long k = steps - 1; k >= 0; k--)
        ref *= step_derivative(traj[k]);

    run u = {.traj = traj, .x = traj[0], .pos = 0, .xb = 1, .next_turn = steps - 1, .runs = runs};
    assert_int_equal(adc_snapshots_init(&u.snaps, snapshots, sizeof(shot)), ADC_REVOLVE_OK);
    for (int i = 0; i < snapshots; i++)
        assert_int_equal(adc_snapshots_save(&u.snaps, i, &(shot){0, -1}), ADC_REVOLVE_OK);
    adc_tape_init(&u.tape);
    drive(&u, steps, snapshots);

    assert_int_equal(u.next_turn, -1);  /* every step reversed */
    assert_true(fabs(u.xb - ref) <= 1e-12 * fabs(ref));
    assert_true(u.slots_used <= snapshots);
    assert_int_equal(u.forward, adc_revolve_forward_steps(steps, snapshots));
    long rep = repetition_number(steps, snapshots);
    for (long k = 0; k < steps; k++)
        assert_true(runs[k] <= rep);
    assert_true(u.forward <= rep * steps);
    assert_int_equal(adc_tape_bytes(&u.tape), 0);
    adc_tape_free(&u.tape);
    adc_snapshots_free(&u.snaps);
    free(runs);
    free(traj);
    return u.forward;
}

static void test_schedules(void **state) {
    (void)state;
    const long steps[] = {1, 2, 10, 1000, 100000};
    const int snapshots[] = {1, 2, 5, 20};
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
        for (size_t j = 0; j < sizeof snapshots / sizeof *snapshots; j++)
            if (adc_revolve_forward_steps(steps[i], snapshots[j]) < 100000000)
                check_schedule(steps[i], snapshots[j]);  /* skips T = 100000, S = 1: 5e9 steps */
    assert_int_equal(adc_revolve_forward_steps(100000, 1), 100000L * 99999 / 2);
}

static void test_long_run_is_cheap(void **state) {
    (void)state;
    long t = 100000, forward = adc_revolve_forward_steps(t, 20);  /* run in test_schedules */
    assert_true(forward < t * log2((double)t) / 2);
    assert_int_equal(forward, 6 * t - 65780);  /* r = 6: 6 T - C(26, 21) */
}

/* The optimum by dynamic programming over the first split point m: advance m, reverse the last
 * l - m steps with one slot fewer, then the first m with the same slots. */
enum { MAX_L = 60, MAX_S = 6 };

static void test_optimal(void **state) {
    (void)state;
    static long best[MAX_L + 1][MAX_S + 1];
    for (int s = 1; s <= MAX_S; s++)
        for (int l = 1; l <= MAX_L; l++) {
            best[l][s] = s == 1 ? (long)l * (l - 1) / 2 : l == 1 ? 0 : LONG_MAX;
            for (int m = 1; s > 1 && m < l; m++) {
                long cost = m + best[l - m][s - 1] + best[m][s];
                if (cost < best[l][s])
                    best[l][s] = cost;
            }
            assert_int_equal(adc_revolve_forward_steps(l, s), best[l][s]);
            assert_int_equal(check_schedule(l, s), best[l][s]);
        }
}

static void test_more_snapshots_than_steps(void **state) {
    (void)state;
    assert_int_equal(check_schedule(7, 1000), 6);
    assert_int_equal(adc_revolve_forward_steps(7, INT_MAX), 6);
    adc_revolve r;
    assert_int_equal(adc_revolve_init(&r, 3, INT_MAX), ADC_REVOLVE_OK);
    adc_revolve_free(&r);
}

static void test_invalid(void **state) {
    (void)state;
    adc_revolve r;
    assert_int_equal(adc_revolve_init(&r, -1, 3), ADC_REVOLVE_EINVAL);
    assert_int_equal(adc_revolve_next(&r), ADC_RV_ERROR);
    adc_revolve_free(&r);
    assert_int_equal(adc_revolve_init(&r, 10, 0), ADC_REVOLVE_EINVAL);
    assert_int_equal(adc_revolve_next(&r), ADC_RV_ERROR);
    adc_revolve_free(&r);
    assert_int_equal(adc_revolve_forward_steps(-1, 3), -1);
    assert_int_equal(adc_revolve_forward_steps(10, 0), -1);
    assert_int_equal(adc_revolve_forward_steps(LONG_MAX, 1), LONG_MAX);
    assert_int_equal(adc_revolve_forward_steps(0, 1), 0);

    assert_int_equal(adc_revolve_init(&r, 0, 1), ADC_REVOLVE_OK);
    assert_int_equal(adc_revolve_next(&r), ADC_RV_TERMINATE);
    adc_revolve_free(&r);
}

static void test_snapshot_store(void **state) {
    (void)state;
    adc_snapshots s;
    assert_int_equal(adc_snapshots_init(&s, 0, 8), ADC_REVOLVE_EINVAL);
    assert_int_equal(adc_snapshots_init(&s, 2, 0), ADC_REVOLVE_EINVAL);
    assert_int_equal(adc_snapshots_init(&s, 2, (size_t)-1), ADC_REVOLVE_ENOMEM);
    assert_int_equal(adc_snapshots_init(&s, 3, 2 * sizeof(double)), ADC_REVOLVE_OK);
    for (int i = 0; i < 3; i++)
        assert_int_equal(adc_snapshots_save(&s, i, (double[2]){i, -i}), ADC_REVOLVE_OK);
    double *slot = adc_snapshots_slot(&s, 1);
    assert_non_null(slot);
    slot[1] = 42;
    double out[2];
    assert_int_equal(adc_snapshots_load(&s, 1, out), ADC_REVOLVE_OK);
    assert_true(out[0] == 1 && out[1] == 42);
    assert_int_equal(adc_snapshots_load(&s, 2, out), ADC_REVOLVE_OK);
    assert_true(out[0] == 2 && out[1] == -2);
    assert_null(adc_snapshots_slot(&s, 3));
    assert_null(adc_snapshots_slot(&s, -1));
    assert_int_equal(adc_snapshots_save(&s, 3, out), ADC_REVOLVE_EINVAL);
    assert_int_equal(adc_snapshots_load(&s, -1, out), ADC_REVOLVE_EINVAL);
    assert_int_equal(adc_snapshots_load(&s, 0, NULL), ADC_REVOLVE_EINVAL);
    adc_snapshots_free(&s);
    assert_int_equal(adc_snapshots_load(&s, 0, out), ADC_REVOLVE_EINVAL);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_schedules),
        cmocka_unit_test(test_long_run_is_cheap),
        cmocka_unit_test(test_optimal),
        cmocka_unit_test(test_more_snapshots_than_steps),
        cmocka_unit_test(test_invalid),
        cmocka_unit_test(test_snapshot_store),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
