/* fg-setup-window.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown while the database has no township: either the office enters its
 * own (the core checks the division code), or it looks at the demo.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-setup-window.h"

struct _FgSetupWindow
{
  AdwApplicationWindow parent_instance;

  AdwStatusPage *status_page;
  AdwEntryRow *code_row;
  AdwEntryRow *township_row;
  AdwEntryRow *county_row;
  GtkLabel *error_label;

  FgStore *store;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FgSetupWindow, fg_setup_window, ADW_TYPE_APPLICATION_WINDOW)

static void
show_error (FgSetupWindow *self,
            const GError  *error,
            GtkWidget     *row)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);

  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

static void
clear_error (FgSetupWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->code_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->township_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->county_row), "error");
}

static void
on_entry_changed (FgSetupWindow *self)
{
  clear_error (self);
}

static void
create_township_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FgSetupWindow *self = FG_SETUP_WINDOW (widget);
  g_autoptr(FgActor) actor = fg_actor_new_local ();
  g_autoptr(GError) error = NULL;

  clear_error (self);

  if (!fg_region_set_up_township (self->store, actor,
                                  gtk_editable_get_text (GTK_EDITABLE (self->code_row)),
                                  gtk_editable_get_text (GTK_EDITABLE (self->township_row)),
                                  gtk_editable_get_text (GTK_EDITABLE (self->county_row)),
                                  &error))
    {
      GtkWidget *row = NULL;

      /* The core checks the code first, then the township's name, then
       * the county's: the first name error belongs to the township row
       * unless the township's name was fine. */
      if (g_error_matches (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_CODE) ||
          g_error_matches (error, FG_REGION_ERROR, FG_REGION_ERROR_DUPLICATE_CODE))
        row = GTK_WIDGET (self->code_row);
      else if (g_error_matches (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_NAME))
        {
          g_autofree char *township = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->township_row))));

          row = *township == '\0' ? GTK_WIDGET (self->township_row) : GTK_WIDGET (self->county_row);
        }

      show_error (self, error, row);
      return;
    }

  g_signal_emit (self, signals[FINISHED], 0);
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FgSetupWindow *self = FG_SETUP_WINDOW (widget);
  g_autoptr(FgActor) actor = fg_actor_new_local ();
  g_autoptr(GError) error = NULL;

  clear_error (self);

  /* A few hundred venues take well under a second; no progress needed. */
  if (!fg_demo_populate (self->store, actor, FG_DEMO_DEFAULT_VENUES, NULL, NULL, &error))
    {
      show_error (self, error, NULL);
      return;
    }

  g_signal_emit (self, signals[FINISHED], 0);
}

static void
fg_setup_window_dispose (GObject *object)
{
  FgSetupWindow *self = (FgSetupWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FG_TYPE_SETUP_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fg_setup_window_parent_class)->dispose (object);
}

static void
fg_setup_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FgSetupWindow *self = FG_SETUP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_setup_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FgSetupWindow *self = FG_SETUP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_setup_window_class_init (FgSetupWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fg_setup_window_dispose;
  object_class->get_property = fg_setup_window_get_property;
  object_class->set_property = fg_setup_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, FG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FgSetupWindow::finished:
   *
   * The store is set up now; the main window can take over.
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-setup-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, code_row);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, township_row);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, county_row);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);

  gtk_widget_class_install_action (widget_class, "setup.create-township", NULL, create_township_action);
  gtk_widget_class_install_action (widget_class, "setup.open-demo", NULL, open_demo_action);
}

static void
fg_setup_window_init (FgSetupWindow *self)
{
  GtkIconTheme *theme;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Run from the build tree, the program's icon is not installed yet; no
   * icon looks better than the "missing image" one. */
  theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  if (!gtk_icon_theme_has_icon (theme, APPLICATION_ID))
    adw_status_page_set_icon_name (self->status_page, NULL);
}

FgSetupWindow *
fg_setup_window_new (GtkApplication *application,
                     FgStore        *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (FG_IS_STORE (store), NULL);

  return g_object_new (FG_TYPE_SETUP_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

FgStore *
fg_setup_window_get_store (FgSetupWindow *self)
{
  g_return_val_if_fail (FG_IS_SETUP_WINDOW (self), NULL);
  return self->store;
}
