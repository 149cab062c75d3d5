#!/bin/sh
# run_case.sh ADC MPICC MPIRUN INCLUDE RUNTIME_DIR CFLAGS CASE.c NP...: differentiates CASE.c (f in
# tangent and adjoint mode, f_serial's gradient), builds it with harness.c under mpicc and
# runs it on each NP ranks; harness.c checks against finite differences, the serial gradient
# and the dot test.
set -e
adc=$1 mpicc=$2 mpirun=$3 include=$4 runtime=$5 flags=$6 case=$7
shift 7
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
here=$(dirname "$0")
"$adc" "$case" --function f --wrt x --len x=n --modes tangent,adjoint \
    --function f_serial --wrt x --len x=n --modes grad -o "$dir/ad.c" -- $("$mpicc" -showme:compile) -I"$include"
"$mpicc" -std=c11 -O2 -Wall -Wextra -Werror $flags -I"$include" "$here/harness.c" "$case" "$dir/ad.c" \
    "$runtime/libadc_mpi.a" "$runtime/libadc.a" -lm -o "$dir/case"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
for np in "$@"; do
    "$mpirun" --oversubscribe -np "$np" "$dir/case"
done
