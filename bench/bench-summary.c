/* bench-summary.c — the figures ./dev bench gathers into one table
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "bench-summary.h"

char *bench_summary_path = NULL;

static void
put_figure (FILE   *file,
            double  value)
{
  if (value < 0)
    fputs ("\t-", file);
  else
    fprintf (file, "\t%.3f", value);
}

void
bench_summary_add (const char *metric,
                   guint       size,
                   const char *unit,
                   double      cpu,
                   double      wall,
                   double      base_cpu,
                   double      base_wall)
{
  FILE *file;

  if (bench_summary_path == NULL)
    return;
  file = fopen (bench_summary_path, "a");
  if (file == NULL)
    g_error ("Could not write to %s", bench_summary_path);
  fprintf (file, "%s\t%u\t%s", metric, size, unit);
  put_figure (file, cpu);
  put_figure (file, wall);
  put_figure (file, base_cpu);
  put_figure (file, base_wall);
  fputc ('\n', file);
  fclose (file);
}
