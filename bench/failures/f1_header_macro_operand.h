#define STRIDE 3
