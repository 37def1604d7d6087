#ifndef SENTINEL_BENCH_MALLOC_COUNTER_H
#define SENTINEL_BENCH_MALLOC_COUNTER_H

#include <stdint.h>

/// Heap allocations (malloc, calloc, realloc, posix_memalign, aligned_alloc, memalign) made by the whole process
/// since it started, on every thread. Frees are not counted.
uint64_t sentinel_bench_allocations(void);

#endif
