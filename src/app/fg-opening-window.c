/* fg-opening-window.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a database is quick, except when it was written by an older
 * version: then every change of its form since is made to it once, which
 * on a county's file of a million venues takes minutes. Rather than no
 * window at all for that long, the application shows this one when the
 * open has not finished in a moment, and says what is happening.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-opening-window.h"

struct _FgOpeningWindow
{
  AdwWindow parent_instance;

  AdwStatusPage *status_page;
  gboolean upgrading;
};

G_DEFINE_FINAL_TYPE (FgOpeningWindow, fg_opening_window, ADW_TYPE_WINDOW)

static void
fg_opening_window_class_init (FgOpeningWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-opening-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FgOpeningWindow, status_page);
}

static void
fg_opening_window_init (FgOpeningWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fg_opening_window_new:
 * @application: the application
 * @upgrading: whether the database is being brought up to this version
 *
 * Returns: (transfer floating): the window, not yet shown
 */
FgOpeningWindow *
fg_opening_window_new (GtkApplication *application,
                       gboolean        upgrading)
{
  FgOpeningWindow *self = g_object_new (FG_TYPE_OPENING_WINDOW, "application", application, NULL);

  self->upgrading = upgrading;
  if (upgrading)
    {
      adw_status_page_set_title (self->status_page, _("Updating the Database"));
      adw_status_page_set_description (self->status_page,
                                       _("This version of Firegrid keeps its records in a newer form, and the "
                                         "database is being brought up to it. This happens once; on a large "
                                         "database it can take several minutes.\n\nIf Firegrid is closed or the "
                                         "computer stops meanwhile, nothing is lost: the update carries on the "
                                         "next time Firegrid starts."));
    }
  else
    {
      adw_status_page_set_title (self->status_page, _("Opening the Database"));
      adw_status_page_set_description (self->status_page,
                                       _("This is taking longer than usual. If another copy of Firegrid is "
                                         "working on the same database, it waits until that one has finished."));
    }
  return self;
}

gboolean
fg_opening_window_get_upgrading (FgOpeningWindow *self)
{
  g_return_val_if_fail (FG_IS_OPENING_WINDOW (self), FALSE);

  return self->upgrading;
}
