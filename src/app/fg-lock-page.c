/* fg-lock-page.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Covers the window after a while without input, or on Ctrl+L. Only the
 * person who was logged in can open it again, with their password; anyone
 * else logs out, and what was typed behind the cover goes with them.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-lock-page.h"

struct _FgLockPage
{
  AdwBin parent_instance;

  AdwStatusPage *status_page;
  AdwPasswordEntryRow *password_row;
  GtkLabel *error_label;

  FgStore *store;
  FgActor *actor;
};

enum {
  UNLOCKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FgLockPage, fg_lock_page, ADW_TYPE_BIN)

static void
clear_error (FgLockPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");
}

static void
show_error (FgLockPage *self,
            const char *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->password_row), "error");
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
on_password_changed (FgLockPage *self)
{
  clear_error (self);
}

static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FgLockPage *self = FG_LOCK_PAGE (widget);
  g_autoptr(FgActor) again = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (self->store != NULL && self->actor != NULL);

  again = fg_account_login (self->store, fg_actor_get_login (self->actor),
                            gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                            &error);
  if (again == NULL)
    {
      /* only the password is typed here: say so, not "login or password" */
      if (g_error_matches (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_WRONG_PASSWORD))
        show_error (self, _("The password is wrong. Type it again."));
      else
        show_error (self, error->message);
      return;
    }

  /* An administrator may have changed the account meanwhile; the window
   * was built for the old role and area, so it cannot go on with them. */
  if (fg_actor_get_role (again) != fg_actor_get_role (self->actor) ||
      g_strcmp0 (fg_actor_get_scope_region_id (again), fg_actor_get_scope_region_id (self->actor)) != 0)
    {
      show_error (self, _("Your account was changed while the window was locked. Log out, then log in again."));
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  clear_error (self);
  g_signal_emit (self, signals[UNLOCKED], 0);
}

static void
on_password_activated (FgLockPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "lock.unlock", NULL);
}

static void
fg_lock_page_dispose (GObject *object)
{
  FgLockPage *self = (FgLockPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FG_TYPE_LOCK_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, fg_actor_unref);

  G_OBJECT_CLASS (fg_lock_page_parent_class)->dispose (object);
}

static void
fg_lock_page_class_init (FgLockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fg_lock_page_dispose;

  /**
   * FgLockPage::unlocked:
   *
   * The same person typed their password; the window can open again.
   */
  signals[UNLOCKED] =
    g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-lock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FgLockPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, FgLockPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, FgLockPage, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_password_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_password_activated);

  gtk_widget_class_install_action (widget_class, "lock.unlock", NULL, unlock_action);
}

static void
fg_lock_page_init (FgLockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fg_lock_page_set_account:
 * @self: the page
 * @store: the store to check the password against
 * @actor: who is logged in
 */
void
fg_lock_page_set_account (FgLockPage *self,
                          FgStore    *store,
                          FgActor    *actor)
{
  g_autofree char *description = NULL;

  g_return_if_fail (FG_IS_LOCK_PAGE (self));
  g_return_if_fail (FG_IS_STORE (store));
  g_return_if_fail (actor != NULL);

  g_set_object (&self->store, store);
  g_clear_pointer (&self->actor, fg_actor_unref);
  self->actor = fg_actor_ref (actor);

  /* Translators: "张伟 (Township administrator) is logged in. Enter …" */
  description = g_strdup_printf (_("%s (%s) is logged in. Enter the password to go on, or log out to let someone else log in."),
                                 fg_actor_get_display_name (actor),
                                 fg_role_get_label (fg_actor_get_role (actor)));
  adw_status_page_set_description (self->status_page, description);
}

/**
 * fg_lock_page_reset:
 *
 * Empties the password and puts the cursor there, as the page is shown.
 */
void
fg_lock_page_reset (FgLockPage *self)
{
  g_return_if_fail (FG_IS_LOCK_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  clear_error (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}
