/* mpi_check.c: the MPI calls that carry derivatives, and the checks that refuse what adc
 * cannot differentiate exactly among them. */
#include <string.h>
#include "activity.h"
#include "diag.h"
#include "mpi_check.h"
#include "mpifn.h"

int mpi_buffers(const Expr *call, int out[2]) {
    int n = 0;
    if (call->mpi->send >= 0)
        out[n++] = call->mpi->send;
    if (call->mpi->recv >= 0 && call->mpi->recv != call->mpi->send)
        out[n++] = call->mpi->recv;
    return n;
}

bool mpi_call_floating(const Expr *call) {
    int buffers[2], n = mpi_buffers(call, buffers);
    for (int i = 0; i < n; i++)
        if (type_has_floating(call->args[buffers[i]]->type))
            return true;
    return false;
}

bool mpi_call_routed(const Expr *call) {
    return call->mpi && (mpifn_waits(call->mpi) || mpi_call_active(call) ||
                         (mpi_call_floating(call) && call->mpi->op < 0));
}

bool mpi_stmt_communicates(const Stmt *s) {
    const Expr *call = s->kind == ST_CALL ? s->rhs : NULL;
    return call && call->kind == EX_CALL && call->mpi && (mpifn_waits(call->mpi) || mpi_call_floating(call));
}

static bool expr_communicates(const Expr *e);

static bool communicates_here(const Stmt *s, const void *ctx) {
    (void)ctx;
    return mpi_stmt_communicates(s) || expr_communicates(s->lhs) || expr_communicates(s->rhs) ||
           expr_communicates(s->cond);
}

static bool expr_communicates(const Expr *e) {
    if (!e)
        return false;
    if (e->kind == EX_CALL && e->callee && mpi_func_communicates(e->callee))
        return true;
    for (int i = 0; i < e->nargs; i++)
        if (expr_communicates(e->args[i]))
            return true;
    return expr_communicates(e->lhs) || expr_communicates(e->rhs) || expr_communicates(e->cond);
}

bool mpi_func_communicates(Func *fn) {
    if (!fn->communicates) {
        fn->communicates = 1; /* a recursive call adds nothing */
        fn->communicates = stmt_find(fn->body, communicates_here, NULL) ? 2 : 1;
    }
    return fn->communicates == 2;
}

bool mpi_call_active(const Expr *call) {
    int buffers[2], n = mpi_buffers(call, buffers);
    for (int i = 0; i < n; i++)
        if (arg_is_active(call->args[buffers[i]]))
            return true;
    return false;
}

/* The datatype a buffer of this C type needs: "MPI_DOUBLE", "MPI_FLOAT", or NULL. */
static const char *datatype_for(const Type *buffer) {
    const Type *t = buffer->kind == TY_PTR || buffer->kind == TY_ARRAY ? buffer->base : NULL;
    return !t ? NULL : t->kind == TY_DOUBLE ? "MPI_DOUBLE" : t->kind == TY_FLOAT ? "MPI_FLOAT" : NULL;
}

static int check_buffer(const Expr *call, int buffer, int type) {
    const Expr *arg = call->args[buffer];
    const char *wanted = datatype_for(arg->type), *spelled = call->spelled[type];
    if (strcmp(call->spelled[buffer], "MPI_IN_PLACE") == 0) {
        error_at(arg->loc, "adc does not differentiate '%s' with MPI_IN_PLACE: pass separate send and "
                 "receive buffers", call->text);
        return 1;
    }
    if (!wanted || strcmp(spelled, wanted) != 0) {
        error_at(call->args[type]->loc, "adc differentiates '%s' on double or float buffers (not void *) "
                 "with the datatype MPI_DOUBLE or MPI_FLOAT matching them, not '%s' (derived datatypes "
                 "are not supported)", call->text, spelled);
        return 1;
    }
    return 0;
}

static int check_call(const Expr *call, bool as_statement) {
    if (!as_statement) {
        error_at(call->loc, "adc differentiates '%s' as a statement of its own: its result (the error "
                 "code) cannot be used", call->text);
        return 1;
    }
    const MpiFn *m = call->mpi;
    int errors = 0;
    if (m->send >= 0)
        errors += check_buffer(call, m->send, m->send_type);
    if (m->recv >= 0 && m->recv != m->send)
        errors += check_buffer(call, m->recv, m->recv_type);
    if (m->op >= 0 && strcmp(call->spelled[m->op], "MPI_SUM") != 0) {
        error_at(call->args[m->op]->loc, "adc differentiates '%s' only with MPI_SUM, not '%s' (the "
                 "derivative of a maximum or minimum needs the rank holding it)", call->text,
                 call->spelled[m->op]);
        errors++;
    }
    return errors;
}

/* Point-to-point and request calls adc does not differentiate: on floating data, the other
 * side's derivative messages would pair with the wrong ones; completing requests otherwise
 * than by MPI_Wait/MPI_Waitall, libadc_mpi would not complete the derivatives'. */
static bool unmatched_p2p(const Expr *call) {
    static const char *const sends[] = {"MPI_Ssend", "MPI_Bsend", "MPI_Rsend", "MPI_Issend", "MPI_Ibsend",
                                        "MPI_Irsend", "MPI_Sendrecv_replace", "MPI_Send_init", "MPI_Recv_init",
                                        "MPI_Mrecv", "MPI_Imrecv"};
    static const char *const completions[] = {"MPI_Test", "MPI_Testall", "MPI_Testany", "MPI_Testsome",
                                              "MPI_Waitany", "MPI_Waitsome", "MPI_Request_free", "MPI_Cancel"};
    for (size_t i = 0; i < sizeof completions / sizeof completions[0]; i++)
        if (strcmp(call->text, completions[i]) == 0)
            return true;
    for (size_t i = 0; i < sizeof sends / sizeof sends[0]; i++)
        for (int k = 0; k < call->nargs && strcmp(call->text, sends[i]) == 0; k++)
            if ((call->args[k]->type->kind == TY_PTR || call->args[k]->type->kind == TY_ARRAY) &&
                type_has_floating(call->args[k]->type))
                return true;
    return false;
}

int mpi_check_calls(const Expr *e, bool as_statement) {
    if (!e)
        return 0;
    if (e->kind == EX_CALL && !e->mpi && !e->callee && !e->math && unmatched_p2p(e)) {
        error_at(e->loc, "adc does not differentiate '%s': of point-to-point MPI it differentiates MPI_Send, "
                 "MPI_Recv, MPI_Sendrecv, MPI_Isend and MPI_Irecv on double or float data, completed by "
                 "MPI_Wait or MPI_Waitall (the other side's derivative messages must pair with these)", e->text);
        return 1;
    }
    if (e->kind == EX_CALL && e->mpi && !mpifn_waits(e->mpi) &&
        (as_statement ? mpi_call_routed(e) : mpi_call_floating(e)))
        return check_call(e, as_statement);
    int errors = mpi_check_calls(e->lhs, false) + mpi_check_calls(e->rhs, false) + mpi_check_calls(e->cond, false);
    for (int i = 0; i < e->nargs; i++)
        errors += mpi_check_calls(e->args[i], false);
    return errors;
}
