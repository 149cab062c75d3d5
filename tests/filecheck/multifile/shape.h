/* shape.h: shared by multifile_shape.c and multifile/shape_other.c. */
typedef struct Pair {
    double a, b;
} Pair;

double g(const Pair *p);
