#!/usr/bin/env python3
"""Hand edits of adc's generated code that measure what the suggestions in bench/README.md
would gain. Usage, after bench/run (which prints its work directory):

    python3 bench/analysis/handopt.py /tmp/adc-bench.XXXXXX [ADC_BUILD]

For each edited objective it rebuilds the O2 driver with the edited NAME_ad.c (everything else
unchanged: the same objects, the same checks against ADOL-C and finite differences, which must
still pass) and prints primal, NAME_grad and reused-tape times. Edits (text substitutions on
the code adc 0.1.0 generates; they fail loudly if the generated code changes shape):

  noidx    loop counters are not taped: the forward sweep no longer pushes `j` before
           `j += 1`; the reverse sweep computes it from the trip counter it already pops
  novalue  no taping of values no partial derivative reads: `z += W*x`, `out[j] = out[j] + ...`
           and the linear heat update (their adjoints do not need the overwritten value)
  recomp   MDS: dx, dy, r recomputed in the reverse sweep from W (never overwritten) instead
           of taped
  batched  heat: the pushes of a counted loop write through a local cursor into space reserved
           once before the loop (size and peak updated once after it)
  tanhres  MLP: the reverse sweep takes tanh(z) from the forward result (out[i], still in place
           before it is restored) instead of calling tanh again
"""
import os
import re
import subprocess
import sys

work = sys.argv[1]
build = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), '..', '..', 'build')
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
out = os.path.join(work, 'handopt')
os.makedirs(out, exist_ok=True)


def sub(s, old, new, count=None):
    n = s.count(old)
    if n == 0 or (count is not None and n != count):
        sys.exit('handopt: generated code changed shape (%d matches of %r)' % (n, old[:60]))
    return s.replace(old, new)


def resub(s, pat, rep, count):
    s, n = re.subn(pat, rep, s)
    if n != count:
        sys.exit('handopt: generated code changed shape (%d matches of %r)' % (n, pat[:60]))
    return s


def fn(s, head):
    """(start, end) of the body of the generated function whose definition starts with head"""
    m = re.search('^' + re.escape(head) + r'\(adc_tape \*tape[^\n]*\) \{$', s, re.M)
    if not m:
        sys.exit('handopt: no definition of ' + head)
    return m.start(), s.index('\n}\n', m.start())


def edit_fn(s, head, f):
    a, b = fn(s, head)
    return s[:a] + f(s[a:b]) + s[b:]


# heat: the inner loop tapes i (8 bytes) and u[i] (8 bytes) per update
def heat_noidx(s):
    s = edit_fn(s, 'double heat_energy_forward', lambda t: sub(sub(t,
        '        adc_push_int(tape, (long)i);\n        i = 1;', '        i = 1;', 1),
        '            left = centre;\n            adc_push_int(tape, (long)i);\n', '            left = centre;\n', 1))
    return edit_fn(s, 'void heat_energy_reverse', lambda t: resub(resub(t,
        r'(for \(long (trips_\d+) = adc_pop_int\(tape\); \2 > 0; \2--\) \{\n\s*/\*[^\n]*\*/\n\s*\{\n\s*)i = \(int\)adc_pop_int\(tape\);',
        r'\1i = (int)\2;', 1),
        r'\n\s*/\*[^\n]*heat\.c:13 \*/\n\s*\{\n\s*i = \(int\)adc_pop_int\(tape\);\n\s*\}', '', 1))


def heat_novalue(s):
    s = heat_noidx(s)
    s = sub(s, '            adc_push_double(tape, u[i]);\n', '', 1)
    return sub(s, '                u[i] = (double)adc_pop_double(tape);\n', '', 1)


def heat_batched(s):
    """noidx, and the per-update push of u[i] through a local cursor into space reserved once
    per time step (one capacity check and one size/peak update per step instead of per push)"""
    s = heat_noidx(s)
    s = sub(s, '        while (i < n - 1) {\n            centre = u[i];\n            adc_push_double(tape, u[i]);\n',
            '        adc_tape_reserve(tape, sizeof(double) * (size_t)(n > 2 ? n - 2 : 0));\n'
            '        unsigned char *cur = tape->data + tape->size;\n'
            '        while (i < n - 1) {\n            centre = u[i];\n'
            '            memcpy(cur, &u[i], sizeof(double));\n            cur += sizeof(double);\n', 1)
    return sub(s, '            trips_35++;\n        }\n        adc_push_int(tape, trips_35);\n',
               '            trips_35++;\n        }\n        tape->size = (size_t)(cur - tape->data);\n'
               '        if (tape->size > tape->peak)\n            tape->peak = tape->size;\n'
               '        adc_push_int(tape, trips_35);\n', 1)


# mds: per pair, j (8 bytes) and dx, dy, r (24 bytes)
def mds_noidx(s):
    s = edit_fn(s, 'double mds_stress_forward', lambda t: sub(t,
        '            L += r * r;\n            adc_push_int(tape, (long)j);\n', '            L += r * r;\n', 1))
    return edit_fn(s, 'void mds_stress_reverse', lambda t: resub(t,
        r'(for \(long (trips_\d+) = adc_pop_int\(tape\); \2 > 0; \2--\) \{\n\s*/\*[^\n]*\*/\n\s*\{\n\s*)j = \(int\)adc_pop_int\(tape\);',
        r'\1j = i + (int)\2;', 1))


def mds_recomp(s):
    s = mds_noidx(s)
    for v in ('dx', 'dy', 'r'):
        s = edit_fn(s, 'double mds_stress_forward', lambda t: sub(t, '            adc_push_double(tape, %s);\n' % v, '', 1))
        s = edit_fn(s, 'void mds_stress_reverse', lambda t: sub(t, '                %s = (double)adc_pop_double(tape);\n' % v, '', 1))
    return resub(s, r'(j = i \+ \(int\)trips_\d+;)', r'\1\n                dx = W[2 * i] - W[2 * j];'
                 r'\n                dy = W[2 * i + 1] - W[2 * j + 1];\n                r = dx * dx + dy * dy - D[i * npts + j];', 1)


# gmm: Qtimesx tapes out[j], Lparamsidx and j per multiply-add
def gmm_noidx(s):
    s = edit_fn(s, 'static void Qtimesx_forward', lambda t: sub(t,
        '            adc_push_int(tape, (long)Lparamsidx);\n            Lparamsidx += 1;\n            adc_push_int(tape, (long)j);\n            j += 1;',
        '            Lparamsidx += 1;\n            j += 1;', 1))
    return edit_fn(s, 'static void Qtimesx_reverse', lambda t: resub(t,
        r'(for \(long (trips_\d+) = adc_pop_int\(tape\); \2 > 0; \2--\) \{\n\s*/\*[^\n]*\*/\n\s*\{\n\s*)j = \(int\)adc_pop_int\(tape\);(\n\s*\}\n\s*/\*[^\n]*\*/\n\s*\{\n\s*)Lparamsidx = \(int\)adc_pop_int\(tape\);',
        r'\1j = i + (int)\2;\3Lparamsidx -= 1;', 1))


def gmm_novalue(s):
    s = gmm_noidx(s)
    s = edit_fn(s, 'static void Qtimesx_forward', lambda t: sub(t, '            adc_push_double(tape, out[j]);\n', '', 1))
    return edit_fn(s, 'static void Qtimesx_reverse', lambda t: sub(t, '                out[j] = (double)adc_pop_double(tape);\n', '', 1))


# mlp: the reverse calls tanh again; the dot-product loop tapes z and j per multiply-add
def mlp_tanhres(s):
    return sub(s, '            out[i] = (double)adc_pop_double(tape);\n            double t1 = tanh(z);',
               '            double t1 = out[i];\n            out[i] = (double)adc_pop_double(tape);')


def mlp_all(s):
    s = mlp_tanhres(s)
    s = sub(s, '            adc_push_double(tape, z);\n            z += W[i * nin + j] * in[j];\n            adc_push_int(tape, (long)j);\n            j += 1;',
            '            z += W[i * nin + j] * in[j];\n            j += 1;')
    return resub(s, r'(for \(long (trips_\d+) = adc_pop_int\(tape\); \2 > 0; \2--\) \{\n\s*/\*[^\n]*\*/\n\s*\{\n\s*)j = \(int\)adc_pop_int\(tape\);(\n\s*\}\n\s*/\*[^\n]*\*/\n\s*\{\n\s*)z = \(double\)adc_pop_double\(tape\);\n\s*',
                 r'\1j = (int)\2 - 1;\3', 2)


cases = [
    ('heat', [('as generated', None), ('noidx', heat_noidx), ('noidx+batched', heat_batched), ('noidx+novalue', heat_novalue)]),
    ('mds', [('as generated', None), ('noidx', mds_noidx), ('noidx+recomp', mds_recomp)]),
    ('gmm', [('as generated', None), ('noidx', gmm_noidx), ('noidx+novalue', gmm_novalue)]),
    ('mlp', [('as generated', None), ('tanhres', mlp_tanhres), ('tanhres+noidx+novalue', mlp_all)]),
]
inc = ['-I' + os.path.join(root, 'include'), '-I' + os.path.join(root, 'bench', 'objectives')]
env = dict(os.environ, BENCH_TIME_FD='0', BENCH_TIME_ADOLC='0')
for obj, variants in cases:
    gen = open(os.path.join(work, 'gen', obj, obj + '_ad.c')).read()
    o2 = os.path.join(work, 'O2', obj)
    for label, edit in variants:
        tag = '%s_%s' % (obj, re.sub(r'\W', '_', label))
        src = os.path.join(out, tag + '.c')
        open(src, 'w').write(edit(gen) if edit else gen)
        subprocess.run(['gcc', '-std=c11', '-O2'] + inc + ['-c', src, '-o', src[:-2] + '.o'], check=True)
        exe = os.path.join(out, tag)
        subprocess.run(['g++', '-o', exe, os.path.join(o2, 'main.o'), os.path.join(work, 'O2', 'bench.o'),
                        os.path.join(o2, 'obj.o'), src[:-2] + '.o', os.path.join(o2, 'adolc.o'),
                        os.path.join(build, 'runtime', 'libadc.a'), '-ladolc', '-lm'], check=True)
        r = subprocess.run([exe], env=env, capture_output=True, text=True, cwd=out)  # ADOL-C .tap files
        for line in r.stdout.splitlines():
            f = line.split()
            if f[0] != 'ROW' or len(f) < 15:
                continue
            p, g, u = float(f[3]), float(f[4]), float(f[5])
            print('%-20s %-24s grad/primal %5.2f  reused tape/primal %5.2f  tape %9d bytes  %s'
                  % (f[1], label, g / p, u / p, int(f[9]), f[14]))
        if r.returncode:
            print(r.stderr.strip())
