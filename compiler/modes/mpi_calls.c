/* mpi_calls.c: MPI calls in derivative code. Tangent code calls adc_mpi_NAME_d with each
 * buffer followed by its tangent; the forward sweep calls adc_mpi_NAME_fwd with the call's
 * own arguments (MPI_Irecv also with the root its buffer lies in: an array or variable of fn,
 * numbered); the backward sweep calls adc_mpi_NAME_b with each buffer sent's adjoint and each
 * buffer received's value and adjoint, the waits with the adjoints of those roots. A buffer
 * without a shadow gives NULL (a zero derivative). */
#include <string.h>
#include "activity.h"
#include "buf.h"
#include "c_text.h"
#include "diag.h"
#include "mpi_calls.h"
#include "mpi_check.h"
#include "mpifn.h"

bool mpi_routed(const Stmt *s) {
    const Expr *call = s->kind == ST_CALL ? s->rhs : NULL;
    return call && call->kind == EX_CALL && call->mpi && mpi_call_routed(call);
}

/* The shadow of a buffer, NULL when it is inactive; an active one adc cannot name the shadow
 * of (the buffer a call returns) is an error (*ok false). */
static const char *shadow_or_null(const Expr *arg, const char *suffix, bool *ok) {
    if (!arg_is_active(arg))
        return "NULL";
    const char *shadow = shadow_text(arg, suffix);
    if (!shadow) {
        error_at(arg->loc, "cannot name the derivative of this MPI buffer: pass an array, a variable's "
                 "address, or a pointer into one");
        *ok = false;
    }
    return shadow ? shadow : "NULL";
}

/* ---- the roots of MPI_Irecv buffers ---- */

enum { MAX_ROOTS = 16 };

typedef struct Roots {
    const Var *vars[MAX_ROOTS];
    int count;
} Roots;

static void collect_roots(const Stmt *s, Roots *r) {
    if (!s)
        return;
    const Expr *call = s->kind == ST_CALL ? s->rhs : NULL;
    if (call && call->kind == EX_CALL && call->mpi && call->mpi->kind == MPI_IRECV && mpi_call_active(call)) {
        const Var *root = expr_root_var(call->args[0]);
        int i = 0;
        while (i < r->count && r->vars[i] != root)
            i++;
        if (root && i == r->count && r->count < MAX_ROOTS)
            r->vars[r->count++] = root;
    }
    for (int i = 0; i < s->nbody; i++)
        collect_roots(s->body[i], r);
    collect_roots(s->init, r);
    collect_roots(s->step, r);
    collect_roots(s->then, r);
    collect_roots(s->els, r);
}

/* The address of root (suffix "" or "_b"): an array or pointer by name, a variable by &. */
static const char *root_address(const Var *root, const char *suffix) {
    Expr e = {.kind = EX_VAR, .type = root->type, .var = (Var *)root};
    const char *text = *suffix ? shadow_text(&e, suffix) : root->name;
    bool array = root->type->kind == TY_ARRAY || root->type->kind == TY_PTR;
    return array ? text : ir_format("&%s", text);
}

/* Whether the backward sweep can find the adjoint of an MPI_Irecv buffer from its root. */
static bool root_usable(const Var *root, const Expr *arg) {
    bool local = root && root->kind == VAR_LOCAL && !root->heap && !root->pointer_root && root->type->kind != TY_PTR;
    bool param = root && root->kind == VAR_PARAM && root->type->kind == TY_PTR && !root->entry;
    if (local || param)
        return true;
    error_at(arg->loc, "in reverse mode, the buffer of MPI_Irecv must lie in a local array or variable or a "
             "pointer parameter the function does not move (not heap memory or a pointer variable)");
    return false;
}

/* ---- the calls ---- */

/* Argument i as the source wrote it when it is an MPI constant (MPI_DOUBLE, MPI_SUM,
 * MPI_COMM_WORLD, MPI_STATUS_IGNORE: a macro whose expansion reads worse), else as lowered. */
static const char *arg_text(const Expr *call, int i) {
    const char *spelled = call->spelled[i];
    const Expr *arg = call->args[i];
    bool constant = arg->kind == EX_CAST || arg->kind == EX_ADDR || arg->kind == EX_NUM || arg->kind == EX_UNARY;
    bool macro = strncmp(spelled, "MPI_", 4) == 0 && strspn(spelled, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_") == strlen(spelled);
    return constant && macro ? spelled : expr_text(arg);
}

static bool tangent_args(Buf *b, const Expr *call) {
    bool ok = true;
    for (int i = 0; i < call->nargs; i++) {
        const Expr *arg = call->args[i];
        buf_printf(b, "%s%s", i ? ", " : "", arg_text(call, i));
        if (i == call->mpi->send || i == call->mpi->recv)
            buf_printf(b, ", %s", shadow_or_null(arg, "_d", &ok));
    }
    return ok;
}

static bool forward_args(Buf *b, const Stmt *body, const Expr *call) {
    for (int i = 0; i < call->nargs; i++)
        buf_printf(b, "%s%s", i ? ", " : "", arg_text(call, i));
    if (call->mpi->kind != MPI_IRECV)
        return true;
    if (!mpi_call_active(call)) { /* no adjoint to send back: zeros */
        buf_puts(b, ", -1, NULL");
        return true;
    }
    Roots roots = {0};
    collect_roots(body, &roots);
    const Var *root = expr_root_var(call->args[0]);
    if (!root_usable(root, call->args[0]))
        return false;
    for (int i = 0; i < roots.count; i++)
        if (roots.vars[i] == root) {
            buf_printf(b, ", %d, %s", i, root_address(root, ""));
            return true;
        }
    error_at(call->loc, "in reverse mode, MPI_Irecv receives into at most %d different arrays in one function",
             MAX_ROOTS);
    return false;
}

static bool reverse_args(Buf *b, const Stmt *body, const Expr *call) {
    const MpiFn *m = call->mpi;
    if (mpifn_waits(m)) {
        Roots roots = {0};
        collect_roots(body, &roots);
        buf_printf(b, "%d, ", roots.count);
        if (!roots.count)
            buf_puts(b, "NULL");
        for (int i = 0; i < roots.count; i++)
            buf_printf(b, "%s%s%s", i ? ", " : "(void *[]){", root_address(roots.vars[i], "_b"),
                       i + 1 == roots.count ? "}" : "");
        return true;
    }
    bool ok = true;
    const char *sep = "";
    if (m->send >= 0 && m->send != m->recv) {
        buf_printf(b, "%s", shadow_or_null(call->args[m->send], "_b", &ok));
        sep = ", ";
    }
    if (m->recv >= 0)
        buf_printf(b, "%s%s, %s", sep, expr_text(call->args[m->recv]), shadow_or_null(call->args[m->recv], "_b", &ok));
    return ok;
}

const char *mpi_call_text(const Stmt *body, const Expr *call, MpiStage stage) {
    static const char *const suffix[] = {"_d", "_fwd", "_b"};
    Buf b = {0};
    buf_printf(&b, "adc_mpi_%s%s(", call->mpi->runtime, suffix[stage]);
    bool ok = true;
    if (stage == MPI_STAGE_TANGENT)
        ok = tangent_args(&b, call);
    else if (stage == MPI_STAGE_FORWARD)
        ok = forward_args(&b, body, call);
    else
        ok = reverse_args(&b, body, call);
    buf_putc(&b, ')');
    const char *text = ok ? ir_strdup(buf_str(&b)) : NULL;
    buf_free(&b);
    return text;
}
