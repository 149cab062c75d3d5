// ARGS: --function f --wrt x --len x=n --modes adjoint
// EXIT: 1
// ERROR: opaque_call_rewrites_struct.c:16:9: error: in reverse mode, 'next_info' may rewrite the integers '&info' points to, which the backward sweep reads, and adc cannot undo its writes; give it a copy of them
/* A library call fills a struct of integers in a loop, and a member weighs an active term:
 * the backward sweep read the member as the last call left it, in every trip (a silently
 * wrong gradient; the same for MPI_Recv's MPI_Status, tests/mpi/bad/status_read_in_loop.c). */
struct info {
    int source, tag;
};
void next_info(struct info *info, int k);

double f(const double *x, int n) {
    double total = 0;
    for (int k = 0; k < n; k++) {
        struct info info;
        next_info(&info, k);
        total += (1.0 + info.source) * x[k] * x[k];
    }
    return total;
}
