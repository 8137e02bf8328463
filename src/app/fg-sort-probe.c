/* fg-sort-probe.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lists sort in SQL, so a click on a column header must become a
 * query's sort; but GTK 4.8 cannot say which column a column view sorts
 * by (gtk_column_view_sorter_get_primary_sort_column came in 4.10). Each
 * column gets a sorter that notes its own sort when asked; comparing two
 * sentinels with the view's sorter then asks the primary column first,
 * and whether the view inverted the answer tells the direction.
 */
#include "config.h"

#include "fg-sort-probe.h"

struct _FgSortProbe
{
  GObject *sentinel_a;
  GObject *sentinel_b;
  int probed;  /* -1 while no column answered */
};

typedef struct
{
  FgSortProbe *probe;
  int sort;
} Column;

static void
probe_clear (gpointer data)
{
  FgSortProbe *self = data;

  g_clear_object (&self->sentinel_a);
  g_clear_object (&self->sentinel_b);
}

FgSortProbe *
fg_sort_probe_new (void)
{
  FgSortProbe *self = g_rc_box_new0 (FgSortProbe);

  self->sentinel_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->sentinel_b = g_object_new (G_TYPE_OBJECT, NULL);
  self->probed = -1;
  return self;
}

FgSortProbe *
fg_sort_probe_ref (FgSortProbe *self)
{
  return g_rc_box_acquire (self);
}

void
fg_sort_probe_unref (FgSortProbe *self)
{
  g_rc_box_release_full (self, probe_clear);
}

static void
column_free (gpointer data)
{
  Column *column = data;

  fg_sort_probe_unref (column->probe);
  g_free (column);
}

static int
column_compare (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  Column *column = user_data;
  FgSortProbe *self = column->probe;

  if (self->probed < 0)
    self->probed = column->sort;

  /* Any answer but "equal" stops the view's sorter at its primary column. */
  return a == (gconstpointer) self->sentinel_a ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
}

/* Gives @column a sorter that stands for @sort (an FgVenueSort, an
 * FgHazardSort …). */
void
fg_sort_probe_attach (FgSortProbe         *self,
                      GtkColumnViewColumn *column,
                      int                  sort)
{
  g_autoptr(GtkSorter) sorter = NULL;
  Column *data = g_new0 (Column, 1);

  g_return_if_fail (sort >= 0);

  data->probe = fg_sort_probe_ref (self);
  data->sort = sort;
  sorter = GTK_SORTER (gtk_custom_sorter_new (column_compare, data, column_free));
  gtk_column_view_column_set_sorter (column, sorter);
}

/**
 * fg_sort_probe_read:
 * @self: the probe
 * @view_sorter: the column view's sorter
 * @sort: (out): the sort of the column it sorts by
 * @descending: (out): whether it sorts that column descending
 *
 * Returns: whether a column sorts at all
 */
gboolean
fg_sort_probe_read (FgSortProbe *self,
                    GtkSorter   *view_sorter,
                    int         *sort,
                    gboolean    *descending)
{
  GtkOrdering order;

  self->probed = -1;
  order = gtk_sorter_compare (view_sorter, self->sentinel_a, self->sentinel_b);
  *sort = self->probed;
  *descending = order == GTK_ORDERING_LARGER;
  self->probed = -1;

  return *sort >= 0;
}
