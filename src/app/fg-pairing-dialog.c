/* fg-pairing-dialog.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A first pairing, one step a page: what pairing is for; this office's
 * pairing file, saved for the other office, with the check code it will
 * be asked for; the other office's pairing file, opened and shown; the
 * check codes compared by phone; paired. The core reads the files and
 * trusts the peer (fg-node.c); a refusal is said on the page it concerns,
 * and the person can put it right without starting again.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-accessible.h"
#include "fg-pairing-dialog.h"

struct _FgPairingDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *title_widget;
  GtkWidget *cancel_button;
  GtkWidget *back_button;
  GtkWidget *next_button;
  GtkStack *stack;
  AdwStatusPage *intro_page;
  GtkLabel *own_name_label;
  GtkLabel *own_code_value;
  GtkLabel *saved_label;
  GtkLabel *take_error_label;
  GtkWidget *peer_group;
  GtkLabel *peer_name_label;
  GtkLabel *peer_division_label;
  GtkLabel *compare_label;
  GtkLabel *peer_code_label;
  GtkLabel *own_code_label;
  GtkLabel *confirm_error_label;
  AdwStatusPage *done_page;

  FgStore *store;
  FgActor *actor;
  FgNodeInfo *self_node;
  FgNodeInfo *peer;        /* read from the other office's file */
};

enum {
  PAIRED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FgPairingDialog, fg_pairing_dialog, ADW_TYPE_WINDOW)

static const char * const steps[] = { "intro", "give", "take", "compare", "done" };

static guint
step_index (FgPairingDialog *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (g_strcmp0 (name, steps[i]) == 0)
      return i;
  return 0;
}

/* The header's buttons as the step needs them: the comparison is
 * answered on its page, and the last step only closes. */
static void
update_buttons (FgPairingDialog *self)
{
  guint step = step_index (self);
  g_autofree char *subtitle = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pairing.back", step > 0 && step < 4);
  gtk_widget_set_visible (self->back_button, step > 0 && step < 4);
  gtk_widget_set_visible (self->cancel_button, step == 0);
  gtk_widget_set_visible (self->next_button, step != 3);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pairing.next", step != 2 || self->peer != NULL);
  /* codes said to differ: the file is set aside, and only another can be paired with */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pairing.confirm", self->peer != NULL);
  gtk_button_set_label (GTK_BUTTON (self->next_button), step == 4 ? _("_Close") : _("_Next"));

  /* Translators: the steps of a pairing, e.g. "Step 2 of 4" */
  subtitle = step < 4 ? g_strdup_printf (_("Step %u of %u"), step + 1, 4) : NULL;
  adw_window_title_set_subtitle (self->title_widget, subtitle != NULL ? subtitle : "");
}

static void
show_step (FgPairingDialog *self,
           guint            step)
{
  gtk_stack_set_visible_child_name (self->stack, steps[step]);
  update_buttons (self);
  if (step == 4 || step == 0)
    gtk_widget_grab_focus (self->next_button);
}

/* How this office's kind pairs: with whom, and what goes between them. */
static const char *
intro_text (FgNodeKind kind)
{
  switch (kind)
    {
    case FG_NODE_KIND_COUNTY:
      return _("Pairing lets the county office receive each township’s venues, inspections, hazards and "
               "documents, and send its supervision back. Pair once with each township office below it.\n\n"
               "Each office gives the other its pairing file, and both check by phone that the file is "
               "genuine. Have a USB stick and the township office’s phone number at hand.");
    case FG_NODE_KIND_GRID:
      return _("Pairing lets this grid station receive its grid’s names and venues from the township "
               "office, and send its inspections back. Pair once with your township office.\n\n"
               "Each office gives the other its pairing file, and both check by phone that the file is "
               "genuine. Have a USB stick and the township office’s phone number at hand.");
    case FG_NODE_KIND_TOWNSHIP:
    default:
      return _("Pairing lets this township send its venues, inspections, hazards and documents up to the "
               "county office and receive its supervision back, or exchange them with a grid station below "
               "it. Pair once with each of them.\n\n"
               "Each office gives the other its pairing file, and both check by phone that the file is "
               "genuine. Have a USB stick and the other office’s phone number at hand.");
    }
}

/* "郏县, County office": an office as the steps name it; a township's
 * workstation as "冢头镇, Workstation, issues no documents" */
static char *
office_title (const FgNodeInfo *node)
{
  /* Translators: an office and its kind, e.g. "郏县, County office" (the kind may hold brackets) */
  const char *kind = node->role == FG_NODE_ROLE_WORKSTATION ? fg_node_get_role_label (node)
                                                             : fg_node_kind_get_label (node->kind);

  return g_strdup_printf (C_("office and kind", "%s, %s"), node->scope_label, kind);
}

static void
load_self (FgPairingDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  self->self_node = fg_node_get_self (self->store, self->actor, &error);
  if (self->self_node == NULL)
    {
      adw_status_page_set_description (self->intro_page, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "pairing.next", FALSE);
      return;
    }
  adw_status_page_set_description (self->intro_page, intro_text (self->self_node->kind));
  title = office_title (self->self_node);
  gtk_label_set_label (self->own_name_label, title);
  gtk_label_set_label (self->own_code_value, self->self_node->fingerprint);
}

/**
 * fg_pairing_dialog_save_to:
 * @file: where to save this office's pairing file
 *
 * Saves the file and says where, on its step.
 *
 * Returns: %TRUE if it was saved
 */
gboolean
fg_pairing_dialog_save_to (FgPairingDialog *self,
                           GFile           *file)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (FG_IS_PAIRING_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = fg_node_write_peer_file (self->store, self->actor, &error);
  if (bytes == NULL ||
      !g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    {
      text = g_strdup_printf (_("The pairing file was not saved: %s"), error->message);
      gtk_widget_remove_css_class (GTK_WIDGET (self->saved_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->saved_label), "error");
    }
  else
    {
      where = g_file_get_parse_name (file);
      text = g_strdup_printf (_("Saved as %s. Give it to the other office, then go on."), where);
      gtk_widget_remove_css_class (GTK_WIDGET (self->saved_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->saved_label), "dim-label");
    }
  gtk_label_set_label (self->saved_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->saved_label), TRUE);
  return error == NULL;
}

static void
show_take_error (FgPairingDialog *self,
                 const char      *message)
{
  gtk_label_set_label (self->take_error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->take_error_label), message != NULL);
}

/**
 * fg_pairing_dialog_open:
 * @file: the other office's pairing file
 *
 * Reads the file and shows whose it is; a file that is no pairing file,
 * or this office's own, is said so on the step.
 *
 * Returns: %TRUE if it names another office
 */
gboolean
fg_pairing_dialog_open (FgPairingDialog *self,
                        GFile           *file)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNodeInfo) peer = NULL;
  g_autofree char *title = NULL;
  g_autofree char *compare = NULL;
  g_autofree char *own = NULL;

  g_return_val_if_fail (FG_IS_PAIRING_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  g_clear_pointer (&self->peer, fg_node_info_free);
  gtk_widget_set_visible (self->peer_group, FALSE);
  update_buttons (self);

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      peer = fg_node_read_peer_file_named (bytes, name, &error);
    }
  if (peer == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("This is not a pairing file: %s"), error->message);

      show_take_error (self, text);
      return FALSE;
    }
  if (self->self_node != NULL && g_strcmp0 (peer->id, self->self_node->id) == 0)
    {
      show_take_error (self, _("This is this office’s own pairing file. Open the one the other office gave you."));
      return FALSE;
    }
  show_take_error (self, NULL);

  title = office_title (peer);
  gtk_label_set_label (self->peer_name_label, title);
  gtk_label_set_label (self->peer_division_label, peer->scope_code);
  gtk_widget_set_visible (self->peer_group, TRUE);

  compare = g_strdup_printf (_("Call %s and ask them to read out the check code on their sync page. Pair only if "
                               "they read exactly this:"),
                             peer->scope_label);
  gtk_label_set_label (self->compare_label, compare);
  gtk_label_set_label (self->peer_code_label, peer->fingerprint);
  if (self->self_node != NULL)
    {
      own = g_strdup_printf (_("They will ask you for this office’s check code: %s"), self->self_node->fingerprint);
      gtk_label_set_label (self->own_code_label, own);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_error_label), FALSE);

  self->peer = g_steal_pointer (&peer);
  update_buttons (self);
  return TRUE;
}

/* Steps */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FgPairingDialog *self = FG_PAIRING_DIALOG (widget);
  guint step = step_index (self);

  if (step > 0 && step < 4)
    show_step (self, step - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FgPairingDialog *self = FG_PAIRING_DIALOG (widget);
  guint step = step_index (self);

  if (step == 4)
    gtk_window_close (GTK_WINDOW (self));
  else if (step == 2 && self->peer == NULL)
    show_take_error (self, _("Open the other office’s pairing file first."));
  else if (step != 3)
    show_step (self, step + 1);
}

static void
differ_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FgPairingDialog *self = FG_PAIRING_DIALOG (widget);

  gtk_label_set_label (self->confirm_error_label,
                       _("Do not pair: the file may not be the other office’s. Ask them to save their pairing file "
                         "again and to give it to you themselves, then open it here."));
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_error_label), TRUE);
  g_clear_pointer (&self->peer, fg_node_info_free);
  gtk_widget_set_visible (self->peer_group, FALSE);
  update_buttons (self);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FgPairingDialog *self = FG_PAIRING_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  if (self->peer == NULL)
    return;
  if (!fg_node_add_peer (self->store, self->actor, self->peer, &error))
    {
      gtk_label_set_label (self->confirm_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->confirm_error_label), TRUE);
      return;
    }

  /* Translators: the last step of a pairing, e.g. "Paired With 郏县" */
  title = g_strdup_printf (_("Paired With %s"), self->peer->scope_label);
  description = g_strdup_printf (_("Sync files from %s are accepted from now on. Once it has paired with this "
                                   "office too, choose a sync folder on its row (a shared folder or a USB stick "
                                   "you carry between the offices), or exchange sync files by hand."),
                                 self->peer->scope_label);
  adw_status_page_set_title (self->done_page, title);
  adw_status_page_set_description (self->done_page, description);
  show_step (self, 4);
  g_signal_emit (self, signals[PAIRED], 0, self->peer);
}

/* File choosers */

static void
on_save_response (GtkNativeDialog *chooser,
                  int              response,
                  FgPairingDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      fg_pairing_dialog_save_to (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_open_response (GtkNativeDialog *chooser,
                  int              response,
                  FgPairingDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      fg_pairing_dialog_open (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
save_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FgPairingDialog *self = FG_PAIRING_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Save the Pairing File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("%s.fgpeer", self->self_node != NULL ? self->self_node->scope_name : "firegrid");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FgPairingDialog *self = FG_PAIRING_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open the Other Office’s Pairing File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Pairing files"));
  gtk_file_filter_add_pattern (filter, "*.fgpeer");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_open_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
fg_pairing_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FG_TYPE_PAIRING_DIALOG);

  G_OBJECT_CLASS (fg_pairing_dialog_parent_class)->dispose (object);
}

static void
fg_pairing_dialog_finalize (GObject *object)
{
  FgPairingDialog *self = (FgPairingDialog *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, fg_actor_unref);
  g_clear_pointer (&self->self_node, fg_node_info_free);
  g_clear_pointer (&self->peer, fg_node_info_free);

  G_OBJECT_CLASS (fg_pairing_dialog_parent_class)->finalize (object);
}

static void
fg_pairing_dialog_class_init (FgPairingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fg_pairing_dialog_dispose;
  object_class->finalize = fg_pairing_dialog_finalize;

  /**
   * FgPairingDialog::paired:
   * @peer: the office now paired
   *
   * The other office is trusted: the sync page reads its peers again.
   */
  signals[PAIRED] = g_signal_new ("paired", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, FG_TYPE_NODE_INFO | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_install_action (widget_class, "pairing.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "pairing.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "pairing.save-file", NULL, save_file_action);
  gtk_widget_class_install_action (widget_class, "pairing.open-file", NULL, open_file_action);
  gtk_widget_class_install_action (widget_class, "pairing.differ", NULL, differ_action);
  gtk_widget_class_install_action (widget_class, "pairing.confirm", NULL, confirm_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-pairing-dialog.ui");
  /* a window of its own, but a dialog to screen readers */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, FgPairingDialog, title_widget);
  gtk_widget_class_bind_template_child (widget_class, FgPairingDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, FgPairingDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, FgPairingDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, FgPairingDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, FgPairingDialog, intro_page);
  gtk_widget_class_bind_template_child (widget_class, FgPairingDialog, own_name_label);
  gtk_widget_class_bind_template_child (widget_class, FgPairingDialog, own_code_value);
  gtk_widget_class_bind_template_child (widget_class, FgPairingDialog, saved_label);
  gtk_widget_class_bind_template_child (widget_class, FgPairingDialog, take_error_label);
  gtk_widget_class_bind_template_child (widget_class, FgPairingDialog, peer_group);
  gtk_widget_class_bind_template_child (widget_class, FgPairingDialog, peer_name_label);
  gtk_widget_class_bind_template_child (widget_class, FgPairingDialog, peer_division_label);
  gtk_widget_class_bind_template_child (widget_class, FgPairingDialog, compare_label);
  gtk_widget_class_bind_template_child (widget_class, FgPairingDialog, peer_code_label);
  gtk_widget_class_bind_template_child (widget_class, FgPairingDialog, own_code_label);
  gtk_widget_class_bind_template_child (widget_class, FgPairingDialog, confirm_error_label);
  gtk_widget_class_bind_template_child (widget_class, FgPairingDialog, done_page);
}

static void
fg_pairing_dialog_init (FgPairingDialog *self)
{
  fg_accessible_keep_class_role (GTK_WIDGET (self));
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Enter goes on to the next step, Escape cancels */
  gtk_window_set_default_widget (GTK_WINDOW (self), self->next_button);
}

/**
 * fg_pairing_dialog_new:
 * @parent: (nullable): the window it is for
 * @store: the store
 * @actor: who pairs (someone who may sync)
 *
 * The caller connects to #FgPairingDialog::paired and presents it.
 *
 * Returns: (transfer none): the dialog, at its first step
 */
FgPairingDialog *
fg_pairing_dialog_new (GtkWindow *parent,
                       FgStore   *store,
                       FgActor   *actor)
{
  FgPairingDialog *self;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  self = g_object_new (FG_TYPE_PAIRING_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->actor = fg_actor_ref (actor);
  show_step (self, 0);
  load_self (self);
  return self;
}

/**
 * fg_pairing_dialog_get_step:
 *
 * Returns: the step shown: "intro", "give", "take", "compare" or "done"
 */
const char *
fg_pairing_dialog_get_step (FgPairingDialog *self)
{
  g_return_val_if_fail (FG_IS_PAIRING_DIALOG (self), NULL);
  return steps[step_index (self)];
}
