/* bench-summary.h — the figures ./dev bench gathers into one table
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A benchmark given --summary FILE appends a line to FILE for each figure
 * of the table it measures (bench/bench-table.py reads them):
 *
 *   metric <TAB> size <TAB> unit <TAB> cpu <TAB> wall <TAB> baseline cpu <TAB> baseline wall
 *
 * size is the venues of the database or bundle measured; unit is "ms"
 * for times, else what the value is ("MB", "KB"), given in the cpu
 * column; a figure not measured is "-". The baseline is what the figure
 * is compared with, measured in the same run.
 */
#pragma once

#include <glib.h>

extern char *bench_summary_path;

#define BENCH_SUMMARY_OPTION \
  { "summary", 0, 0, G_OPTION_ARG_FILENAME, &bench_summary_path, \
    "Append the figures of ./dev bench's table to FILE", "FILE" }

/* No baseline, or no wall time */
#define BENCH_NONE (-1.0)

void bench_summary_add (const char *metric,
                        guint       size,
                        const char *unit,
                        double      cpu,
                        double      wall,
                        double      base_cpu,
                        double      base_wall);
