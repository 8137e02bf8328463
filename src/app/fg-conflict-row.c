/* fg-conflict-row.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A conflict's row: the record as kept, the other office's version, and
 * the two choices. The row's conflict. actions hand the conflict's id to
 * the page's sync.resolve.
 */
#include "config.h"

#include "fg-conflict-row.h"

struct _FgConflictRow
{
  AdwActionRow parent_instance;

  gint64 conflict_id;
};

G_DEFINE_FINAL_TYPE (FgConflictRow, fg_conflict_row, ADW_TYPE_ACTION_ROW)

static void
keep_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "sync.resolve", "(xb)", FG_CONFLICT_ROW (widget)->conflict_id, FALSE);
}

static void
take_other_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "sync.resolve", "(xb)", FG_CONFLICT_ROW (widget)->conflict_id, TRUE);
}

static void
fg_conflict_row_class_init (FgConflictRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-conflict-row.ui");

  gtk_widget_class_install_action (widget_class, "conflict.keep", NULL, keep_action);
  gtk_widget_class_install_action (widget_class, "conflict.take-other", NULL, take_other_action);
}

static void
fg_conflict_row_init (FgConflictRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fg_conflict_row_new:
 * @conflict: the conflict
 * @subtitle: what the row says of it
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
fg_conflict_row_new (const FgConflict *conflict,
                     const char       *subtitle)
{
  FgConflictRow *self;

  g_return_val_if_fail (conflict != NULL, NULL);

  self = g_object_new (FG_TYPE_CONFLICT_ROW,
                       "title", conflict->title,
                       "subtitle", subtitle,
                       NULL);
  self->conflict_id = conflict->id;
  return GTK_WIDGET (self);
}
