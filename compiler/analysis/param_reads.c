/* param_reads.c: the records of param_reads.h, kept on each Func (Func.reads). */
#include <string.h>
#include "activity.h"
#include "param_reads.h"

static ParamReads *find(const Func *fn, const bool *mask) {
    for (int i = 0; i < fn->nreads; i++)
        if (fn->reads[i].globals == fn->prog->nactive_globals &&
            memcmp(fn->reads[i].mask, mask, sizeof(bool) * (size_t)fn->nparams) == 0)
            return &fn->reads[i];
    return NULL;
}

/* Whether the backward sweep may read values through parameter p: p is needed, or moved
 * (Var.entry), or a needed local pointer points into it (`double *r = p;` then g(r), whose
 * reads count for r alone), or a switched pointer is needed (which may point anywhere). */
static bool reads_through(const Func *fn, const Var *p) {
    if (p->needed || p->entry)
        return true;
    for (int k = 0; k < fn->nvars; k++) {
        const Var *v = fn->vars[k];
        if (v->needed && (v->pointer_root == p || v->which))
            return true;
    }
    return false;
}

void param_reads_record(Func *fn, const bool *mask) {
    ParamReads *r = find(fn, mask);
    if (!r) {
        bool *copy = ir_alloc(sizeof(bool) * (size_t)(fn->nparams + 1));
        memcpy(copy, mask, sizeof(bool) * (size_t)fn->nparams);
        IR_APPEND(fn->reads, fn->nreads, (ParamReads){copy, NULL, fn->prog->nactive_globals});
        r = &fn->reads[fn->nreads - 1];
    }
    r->read = ir_alloc(sizeof(bool) * (size_t)(fn->nparams + 1));
    for (int i = 0; i < fn->nparams; i++)
        r->read[i] = reads_through(fn, fn->params[i]);
}

bool param_reads_values(const Expr *call, int arg) {
    Func *callee = call->callee;
    if (!callee || call->nargs != callee->nparams || arg >= callee->nparams)
        return true;
    bool *mask = ir_alloc(sizeof(bool) * (size_t)(call->nargs + 1));
    for (int i = 0; i < call->nargs; i++)
        mask[i] = arg_is_active(call->args[i]);
    const ParamReads *r = find(callee, mask);
    if (!r)
        callee->prog->param_reads_missed = true;
    return !r || r->read[arg];
}
