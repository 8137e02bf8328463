/* fg-event-dialog.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small dialog for what an event on a hazard needs before the core
 * takes it: a deadline, a level to escalate to or an office to transfer
 * to, a note or a reason, and photos. Only the rows the event needs are
 * shown. When the core refused what was typed, the dialog comes back
 * with it and says why.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "fg-accessible.h"
#include "fg-date-row.h"
#include "fg-event-dialog.h"
#include "fg-form.h"
#include "fg-photo-file.h"

struct _FgEventDialog
{
  AdwMessageDialog parent_instance;

  GtkLabel *problem_label;
  FgDateRow *deadline_row;
  AdwComboRow *level_row;
  AdwComboRow *target_row;
  AdwEntryRow *note_row;
  AdwActionRow *photos_row;

  FgStore *store;
  FgHazard *hazard;
  FgHazardEventKind kind;
  char *hazard_id;
  char *deadline;      /* as typed, trimmed: what get_details() hands out */
  GPtrArray *photos;   /* (element-type GBytes) */
};

G_DEFINE_FINAL_TYPE (FgEventDialog, fg_event_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The core's escalation levels and transfer targets, in the order of
 * their names in fg-event-dialog.ui. */
static const char *const level_ids[] = {
  "township-enforcement", "police-station", "county-brigade", "county-government",
};
static const char *const target_ids[] = {
  "police-station", "regulator",
};

/* an order is pressed first by the township's own enforcement */
#define DEFAULT_LEVEL 0

static void
update_photos_row (FgEventDialog *self)
{
  g_autofree char *text = NULL;

  if (self->photos->len == 0)
    text = g_strdup (_("None"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u photo", "%u photos", self->photos->len),
                            self->photos->len);
  adw_action_row_set_subtitle (self->photos_row, text);
}

static void
on_photo_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(FgEventDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = fg_photo_file_load_finish (G_FILE (source), result, &error);

  if (bytes != NULL)
    {
      fg_form_mark_field (GTK_WIDGET (self->photos_row), FALSE);
      fg_event_dialog_add_photo (self, bytes);
      return;
    }

  /* the core's words for a file that is no photo, or too large a one */
  fg_form_mark_field (GTK_WIDGET (self->photos_row), TRUE);
  gtk_label_set_label (self->problem_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
}

static void
on_photos_chosen (GtkNativeDialog *chooser,
                  int              response,
                  FgEventDialog   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          fg_event_dialog_attach_photo_file (self, file);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_add_photos_clicked (FgEventDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Attach Photos"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Attach"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Photos (JPEG, PNG)"));
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_photos_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static guint
find_id (const char *const *ids,
         guint              n_ids,
         const char        *id,
         guint              fallback)
{
  for (guint i = 0; id != NULL && i < n_ids; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      return i;
  return fallback;
}

/* Marks the deadline and the note when the core would refuse them, and
 * says why below the rows; the first wrong field takes the focus. */
static guint
check_fields (gpointer data)
{
  FgEventDialog *self = FG_EVENT_DIALOG (data);
  FgHazardEventDetails details;
  /* a deadline not asked for is not marked */
  GtkWidget *fields[] = { gtk_widget_get_visible (GTK_WIDGET (self->deadline_row))
                          ? GTK_WIDGET (self->deadline_row) : NULL,
                          GTK_WIDGET (self->note_row) };
  GError *errors[G_N_ELEMENTS (fields)] = { NULL, };
  gboolean deadline_wrong;
  gboolean note_wrong;

  fg_event_dialog_get_details (self, &details);
  fg_hazard_check_event_fields (self->store, self->hazard, self->kind, &details, &errors[0], &errors[1]);
  deadline_wrong = errors[0] != NULL;
  note_wrong = errors[1] != NULL;
  fg_form_show_problems (fields, errors, G_N_ELEMENTS (fields), GTK_WIDGET (self->problem_label));

  if (deadline_wrong)
    gtk_widget_grab_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->deadline_row))));
  else if (note_wrong)
    gtk_widget_grab_focus (GTK_WIDGET (self->note_row));
  return deadline_wrong + note_wrong;
}

static void
fg_event_dialog_finalize (GObject *object)
{
  FgEventDialog *self = (FgEventDialog *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->hazard);
  g_free (self->hazard_id);
  g_free (self->deadline);
  g_clear_pointer (&self->photos, g_ptr_array_unref);

  G_OBJECT_CLASS (fg_event_dialog_parent_class)->finalize (object);
}

static void
fg_event_dialog_class_init (FgEventDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = fg_event_dialog_finalize;

  g_type_ensure (FG_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-event-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FgEventDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, FgEventDialog, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, FgEventDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, FgEventDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, FgEventDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, FgEventDialog, photos_row);
  gtk_widget_class_bind_template_callback (widget_class, on_add_photos_clicked);
}

static void
fg_event_dialog_init (FgEventDialog *self)
{
  self->photos = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  fg_accessible_keep_class_role (GTK_WIDGET (self));
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Enter sends a form without a wrong field only */
  fg_form_check_on_enter (GTK_WIDGET (self->deadline_row), check_fields, self);
  fg_form_check_on_enter (GTK_WIDGET (self->note_row), check_fields, self);
}

/**
 * fg_event_dialog_new:
 * @parent: the window it belongs to
 * @store: the store that checks what is typed
 * @hazard: the hazard the event is for
 * @kind: the event
 * @deadline: (nullable): the deadline to offer; %NULL when the event takes
 *   none
 * @takes_photos: whether photos may go with the event
 * @details: (nullable): what was typed before, when the core refused it
 * @problem: (nullable): why the core refused it
 *
 * Returns: (transfer none): the dialog, shown with gtk_window_present()
 */
FgEventDialog *
fg_event_dialog_new (GtkWindow                  *parent,
                     FgStore                    *store,
                     FgHazard                   *hazard,
                     FgHazardEventKind           kind,
                     const char                 *deadline,
                     gboolean                    takes_photos,
                     const FgHazardEventDetails *details,
                     const char                 *problem)
{
  FgEventDialog *self;
  g_autofree char *body = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FG_IS_HAZARD (hazard), NULL);

  /* Translators: the body of the dialog recording an event; %s is the venue */
  body = g_strdup_printf (_("Hazard at %s: %s"), fg_hazard_get_venue_name (hazard), fg_hazard_get_finding (hazard));
  /* a reply answers the county's words: they are in view */
  if (kind == FG_HAZARD_EVENT_SUPERVISION_REPLIED && fg_hazard_get_supervision (hazard) != NULL)
    {
      const FgHazardEvent *instruction = fg_hazard_get_supervision (hazard);
      char *with = g_strdup_printf (_("%s\n\nThe county’s instruction: %s (act by %s)"), body, instruction->note,
                                    instruction->deadline != NULL ? instruction->deadline : "");

      g_free (body);
      body = with;
    }
  self = g_object_new (FG_TYPE_EVENT_DIALOG,
                       "transient-for", parent,
                       "heading", fg_hazard_event_kind_get_label (kind),
                       "body", body,
                       NULL);
  self->store = g_object_ref (store);
  self->hazard = g_object_ref (hazard);
  self->kind = kind;
  self->hazard_id = g_strdup (fg_hazard_get_id (hazard));

  if (deadline != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->deadline_row), deadline);
      gtk_widget_set_visible (GTK_WIDGET (self->deadline_row), TRUE);
    }

  if (kind == FG_HAZARD_EVENT_ESCALATED)
    {
      adw_combo_row_set_selected (self->level_row, find_id (level_ids, G_N_ELEMENTS (level_ids),
                                                            details != NULL ? details->level : NULL, DEFAULT_LEVEL));
      gtk_widget_set_visible (GTK_WIDGET (self->level_row), TRUE);
    }

  if (kind == FG_HAZARD_EVENT_TRANSFERRED)
    {
      adw_combo_row_set_selected (self->target_row, find_id (target_ids, G_N_ELEMENTS (target_ids),
                                                             details != NULL ? details->target : NULL, 0));
      gtk_widget_set_visible (GTK_WIDGET (self->target_row), TRUE);
    }

  if (kind == FG_HAZARD_EVENT_DEADLINE_EXTENDED || kind == FG_HAZARD_EVENT_REOPENED)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row), _("Reason"));
  if (kind == FG_HAZARD_EVENT_SUPERVISED)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row), _("Instruction to the township"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->deadline_row), _("Act by"));
    }
  if (kind == FG_HAZARD_EVENT_SUPERVISION_REPLIED)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row), _("Reply to the county"));
  if (details != NULL && details->note != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->note_row), details->note);

  if (takes_photos)
    {
      for (guint i = 0; details != NULL && details->photos != NULL && i < details->photos->len; i++)
        g_ptr_array_add (self->photos, g_bytes_ref (g_ptr_array_index (details->photos, i)));
      update_photos_row (self);
      gtk_widget_set_visible (GTK_WIDGET (self->photos_row), TRUE);
    }

  /* back with what the core refused: the wrong fields are marked too */
  if (problem != NULL && check_fields (self) == 0)
    {
      gtk_label_set_label (self->problem_label, problem);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
    }

  return self;
}

/**
 * fg_event_dialog_count_workdays:
 * @today: the day the deadline's working days count from
 *
 * The dialog says which working day the deadline is as it is chosen.
 */
void
fg_event_dialog_count_workdays (FgEventDialog *self,
                                FgStore       *store,
                                const GDate   *today)
{
  g_return_if_fail (FG_IS_EVENT_DIALOG (self));

  fg_date_row_count_workdays (self->deadline_row, store, today);
  /* counting reads the date again: a refusal's mark is put back */
  if (gtk_widget_get_visible (GTK_WIDGET (self->problem_label)))
    check_fields (self);
}

FgHazardEventKind
fg_event_dialog_get_kind (FgEventDialog *self)
{
  g_return_val_if_fail (FG_IS_EVENT_DIALOG (self), 0);
  return self->kind;
}

const char *
fg_event_dialog_get_hazard_id (FgEventDialog *self)
{
  g_return_val_if_fail (FG_IS_EVENT_DIALOG (self), NULL);
  return self->hazard_id;
}

/**
 * fg_event_dialog_attach_photo_file:
 * @file: a photo chosen by the person
 *
 * Reads and checks @file in the background (fg_photo_file_load_async())
 * and adds it, or marks the photos and says why not.
 */
void
fg_event_dialog_attach_photo_file (FgEventDialog *self,
                                   GFile         *file)
{
  g_return_if_fail (FG_IS_EVENT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  fg_photo_file_load_async (file, NULL, on_photo_loaded, g_object_ref (self));
}

/**
 * fg_event_dialog_add_photo:
 * @photo: a JPEG or PNG image, as read from its file
 *
 * Adds a photo to go with the event.
 */
void
fg_event_dialog_add_photo (FgEventDialog *self,
                           GBytes        *photo)
{
  g_return_if_fail (FG_IS_EVENT_DIALOG (self));
  g_return_if_fail (photo != NULL);

  g_ptr_array_add (self->photos, g_bytes_ref (photo));
  update_photos_row (self);
}

/**
 * fg_event_dialog_get_details:
 * @details: (out caller-allocates): filled with what was typed and
 *   chosen; its strings and photos belong to the dialog
 */
void
fg_event_dialog_get_details (FgEventDialog        *self,
                             FgHazardEventDetails *details)
{
  g_return_if_fail (FG_IS_EVENT_DIALOG (self));
  g_return_if_fail (details != NULL);

  memset (details, 0, sizeof *details);

  if (gtk_widget_get_visible (GTK_WIDGET (self->deadline_row)))
    {
      g_free (self->deadline);
      self->deadline = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->deadline_row))));
      details->deadline = self->deadline;
    }
  details->note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  if (gtk_widget_get_visible (GTK_WIDGET (self->level_row)))
    details->level = level_ids[MIN (adw_combo_row_get_selected (self->level_row), G_N_ELEMENTS (level_ids) - 1)];
  if (gtk_widget_get_visible (GTK_WIDGET (self->target_row)))
    details->target = target_ids[MIN (adw_combo_row_get_selected (self->target_row), G_N_ELEMENTS (target_ids) - 1)];
  details->photos = self->photos->len > 0 ? self->photos : NULL;
}
