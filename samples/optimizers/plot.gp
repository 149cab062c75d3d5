# plot.gp: f (log scale) against iteration (log scale) for every CSV trace in `dir`, into one
# PNG. Colours repeat every 8 lines, so each group of 8 gets its own dash pattern.
# Usage: gnuplot -e "dir='out'; output='rosenbrock.png'" plot.gp
if (!exists("dir")) dir = "out"
if (!exists("output")) output = "rosenbrock.png"

files = system("ls " . dir . "/*.csv")
label(f) = f[strlen(dir) + 2 : strlen(f) - 4]

set terminal pngcairo size 1400, 900 font ",11"
set output output
set datafile separator ","
set title "Rosenbrock from (-1.2, 1): f against iteration"
set xlabel "iteration + 1"
set ylabel "f"
set logscale xy
set format y "10^{%L}"
set format x "10^{%L}"
set yrange [1e-20:1e3]
set grid
set key outside right top
plot for [i = 1 : words(files)] word(files, i) skip 1 using ($1 + 1):2 \
     with lines linewidth 2 dashtype 1 + (i - 1) / 8 title label(word(files, i))
