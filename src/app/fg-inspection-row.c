/* fg-inspection-row.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row knows nothing of the store: it says what the person chose, typed
 * or wants to attach, and the inspection window records it and tells the
 * row what is stored.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-inspection-row.h"

/* Typing pauses this long before a note is stored. */
#define NOTE_DELAY_MS 800

struct _FgInspectionRow
{
  GtkListBoxRow parent_instance;

  GtkLabel *text_label;
  GtkWidget *tags_box;
  GtkWidget *focus_tag;
  GtkWidget *major_tag;
  GtkToggleButton *pass_button;
  GtkToggleButton *fail_button;
  GtkToggleButton *na_button;
  GtkButton *photo_button;
  GtkLabel *photo_count_label;
  GtkWidget *photos_box;
  GtkMenuButton *info_button;
  GtkLabel *action_label;
  GtkLabel *basis_label;
  GtkWidget *references_heading;
  GtkLabel *references_label;
  GtkLabel *deadline_label;
  GtkLabel *grade_label;
  GtkRevealer *note_revealer;
  GtkEntry *note_entry;

  FgChecklistItem *item;
  FgOutcome outcome;
  char *stored_note;
  gboolean editable;
  gboolean note_requested;
  gboolean updating;  /* the buttons follow the stored outcome, not the person */
  guint note_source;
};

enum {
  OUTCOME_CHOSEN,
  NOTE_CHANGED,
  ATTACH_PHOTO,
  SHOW_PHOTO,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FgInspectionRow, fg_inspection_row, GTK_TYPE_LIST_BOX_ROW)

static void
fg_inspection_row_update_note (FgInspectionRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));

  /* A failed item needs a word on what was seen; others only show a
   * note someone wrote. */
  gtk_revealer_set_reveal_child (self->note_revealer,
                                 self->outcome == FG_OUTCOME_FAIL ||
                                 self->note_requested ||
                                 (text != NULL && *text != '\0'));
}

/* A screen reader landing on the row hears the item and its answer:
 * "安全出口、疏散通道是否畅通，合格" */
static void
fg_inspection_row_update_name (FgInspectionRow *self)
{
  g_autofree char *name = NULL;

  if (self->item == NULL)
    return;
  /* Translators: a checklist row as a screen reader reads it: the item's
   * text, then its answer (Pass, Fail, N/A or Not checked) */
  name = g_strdup_printf (_("%s, %s"), fg_checklist_item_get_text (self->item),
                          fg_outcome_get_label (self->outcome));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
on_outcome_toggled (GtkToggleButton *button,
                    FgInspectionRow *self)
{
  FgOutcome outcome;

  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  if (button == self->pass_button)
    outcome = FG_OUTCOME_PASS;
  else if (button == self->fail_button)
    outcome = FG_OUTCOME_FAIL;
  else
    outcome = FG_OUTCOME_NA;

  g_signal_emit (self, signals[OUTCOME_CHOSEN], 0, (guint) outcome);
}

static gboolean
on_note_timeout (gpointer user_data)
{
  FgInspectionRow *self = user_data;

  self->note_source = 0;
  fg_inspection_row_flush_note (self);
  return G_SOURCE_REMOVE;
}

static void
on_note_changed (FgInspectionRow *self)
{
  if (self->updating || !self->editable)
    return;

  g_clear_handle_id (&self->note_source, g_source_remove);
  self->note_source = g_timeout_add (NOTE_DELAY_MS, on_note_timeout, self);
}

static void
on_note_activate (FgInspectionRow *self)
{
  fg_inspection_row_flush_note (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_note_leave (FgInspectionRow *self)
{
  fg_inspection_row_flush_note (self);
}

static gboolean
on_note_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     FgInspectionRow       *self)
{
  if (keyval != GDK_KEY_Escape)
    return GDK_EVENT_PROPAGATE;

  fg_inspection_row_flush_note (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  return GDK_EVENT_STOP;
}

static void
on_photo_clicked (FgInspectionRow *self)
{
  g_signal_emit (self, signals[ATTACH_PHOTO], 0);
}

/* The legal bases as the popover lists them: the confirmed ones, then
 * those not confirmed, which no document prints, marked as such. */
static char *
describe_bases (FgChecklistItem *item)
{
  const char * const *bases = fg_checklist_item_get_bases (item);
  const char * const *unverified = fg_checklist_item_get_unverified_bases (item);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; bases[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", bases[i]);
  for (guint i = 0; unverified[i] != NULL; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a legal basis that could not be confirmed; documents never print it */
      g_string_append_printf (text, _("%s (unverified, not printed)"), unverified[i]);
    }
  if (text->len == 0)
    g_string_append (text, fg_checklist_item_get_kind (item) == FG_CHECKLIST_ITEM_KIND_TOWNSHIP_TASK
                           ? _("None: a task of the township, not a duty of the venue")
                           : _("Not given"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fg_inspection_row_load_item (FgInspectionRow *self)
{
  FgChecklistItem *item = self->item;
  const char * const *references = fg_checklist_item_get_references (item);
  g_autofree char *basis = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *grade = NULL;
  guint days = fg_checklist_item_get_deadline_days (item);

  gtk_label_set_text (self->text_label, fg_checklist_item_get_text (item));
  fg_inspection_row_update_name (self);
  gtk_widget_set_visible (self->major_tag, fg_checklist_item_get_major (item));
  gtk_widget_set_visible (self->tags_box, fg_checklist_item_get_major (item));
  gtk_label_set_text (self->action_label, fg_checklist_item_get_action (item));

  basis = describe_bases (item);
  gtk_label_set_text (self->basis_label, basis);
  {
    g_autofree char *joined = g_strjoinv ("\n", (char **) references);

    gtk_label_set_text (self->references_label, joined);
    gtk_widget_set_visible (self->references_heading, references[0] != NULL);
    gtk_widget_set_visible (GTK_WIDGET (self->references_label), references[0] != NULL);
  }

  if (fg_checklist_item_get_on_spot (item))
    deadline = g_strdup (_("Can be corrected on the spot"));
  else
    /* Translators: the default time to correct a failed item */
    deadline = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u working day", "%u working days", days), days);
  gtk_label_set_text (self->deadline_label, deadline);

  if (fg_checklist_item_get_kind (item) == FG_CHECKLIST_ITEM_KIND_TOWNSHIP_TASK)
    gtk_label_set_text (self->grade_label, _("A task for the township government: no hazard, no order to the venue"));
  else
    gtk_label_set_text (self->grade_label,
                        fg_hazard_grade_get_label (fg_hazard_grade_propose (item)));

  /* a duty of every venue always applies: the core refuses it anyway */
  gtk_widget_set_visible (GTK_WIDGET (self->na_button), fg_checklist_item_get_na_allowed (item));

  gtk_widget_set_sensitive (GTK_WIDGET (self->pass_button), self->editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fail_button), self->editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->na_button), self->editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->note_entry), self->editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->photo_button), self->editable);
}

static void
fg_inspection_row_dispose (GObject *object)
{
  FgInspectionRow *self = (FgInspectionRow *)object;

  g_clear_handle_id (&self->note_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), FG_TYPE_INSPECTION_ROW);
  g_clear_object (&self->item);
  g_clear_pointer (&self->stored_note, g_free);

  G_OBJECT_CLASS (fg_inspection_row_parent_class)->dispose (object);
}

static void
fg_inspection_row_class_init (FgInspectionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fg_inspection_row_dispose;

  /**
   * FgInspectionRow::outcome-chosen:
   * @outcome: the #FgOutcome the person chose
   */
  signals[OUTCOME_CHOSEN] =
    g_signal_new ("outcome-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * FgInspectionRow::note-changed:
   *
   * The note differs from the stored one and the person paused, pressed
   * Enter or left the field.
   */
  signals[NOTE_CHANGED] =
    g_signal_new ("note-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  signals[ATTACH_PHOTO] =
    g_signal_new ("attach-photo", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * FgInspectionRow::show-photo:
   * @index: which of the item's photos, in the order they were attached
   *
   * A photo's small picture was clicked: show it large.
   */
  signals[SHOW_PHOTO] =
    g_signal_new ("show-photo", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-inspection-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FgInspectionRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionRow, tags_box);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionRow, focus_tag);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionRow, major_tag);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionRow, pass_button);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionRow, fail_button);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionRow, na_button);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionRow, photo_button);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionRow, photo_count_label);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionRow, photos_box);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionRow, info_button);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionRow, action_label);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionRow, basis_label);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionRow, references_heading);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionRow, references_label);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionRow, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionRow, grade_label);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionRow, note_revealer);
  gtk_widget_class_bind_template_child (widget_class, FgInspectionRow, note_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_outcome_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_note_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_note_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_note_leave);
  gtk_widget_class_bind_template_callback (widget_class, on_note_key_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_photo_clicked);
}

static void
fg_inspection_row_init (FgInspectionRow *self)
{
  self->stored_note = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fg_inspection_row_new:
 * @item: the checklist item
 * @editable: %FALSE for a finished inspection, or someone else's
 *
 * Returns: (transfer floating): the row
 */
FgInspectionRow *
fg_inspection_row_new (FgChecklistItem *item,
                       gboolean         editable)
{
  FgInspectionRow *self;

  g_return_val_if_fail (FG_IS_CHECKLIST_ITEM (item), NULL);

  self = g_object_new (FG_TYPE_INSPECTION_ROW, NULL);
  self->item = g_object_ref (item);
  self->editable = !!editable;
  fg_inspection_row_load_item (self);
  return self;
}

FgChecklistItem *
fg_inspection_row_get_item (FgInspectionRow *self)
{
  g_return_val_if_fail (FG_IS_INSPECTION_ROW (self), NULL);
  return self->item;
}

FgOutcome
fg_inspection_row_get_outcome (FgInspectionRow *self)
{
  g_return_val_if_fail (FG_IS_INSPECTION_ROW (self), FG_OUTCOME_NONE);
  return self->outcome;
}

/* Shows @outcome as stored; the person's toggling goes through
 * ::outcome-chosen, and back here once the core has it. */
void
fg_inspection_row_set_outcome (FgInspectionRow *self,
                               FgOutcome        outcome)
{
  g_return_if_fail (FG_IS_INSPECTION_ROW (self));

  self->outcome = outcome;
  self->updating = TRUE;
  gtk_toggle_button_set_active (self->pass_button, outcome == FG_OUTCOME_PASS);
  gtk_toggle_button_set_active (self->fail_button, outcome == FG_OUTCOME_FAIL);
  gtk_toggle_button_set_active (self->na_button, outcome == FG_OUTCOME_NA);
  self->updating = FALSE;

  if (outcome == FG_OUTCOME_NONE)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "answered");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "answered");

  fg_inspection_row_update_note (self);
  fg_inspection_row_update_name (self);
}

const char *
fg_inspection_row_get_note (FgInspectionRow *self)
{
  g_return_val_if_fail (FG_IS_INSPECTION_ROW (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->note_entry));
}

/* The note as stored, e.g. of a draft taken up again. */
void
fg_inspection_row_set_note (FgInspectionRow *self,
                            const char      *note)
{
  g_return_if_fail (FG_IS_INSPECTION_ROW (self));

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), note != NULL ? note : "");
  self->updating = FALSE;
  fg_inspection_row_note_stored (self);
  fg_inspection_row_update_note (self);
}

/* The core has the note as it reads now. */
void
fg_inspection_row_note_stored (FgInspectionRow *self)
{
  g_return_if_fail (FG_IS_INSPECTION_ROW (self));

  g_free (self->stored_note);
  self->stored_note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry)));
}

/**
 * fg_inspection_row_flush_note:
 *
 * Emits ::note-changed now if the note differs from the stored one.
 *
 * Returns: whether it did
 */
gboolean
fg_inspection_row_flush_note (FgInspectionRow *self)
{
  g_return_val_if_fail (FG_IS_INSPECTION_ROW (self), FALSE);

  g_clear_handle_id (&self->note_source, g_source_remove);
  if (!self->editable ||
      g_strcmp0 (self->stored_note, gtk_editable_get_text (GTK_EDITABLE (self->note_entry))) == 0)
    return FALSE;

  g_signal_emit (self, signals[NOTE_CHANGED], 0);
  return TRUE;
}

static void
on_thumbnail_clicked (FgInspectionRow *self,
                      GtkButton       *button)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "fg-photo-index"));

  g_signal_emit (self, signals[SHOW_PHOTO], 0, index);
}

/**
 * fg_inspection_row_set_photos:
 * @self: the row
 * @thumbnails: (element-type GdkPaintable): the item's photos, small
 *
 * Shows the photos attached to the item, and their count on the button
 * that attaches another.
 */
void
fg_inspection_row_set_photos (FgInspectionRow *self,
                              GPtrArray       *thumbnails)
{
  g_autofree char *count = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *child;

  g_return_if_fail (FG_IS_INSPECTION_ROW (self));
  g_return_if_fail (thumbnails != NULL);

  while ((child = gtk_widget_get_first_child (self->photos_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->photos_box), child);
  for (guint i = 0; i < thumbnails->len; i++)
    {
      GtkWidget *picture = gtk_picture_new_for_paintable (g_ptr_array_index (thumbnails, i));
      GtkWidget *button = gtk_button_new ();

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_widget_set_size_request (picture, 64, 64);
      gtk_widget_add_css_class (picture, "card");
      gtk_button_set_child (GTK_BUTTON (button), picture);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "fg-photo-button");
      gtk_widget_set_tooltip_text (button, _("Show the photo"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Photo"), -1);
      g_object_set_data (G_OBJECT (button), "fg-photo-index", GUINT_TO_POINTER (i));
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_thumbnail_clicked), self);
      gtk_box_append (GTK_BOX (self->photos_box), button);
    }
  gtk_widget_set_visible (self->photos_box, thumbnails->len > 0);

  count = thumbnails->len > 0 ? g_strdup_printf ("%u", thumbnails->len) : g_strdup ("");
  gtk_label_set_text (self->photo_count_label, count);

  if (thumbnails->len == 0)
    tooltip = g_strdup (_("Attach a photo (P)"));
  else
    tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u photo attached; attach another (P)",
                                            "%u photos attached; attach another (P)",
                                            thumbnails->len),
                               thumbnails->len);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->photo_button), tooltip);
}

/* Returns: how many photos the row shows */
guint
fg_inspection_row_get_n_photos (FgInspectionRow *self)
{
  guint n = 0;

  g_return_val_if_fail (FG_IS_INSPECTION_ROW (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (self->photos_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* Whether the item is one a campaign looks at in particular. */
void
fg_inspection_row_set_focus_item (FgInspectionRow *self,
                                  gboolean         focus_item)
{
  g_return_if_fail (FG_IS_INSPECTION_ROW (self));
  gtk_widget_set_visible (self->focus_tag, focus_item);
  gtk_widget_set_visible (self->tags_box, focus_item || gtk_widget_get_visible (self->major_tag));
}

void
fg_inspection_row_edit_note (FgInspectionRow *self)
{
  g_return_if_fail (FG_IS_INSPECTION_ROW (self));

  if (!self->editable)
    return;

  self->note_requested = TRUE;
  fg_inspection_row_update_note (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
}

void
fg_inspection_row_show_info (FgInspectionRow *self)
{
  g_return_if_fail (FG_IS_INSPECTION_ROW (self));
  gtk_menu_button_popup (self->info_button);
}
