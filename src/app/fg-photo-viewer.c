/* fg-photo-viewer.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A photo of a hazard opened from its small picture: in a window of its
 * own over the one it came from, as large as the window lets it be,
 * closed with Escape.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fg-photo-viewer.h"
#include "fg-thumbnail.h"

/* large enough for any screen here; a 12-megapixel photo decodes smaller */
#define VIEW_SIZE 2048

/**
 * fg_photo_viewer_show:
 * @parent: the widget the photo was opened from
 * @image: a JPEG or PNG photo
 * @title: (nullable): what the photo shows
 *
 * Returns: (transfer none) (nullable): the window showing @image, or
 *   %NULL when it cannot be decoded (a damaged file)
 */
GtkWindow *
fg_photo_viewer_show (GtkWidget  *parent,
                      GBytes     *image,
                      const char *title)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *picture;
  GtkEventController *shortcuts;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (image != NULL, NULL);

  paintable = fg_thumbnail_new (image, VIEW_SIZE, &error);
  if (paintable == NULL)
    {
      g_warning ("A photo cannot be shown: %s", error->message);
      return NULL;
    }

  window = adw_window_new ();
  gtk_widget_set_name (window, "fg-photo-viewer");
  gtk_window_set_title (GTK_WINDOW (window), title != NULL ? title : _("Photo"));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 680);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  root = gtk_widget_get_root (parent);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (gtk_window_get_title (GTK_WINDOW (window)), NULL));
  gtk_box_append (GTK_BOX (box), header);

  picture = gtk_picture_new_for_paintable (paintable);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_widget_set_vexpand (picture, TRUE);
  gtk_widget_set_margin_top (picture, 12);
  gtk_widget_set_margin_bottom (picture, 12);
  gtk_widget_set_margin_start (picture, 12);
  gtk_widget_set_margin_end (picture, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : _("Photo"), -1);
  gtk_box_append (GTK_BOX (box), picture);
  adw_window_set_content (ADW_WINDOW (window), box);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}
