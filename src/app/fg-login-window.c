/* fg-login-window.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown at start once the database has accounts: the core checks the
 * password and hands back the actor every later call takes. Its refusals
 * (a wrong password, a wait after too many, an account switched off) are
 * shown as the core words them.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-accessible.h"
#include "fg-login-window.h"

struct _FgLoginWindow
{
  AdwApplicationWindow parent_instance;

  AdwStatusPage *status_page;
  AdwEntryRow *login_row;
  AdwPasswordEntryRow *password_row;
  GtkLabel *error_label;
  GtkLabel *demo_label;

  FgStore *store;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  LOGGED_IN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FgLoginWindow, fg_login_window, ADW_TYPE_APPLICATION_WINDOW)

static void
clear_error (FgLoginWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");
}

static void
on_entry_changed (FgLoginWindow *self)
{
  clear_error (self);
}

static void
log_in_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FgLoginWindow *self = FG_LOGIN_WINDOW (widget);
  g_autofree char *login = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->login_row))));
  g_autoptr(FgActor) actor = NULL;
  g_autoptr(GError) error = NULL;

  clear_error (self);

  if (*login == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->login_row));
      return;
    }

  actor = fg_account_login (self->store, login,
                            gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                            &error);
  if (actor == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->password_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }

  g_signal_emit (self, signals[LOGGED_IN], 0, actor);
}

static void
fg_login_window_constructed (GObject *object)
{
  FgLoginWindow *self = (FgLoginWindow *)object;

  G_OBJECT_CLASS (fg_login_window_parent_class)->constructed (object);

  g_assert (FG_IS_STORE (self->store));

  /* Nobody may read regions before logging in, so the township's name is
   * not shown here; the demo's logins are, since they are public. */
  gtk_widget_set_visible (GTK_WIDGET (self->demo_label), fg_store_is_demo (self->store));
  gtk_widget_grab_focus (GTK_WIDGET (self->login_row));
}

static void
fg_login_window_dispose (GObject *object)
{
  FgLoginWindow *self = (FgLoginWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FG_TYPE_LOGIN_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fg_login_window_parent_class)->dispose (object);
}

static void
fg_login_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FgLoginWindow *self = FG_LOGIN_WINDOW (object);

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
fg_login_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FgLoginWindow *self = FG_LOGIN_WINDOW (object);

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
fg_login_window_class_init (FgLoginWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fg_login_window_constructed;
  object_class->dispose = fg_login_window_dispose;
  object_class->get_property = fg_login_window_get_property;
  object_class->set_property = fg_login_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, FG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FgLoginWindow::logged-in:
   * @actor: the person who logged in, for every core call from now on
   */
  signals[LOGGED_IN] =
    g_signal_new ("logged-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, FG_TYPE_ACTOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-login-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FgLoginWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, FgLoginWindow, login_row);
  gtk_widget_class_bind_template_child (widget_class, FgLoginWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, FgLoginWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, FgLoginWindow, demo_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);

  gtk_widget_class_install_action (widget_class, "login.log-in", NULL, log_in_action);
}

static void
fg_login_window_init (FgLoginWindow *self)
{
  GtkIconTheme *theme;

  fg_accessible_keep_class_role (GTK_WIDGET (self));
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Run from the build tree, the program's icon is not installed yet. */
  theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  if (!gtk_icon_theme_has_icon (theme, APPLICATION_ID))
    adw_status_page_set_icon_name (self->status_page, "system-users-symbolic");
}

/**
 * fg_login_window_new:
 * @application: (nullable): the application
 * @store: a store with accounts
 *
 * Returns: (transfer none): the window, owned by GTK's list of windows
 */
FgLoginWindow *
fg_login_window_new (GtkApplication *application,
                     FgStore        *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (FG_IS_STORE (store), NULL);

  return g_object_new (FG_TYPE_LOGIN_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

FgStore *
fg_login_window_get_store (FgLoginWindow *self)
{
  g_return_val_if_fail (FG_IS_LOGIN_WINDOW (self), NULL);
  return self->store;
}
