/* A table a header keeps in a static and fills at run time (tests/bad/header_static_table.c). */
static double scale_table[4];
static void scale_init(void) {
    for (int i = 0; i < 4; i++)
        scale_table[i] = i + 1.0;
}
