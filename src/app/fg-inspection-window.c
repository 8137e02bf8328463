/* fg-inspection-window.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One window per inspection, beside the main window, so that the venue
 * list stays at hand. Every choice goes to the core as it is made: there
 * is nothing to save, and closing the window keeps the draft.
 *
 * The items are rows of one GtkListBox with the section titles as its
 * headers (sections in a list model are GTK 4.12), so that ↑/↓ run
 * through all of them; a copy of the current section's title stays at
 * the top while its own header is scrolled away.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "fg-accessible.h"
#include "fg-date-row.h"
#include "fg-inspection-window.h"
#include "fg-photo-file.h"
#include "fg-photo-viewer.h"
#include "fg-thumbnail.h"
#include "fg-toast.h"

/* the longer side of a photo shown in the list, in pixels */
#define PHOTO_SIZE 128

struct _FgInspectionWindow
{
  AdwWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkProgressBar *progress_bar;
  GtkLabel *progress_label;
  GtkWidget *finish_button;
  GtkScrolledWindow *scrolled_window;
  GtkWidget *content_box;
  GtkLabel *info_label;
  GtkListBox *item_list;
  GtkWidget *sticky_header;
  GtkLabel *sticky_label;

  FgStore *store;
  FgActor *actor;
  FgInspection *inspection;
  char *venue_name;
  gboolean read_only;

  GPtrArray *rows;            /* FgInspectionRow, in list order (borrowed) */
  GPtrArray *section_starts;  /* the first row of each section (borrowed) */
  guint current;
  guint scroll_tick;
  GStrv focus_codes;          /* the campaign's focus items */
  GtkNativeDialog *chooser;
  FgInspectionRow *chooser_row;
  GtkWindow *summary;         /* weak */
  /* an inspection typed in from a paper form: the times it took place,
   * kept while the summary is shown again after a refusal */
  GtkWidget *times_row;       /* weak */
  GtkWidget *started_entry;   /* weak */
  GtkWidget *ended_entry;     /* weak */
  gboolean entered_later;
  char *entered_started;
  char *entered_ended;
  char *times_error;
  GtkWindow *question;        /* weak: passed items with a note or photo */

  /* The failed items changed by a click: the note each failed with, which
   * its toast's Undo puts back (code → note). Photos stay with an item
   * whatever its outcome. */
  GHashTable *undo_notes;
  AdwToast *kept_toast;       /* a key that left a failed item as it was */
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_ACTOR,
  PROP_INSPECTION,
  PROP_VENUE_NAME,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FgInspectionWindow, fg_inspection_window, ADW_TYPE_WINDOW)

static void
show_error (FgInspectionWindow *self,
            const GError       *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  /* a sentence from the core, which may need a moment to read */
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static FgInspectionRow *
current_row (FgInspectionWindow *self)
{
  if (self->current >= self->rows->len)
    return NULL;

  return g_ptr_array_index (self->rows, self->current);
}

static const char *
row_code (FgInspectionRow *row)
{
  return fg_checklist_item_get_code (fg_inspection_row_get_item (row));
}

static void
fg_inspection_window_update_progress (FgInspectionWindow *self)
{
  guint n_items = self->rows->len;
  guint n_answered = fg_inspection_get_n_answered (self->inspection);
  g_autofree char *text = NULL;

  /* Translators: answered items of all, in the header: "18 / 32" */
  text = g_strdup_printf (_("%u / %u"), n_answered, n_items);
  gtk_label_set_text (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, n_items > 0 ? (double) n_answered / n_items : 0);
}

/* Puts @row at the top of what is visible when it is above it, or at the
 * bottom when below, leaving room for the sticky section title. */
static gboolean
scroll_to_current (GtkWidget     *widget,
                   GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  FgInspectionWindow *self = FG_INSPECTION_WINDOW (widget);
  FgInspectionRow *row = current_row (self);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  graphene_rect_t bounds;
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double top_margin;
  GtkWidget *target;

  self->scroll_tick = 0;
  if (row == NULL)
    return G_SOURCE_REMOVE;

  /* the section's title along with its first item */
  target = gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (row)) != NULL
           ? gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (row))
           : GTK_WIDGET (row);
  if (!gtk_widget_compute_bounds (target, self->content_box, &bounds))
    return G_SOURCE_REMOVE;
  top_margin = target == GTK_WIDGET (row) ? gtk_widget_get_height (self->sticky_header) + 6 : 12;

  if (bounds.origin.y - top_margin < value)
    gtk_adjustment_set_value (adjustment, bounds.origin.y - top_margin);
  else if (!gtk_widget_compute_bounds (GTK_WIDGET (row), self->content_box, &bounds))
    return G_SOURCE_REMOVE;
  else if (bounds.origin.y + bounds.size.height + 12 > value + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y + bounds.size.height + 12 - page);

  return G_SOURCE_REMOVE;
}

static void
fg_inspection_window_set_current (FgInspectionWindow *self,
                                  guint               position,
                                  gboolean            grab_focus)
{
  FgInspectionRow *row;

  if (position >= self->rows->len)
    return;

  row = g_ptr_array_index (self->rows, position);
  self->current = position;
  if (gtk_list_box_get_selected_row (self->item_list) != GTK_LIST_BOX_ROW (row))
    gtk_list_box_select_row (self->item_list, GTK_LIST_BOX_ROW (row));
  if (grab_focus)
    gtk_widget_grab_focus (GTK_WIDGET (row));

  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_current, NULL, NULL);
}

/* The first item without an outcome after @position, going round to the
 * top; G_MAXUINT when every item has one. */
static guint
next_unanswered (FgInspectionWindow *self,
                 guint               position)
{
  guint n = self->rows->len;

  for (guint i = 1; i <= n; i++)
    {
      guint candidate = (position + i) % n;

      if (fg_inspection_get_outcome (self->inspection, row_code (g_ptr_array_index (self->rows, candidate))) == FG_OUTCOME_NONE)
        return candidate;
    }

  return G_MAXUINT;
}

static void
on_row_selected (FgInspectionWindow *self,
                 GtkListBoxRow      *row)
{
  guint position;

  if (row != NULL && g_ptr_array_find (self->rows, row, &position))
    self->current = position;
}

/* Clicking into a row's note or buttons makes it the current one. */
static void
on_focus_widget_changed (FgInspectionWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *row;

  if (focus == NULL)
    return;

  row = FG_IS_INSPECTION_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, FG_TYPE_INSPECTION_ROW);
  if (row != NULL)
    fg_inspection_window_set_current (self, (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), FALSE);
}

static void
update_sticky_header (FgInspectionWindow *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  double value = gtk_adjustment_get_value (adjustment);
  GtkListBoxRow *section = NULL;
  GtkWidget *header = NULL;
  graphene_rect_t bounds;

  for (guint i = 0; i < self->section_starts->len; i++)
    {
      GtkListBoxRow *start = g_ptr_array_index (self->section_starts, i);
      GtkWidget *start_header = gtk_list_box_row_get_header (start);

      if (start_header == NULL || !gtk_widget_compute_bounds (start_header, self->content_box, &bounds))
        break;
      if (bounds.origin.y > value)
        break;

      section = start;
      header = start_header;
    }

  /* while its own title shows, the copy would only repeat it */
  if (section == NULL ||
      !gtk_widget_compute_bounds (header, self->content_box, &bounds) ||
      bounds.origin.y + bounds.size.height > value)
    {
      gtk_widget_set_visible (self->sticky_header, FALSE);
      return;
    }

  gtk_label_set_text (self->sticky_label,
                      fg_checklist_item_get_section (fg_inspection_row_get_item (FG_INSPECTION_ROW (section))));
  gtk_widget_set_visible (self->sticky_header, TRUE);
}

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  FgChecklistItem *item = fg_inspection_row_get_item (FG_INSPECTION_ROW (row));
  GtkWidget *header;

  if (before != NULL &&
      g_strcmp0 (fg_checklist_item_get_section_id (item),
                 fg_checklist_item_get_section_id (fg_inspection_row_get_item (FG_INSPECTION_ROW (before)))) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  if (gtk_list_box_row_get_header (row) != NULL)
    return;

  header = gtk_label_new (fg_checklist_item_get_section (item));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_widget_add_css_class (header, "fg-section-header");
  gtk_widget_add_css_class (header, "heading");
  gtk_list_box_row_set_header (row, header);
}

/* Recording */

static gboolean
record_outcome (FgInspectionWindow *self,
                FgInspectionRow    *row,
                FgOutcome           outcome)
{
  g_autoptr(GError) error = NULL;
  const char *code = row_code (row);

  if (!fg_inspection_record (self->store, self->actor, self->inspection, code, outcome,
                             fg_inspection_row_get_note (row), &error))
    {
      show_error (self, error);
      fg_inspection_row_set_outcome (row, fg_inspection_get_outcome (self->inspection, code));
      return FALSE;
    }

  fg_inspection_row_set_outcome (row, outcome);
  fg_inspection_row_note_stored (row);
  fg_inspection_window_update_progress (self);
  return TRUE;
}

/* A failed item was changed by a click: it may have been a slip of the
 * mouse, and the finding would be lost from the hazards, so the toast
 * offers to put it back as it was. Toasts are never dismissed from here:
 * libadwaita 1.2 frees a toast twice when it is dismissed as it hides. */
static void
offer_undo (FgInspectionWindow *self,
            FgInspectionRow    *row,
            const char         *note)
{
  FgChecklistItem *item = fg_inspection_row_get_item (row);
  g_autofree char *text = NULL;
  AdwToast *toast;

  /* Translators: a failed item was just marked otherwise, e.g.
   * "“Exits are not locked” is no longer failed" */
  text = g_strdup_printf (_("“%s” is no longer failed"), fg_checklist_item_get_text (item));
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_detailed_action_name (toast, "inspection.undo");
  adw_toast_set_action_target_value (toast, g_variant_new_string (row_code (row)));
  adw_toast_set_timeout (toast, 10);

  g_hash_table_replace (self->undo_notes, g_strdup (row_code (row)), g_strdup (note != NULL ? note : ""));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_outcome_chosen (FgInspectionRow    *row,
                   guint               outcome,
                   FgInspectionWindow *self)
{
  const char *code = row_code (row);
  FgOutcome before = fg_inspection_get_outcome (self->inspection, code);
  g_autofree char *note = g_strdup (fg_inspection_get_note (self->inspection, code));

  fg_inspection_window_set_current (self, (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), FALSE);
  if (record_outcome (self, row, (FgOutcome) outcome) &&
      before == FG_OUTCOME_FAIL && outcome != FG_OUTCOME_FAIL)
    offer_undo (self, row, note);
}

static void
on_note_changed (FgInspectionRow    *row,
                 FgInspectionWindow *self)
{
  FgOutcome outcome = fg_inspection_get_outcome (self->inspection, row_code (row));

  /* A note without an outcome waits for it: the core keeps results only. */
  if (outcome != FG_OUTCOME_NONE)
    record_outcome (self, row, outcome);
}

static void
flush_notes (FgInspectionWindow *self)
{
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    fg_inspection_row_flush_note (g_ptr_array_index (self->rows, i));
}

/* Photos */

/* The row's photos, small, from the store. A photo that cannot be shown
 * (it was stored, so it is a JPEG or PNG: a damaged one) is left out. */
static void
show_photos (FgInspectionWindow *self,
             FgInspectionRow    *row)
{
  const char * const *photos = fg_inspection_get_photos (self->inspection, row_code (row));
  g_autoptr(GPtrArray) thumbnails = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; photos != NULL && photos[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = fg_inspection_load_photo (self->store, photos[i], NULL, &error);
      GdkPaintable *thumbnail = bytes != NULL ? fg_thumbnail_new (bytes, PHOTO_SIZE, &error) : NULL;

      if (thumbnail == NULL)
        {
          g_warning ("Photo %s cannot be shown: %s", photos[i], error->message);
          continue;
        }
      g_ptr_array_add (thumbnails, thumbnail);
    }

  fg_inspection_row_set_photos (row, thumbnails);
}

static void
on_show_photo (FgInspectionRow    *row,
               guint               index,
               FgInspectionWindow *self)
{
  const char * const *photos = fg_inspection_get_photos (self->inspection, row_code (row));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (photos == NULL || index >= g_strv_length ((char **) photos))
    return;

  bytes = fg_inspection_load_photo (self->store, photos[index], NULL, &error);
  if (bytes == NULL)
    {
      show_error (self, error);
      return;
    }
  fg_photo_viewer_show (GTK_WIDGET (row), bytes,
                        fg_checklist_item_get_text (fg_inspection_row_get_item (row)));
}

typedef struct
{
  FgInspectionWindow *self;
  FgInspectionRow *row;
  GFile *file;
} PhotoLoad;

static void
photo_load_free (PhotoLoad *load)
{
  g_object_unref (load->self);
  g_object_unref (load->row);
  g_object_unref (load->file);
  g_free (load);
}

static void
on_photo_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PhotoLoad *load = user_data;
  FgInspectionWindow *self = load->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (self->inspection == NULL)
    goto out;  /* the window closed meanwhile */

  bytes = fg_photo_file_load_finish (G_FILE (source), result, &error);
  if (bytes == NULL)
    {
      show_error (self, error);
      goto out;
    }

  sha256 = fg_inspection_attach_photo (self->store, self->actor, self->inspection,
                                       row_code (load->row), bytes, &error);
  if (sha256 == NULL)
    {
      show_error (self, error);
      goto out;
    }

  show_photos (self, load->row);
  fg_toast_show (GTK_WIDGET (self->toast_overlay), _("Photo attached"), 3);

out:
  photo_load_free (load);
}

/**
 * fg_inspection_window_attach_photo_file:
 * @self: the window
 * @row: the item the photo shows
 * @file: a photo
 *
 * Reads and checks @file in the background (fg_photo_file_load_async())
 * and attaches it to @row's item; a toast says it was attached, or the
 * core says why not.
 */
void
fg_inspection_window_attach_photo_file (FgInspectionWindow *self,
                                        FgInspectionRow    *row,
                                        GFile              *file)
{
  PhotoLoad *load;

  g_return_if_fail (FG_IS_INSPECTION_WINDOW (self));
  g_return_if_fail (FG_IS_INSPECTION_ROW (row));
  g_return_if_fail (G_IS_FILE (file));

  load = g_new0 (PhotoLoad, 1);
  load->self = g_object_ref (self);
  load->row = g_object_ref (row);
  load->file = g_object_ref (file);
  fg_photo_file_load_async (load->file, NULL, on_photo_loaded, load);
}

static void
on_chooser_response (GtkNativeDialog    *chooser,
                     int                 response,
                     FgInspectionWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->chooser_row != NULL)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          fg_inspection_window_attach_photo_file (self, self->chooser_row, file);
        }
    }

  g_clear_object (&self->chooser_row);
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
attach_photo (FgInspectionWindow *self,
              FgInspectionRow    *row)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->read_only || self->chooser != NULL)
    return;

  gtk_file_filter_set_name (filter, _("JPEG and PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "jpg");
  gtk_file_filter_add_suffix (filter, "jpeg");
  gtk_file_filter_add_suffix (filter, "png");

  chooser = gtk_file_chooser_native_new (_("Attach a Photo"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_set_object (&self->chooser_row, row);
  gtk_native_dialog_show (self->chooser);
}

static void
on_attach_photo (FgInspectionRow    *row,
                 FgInspectionWindow *self)
{
  attach_photo (self, row);
}

/* Finishing */

static gboolean
destroy_later (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void present_summary (FgInspectionWindow *self);

/* After the summary that was answered has closed (not from inside its
 * response), the summary again. */
static gboolean
present_summary_again (gpointer user_data)
{
  FgInspectionWindow *self = user_data;

  if (self->summary != NULL)
    gtk_window_destroy (self->summary);
  if (!self->read_only && gtk_widget_get_visible (GTK_WIDGET (self)))
    present_summary (self);
  return G_SOURCE_REMOVE;
}

/* The times typed into the summary, kept for showing it again. */
static void
read_entered_times (FgInspectionWindow *self)
{
  if (self->times_row == NULL)
    return;
  self->entered_later = adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (self->times_row));
  g_free (self->entered_started);
  self->entered_started = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->started_entry))));
  g_free (self->entered_ended);
  self->entered_ended = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->ended_entry))));
}

static void
finish (FgInspectionWindow *self)
{
  g_autoptr(GError) error = NULL;

  flush_notes (self);
  read_entered_times (self);
  g_clear_pointer (&self->times_error, g_free);
  if (!fg_inspection_finish_at (self->store, self->actor, self->inspection,
                                self->entered_later ? self->entered_started : NULL,
                                self->entered_later ? self->entered_ended : NULL, &error))
    {
      if (g_error_matches (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_TIME))
        {
          /* the summary again, with the times typed and why they were refused */
          self->times_error = g_strdup (error->message);
          g_idle_add_full (G_PRIORITY_DEFAULT, present_summary_again, g_object_ref (self), g_object_unref);
          return;
        }
      show_error (self, error);
      return;
    }

  if (self->summary != NULL)
    gtk_window_destroy (self->summary);

  self->read_only = TRUE;
  g_signal_emit (self, signals[FINISHED], 0, self->inspection);

  /* not from inside the action that finished it */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_later, g_object_ref (self), g_object_unref);
}

static void
on_summary_response (AdwMessageDialog   *dialog,
                     const char         *response,
                     FgInspectionWindow *self)
{
  if (g_strcmp0 (response, "finish") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "inspection.confirm-finish", NULL);
}

/* One line such as "Pass 28 · Fail 1 · Not applicable 0", so the list
 * of hazards below keeps the room of the dialog. Each count is a label
 * of its own that never wraps: a narrow dialog would otherwise break a
 * word such as 不适用 between its characters. */
static GtkWidget *
counts_label (const guint *counts)
{
  static const FgOutcome outcomes[] = { FG_OUTCOME_PASS, FG_OUTCOME_FAIL, FG_OUTCOME_NA };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      g_autofree char *text = g_strdup_printf ("%s %u", fg_outcome_get_label (outcomes[i]), counts[outcomes[i]]);
      GtkWidget *label = gtk_label_new (text);

      if (i > 0)
        gtk_box_append (GTK_BOX (box), g_object_new (GTK_TYPE_LABEL, "label", "·",
                                                     "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL));
      gtk_widget_add_css_class (label, "numeric");
      gtk_box_append (GTK_BOX (box), label);
    }

  return box;
}

static GtkWidget *
hazard_row (FgChecklistItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  FgHazardGrade grade = fg_hazard_grade_propose (item);
  guint days = fg_checklist_item_get_deadline_days (item);
  g_autofree char *subtitle = NULL;

  if (grade == FG_HAZARD_GRADE_ON_SPOT)
    subtitle = g_strdup (fg_hazard_grade_get_label (grade));
  else
    /* Translators: a hazard's proposed grade and default deadline,
     * e.g. "Correct by a deadline · 10 days" */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u working day", "%s · %u working days", days),
                                fg_hazard_grade_get_label (grade), days);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* the hazard as it will be recorded: what was found */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fg_checklist_item_get_finding (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (grade == FG_HAZARD_GRADE_MAJOR_PROPOSED)
    gtk_widget_add_css_class (row, "fg-major");
  /* A preview only: keep the keyboard focus on the dialog's buttons. */
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

/* The hazards' list as tall as its rows are at the width the dialog
 * gives it, as far as the window has room: the whole list on a laptop's
 * screen, not a row and a half. It is measured once laid out, as its
 * wrapped titles are as tall as their width makes them. */
static gboolean
fit_hazard_list (GtkWidget     *scrolled,
                 GdkFrameClock *frame_clock,
                 gpointer       user_data)
{
  GtkWidget *hazards = user_data;
  GtkWidget *dialog = GTK_WIDGET (gtk_widget_get_root (scrolled));
  GtkWindow *parent = GTK_IS_WINDOW (dialog) ? gtk_window_get_transient_for (GTK_WINDOW (dialog)) : NULL;
  int width = gtk_widget_get_width (scrolled);
  int height = gtk_widget_get_height (scrolled);
  int natural;
  int room;

  if (width <= 0 || parent == NULL)
    return G_SOURCE_CONTINUE;

  gtk_widget_measure (hazards, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
  /* the window's height, less what the rest of the dialog takes */
  room = gtk_widget_get_height (GTK_WIDGET (parent)) - (gtk_widget_get_height (dialog) - height) - 48;
  /* and the list's frame below its rows */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), MAX (MIN (natural + 4, room), 120));
  return G_SOURCE_REMOVE;
}

/* The officer who inspected with the inspector: chosen as the
 * inspection is finished, and given to the core at once. A refusal (no
 * certificate number, not an officer) is shown under the choice, and the
 * inspector stays alone. */
static void
on_second_inspector_selected (AdwComboRow        *row,
                              GParamSpec         *pspec,
                              FgInspectionWindow *self)
{
  GStrv logins = g_object_get_data (G_OBJECT (row), "fg-logins");
  GtkLabel *error_label = g_object_get_data (G_OBJECT (row), "fg-error-label");
  guint selected = adw_combo_row_get_selected (row);
  const char *login = selected > 0 && selected <= g_strv_length (logins) ? logins[selected - 1] : NULL;
  g_autoptr(GError) error = NULL;

  /* nothing changes: the combo row tells of its reset after a refusal
   * only once the handler is unblocked, and the refusal stays shown */
  if (g_strcmp0 (login, fg_inspection_get_second_inspector (self->inspection)) == 0)
    return;
  gtk_widget_set_visible (GTK_WIDGET (error_label), FALSE);
  if (fg_inspection_set_second_inspector (self->store, self->actor, self->inspection, login, &error))
    return;

  gtk_label_set_text (error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (error_label), TRUE);
  g_signal_handlers_block_by_func (row, on_second_inspector_selected, self);
  adw_combo_row_set_selected (row, 0);
  g_signal_handlers_unblock_by_func (row, on_second_inspector_selected, self);
  fg_inspection_set_second_inspector (self->store, self->actor, self->inspection, NULL, NULL);
}

static GtkWidget *
second_inspector_box (FgInspectionWindow *self)
{
  g_autoptr(GPtrArray) officers = fg_account_list_officers (self->store, self->actor, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) logins = g_strv_builder_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_combo_row_new ();
  GtkWidget *error_label = gtk_label_new (NULL);
  const char *current = fg_inspection_get_second_inspector (self->inspection);
  guint selected = 0;

  gtk_string_list_append (names, _("None: I inspected alone"));
  for (guint i = 0; officers != NULL && i < officers->len; i++)
    {
      FgAccount *officer = g_ptr_array_index (officers, i);
      const char *number = fg_account_get_certificate (officer);
      /* Translators: an officer to choose as the second inspector: the
       * name and the certificate number, or that none is entered */
      g_autofree char *label = *number != '\0'
                               ? g_strdup_printf (_("%s · certificate %s"), fg_account_get_display_name (officer), number)
                               : g_strdup_printf (_("%s · no certificate number"), fg_account_get_display_name (officer));

      gtk_string_list_append (names, label);
      g_strv_builder_add (logins, fg_account_get_login (officer));
      if (g_strcmp0 (current, fg_account_get_login (officer)) == 0)
        selected = i + 1;
    }

  gtk_widget_set_name (row, "second-inspector");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Second inspector"));
  fg_accessible_name_lists (list, _("Second inspector"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* the choice as the subtitle, where a name and a number have room */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data_full (G_OBJECT (row), "fg-logins", g_strv_builder_end (logins), (GDestroyNotify) g_strfreev);
  g_object_set_data (G_OBJECT (row), "fg-error-label", error_label);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_second_inspector_selected), self, 0);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_box_append (GTK_BOX (box), list);

  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error_label), 0);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_set_visible (error_label, FALSE);
  gtk_box_append (GTK_BOX (box), error_label);
  return box;
}

/* "YYYY-MM-DD HH:MM" of an ISO 8601 time, or of now. */
static char *
minutes_of (const char *iso8601)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (iso8601 != NULL && strlen (iso8601) >= 16)
    return g_strdup_printf ("%.10s %.5s", iso8601, iso8601 + 11);
  return g_date_time_format (now, "%Y-%m-%d %H:%M");
}

static GtkWidget *
time_entry (const char *title,
            const char *text,
            const char *name)
{
  GtkWidget *entry = fg_date_row_new (title);

  fg_date_row_set_with_time (FG_DATE_ROW (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_widget_set_name (entry, name);
  return entry;
}

/* An inspection made on a paper form and typed in later: the officer
 * gives the times it took place, which the record prints; the core
 * checks them as the inspection is finished. */
static GtkWidget *
times_box (FgInspectionWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *started = self->entered_started != NULL
                             ? g_strdup (self->entered_started)
                             : minutes_of (fg_inspection_get_started_at (self->inspection));
  g_autofree char *ended = self->entered_ended != NULL ? g_strdup (self->entered_ended) : minutes_of (NULL);
  GtkWidget *started_entry = time_entry (_("Started"), started, "started-entry");
  GtkWidget *ended_entry = time_entry (_("Ended"), ended, "ended-entry");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Typed In From a Paper Form"));
  fg_accessible_name_lists (list, _("Typed In From a Paper Form"));
  fg_accessible_name_lists (row, _("Typed In From a Paper Form"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row),
                                 _("The record then prints the times the inspection took place"));
  adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (row), TRUE);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), self->entered_later);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), self->entered_later);
  gtk_widget_set_name (row, "entered-later");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), started_entry);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), ended_entry);
  g_set_weak_pointer (&self->times_row, row);
  g_set_weak_pointer (&self->started_entry, started_entry);
  g_set_weak_pointer (&self->ended_entry, ended_entry);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_box_append (GTK_BOX (box), list);

  if (self->times_error != NULL)
    {
      GtkWidget *label = gtk_label_new (self->times_error);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "error");
      gtk_widget_set_name (label, "times-error");
      gtk_box_append (GTK_BOX (box), label);
    }
  return box;
}

static void
present_summary (FgInspectionWindow *self)
{
  g_autoptr(GPtrArray) failed = fg_inspection_get_failed_items (self->inspection);
  g_autoptr(GPtrArray) tasks = fg_inspection_get_township_tasks (self->inspection);
  guint counts[FG_OUTCOME_NA + 1] = { 0, };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  AdwMessageDialog *dialog;

  for (guint i = 0; i < self->rows->len; i++)
    counts[fg_inspection_get_outcome (self->inspection, row_code (g_ptr_array_index (self->rows, i)))]++;

  gtk_box_append (GTK_BOX (box), counts_label (counts));
  gtk_box_append (GTK_BOX (box), second_inspector_box (self));
  gtk_box_append (GTK_BOX (box), times_box (self));

  if (tasks->len > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u failed item is a task for the township government: "
                                                            "it stays in the record and becomes no hazard of the venue.",
                                                            "%u failed items are tasks for the township government: "
                                                            "they stay in the record and become no hazards of the venue.",
                                                            tasks->len),
                                               tasks->len);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
    }

  if (failed->len > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u hazard will be recorded",
                                                             "%u hazards will be recorded",
                                                             failed->len),
                                                failed->len);
      GtkWidget *label = gtk_label_new (title);
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *hazards = gtk_list_box_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_margin_top (label, 6);
      gtk_box_append (GTK_BOX (box), label);

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (hazards), GTK_SELECTION_NONE);
      fg_accessible_name_lists (hazards, title);
      gtk_widget_add_css_class (hazards, "boxed-list");
      for (guint i = 0; i < failed->len; i++)
        gtk_list_box_append (GTK_LIST_BOX (hazards), hazard_row (g_ptr_array_index (failed, i)));

      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), hazards);
      gtk_widget_add_tick_callback (scrolled, fit_hazard_list, hazards, NULL);
      gtk_box_append (GTK_BOX (box), scrolled);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Finish the Inspection?"),
                                                       _("A finished inspection cannot be changed. "
                                                         "Its failed items become hazards to correct.")));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "finish", _("_Finish"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "finish", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "finish");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_summary_response), self, 0);

  g_set_weak_pointer (&self->summary, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Questioning passes */

/* The rows marked as passed that carry a note or a photo: these record
 * what someone saw, which is rarely nothing, and a failed item changed to
 * a pass keeps both. */
static GPtrArray *
questioned_rows (FgInspectionWindow *self)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (guint i = 0; i < self->rows->len; i++)
    {
      FgInspectionRow *row = g_ptr_array_index (self->rows, i);
      const char *code = row_code (row);
      const char *note = fg_inspection_get_note (self->inspection, code);
      const char * const *photos = fg_inspection_get_photos (self->inspection, code);

      if (fg_inspection_get_outcome (self->inspection, code) == FG_OUTCOME_PASS &&
          ((note != NULL && *note != '\0') || (photos != NULL && photos[0] != NULL)))
        g_ptr_array_add (rows, row);
    }

  return rows;
}

static GtkWidget *
questioned_row (FgInspectionWindow *self,
                FgInspectionRow    *item_row)
{
  const char *code = row_code (item_row);
  const char *note = fg_inspection_get_note (self->inspection, code);
  const char * const *photos = fg_inspection_get_photos (self->inspection, code);
  guint n_photos = photos != NULL ? g_strv_length ((char **) photos) : 0;
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (note);

  if (n_photos > 0)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%u photo", "%u photos", n_photos), n_photos);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 fg_checklist_item_get_text (fg_inspection_row_get_item (item_row)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static void
on_question_response (AdwMessageDialog   *dialog,
                      const char         *response,
                      FgInspectionWindow *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  guint position;

  if (g_strcmp0 (response, "passed") == 0)
    {
      present_summary (self);
      return;
    }

  /* back to the first of them, to look again */
  rows = questioned_rows (self);
  if (rows->len > 0 && g_ptr_array_find (self->rows, g_ptr_array_index (rows, 0), &position))
    fg_inspection_window_set_current (self, position, TRUE);
}

/* Asks about passed items with a note or photo before the summary;
 * returns whether it asked. */
static gboolean
present_question (FgInspectionWindow *self)
{
  g_autoptr(GPtrArray) rows = questioned_rows (self);
  GtkWidget *list;
  AdwMessageDialog *dialog;

  if (rows->len == 0)
    return FALSE;

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), questioned_row (self, g_ptr_array_index (rows, i)));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       g_dngettext (GETTEXT_PACKAGE,
                                                                    "Did This Item Pass?",
                                                                    "Did These Items Pass?",
                                                                    rows->len),
                                                       g_dngettext (GETTEXT_PACKAGE,
                                                                    "It is marked as passed but has a note or a photo, "
                                                                    "which usually record a problem. A passed item "
                                                                    "becomes no hazard.",
                                                                    "They are marked as passed but have a note or a photo, "
                                                                    "which usually record a problem. A passed item "
                                                                    "becomes no hazard.",
                                                                    rows->len)));
  fg_accessible_name_lists (list, adw_message_dialog_get_heading (dialog));
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog,
                                    "back", _("_Go Back"),
                                    "passed", _("_Keep as Passed"),
                                    NULL);
  /* Enter goes back: passing them is a choice to make, not a key to hold */
  adw_message_dialog_set_default_response (dialog, "back");
  adw_message_dialog_set_close_response (dialog, "back");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_question_response), self, 0);

  g_set_weak_pointer (&self->question, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Actions */

static void
on_kept_toast_dismissed (FgInspectionWindow *self)
{
  g_clear_object (&self->kept_toast);
}

static void
say_failed_kept (FgInspectionWindow *self)
{
  AdwToast *toast;

  /* once, however long the key is held */
  if (self->kept_toast != NULL)
    return;

  toast = adw_toast_new (_("This item failed and stays failed: keys do not change a failed item. "
                           "To change it, click Pass or N/A in its row."));
  adw_toast_set_timeout (toast, 6);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_kept_toast_dismissed), self, G_CONNECT_SWAPPED);
  self->kept_toast = g_object_ref (toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FgInspectionWindow *self = FG_INSPECTION_WINDOW (widget);
  const char *code = g_variant_get_string (parameter, NULL);
  const char *note = g_hash_table_lookup (self->undo_notes, code);
  g_autoptr(GError) error = NULL;

  if (note == NULL || self->read_only)
    return;

  for (guint i = 0; i < self->rows->len; i++)
    {
      FgInspectionRow *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (row_code (row), code) != 0)
        continue;

      /* the note as it was stored with the failed outcome */
      if (!fg_inspection_record (self->store, self->actor, self->inspection, code, FG_OUTCOME_FAIL, note, &error))
        {
          show_error (self, error);
          return;
        }
      fg_inspection_row_set_note (row, fg_inspection_get_note (self->inspection, code));
      fg_inspection_row_set_outcome (row, FG_OUTCOME_FAIL);
      fg_inspection_window_update_progress (self);
      fg_inspection_window_set_current (self, i, TRUE);
      break;
    }

  g_hash_table_remove (self->undo_notes, code);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FgInspectionWindow *self = FG_INSPECTION_WINDOW (widget);
  FgInspectionRow *row = current_row (self);
  FgOutcome outcome;

  if (row == NULL)
    return;

  if (g_str_equal (action_name, "inspection.pass"))
    outcome = FG_OUTCOME_PASS;
  else if (g_str_equal (action_name, "inspection.fail"))
    outcome = FG_OUTCOME_FAIL;
  else
    outcome = FG_OUTCOME_NA;

  /* A key held down or pressed once too often must not wipe out a
   * finding: a failed item changes only by a click on its row, which
   * offers Undo. */
  if (fg_inspection_get_outcome (self->inspection, row_code (row)) == FG_OUTCOME_FAIL &&
      outcome != FG_OUTCOME_FAIL)
    {
      say_failed_kept (self);
      return;
    }

  if (!record_outcome (self, row, outcome))
    return;

  /* A pass needs nothing more: on to the next item still open, not over
   * those answered already. A failed item is described before moving on. */
  if (outcome != FG_OUTCOME_FAIL)
    {
      guint next = next_unanswered (self, self->current);

      if (next != G_MAXUINT)
        fg_inspection_window_set_current (self, next, TRUE);
    }
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FgInspectionWindow *self = FG_INSPECTION_WINDOW (widget);

  fg_inspection_window_set_current (self, self->current + 1, TRUE);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FgInspectionWindow *self = FG_INSPECTION_WINDOW (widget);

  if (self->current > 0)
    fg_inspection_window_set_current (self, self->current - 1, TRUE);
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FgInspectionRow *row = current_row (FG_INSPECTION_WINDOW (widget));

  if (row != NULL)
    fg_inspection_row_edit_note (row);
}

static void
attach_photo_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FgInspectionWindow *self = FG_INSPECTION_WINDOW (widget);
  FgInspectionRow *row = current_row (self);

  if (row != NULL)
    attach_photo (self, row);
}

static void
show_info_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FgInspectionRow *row = current_row (FG_INSPECTION_WINDOW (widget));

  if (row != NULL)
    fg_inspection_row_show_info (row);
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FgInspectionWindow *self = FG_INSPECTION_WINDOW (widget);
  guint n_unanswered;

  flush_notes (self);
  n_unanswered = self->rows->len - fg_inspection_get_n_answered (self->inspection);
  if (n_unanswered > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u item has no outcome yet",
                                                            "%u items have no outcome yet",
                                                            n_unanswered),
                                               n_unanswered);

      for (guint i = 0; i < self->rows->len; i++)
        {
          if (fg_inspection_get_outcome (self->inspection, row_code (g_ptr_array_index (self->rows, i))) == FG_OUTCOME_NONE)
            {
              fg_inspection_window_set_current (self, i, TRUE);
              break;
            }
        }

      fg_toast_show (GTK_WIDGET (self->toast_overlay), text, 4);
      return;
    }

  if (!present_question (self))
    present_summary (self);
}

static void
confirm_finish_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  finish (FG_INSPECTION_WINDOW (widget));
}

/* Building */

static void
fg_inspection_window_load_campaign (FgInspectionWindow *self)
{
  const char *campaign_id = fg_inspection_get_campaign_id (self->inspection);
  g_autoptr(GPtrArray) campaigns = NULL;

  if (campaign_id == NULL)
    return;

  campaigns = fg_campaign_list (self->store, self->actor, NULL);
  for (guint i = 0; campaigns != NULL && i < campaigns->len; i++)
    {
      FgCampaign *campaign = g_ptr_array_index (campaigns, i);

      if (g_strcmp0 (fg_campaign_get_id (campaign), campaign_id) == 0)
        {
          g_autofree char *subtitle = NULL;

          self->focus_codes = g_strdupv ((char **) fg_campaign_get_focus (campaign));
          /* Translators: the kind of inspection and its campaign */
          subtitle = g_strdup_printf (_("%s · %s"),
                                      fg_inspection_kind_get_label (fg_inspection_get_kind (self->inspection)),
                                      fg_campaign_get_name (campaign));
          gtk_label_set_text (self->subtitle_label, subtitle);
          break;
        }
    }
}

static void
fg_inspection_window_load_info (FgInspectionWindow *self)
{
  g_autofree char *text = NULL;
  const char *finished_at = fg_inspection_get_finished_at (self->inspection);

  if (!self->read_only)
    return;

  if (finished_at != NULL)
    /* Translators: date and inspector of a finished inspection */
    text = g_strdup_printf (_("Finished on %.10s by %s. A finished inspection cannot be changed."),
                            finished_at, fg_inspection_get_inspector_name (self->inspection));
  else if (g_strcmp0 (fg_inspection_get_inspector (self->inspection), fg_actor_get_login (self->actor)) != 0)
    text = g_strdup_printf (_("Started on %.10s by %s, who is still recording it."),
                            fg_inspection_get_started_at (self->inspection),
                            fg_inspection_get_inspector_name (self->inspection));
  else
    text = g_strdup (_("Your account may read this inspection but not record in it."));

  gtk_label_set_text (self->info_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->info_label), TRUE);
}

static void
fg_inspection_window_load_rows (FgInspectionWindow *self)
{
  GListModel *items = fg_inspection_get_items (self->inspection);
  guint n_items = g_list_model_get_n_items (items);
  const char *section_id = NULL;
  guint first_open = G_MAXUINT;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      const char *code = fg_checklist_item_get_code (item);
      FgInspectionRow *row = fg_inspection_row_new (item, !self->read_only);
      FgOutcome outcome = fg_inspection_get_outcome (self->inspection, code);

      fg_inspection_row_set_note (row, fg_inspection_get_note (self->inspection, code));
      fg_inspection_row_set_outcome (row, outcome);
      if (fg_inspection_get_photos (self->inspection, code) != NULL)
        show_photos (self, row);
      fg_inspection_row_set_focus_item (row, self->focus_codes != NULL &&
                                             g_strv_contains ((const char * const *) self->focus_codes, code));
      g_signal_connect_object (row, "outcome-chosen", G_CALLBACK (on_outcome_chosen), self, 0);
      g_signal_connect_object (row, "note-changed", G_CALLBACK (on_note_changed), self, 0);
      g_signal_connect_object (row, "attach-photo", G_CALLBACK (on_attach_photo), self, 0);
      g_signal_connect_object (row, "show-photo", G_CALLBACK (on_show_photo), self, 0);

      gtk_list_box_append (self->item_list, GTK_WIDGET (row));
      g_ptr_array_add (self->rows, row);

      if (section_id == NULL || g_strcmp0 (section_id, fg_checklist_item_get_section_id (item)) != 0)
        {
          section_id = fg_checklist_item_get_section_id (item);
          g_ptr_array_add (self->section_starts, row);
        }

      if (outcome == FG_OUTCOME_NONE && first_open == G_MAXUINT)
        first_open = i;
    }

  gtk_list_box_set_header_func (self->item_list, update_header, NULL, NULL);

  /* a draft taken up again goes on where it stopped */
  fg_inspection_window_set_current (self, first_open != G_MAXUINT && !self->read_only ? first_open : 0, TRUE);
}

static void
fg_inspection_window_constructed (GObject *object)
{
  FgInspectionWindow *self = (FgInspectionWindow *)object;
  GtkWidget *widget = GTK_WIDGET (self);
  const char *actions[] = {
    "inspection.pass", "inspection.fail", "inspection.na", "inspection.edit-note",
    "inspection.attach-photo", "inspection.finish", "inspection.confirm-finish", "inspection.undo",
  };
  g_autofree char *title = NULL;

  G_OBJECT_CLASS (fg_inspection_window_parent_class)->constructed (object);

  g_assert (FG_IS_STORE (self->store));
  g_assert (self->actor != NULL);
  g_assert (FG_IS_INSPECTION (self->inspection));

  self->read_only = fg_inspection_is_finished (self->inspection) ||
                    g_strcmp0 (fg_inspection_get_inspector (self->inspection), fg_actor_get_login (self->actor)) != 0 ||
                    !fg_actor_can (self->actor, FG_ACTION_INSPECTION_RECORD);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (widget, actions[i], !self->read_only);
  gtk_widget_set_visible (self->finish_button, !self->read_only);

  gtk_label_set_text (self->title_label, self->venue_name != NULL ? self->venue_name : "");
  gtk_label_set_text (self->subtitle_label, fg_inspection_kind_get_label (fg_inspection_get_kind (self->inspection)));
  /* Translators: the inspection window's title, with the venue's name */
  title = g_strdup_printf (_("Inspection of %s"), self->venue_name != NULL ? self->venue_name : "");
  gtk_window_set_title (GTK_WINDOW (self), title);

  fg_inspection_window_load_campaign (self);
  fg_inspection_window_load_info (self);
  fg_inspection_window_load_rows (self);
  fg_inspection_window_update_progress (self);

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scrolled_window), "value-changed",
                           G_CALLBACK (update_sticky_header), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (on_focus_widget_changed), NULL);
}

static gboolean
fg_inspection_window_close_request (GtkWindow *window)
{
  /* a note still being typed is kept with the draft */
  flush_notes (FG_INSPECTION_WINDOW (window));

  return GTK_WINDOW_CLASS (fg_inspection_window_parent_class)->close_request (window);
}

static void
fg_inspection_window_dispose (GObject *object)
{
  FgInspectionWindow *self = (FgInspectionWindow *)object;

  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
      self->scroll_tick = 0;
    }
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_object (&self->chooser_row);
  if (self->summary != NULL)
    gtk_window_destroy (self->summary);
  g_clear_weak_pointer (&self->summary);
  g_clear_weak_pointer (&self->times_row);
  g_clear_weak_pointer (&self->started_entry);
  g_clear_weak_pointer (&self->ended_entry);
  g_clear_pointer (&self->entered_started, g_free);
  g_clear_pointer (&self->entered_ended, g_free);
  g_clear_pointer (&self->times_error, g_free);
  if (self->question != NULL)
    gtk_window_destroy (self->question);
  g_clear_weak_pointer (&self->question);
  g_clear_pointer (&self->undo_notes, g_hash_table_unref);
  g_clear_object (&self->kept_toast);

  if (self->inspection != NULL && !self->read_only)
    flush_notes (self);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->section_starts, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), FG_TYPE_INSPECTION_WINDOW);
  g_clear_object (&self->inspection);
  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, fg_actor_unref);
  g_clear_pointer (&self->venue_name, g_free);
  g_clear_pointer (&self->focus_codes, g_strfreev);

  G_OBJECT_CLASS (fg_inspection_window_parent_class)->dispose (object);
}

static void
fg_inspection_window_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  FgInspectionWindow *self = FG_INSPECTION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ACTOR:
      g_value_set_boxed (value, self->actor);
      break;

    case PROP_INSPECTION:
      g_value_set_object (value, self->inspection);
      break;

    case PROP_VENUE_NAME:
      g_value_set_string (value, self->venue_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_inspection_window_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  FgInspectionWindow *self = FG_INSPECTION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_ACTOR:
      self->actor = g_value_dup_boxed (value);
      break;

    case PROP_INSPECTION:
      self->inspection = g_value_dup_object (value);
      break;

    case PROP_VENUE_NAME:
      self->venue_name = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_inspection_window_class_init (FgInspectionWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = fg_inspection_window_constructed;
  object_class->dispose = fg_inspection_window_dispose;
  object_class->get_property = fg_inspection_window_get_property;
  object_class->set_property = fg_inspection_window_set_property;
  window_class->close_request = fg_inspection_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, FG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL, FG_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INSPECTION] =
    g_param_spec_object ("inspection", NULL, NULL, FG_TYPE_INSPECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VENUE_NAME] =
    g_param_spec_string ("venue-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FgInspectionWindow::finished:
   * @inspection: the inspection, now finished
   *
   * The inspection was finished and its hazards recorded; the window
   * closes itself.
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, FG_TYPE_INSPECTION);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-inspection-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FgInspectionWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionWindow, finish_button);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionWindow, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionWindow, info_label);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionWindow, item_list);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionWindow, sticky_header);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionWindow, sticky_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);

  gtk_widget_class_install_action (widget_class, "inspection.pass", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "inspection.fail", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "inspection.na", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "inspection.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "inspection.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "inspection.edit-note", NULL, edit_note_action);
  gtk_widget_class_install_action (widget_class, "inspection.attach-photo", NULL, attach_photo_action);
  gtk_widget_class_install_action (widget_class, "inspection.show-info", NULL, show_info_action);
  gtk_widget_class_install_action (widget_class, "inspection.undo", "s", undo_action);
  gtk_widget_class_install_action (widget_class, "inspection.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "inspection.confirm-finish", NULL, confirm_finish_action);

  /* Plain keys reach these only when no text field takes them; ↑ and ↓
   * are the list's own. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, 0, "inspection.pass", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1, 0, "inspection.pass", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, 0, "inspection.fail", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_2, 0, "inspection.fail", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, 0, "inspection.na", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_3, 0, "inspection.na", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, 0, "inspection.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, 0, "inspection.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, "inspection.edit-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, 0, "inspection.attach-photo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, 0, "inspection.show-info", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "inspection.finish", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "inspection.finish", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
fg_inspection_window_init (FgInspectionWindow *self)
{
  self->rows = g_ptr_array_new ();
  self->section_starts = g_ptr_array_new ();
  self->undo_notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  fg_accessible_keep_class_role (GTK_WIDGET (self));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fg_inspection_window_new:
 * @parent: (nullable): the main window, which it follows when locked
 * @store: the store
 * @actor: the person logged in
 * @inspection: a draft to record in, or an inspection to read
 * @venue_name: the venue's name, for the title
 *
 * A draft of @actor's opens for recording; anything else read-only.
 *
 * Returns: (transfer none): the window, owned by GTK's list of windows
 */
FgInspectionWindow *
fg_inspection_window_new (GtkWindow    *parent,
                          FgStore      *store,
                          FgActor      *actor,
                          FgInspection *inspection,
                          const char   *venue_name)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (FG_IS_INSPECTION (inspection), NULL);

  return g_object_new (FG_TYPE_INSPECTION_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "store", store,
                       "actor", actor,
                       "inspection", inspection,
                       "venue-name", venue_name,
                       NULL);
}

FgInspection *
fg_inspection_window_get_inspection (FgInspectionWindow *self)
{
  g_return_val_if_fail (FG_IS_INSPECTION_WINDOW (self), NULL);
  return self->inspection;
}

gboolean
fg_inspection_window_get_read_only (FgInspectionWindow *self)
{
  g_return_val_if_fail (FG_IS_INSPECTION_WINDOW (self), TRUE);
  return self->read_only;
}

guint
fg_inspection_window_get_n_rows (FgInspectionWindow *self)
{
  g_return_val_if_fail (FG_IS_INSPECTION_WINDOW (self), 0);
  return self->rows->len;
}

/**
 * fg_inspection_window_get_row:
 *
 * Returns: (transfer none): the row of the item at @position
 */
FgInspectionRow *
fg_inspection_window_get_row (FgInspectionWindow *self,
                              guint               position)
{
  g_return_val_if_fail (FG_IS_INSPECTION_WINDOW (self), NULL);
  g_return_val_if_fail (position < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, position);
}

/* The position of the item the keys act on. */
guint
fg_inspection_window_get_current (FgInspectionWindow *self)
{
  g_return_val_if_fail (FG_IS_INSPECTION_WINDOW (self), 0);
  return self->current;
}
