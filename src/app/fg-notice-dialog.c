/* fg-notice-dialog.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issuing an order to correct from a hazard: the kind (by a deadline, or at
 * once), the deadline the core proposes, and which of the venue's hazards
 * the notice names — the one chosen, and any other that waits for a
 * notice, since one notice per venue and visit is the practice.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-accessible.h"
#include "fg-date-row.h"
#include "fg-deadline-dialog.h"
#include "fg-form.h"
#include "fg-notice-dialog.h"

typedef struct
{
  FgStore *store;
  FgActor *actor;
  FgHazard *hazard;
  GPtrArray *candidates;  /* FgHazard: the venue's hazards that may take a notice */
  FgNoticeIssuedFunc issued;
  gpointer user_data;

  /* what was chosen, kept when the dialog comes back with a problem */
  guint kind;
  char *deadline;
  GHashTable *chosen;     /* hazard ids */
} IssueState;

static void
issue_state_free (IssueState *state)
{
  g_clear_object (&state->store);
  g_clear_pointer (&state->actor, fg_actor_unref);
  g_clear_object (&state->hazard);
  g_clear_pointer (&state->candidates, g_ptr_array_unref);
  g_free (state->deadline);
  g_clear_pointer (&state->chosen, g_hash_table_unref);
  g_free (state);
}

static void present (GtkWindow  *parent,
                     IssueState *state,
                     const char *problem);

static void
on_kind_changed (AdwComboRow *kind_row,
                 GParamSpec  *pspec,
                 GtkWidget   *deadline_row)
{
  /* an order to correct at once has no deadline to choose */
  gtk_widget_set_visible (deadline_row, adw_combo_row_get_selected (kind_row) == 0);
}

static IssueState *
issue_state_copy (IssueState *state)
{
  IssueState *copy = g_new0 (IssueState, 1);

  copy->store = g_object_ref (state->store);
  copy->actor = fg_actor_ref (state->actor);
  copy->hazard = g_object_ref (state->hazard);
  copy->candidates = g_ptr_array_ref (state->candidates);
  copy->issued = state->issued;
  copy->user_data = state->user_data;
  copy->kind = state->kind;
  copy->deadline = g_strdup (state->deadline);
  copy->chosen = g_hash_table_ref (state->chosen);
  return copy;
}

/* The ids of the hazards chosen, in the order they are listed. */
static GStrv
chosen_ids (IssueState *state)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; i < state->candidates->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (state->candidates, i);

      if (g_hash_table_contains (state->chosen, fg_hazard_get_id (hazard)))
        g_strv_builder_add (ids, fg_hazard_get_id (hazard));
    }
  return g_strv_builder_end (ids);
}

/* Issues what @state holds; a refusal brings the dialog back, with what
 * was chosen and why. */
static void
issue (GtkWindow  *parent,
       IssueState *state)
{
  g_auto(GStrv) hazard_ids = chosen_ids (state);
  g_autoptr(FgNotice) notice = NULL;
  g_autoptr(GError) error = NULL;
  FgNoticeRequest request = { 0 };

  request.kind = state->kind == 0 ? FG_NOTICE_KIND_CORRECT_BY_DEADLINE : FG_NOTICE_KIND_CORRECT_NOW;
  request.hazard_ids = (const char * const *) hazard_ids;
  request.deadline = state->deadline;
  notice = fg_notice_issue (state->store, state->actor, &request, &error);
  if (notice == NULL)
    {
      present (parent, issue_state_copy (state), error->message);
      return;
    }

  if (state->issued != NULL)
    state->issued (notice, state->user_data);
}

static void
on_deadline_response (AdwMessageDialog *dialog,
                      const char       *response,
                      IssueState       *state)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_strcmp0 (response, "confirm") == 0)
    issue (parent, state);
  else
    present (parent, issue_state_copy (state), NULL);
}

/* What the dialog holds now, into @state. */
static void
read_form (GtkWidget  *dialog,
           IssueState *state)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (dialog), "fg-checks");
  AdwComboRow *kind_row = g_object_get_data (G_OBJECT (dialog), "fg-kind");
  GtkEditable *deadline_row = g_object_get_data (G_OBJECT (dialog), "fg-deadline");

  state->kind = adw_combo_row_get_selected (kind_row);
  g_free (state->deadline);
  state->deadline = g_strstrip (g_strdup (gtk_editable_get_text (deadline_row)));
  g_hash_table_remove_all (state->chosen);
  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      g_hash_table_add (state->chosen, g_strdup (fg_hazard_get_id (g_ptr_array_index (state->candidates, i))));
}

/* Marks the deadline and the choice of hazards when the core would
 * refuse them, each with why. */
static guint
check_form (gpointer data)
{
  GtkWidget *dialog = data;
  IssueState *state = g_object_get_data (G_OBJECT (dialog), "fg-state");
  GtkWidget *deadline_row = g_object_get_data (G_OBJECT (dialog), "fg-deadline");
  GtkWidget *hazards = g_object_get_data (G_OBJECT (dialog), "fg-hazards");
  GError *deadline_error = NULL;
  GError *hazards_error = NULL;
  g_auto(GStrv) hazard_ids = NULL;
  FgNoticeRequest request = { 0 };
  gboolean deadline_wrong;

  read_form (dialog, state);
  hazard_ids = chosen_ids (state);
  request.kind = state->kind == 0 ? FG_NOTICE_KIND_CORRECT_BY_DEADLINE : FG_NOTICE_KIND_CORRECT_NOW;
  request.hazard_ids = (const char * const *) hazard_ids;
  request.deadline = state->deadline;
  fg_notice_check_order_fields (state->store, &request, &deadline_error, &hazards_error);

  /* the deadline's problem below it, the choice's in a label of its own */
  deadline_wrong = fg_form_show_problems (&deadline_row, &deadline_error, 1, NULL) > 0;
  if (deadline_wrong)
    gtk_widget_grab_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (deadline_row))));
  return deadline_wrong + fg_form_show_problems (&hazards, &hazards_error, 1,
                                                 g_object_get_data (G_OBJECT (dialog), "fg-hazards-error"));
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             IssueState       *state)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_strcmp0 (response, "issue") != 0)
    return;

  read_form (GTK_WIDGET (dialog), state);

  /* a deadline far beyond the checklist's, or in a year whose holidays
   * are not installed, is confirmed first */
  if (state->kind == 0)
    {
      g_auto(GStrv) hazard_ids = chosen_ids (state);
      g_autoptr(GDate) today = fg_store_today (state->store);
      g_auto(GStrv) warnings = fg_deadline_dup_warnings (state->store, state->actor,
                                                         (const char * const *) hazard_ids,
                                                         FG_HAZARD_EVENT_NOTICE_ISSUED, today, state->deadline);

      if (warnings != NULL && warnings[0] != NULL)
        {
          GtkWindow *confirm = fg_deadline_dialog_new (parent, (const char * const *) warnings);

          g_signal_connect_data (confirm, "response", G_CALLBACK (on_deadline_response), issue_state_copy (state),
                                 (GClosureNotify) (void (*) (void)) issue_state_free, 0);
          gtk_window_present (confirm);
          return;
        }
    }

  issue (parent, state);
}

static GtkWidget *
hazard_row (FgHazard  *hazard,
            gboolean   active,
            GtkWidget **check)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = g_strdup_printf ("%s · %.10s", fg_hazard_grade_get_label (fg_hazard_get_grade (hazard)),
                                               fg_hazard_get_found_at (hazard));

  *check = gtk_check_button_new ();
  gtk_check_button_set_active (GTK_CHECK_BUTTON (*check), active);
  gtk_widget_set_valign (*check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), *check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), *check);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fg_hazard_get_finding (hazard));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  return row;
}

/* An order is not refused when its hazards were found by an officer
 * inspecting alone, or when the checklist holds no confirmed provision
 * for one, but the office hears so before it issues it. */
static void
add_lone_warning (GtkWidget  *box,
                  IssueState *state)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *unsupported = NULL;
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, state->chosen);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_strv_builder_add (builder, id);
  ids = g_strv_builder_end (builder);
  warning = fg_notice_describe_lone_inspections (state->store, state->actor, (const char * const *) ids, NULL);
  unsupported = fg_notice_describe_missing_bases (state->store, state->actor, (const char * const *) ids, NULL);

  for (guint i = 0; i < 2; i++)
    {
      const char *text = i == 0 ? warning : unsupported;
      GtkWidget *label;

      if (text == NULL)
        continue;
      label = gtk_label_new (text);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "warning");
      gtk_box_append (GTK_BOX (box), label);
    }
}

static void
present (GtkWindow  *parent,
         IssueState *state,
         const char *problem)
{
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *options = gtk_list_box_new ();
  GtkWidget *hazards = gtk_list_box_new ();
  GtkWidget *kind_row;
  GtkWidget *deadline_row;
  GtkWidget *label;
  GPtrArray *checks = g_ptr_array_new ();
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autofree char *body = g_strdup_printf (_("The notice goes to %s under the next number."),
                                           fg_hazard_get_venue_name (state->hazard));

  dialog = adw_message_dialog_new (parent, _("Issue a Notice"), body);

  if (problem != NULL)
    {
      label = gtk_label_new (problem);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "error");
      gtk_box_append (GTK_BOX (box), label);
    }
  add_lone_warning (box, state);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (options), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (options, "boxed-list");
  fg_accessible_name_lists (options, _("Issue a Notice"));
  gtk_string_list_append (kinds, fg_notice_kind_get_label (FG_NOTICE_KIND_CORRECT_BY_DEADLINE));
  gtk_string_list_append (kinds, fg_notice_kind_get_label (FG_NOTICE_KIND_CORRECT_NOW));
  kind_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind_row), _("Document"));
  adw_combo_row_set_model (ADW_COMBO_ROW (kind_row), G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), state->kind);
  gtk_list_box_append (GTK_LIST_BOX (options), kind_row);

  deadline_row = fg_date_row_new (_("Deadline"));
  {
    g_autoptr(GDate) today = fg_store_today (state->store);

    fg_date_row_count_workdays (FG_DATE_ROW (deadline_row), state->store, today);
  }
  gtk_editable_set_text (GTK_EDITABLE (deadline_row), state->deadline);
  gtk_list_box_append (GTK_LIST_BOX (options), deadline_row);
  g_signal_connect_object (kind_row, "notify::selected", G_CALLBACK (on_kind_changed), deadline_row, 0);
  on_kind_changed (ADW_COMBO_ROW (kind_row), NULL, deadline_row);
  gtk_box_append (GTK_BOX (box), options);

  label = gtk_label_new (_("Hazards Named in the Notice"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (hazards), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (hazards, "boxed-list");
  fg_accessible_name_lists (hazards, _("Hazards Named in the Notice"));
  for (guint i = 0; i < state->candidates->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (state->candidates, i);
      GtkWidget *check;

      gtk_list_box_append (GTK_LIST_BOX (hazards),
                           hazard_row (hazard, g_hash_table_contains (state->chosen, fg_hazard_get_id (hazard)),
                                       &check));
      g_ptr_array_add (checks, check);
    }
  gtk_box_append (GTK_BOX (box), hazards);

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (GTK_BOX (box), label);
  g_object_set_data (G_OBJECT (dialog), "fg-hazards-error", label);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "issue", _("_Issue"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "issue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "issue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "fg-checks", checks, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (dialog), "fg-kind", kind_row);
  g_object_set_data (G_OBJECT (dialog), "fg-deadline", deadline_row);
  g_object_set_data (G_OBJECT (dialog), "fg-hazards", hazards);
  g_object_set_data (G_OBJECT (dialog), "fg-state", state);
  /* Enter issues a right form; a wrong one is marked, and stays */
  fg_form_check_on_enter (deadline_row, check_form, dialog);
  /* back with what the core refused: the wrong fields are marked too */
  if (problem != NULL)
    check_form (dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), state,
                         (GClosureNotify) (void (*) (void)) issue_state_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * fg_notice_dialog_present_for_hazard:
 * @hazard: the hazard the person chose (read with fg_hazard_load())
 * @issued: called with the notice once issued
 *
 * Asks for the kind, the deadline and the hazards, and issues the notice.
 */
void
fg_notice_dialog_present_for_hazard (GtkWindow          *parent,
                                     FgStore            *store,
                                     FgActor            *actor,
                                     FgHazard           *hazard,
                                     FgNoticeIssuedFunc  issued,
                                     gpointer            user_data)
{
  IssueState *state = g_new0 (IssueState, 1);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GDate) today = g_date_new ();

  g_date_set_time_t (today, time (NULL));
  state->store = g_object_ref (store);
  state->actor = fg_actor_ref (actor);
  state->hazard = g_object_ref (hazard);
  state->issued = issued;
  state->user_data = user_data;
  state->deadline = fg_hazard_propose_deadline (store, hazard, FG_HAZARD_EVENT_NOTICE_ISSUED, today);
  state->chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (state->chosen, g_strdup (fg_hazard_get_id (hazard)));

  /* the venue's other hazards waiting for a notice, the chosen one first */
  state->candidates = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (state->candidates, g_object_ref (hazard));
  all = fg_hazard_list (store, actor, fg_hazard_get_venue_id (hazard), NULL, -1, NULL);
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      FgHazard *other = g_ptr_array_index (all, i);

      if (!g_str_equal (fg_hazard_get_id (other), fg_hazard_get_id (hazard)) &&
          fg_hazard_event_allowed (fg_hazard_get_state (other), FG_HAZARD_EVENT_NOTICE_ISSUED))
        g_ptr_array_add (state->candidates, g_object_ref (other));
    }

  present (parent, state, NULL);
}
