/* fg-window.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window ties the pieces together: the sidebar's region and the search
 * text go into the venue page's query, the dialogs' results go back into
 * the list and the sidebar's counts. It is given its store; nothing below
 * it reaches for one on its own.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-region-sidebar.h"
#include "fg-venue-dialog.h"
#include "fg-venue-page.h"
#include "fg-window.h"

struct _FgWindow
{
  AdwApplicationWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar_box;
  GtkWidget *content_box;
  FgRegionSidebar *sidebar;
  FgVenuePage *venue_page;

  FgStore *store;
  FgVenueList *venue_list;
  GSettings *settings;  /* NULL when the schema is not installed */
  gboolean show_sidebar;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_SHOW_SIDEBAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FgWindow, fg_window, ADW_TYPE_APPLICATION_WINDOW)

/* Remembering the window's size is a comfort, not a need: without the
 * schema (running from the build tree, a partial install) we just don't. */
static GSettings *
lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;

  schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL ||
      !g_settings_schema_has_key (schema, "window-width") ||
      !g_settings_schema_has_key (schema, "window-height") ||
      !g_settings_schema_has_key (schema, "window-maximized"))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

static void
fg_window_update_sidebar (FgWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    {
      gtk_widget_set_visible (self->sidebar_box, TRUE);
      adw_leaflet_set_visible_child (self->leaflet,
                                     self->show_sidebar ? self->sidebar_box : self->content_box);
    }
  else
    gtk_widget_set_visible (self->sidebar_box, self->show_sidebar);
}

static void
on_leaflet_folded (FgWindow *self)
{
  /* Folding shows the list; unfolding brings the sidebar back. */
  self->show_sidebar = !adw_leaflet_get_folded (self->leaflet);
  fg_window_update_sidebar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIDEBAR]);
}

static void
on_leaflet_visible_child (FgWindow *self)
{
  gboolean showing_sidebar;

  /* a swipe back on a narrow window */
  if (!adw_leaflet_get_folded (self->leaflet))
    return;

  showing_sidebar = adw_leaflet_get_visible_child (self->leaflet) == self->sidebar_box;
  if (showing_sidebar != self->show_sidebar)
    {
      self->show_sidebar = showing_sidebar;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIDEBAR]);
    }
}

static void
on_region_selected (FgWindow *self)
{
  FgRegion *region = fg_region_sidebar_get_selected_region (self->sidebar);

  fg_venue_page_set_region_id (self->venue_page, region != NULL ? fg_region_get_id (region) : NULL);

  if (region != NULL && adw_leaflet_get_folded (self->leaflet))
    fg_window_set_show_sidebar (self, FALSE);
}

static void
on_search_changed (FgWindow *self)
{
  fg_venue_page_set_search_text (self->venue_page,
                                 gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_mode_changed (FgWindow *self)
{
  /* A hidden search must not keep filtering the list. */
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_shown_venue_changed (FgWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-venue",
                                 fg_venue_page_get_shown_venue (self->venue_page) != NULL);
}

static void
on_venue_saved (FgVenueDialog *dialog,
                FgVenue       *venue,
                FgWindow      *self)
{
  FgVenue *before = fg_venue_dialog_get_venue (dialog);
  g_autoptr(FgVenue) stored = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  fg_venue_list_reload (self->venue_list);

  if (before != NULL &&
      g_strcmp0 (fg_venue_get_region_id (before), fg_venue_get_region_id (venue)) != 0)
    fg_region_sidebar_refresh_counts (self->sidebar, fg_venue_get_region_id (before));
  fg_region_sidebar_refresh_counts (self->sidebar, fg_venue_get_region_id (venue));

  /* Read it back for the names of its village and grid. */
  stored = fg_venue_load (self->store, fg_venue_get_id (venue), &error);
  fg_venue_page_show_venue (self->venue_page, stored != NULL ? stored : venue);

  toast = adw_toast_new (_("Venue saved"));
  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
present_venue_dialog (FgWindow *self,
                      FgVenue  *venue)
{
  FgRegion *region = fg_region_sidebar_get_selected_region (self->sidebar);
  const char *region_id = NULL;
  FgVenueDialog *dialog;

  /* A new venue most likely belongs where the person is looking. */
  if (region != NULL && fg_region_get_level (region) >= FG_REGION_LEVEL_VILLAGE)
    region_id = fg_region_get_id (region);

  dialog = fg_venue_dialog_new (GTK_WINDOW (self), self->store, venue, region_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_venue_saved), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_venue_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  present_venue_dialog (FG_WINDOW (widget), NULL);
}

static void
edit_venue_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FgWindow *self = FG_WINDOW (widget);
  FgVenue *venue = fg_venue_page_get_shown_venue (self->venue_page);

  if (venue != NULL)
    present_venue_dialog (self, venue);
}

static void
show_search_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FgWindow *self = FG_WINDOW (widget);
  gboolean show = !gtk_search_bar_get_search_mode (self->search_bar);

  gtk_search_bar_set_search_mode (self->search_bar, show);
  if (show)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
fg_window_load_title (FgWindow *self)
{
  g_autoptr(FgRegion) township = NULL;
  g_autoptr(FgRegion) county = NULL;
  const char *home_id = fg_store_get_home_region_id (self->store);

  if (home_id != NULL)
    township = fg_region_lookup (self->store, home_id, NULL);
  if (township != NULL && fg_region_get_parent_id (township) != NULL)
    county = fg_region_lookup (self->store, fg_region_get_parent_id (township), NULL);

  if (township != NULL)
    {
      adw_window_title_set_title (self->window_title, fg_region_get_name (township));
      gtk_window_set_title (GTK_WINDOW (self), fg_region_get_name (township));
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Firegrid"));
      gtk_window_set_title (GTK_WINDOW (self), _("Firegrid"));
    }

  adw_window_title_set_subtitle (self->window_title,
                                 county != NULL ? fg_region_get_name (county) : NULL);
}

static void
fg_window_constructed (GObject *object)
{
  FgWindow *self = (FgWindow *)object;
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();

  G_OBJECT_CLASS (fg_window_parent_class)->constructed (object);

  g_assert (FG_IS_STORE (self->store));

  fg_window_load_title (self);

  /* Open the list on the township the sidebar starts with, so that the
   * first count is the only one. */
  query->region_id = g_strdup (fg_store_get_home_region_id (self->store));
  self->venue_list = g_object_new (FG_TYPE_VENUE_LIST,
                                   "store", self->store,
                                   "query", query,
                                   NULL);
  fg_venue_page_set_venue_list (self->venue_page, self->venue_list);
  fg_region_sidebar_set_store (self->sidebar, self->store);

  self->settings = lookup_settings ();
  if (self->settings != NULL)
    {
      int width = g_settings_get_int (self->settings, "window-width");
      int height = g_settings_get_int (self->settings, "window-height");

      if (width > 0 && height > 0)
        gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  on_shown_venue_changed (self);
}

static gboolean
fg_window_close_request (GtkWindow *window)
{
  FgWindow *self = FG_WINDOW (window);

  if (self->settings != NULL)
    {
      int width;
      int height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (fg_window_parent_class)->close_request (window);
}

static void
fg_window_dispose (GObject *object)
{
  FgWindow *self = (FgWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FG_TYPE_WINDOW);
  g_clear_object (&self->venue_list);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fg_window_parent_class)->dispose (object);
}

static void
fg_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FgWindow *self = FG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->show_sidebar);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FgWindow *self = FG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SHOW_SIDEBAR:
      fg_window_set_show_sidebar (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_window_class_init (FgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = fg_window_constructed;
  object_class->dispose = fg_window_dispose;
  object_class->get_property = fg_window_get_property;
  object_class->set_property = fg_window_set_property;
  window_class->close_request = fg_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, FG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FG_TYPE_REGION_SIDEBAR);
  g_type_ensure (FG_TYPE_VENUE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FgWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, venue_page);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child);
  gtk_widget_class_bind_template_callback (widget_class, on_region_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_shown_venue_changed);

  gtk_widget_class_install_action (widget_class, "win.add-venue", NULL, add_venue_action);
  gtk_widget_class_install_action (widget_class, "win.edit-venue", NULL, edit_venue_action);
  gtk_widget_class_install_action (widget_class, "win.show-search", NULL, show_search_action);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-sidebar", "show-sidebar");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.add-venue", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.edit-venue", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.show-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
}

static void
fg_window_init (FgWindow *self)
{
  self->show_sidebar = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}

/**
 * fg_window_new:
 * @application: (nullable): the application
 * @store: an open store that has been set up
 *
 * Returns: (transfer none): the window, owned by GTK's list of windows
 */
FgWindow *
fg_window_new (GtkApplication *application,
               FgStore        *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (FG_IS_STORE (store), NULL);

  return g_object_new (FG_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

FgStore *
fg_window_get_store (FgWindow *self)
{
  g_return_val_if_fail (FG_IS_WINDOW (self), NULL);
  return self->store;
}

gboolean
fg_window_get_show_sidebar (FgWindow *self)
{
  g_return_val_if_fail (FG_IS_WINDOW (self), FALSE);
  return self->show_sidebar;
}

void
fg_window_set_show_sidebar (FgWindow *self,
                            gboolean  show_sidebar)
{
  g_return_if_fail (FG_IS_WINDOW (self));

  show_sidebar = !!show_sidebar;
  if (self->show_sidebar == show_sidebar)
    return;

  self->show_sidebar = show_sidebar;
  fg_window_update_sidebar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIDEBAR]);
}

FgRegionSidebar *
fg_window_get_region_sidebar (FgWindow *self)
{
  g_return_val_if_fail (FG_IS_WINDOW (self), NULL);
  return self->sidebar;
}

FgVenuePage *
fg_window_get_venue_page (FgWindow *self)
{
  g_return_val_if_fail (FG_IS_WINDOW (self), NULL);
  return self->venue_page;
}
