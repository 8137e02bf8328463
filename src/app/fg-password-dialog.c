/* fg-password-dialog.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Without an account, the person changes their own password: the current
 * one, then the new one twice. With an account, an administrator sets a
 * new password for someone who forgot theirs. The core checks the rules;
 * the dialog only checks that the two new ones are the same.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-accessible.h"
#include "fg-password-dialog.h"

struct _FgPasswordDialog
{
  AdwWindow parent_instance;

  GtkButton *save_button;
  AdwPreferencesGroup *group;
  AdwPasswordEntryRow *current_row;
  AdwPasswordEntryRow *new_row;
  AdwPasswordEntryRow *repeat_row;
  GtkLabel *error_label;

  FgStore *store;
  FgActor *actor;
  FgAccount *account;  /* whose password is reset; NULL: the actor's own */
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_ACTOR,
  PROP_ACCOUNT,
  N_PROPS
};

enum {
  DONE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FgPasswordDialog, fg_password_dialog, ADW_TYPE_WINDOW)

static void
clear_error (FgPasswordDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->current_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->new_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->repeat_row), "error");
}

/* Adds @message below those already shown and marks @row, if any. */
static void
show_error (FgPasswordDialog *self,
            const char       *message,
            gpointer          row)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    {
      g_autofree char *both = g_strconcat (gtk_label_get_text (self->error_label), "\n", message, NULL);

      gtk_label_set_text (self->error_label, both);
    }
  else
    gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

static void
on_entry_changed (FgPasswordDialog *self)
{
  clear_error (self);
}

/* Marks every field that is wrong before asking the store: an empty
 * current password, a new one against the core's rule, a repetition that
 * differs. Returns the first wrong row, or %NULL when all are fine. */
static GtkWidget *
check_fields (FgPasswordDialog *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->new_row));
  const char *login = self->account != NULL ? fg_account_get_login (self->account)
                                            : fg_actor_get_login (self->actor);
  GError *errors[FG_ACCOUNT_N_FIELDS] = { NULL, };
  GtkWidget *first = NULL;

  if (self->account == NULL && *gtk_editable_get_text (GTK_EDITABLE (self->current_row)) == '\0')
    {
      show_error (self, _("Enter your current password."), self->current_row);
      first = GTK_WIDGET (self->current_row);
    }

  fg_account_check_fields (login, NULL, password, errors);
  if (errors[FG_ACCOUNT_FIELD_PASSWORD] != NULL)
    {
      show_error (self, errors[FG_ACCOUNT_FIELD_PASSWORD]->message, self->new_row);
      if (first == NULL)
        first = GTK_WIDGET (self->new_row);
    }
  for (guint i = 0; i < FG_ACCOUNT_N_FIELDS; i++)
    g_clear_error (&errors[i]);

  if (g_strcmp0 (password, gtk_editable_get_text (GTK_EDITABLE (self->repeat_row))) != 0)
    {
      show_error (self, _("The two new passwords are not the same. Type the new password again."),
                  self->repeat_row);
      if (first == NULL)
        first = GTK_WIDGET (self->repeat_row);
    }

  return first;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FgPasswordDialog *self = FG_PASSWORD_DIALOG (widget);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->new_row));
  g_autoptr(GError) error = NULL;
  GtkWidget *bad_row;
  gboolean done;

  clear_error (self);

  bad_row = check_fields (self);
  if (bad_row != NULL)
    {
      gtk_widget_grab_focus (bad_row);
      return;
    }

  if (self->account != NULL)
    done = fg_account_reset_password (self->store, self->actor,
                                      fg_account_get_login (self->account), password, &error);
  else
    done = fg_account_change_password (self->store, self->actor,
                                       gtk_editable_get_text (GTK_EDITABLE (self->current_row)),
                                       password, &error);
  if (!done)
    {
      gpointer row = NULL;

      if (g_error_matches (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_WRONG_PASSWORD) ||
          g_error_matches (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_LOCKED))
        row = self->account == NULL ? self->current_row : NULL;
      else if (g_error_matches (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_WEAK_PASSWORD))
        row = self->new_row;

      show_error (self, error->message, row);
      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
      return;
    }

  g_signal_emit (self, signals[DONE], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fg_password_dialog_constructed (GObject *object)
{
  FgPasswordDialog *self = (FgPasswordDialog *)object;
  g_autofree char *description = NULL;

  G_OBJECT_CLASS (fg_password_dialog_parent_class)->constructed (object);

  g_assert (FG_IS_STORE (self->store));
  g_assert (self->actor != NULL);

  if (self->account != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Reset Password"));
      gtk_button_set_label (self->save_button, _("_Reset"));
      gtk_widget_set_visible (GTK_WIDGET (self->current_row), FALSE);
      /* Translators: "… for 李明 (staff). …"; the second %s is the login name */
      description = g_strdup_printf (_("A new password for %s (%s). Tell it to them in person; they can change it after logging in."),
                                     fg_account_get_display_name (self->account),
                                     fg_account_get_login (self->account));
      gtk_widget_grab_focus (GTK_WIDGET (self->new_row));
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Change Password"));
      gtk_button_set_label (self->save_button, _("_Change"));
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "A password has at least %d character.",
                                                  "A password has at least %d characters.",
                                                  FG_ACCOUNT_MIN_PASSWORD_LENGTH),
                                     FG_ACCOUNT_MIN_PASSWORD_LENGTH);
      gtk_widget_grab_focus (GTK_WIDGET (self->current_row));
    }

  adw_preferences_group_set_description (self->group, description);
  /* the group has no title: its list is read by the dialog's */
  fg_accessible_name_lists (GTK_WIDGET (self->group), gtk_window_get_title (GTK_WINDOW (self)));
}

static void
fg_password_dialog_dispose (GObject *object)
{
  FgPasswordDialog *self = (FgPasswordDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FG_TYPE_PASSWORD_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, fg_actor_unref);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (fg_password_dialog_parent_class)->dispose (object);
}

static void
fg_password_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FgPasswordDialog *self = FG_PASSWORD_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ACTOR:
      g_value_set_boxed (value, self->actor);
      break;

    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_password_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  FgPasswordDialog *self = FG_PASSWORD_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_ACTOR:
      self->actor = g_value_dup_boxed (value);
      break;

    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_password_dialog_class_init (FgPasswordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fg_password_dialog_constructed;
  object_class->dispose = fg_password_dialog_dispose;
  object_class->get_property = fg_password_dialog_get_property;
  object_class->set_property = fg_password_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, FG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL, FG_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, FG_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FgPasswordDialog::done:
   *
   * The password was changed; the dialog closes right after.
   */
  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-password-dialog.ui");
  /* a window used as a dialog says so to screen readers */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, FgPasswordDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, FgPasswordDialog, group);
  gtk_widget_class_bind_template_child (widget_class, FgPasswordDialog, current_row);
  gtk_widget_class_bind_template_child (widget_class, FgPasswordDialog, new_row);
  gtk_widget_class_bind_template_child (widget_class, FgPasswordDialog, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, FgPasswordDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);

  gtk_widget_class_install_action (widget_class, "password.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fg_password_dialog_init (FgPasswordDialog *self)
{
  fg_accessible_keep_class_role (GTK_WIDGET (self));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fg_password_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @store: the store
 * @actor: who is logged in
 * @account: (nullable): whose password an administrator resets; %NULL
 *   for the actor's own
 *
 * Returns: (transfer none): the dialog, owned by GTK's list of windows
 */
FgPasswordDialog *
fg_password_dialog_new (GtkWindow *parent,
                        FgStore   *store,
                        FgActor   *actor,
                        FgAccount *account)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (account == NULL || FG_IS_ACCOUNT (account), NULL);

  return g_object_new (FG_TYPE_PASSWORD_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "store", store,
                       "actor", actor,
                       "account", account,
                       NULL);
}

/**
 * fg_password_dialog_get_account:
 *
 * Returns: (transfer none) (nullable): the account being reset, %NULL for
 *   the person's own password
 */
FgAccount *
fg_password_dialog_get_account (FgPasswordDialog *self)
{
  g_return_val_if_fail (FG_IS_PASSWORD_DIALOG (self), NULL);
  return self->account;
}
