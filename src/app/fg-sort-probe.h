/* fg-sort-probe.h — which column of a column view sorts
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _FgSortProbe FgSortProbe;

FgSortProbe *fg_sort_probe_new    (void);
FgSortProbe *fg_sort_probe_ref    (FgSortProbe         *self);
void         fg_sort_probe_unref  (FgSortProbe         *self);
void         fg_sort_probe_attach (FgSortProbe         *self,
                                   GtkColumnViewColumn *column,
                                   int                  sort);
gboolean     fg_sort_probe_read   (FgSortProbe         *self,
                                   GtkSorter           *view_sorter,
                                   int                 *sort,
                                   gboolean            *descending);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgSortProbe, fg_sort_probe_unref)

G_END_DECLS
