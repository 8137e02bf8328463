/* fg-application.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the database and decides what comes first: an explanation when it
 * cannot be opened, the set-up assistant when no township (or no account)
 * is set up yet, the login otherwise; the main window after a login, and
 * the login again after a log-out.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "firegrid.h"
#include "fg-accessible.h"
#include "fg-tooltip.h"
#include "fg-application.h"
#include "fg-login-window.h"
#include "fg-opening-window.h"
#include "fg-setup-window.h"
#include "fg-window.h"

struct _FgApplication
{
  AdwApplication parent_instance;

  char *db_path;  /* from --db; NULL for the default place */
  FgStore *store;

  /* while the database opens in a thread of its own */
  gboolean opening;
  guint opening_timeout;
  FgOpeningWindow *opening_window;
};

/* How long an open may take before the application says what it is
 * doing: an ordinary open takes a fraction of this. */
#define OPENING_WINDOW_DELAY_MS 400

G_DEFINE_FINAL_TYPE (FgApplication, fg_application, ADW_TYPE_APPLICATION)

static void fg_application_show_login (FgApplication *self);

static void
on_log_out (FgWindow      *window,
            FgApplication *self)
{
  /* The login first, so the application never has no window. */
  fg_application_show_login (self);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
fg_application_show_main_window (FgApplication *self,
                                 FgActor       *actor)
{
  FgWindow *window = fg_window_new (GTK_APPLICATION (self), self->store, actor);

  g_signal_connect_object (window, "log-out", G_CALLBACK (on_log_out), self, 0);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_logged_in (FgLoginWindow *login,
              FgActor       *actor,
              FgApplication *self)
{
  fg_application_show_main_window (self, actor);
  gtk_window_destroy (GTK_WINDOW (login));
}

static void
fg_application_show_login (FgApplication *self)
{
  FgLoginWindow *login = fg_login_window_new (GTK_APPLICATION (self), self->store);

  g_signal_connect_object (login, "logged-in", G_CALLBACK (on_logged_in), self, 0);
  gtk_window_present (GTK_WINDOW (login));
}

static void
on_setup_finished (FgSetupWindow *setup,
                   FgActor       *actor,
                   FgApplication *self)
{
  if (actor != NULL)
    fg_application_show_main_window (self, actor);
  else
    fg_application_show_login (self);
  gtk_window_destroy (GTK_WINDOW (setup));
}

/* What happened, in words, and what the person can do about it. */
static const char *
describe_open_error (const GError *error)
{
  if (error->domain == FG_STORE_ERROR)
    {
      switch ((FgStoreError) error->code)
        {
        case FG_STORE_ERROR_NOT_DATABASE:
          return _("The file is not a Firegrid database. It was left untouched. Start Firegrid with another file.");
        case FG_STORE_ERROR_NEWER_SCHEMA:
          return _("The database was written by a newer version of Firegrid. Install that version to open it; nothing was changed.");
        case FG_STORE_ERROR_CORRUPT:
          return _("The database is damaged. Restore it from your latest backup, or ask your county office for help.");
        case FG_STORE_ERROR_FULL:
          return _("The disk is full. Free some space, then start Firegrid again.");
        case FG_STORE_ERROR_BUSY:
          return _("Another Firegrid program is using the database. Close it, then start Firegrid again.");
        case FG_STORE_ERROR_READ_ONLY:
          return _("Firegrid is not allowed to write to the database. Ask whoever looks after this computer to allow it.");
        case FG_STORE_ERROR_OPEN:
          return _("The database could not be read or created. Check that the disk is connected and that you may write to it, then start Firegrid again.");
        case FG_STORE_ERROR_FAILED:
        case FG_STORE_ERROR_NOT_SET_UP:
        default:
          break;
        }
    }

  return _("Firegrid could not open its database. Start it again; if this keeps happening, ask for help and show the details below.");
}

static void
fg_application_show_open_error (FgApplication *self,
                                const GError  *error)
{
  GtkWidget *dialog;
  GtkWidget *expander;
  GtkWidget *details;

  dialog = adw_message_dialog_new (NULL, _("Could Not Open the Database"), describe_open_error (error));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));

  /* The core's own message names the file and the cause; useful to
   * whoever helps, so it is there, but folded away. */
  details = gtk_label_new (error->message);
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_label_set_selectable (GTK_LABEL (details), TRUE);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_widget_add_css_class (details, "caption");
  expander = gtk_expander_new_with_mnemonic (_("_Details"));
  gtk_expander_set_child (GTK_EXPANDER (expander), details);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), expander);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* With the database open: the set-up assistant or the login. */
static void
fg_application_show_first_window (FgApplication *self)
{
  if (!fg_store_is_set_up (self->store) || !fg_store_has_accounts (self->store))
    {
      FgSetupWindow *setup = fg_setup_window_new (GTK_APPLICATION (self), self->store);

      g_signal_connect_object (setup, "finished", G_CALLBACK (on_setup_finished), self, 0);
      gtk_window_present (GTK_WINDOW (setup));
      return;
    }

  fg_application_show_login (self);
}

static gboolean
on_opening_window_close_request (FgApplication *self)
{
  /* Each change of the database's form is a transaction of its own:
   * quitting in the middle leaves it as the last finished one left it. */
  g_application_quit (G_APPLICATION (self));
  return TRUE;
}

static gboolean
on_opening_slow (gpointer user_data)
{
  FgApplication *self = user_data;
  g_autofree char *path = self->db_path != NULL ? g_strdup (self->db_path) : fg_store_get_default_path ();

  self->opening_timeout = 0;
  self->opening_window = fg_opening_window_new (GTK_APPLICATION (self), fg_store_needs_upgrade (path));
  g_signal_connect_object (self->opening_window, "close-request",
                           G_CALLBACK (on_opening_window_close_request), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->opening_window));
  return G_SOURCE_REMOVE;
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FgApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  FgOpeningWindow *opening_window = g_steal_pointer (&self->opening_window);

  self->opening = FALSE;
  g_clear_handle_id (&self->opening_timeout, g_source_remove);
  self->store = fg_office_open_finish (result, &error);

  /* The next window first, so the application is never without one. */
  if (self->store == NULL)
    fg_application_show_open_error (self, error);
  else
    fg_application_show_first_window (self);
  if (opening_window != NULL)
    gtk_window_destroy (GTK_WINDOW (opening_window));
  g_application_release (G_APPLICATION (self));
}

static void
fg_application_activate (GApplication *app)
{
  FgApplication *self = FG_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->opening)
    return;

  if (self->store == NULL)
    {
      g_autofree char *path = self->db_path != NULL ? g_strdup (self->db_path)
                                                    : fg_store_get_default_path ();

      /* In a thread, so that an open that upgrades a large database can
       * say so in a window that keeps drawing. */
      self->opening = TRUE;
      g_application_hold (app);
      self->opening_timeout = g_timeout_add (OPENING_WINDOW_DELAY_MS, on_opening_slow, self);
      fg_office_open_async (path, NULL, on_opened, g_object_ref (self));
      return;
    }

  fg_application_show_first_window (self);
}

static int
fg_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  FgApplication *self = FG_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &path) && path != NULL && *path != '\0')
    {
      g_free (self->db_path);
      self->db_path = g_canonicalize_filename (path, NULL);
    }

  return G_APPLICATION_CLASS (fg_application_parent_class)->handle_local_options (app, options);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Firegrid authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "application-name", _("Firegrid"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "developer-name", _("The Firegrid authors"),
                        "comments", _("Fire-safety inspection and grid work for township offices"),
                        "translator-credits", _("translator-credits"),
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  /* GtkApplicationWindow loads gtk/help-overlay.ui from our resources. */
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
  { "about", about_action, NULL, NULL, NULL, { 0 } },
  { "shortcuts", shortcuts_action, NULL, NULL, NULL, { 0 } },
};

static void
fg_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (fg_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_window_set_default_icon_name (APPLICATION_ID);
  fg_accessible_install ();
  fg_tooltip_install ();
}

static void
fg_application_finalize (GObject *object)
{
  FgApplication *self = (FgApplication *)object;

  g_clear_handle_id (&self->opening_timeout, g_source_remove);
  g_clear_object (&self->store);
  g_free (self->db_path);

  G_OBJECT_CLASS (fg_application_parent_class)->finalize (object);
}

static void
fg_application_class_init (FgApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = fg_application_finalize;
  app_class->activate = fg_application_activate;
  app_class->startup = fg_application_startup;
  app_class->handle_local_options = fg_application_handle_local_options;
}

static void
fg_application_init (FgApplication *self)
{
  static const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the database in FILE instead of the usual one"), N_("FILE") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Fire-safety inspection and grid work for township offices."));
}

FgApplication *
fg_application_new (void)
{
  return g_object_new (FG_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}
