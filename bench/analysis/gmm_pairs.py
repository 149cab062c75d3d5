#!/usr/bin/env python3
"""(adc now writes this shape itself, with `restrict` shadows: adjoint.c, paired_trips; the script
applies to code generated before that and exits "changed shape" on newer output.)
A hand edit of the backward loop of GMM's Qtimesx (x_b[i] += sum_j ltri[L] * out_b[j], with
ltri_b[L] += x[i] * out_b[j]) that measures what an adc rule writing it differently would gain
against Enzyme (issue 16, the gmm_d64 row). Usage, after bench/run with ENZYME_PLUGIN set:

    python3 bench/analysis/gmm_pairs.py /tmp/adc-bench.XXXXXX [ADC_BUILD] [ROUNDS]

It rebuilds the clang-19 -O2 GMM driver of that run (work/C19/gmm: the same objects, Enzyme
included) with the generated and the edited gmm_ad.c, runs `bench --large N` ROUNDS times
(default 3), the two one after the other in each round, and prints grad/primal and grad/Enzyme
of each run (both from one interleaved series, with the load average). The edit:

  pairs  two trips per iteration, the loads of both trips first, then the two halves' sums,
         then the two ltri_b updates: clang pairs them into two-lane vector operations (SLP);
         each half adds the same terms in the same order, so the gradient is bit-for-bit the
         generated one. Valid only because ltri_b overlaps neither out_b nor ltri (which adc
         cannot prove for a helper's parameters today).
"""
import os
import re
import subprocess
import sys

work = sys.argv[1]
build = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), '..', '..', 'build')
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
out = os.path.join(work, 'gmm_pairs')
os.makedirs(out, exist_ok=True)

# the inner backward loop of Qtimesx_reverse as adc generates it (two halves, swapped each trip)
LOOP = re.compile(r'''(?P<ind> +)for \(; (?P<t>trips_\d+) > 0; (?P=t)--\) \{
 +j -= 1;
 +/\*[^\n]*\*/
 +\{
 +Lparamsidx -= 1; /\* undone \*/
 +\}
 +/\*[^\n]*\*/
 +\{
 +double adj = out_b\[j\];
 +ltri_b\[Lparamsidx\] \+= x\[i\] \* adj;
 +x_b_sum \+= ltri\[Lparamsidx\] \* adj;
 +\}
 +\{ double x_b_sum_swap = x_b_sum; x_b_sum = x_b_sum_odd; x_b_sum_odd = x_b_sum_swap; \}[^\n]*
(?P=ind)\}
''')

REST = '''{i}for (; {t} > 0; {t}--) {{
{i}    j -= 1;
{i}    Lparamsidx -= 1;
{i}    double adj = out_b[j];
{i}    ltri_b[Lparamsidx] += x[i] * adj;
{i}    x_b_sum += ltri[Lparamsidx] * adj;
{i}}}
'''


def unrolled(m, lanes, sums):
    """the loop, `lanes` trips per iteration (loads, the sums, the updates), then the trip left
    (if any) into the first sum"""
    i, t = m.group('ind'), m.group('t')
    b = i + '    '
    ks = range(lanes - 1, -1, -1)  # trip k of the iteration reads out_b[j + k], ltri[Lparamsidx + k]
    text = '%sfor (; %s >= %d; %s -= %d) {\n' % (i, t, lanes, t, lanes)
    text += '%sj -= %d;\n%sLparamsidx -= %d;\n' % (b, lanes, b, lanes)
    text += '%sdouble x_i = x[i];\n' % b
    text += ''.join('%sdouble a%d = out_b[j + %d], l%d = ltri[Lparamsidx + %d];\n' % (b, k, k, k, k) for k in ks)
    text += ''.join('%s%s += l%d * a%d;\n' % (b, sums[(lanes - 1 - k) % len(sums)], k, k) for k in ks)
    text += ''.join('%sltri_b[Lparamsidx + %d] += x_i * a%d;\n' % (b, k, k) for k in ks)
    return text + i + '}\n' + REST.format(i=i, t=t)


def pairs(s):
    return LOOP.sub(lambda m: unrolled(m, 2, ['x_b_sum', 'x_b_sum_odd']), s, count=1)


gen = open(os.path.join(work, 'gen', 'gmm', 'gmm_ad.c')).read()
if not LOOP.search(gen):
    sys.exit('gmm_pairs: the generated Qtimesx_reverse changed shape')
c19 = os.path.join(work, 'C19', 'gmm')
inc = ['-I' + os.path.join(root, 'include'), '-I' + os.path.join(root, 'bench', 'objectives')]
exes = []
for label, edit in [('as generated', None), ('pairs', pairs)]:
    src = os.path.join(out, 'gmm_%s.c' % label.replace(' ', '_'))
    open(src, 'w').write(edit(gen) if edit else gen)
    subprocess.run(['clang-19', '-std=c11', '-O2', '-Wall', '-Wextra', '-Werror'] + inc + ['-c', src, '-o', src[:-2] + '.o'], check=True)
    exe = src[:-2]
    subprocess.run(['g++', '-o', exe] + [os.path.join(c19, o) for o in ('main.o', '../bench.o', 'obj.o')] +
                   [src[:-2] + '.o', os.path.join(c19, 'enzyme.o'), os.path.join(c19, 'adolc.o'),
                    os.path.join(build, 'runtime', 'libadc.a'), '-ladolc', '-lm'], check=True)
    exes.append((label, exe))
env = dict(os.environ, BENCH_TIME_FD='0', BENCH_TIME_ADOLC='0')
n = os.environ.get('BENCH_GMM_LARGE_N', '100')
for r in range(rounds):
    for label, exe in exes:
        load = open('/proc/loadavg').read().split()[0]
        res = subprocess.run([exe, '--large', n], env=env, capture_output=True, text=True, cwd=out)
        for f in (line.split() for line in res.stdout.splitlines()):
            if f and f[0] == 'ROW' and len(f) > 15:
                p, g, e = float(f[3]), float(f[4]), float(f[15])
                print('round %d  %-13s grad/primal %5.2f  grad/Enzyme %5.3f  (load %s)' % (r + 1, label, g / p, g / e, load))
        if res.returncode:
            print(res.stderr.strip())
