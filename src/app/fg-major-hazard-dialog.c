/* fg-major-hazard-dialog.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A township does not decide that a hazard is major: it sends the
 * venue's possibly major hazards to the county's fire-rescue brigade with
 * a letter (重大火灾隐患报告（移送）函), and records the brigade's written
 * decision when it comes, with its number and date. The letter is issued
 * here and shown on the documents page, where it is printed; the decision
 * is typed into a dialog whose answers the hazard page records.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "fg-accessible.h"
#include "fg-date-row.h"
#include "fg-form.h"
#include "fg-major-hazard-dialog.h"

typedef struct
{
  FgStore *store;
  FgActor *actor;
  GStrv hazard_ids;
  FgNoticeIssuedFunc issued;
  gpointer user_data;
} LetterState;

static void
letter_state_free (LetterState *state)
{
  g_clear_object (&state->store);
  g_clear_pointer (&state->actor, fg_actor_unref);
  g_strfreev (state->hazard_ids);
  g_free (state);
}

static void
on_letter_response (AdwMessageDialog *dialog,
                    const char       *response,
                    LetterState      *state)
{
  g_autoptr(FgNotice) letter = NULL;
  g_autoptr(GError) error = NULL;
  FgNoticeRequest request = { .kind = FG_NOTICE_KIND_MAJOR_HAZARD_LETTER };

  if (g_strcmp0 (response, "issue") != 0)
    return;

  request.hazard_ids = (const char * const *) state->hazard_ids;
  letter = fg_notice_issue (state->store, state->actor, &request, &error);
  if (letter == NULL)
    {
      GtkWidget *message = adw_message_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                                                   _("The Letter Was Not Issued"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      return;
    }
  if (state->issued != NULL)
    state->issued (letter, state->user_data);
}

/* The venue's hazards that may go to the brigade with @hazard: those
 * that may be major and may still go up. */
static GStrv
letter_hazards (FgStore   *store,
                FgActor   *actor,
                FgHazard  *hazard,
                guint     *n_hazards)
{
  g_autoptr(GPtrArray) hazards = fg_hazard_list (store, actor, fg_hazard_get_venue_id (hazard), NULL, -1, NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  g_strv_builder_add (ids, fg_hazard_get_id (hazard));
  *n_hazards = 1;
  for (guint i = 0; hazards != NULL && i < hazards->len; i++)
    {
      FgHazard *other = g_ptr_array_index (hazards, i);

      if (g_strcmp0 (fg_hazard_get_id (other), fg_hazard_get_id (hazard)) != 0 &&
          fg_hazard_is_possibly_major (other) &&
          fg_hazard_event_allowed (fg_hazard_get_state (other), FG_HAZARD_EVENT_ESCALATED))
        {
          g_strv_builder_add (ids, fg_hazard_get_id (other));
          (*n_hazards)++;
        }
    }
  return g_strv_builder_end (ids);
}

/**
 * fg_major_letter_present:
 * @hazard: a possibly major hazard
 * @issued: called with the letter once it is issued
 *
 * Asks whether to send the venue's possibly major hazards to the county
 * brigade, and issues the letter under the next number of its series.
 */
void
fg_major_letter_present (GtkWindow          *parent,
                         FgStore            *store,
                         FgActor            *actor,
                         FgHazard           *hazard,
                         FgNoticeIssuedFunc  issued,
                         gpointer            user_data)
{
  g_autoptr(FgNoticeSettings) settings = fg_notice_settings_load (store, NULL);
  LetterState *state = g_new0 (LetterState, 1);
  g_autofree char *body = NULL;
  const char *brigade;
  guint n_hazards = 0;
  GtkWidget *dialog;

  state->store = g_object_ref (store);
  state->actor = fg_actor_ref (actor);
  state->hazard_ids = letter_hazards (store, actor, hazard, &n_hazards);
  state->issued = issued;
  state->user_data = user_data;

  brigade = settings != NULL && *settings->brigade != '\0' ? settings->brigade : _("the county’s fire-rescue brigade");
  /* one hazard, or several that go together (GB 35181 counts elements
   * together): the sentences differ beyond the number */
  if (n_hazards == 1)
    body = g_strdup_printf (_("A letter (重大火灾隐患报告（移送）函) sends this possibly major hazard of %s to %s, "
                              "which determines whether it is a major fire hazard. The letter takes the next number "
                              "of its series, and the hazard waits for the brigade’s decision."),
                            fg_hazard_get_venue_name (hazard), brigade);
  else
    body = g_strdup_printf (_("A letter (重大火灾隐患报告（移送）函) sends the %u possibly major hazards of %s to %s, "
                              "which determines whether they are major fire hazards. The letter takes the next "
                              "number of its series, and the hazards wait for the brigade’s decision."),
                            n_hazards, fg_hazard_get_venue_name (hazard), brigade);
  dialog = adw_message_dialog_new (parent, _("Send to the Fire-Rescue Brigade?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "issue", _("_Issue Letter"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "issue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "issue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_letter_response), state,
                         (GClosureNotify) (void (*) (void)) letter_state_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The brigade's decision */

static GtkWidget *
entry_row (GtkWidget  *list,
           const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

/* Marks the decision's number, date and author when the core would
 * refuse them, and says why above the fields. */
static guint
check_decision (gpointer data)
{
  AdwMessageDialog *dialog = data;
  FgStore *store = g_object_get_data (G_OBJECT (dialog), "fg-store");
  FgHazard *hazard = g_object_get_data (G_OBJECT (dialog), "fg-hazard");
  GtkWidget *rows[] = { g_object_get_data (G_OBJECT (dialog), "fg-number"),
                        g_object_get_data (G_OBJECT (dialog), "fg-date"),
                        g_object_get_data (G_OBJECT (dialog), "fg-authority") };
  GError *errors[G_N_ELEMENTS (rows)] = { NULL, };
  FgHazardEventDetails details;
  FgHazardEventKind kind;

  fg_decision_dialog_get_details (dialog, &kind, &details);
  fg_hazard_check_decision_fields (store, hazard, &details, &errors[0], &errors[1], &errors[2]);
  return fg_form_show_problems (rows, errors, G_N_ELEMENTS (rows), g_object_get_data (G_OBJECT (dialog), "fg-problem"));
}

/**
 * fg_decision_dialog_new:
 * @store: the store that checks what is typed
 * @hazard: the hazard decided on
 * @kind: what the brigade decided, as chosen last
 * @details: (nullable): what was typed before, when the core refused it
 * @authority: the brigade, by default
 * @today: the decision's date, by default
 * @problem: (nullable): why the core refused what was typed
 *
 * A dialog for the brigade's written decision: confirmed major or not,
 * its number, its date, who decided and a note. Its "record" response
 * carries them (fg_decision_dialog_get_details()).
 *
 * Returns: (transfer none): the dialog, to present
 */
AdwMessageDialog *
fg_decision_dialog_new (GtkWindow                   *parent,
                        FgStore                     *store,
                        FgHazard                    *hazard,
                        FgHazardEventKind            kind,
                        const FgHazardEventDetails  *details,
                        const char                  *authority,
                        const char                  *today,
                        const char                  *problem)
{
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *confirmed = gtk_check_button_new_with_mnemonic (_("_A major fire hazard"));
  GtkWidget *not_confirmed = gtk_check_button_new_with_mnemonic (_("_Not a major fire hazard"));

  dialog = adw_message_dialog_new (parent, _("The Brigade’s Decision"),
                                   _("Enter the fire-rescue brigade’s written decision on this possibly major "
                                     "hazard. A confirmed major hazard stays with the brigade; one that is not "
                                     "goes back to the township’s orders."));
  fg_accessible_name_lists (list, _("The Brigade’s Decision"));
  g_object_set_data_full (G_OBJECT (dialog), "fg-hazard-id", g_strdup (fg_hazard_get_id (hazard)), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "fg-store", g_object_ref (store), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "fg-hazard", g_object_ref (hazard), g_object_unref);

  {
    /* why the core refused what was typed, or what Enter found wrong */
    GtkWidget *label = gtk_label_new (problem);

    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_widget_add_css_class (label, "error");
    gtk_widget_set_visible (label, problem != NULL);
    gtk_box_append (GTK_BOX (box), label);
    g_object_set_data (G_OBJECT (dialog), "fg-problem", label);
  }

  gtk_check_button_set_group (GTK_CHECK_BUTTON (not_confirmed), GTK_CHECK_BUTTON (confirmed));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (kind == FG_HAZARD_EVENT_MAJOR_NOT_CONFIRMED ? not_confirmed
                                                                                              : confirmed),
                               TRUE);
  gtk_box_append (GTK_BOX (box), confirmed);
  gtk_box_append (GTK_BOX (box), not_confirmed);
  g_object_set_data (G_OBJECT (dialog), "fg-confirmed", confirmed);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  g_object_set_data (G_OBJECT (dialog), "fg-number",
                     entry_row (list, _("Number of the decision"), details != NULL ? details->decision_number : NULL));
  {
    GtkWidget *date_row = fg_date_row_new (_("Date of the decision"));

    gtk_editable_set_text (GTK_EDITABLE (date_row),
                           details != NULL && details->decision_date != NULL ? details->decision_date : today);
    gtk_list_box_append (GTK_LIST_BOX (list), date_row);
    g_object_set_data (G_OBJECT (dialog), "fg-date", date_row);
  }
  g_object_set_data (G_OBJECT (dialog), "fg-authority",
                     entry_row (list, _("Decided by"),
                                details != NULL && details->decision_authority != NULL ? details->decision_authority
                                                                                        : authority));
  g_object_set_data (G_OBJECT (dialog), "fg-note", entry_row (list, _("Note"), details != NULL ? details->note : NULL));
  gtk_box_append (GTK_BOX (box), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "record", _("_Record"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "record");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  /* Enter records a right decision; a wrong one is marked, and stays */
  fg_form_check_on_enter (g_object_get_data (G_OBJECT (dialog), "fg-number"), check_decision, dialog);
  fg_form_check_on_enter (g_object_get_data (G_OBJECT (dialog), "fg-date"), check_decision, dialog);
  fg_form_check_on_enter (g_object_get_data (G_OBJECT (dialog), "fg-authority"), check_decision, dialog);
  fg_form_check_on_enter (g_object_get_data (G_OBJECT (dialog), "fg-note"), check_decision, dialog);
  /* back with what the core refused: the wrong fields are marked too */
  if (problem != NULL && check_decision (dialog) == 0)
    {
      gtk_label_set_label (g_object_get_data (G_OBJECT (dialog), "fg-problem"), problem);
      gtk_widget_set_visible (g_object_get_data (G_OBJECT (dialog), "fg-problem"), TRUE);
    }
  return ADW_MESSAGE_DIALOG (dialog);
}

const char *
fg_decision_dialog_get_hazard_id (AdwMessageDialog *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "fg-hazard-id");
}

/**
 * fg_decision_dialog_get_details:
 * @kind: (out): confirmed-major or major-not-confirmed
 * @details: (out caller-allocates): what was typed, valid while the dialog is
 */
void
fg_decision_dialog_get_details (AdwMessageDialog     *dialog,
                                FgHazardEventKind    *kind,
                                FgHazardEventDetails *details)
{
  GtkCheckButton *confirmed = g_object_get_data (G_OBJECT (dialog), "fg-confirmed");
  const char *date = gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "fg-date"));

  *kind = gtk_check_button_get_active (confirmed) ? FG_HAZARD_EVENT_CONFIRMED_MAJOR
                                                  : FG_HAZARD_EVENT_MAJOR_NOT_CONFIRMED;
  memset (details, 0, sizeof *details);
  details->decision_number = gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "fg-number"));
  details->decision_date = *date != '\0' ? date : NULL;
  details->decision_authority = gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "fg-authority"));
  details->note = gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "fg-note"));
}

/* 移送书: a hazard goes to a police station or a regulator */

static const char * const recipient_kinds[] = { "police-station", "regulator" };

typedef struct
{
  FgStore *store;
  FgActor *actor;
  char *hazard_id;
  char *venue_name;
  FgNoticeIssuedFunc issued;
  gpointer user_data;
  guint recipient_kind;   /* in recipient_kinds */
  char *recipient;
} TransferState;

static void
transfer_state_free (TransferState *state)
{
  g_clear_object (&state->store);
  g_clear_pointer (&state->actor, fg_actor_unref);
  g_free (state->hazard_id);
  g_free (state->venue_name);
  g_free (state->recipient);
  g_free (state);
}

static void present_transfer (GtkWindow     *parent,
                              TransferState *state,
                              const char    *problem);

static void
on_transfer_response (AdwMessageDialog *dialog,
                      const char       *response,
                      TransferState    *state)
{
  g_autoptr(FgNotice) transfer = NULL;
  g_autoptr(GError) error = NULL;
  const char * const ids[] = { state->hazard_id, NULL };
  FgNoticeRequest request = { .kind = FG_NOTICE_KIND_TRANSFER, .hazard_ids = ids };
  AdwComboRow *kind_row = g_object_get_data (G_OBJECT (dialog), "fg-recipient-kind");
  GtkEditable *name_row = g_object_get_data (G_OBJECT (dialog), "fg-recipient");

  if (g_strcmp0 (response, "issue") != 0)
    return;

  state->recipient_kind = MIN (adw_combo_row_get_selected (kind_row), G_N_ELEMENTS (recipient_kinds) - 1);
  g_free (state->recipient);
  state->recipient = g_strdup (gtk_editable_get_text (name_row));
  request.recipient_kind = recipient_kinds[state->recipient_kind];
  request.recipient = state->recipient;
  transfer = fg_notice_issue (state->store, state->actor, &request, &error);
  if (transfer == NULL)
    {
      TransferState *again = g_new0 (TransferState, 1);

      /* the dialog closes; a new one keeps what was typed */
      again->store = g_object_ref (state->store);
      again->actor = fg_actor_ref (state->actor);
      again->hazard_id = g_strdup (state->hazard_id);
      again->venue_name = g_strdup (state->venue_name);
      again->issued = state->issued;
      again->user_data = state->user_data;
      again->recipient_kind = state->recipient_kind;
      again->recipient = g_strdup (state->recipient);
      present_transfer (gtk_window_get_transient_for (GTK_WINDOW (dialog)), again, error->message);
      return;
    }
  if (state->issued != NULL)
    state->issued (transfer, state->user_data);
}

/* Marks the name the transfer goes to when the core would refuse it,
 * and says why above it. */
static guint
check_transfer (gpointer data)
{
  GtkWidget *dialog = data;
  GtkWidget *recipient = g_object_get_data (G_OBJECT (dialog), "fg-recipient");
  GError *error = NULL;

  fg_notice_check_recipient (gtk_editable_get_text (GTK_EDITABLE (recipient)), &error);
  return fg_form_show_problems (&recipient, &error, 1, g_object_get_data (G_OBJECT (dialog), "fg-problem"));
}

static void
present_transfer (GtkWindow     *parent,
                  TransferState *state,
                  const char    *problem)
{
  g_autofree char *body = g_strdup_printf (_("A transfer (移送书) hands this hazard of %s to a police station or a "
                                             "regulator, under the next number of its series."),
                                           state->venue_name);
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Transfer the Hazard?"), body);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *kind_row = adw_combo_row_new ();
  const char *kinds[] = { _("Police station"), _("Industry regulator"), NULL };
  g_autoptr(GtkStringList) kind_names = gtk_string_list_new (kinds);
  GtkWidget *label = gtk_label_new (problem);
  GtkWidget *recipient;

  fg_accessible_name_lists (list, _("Transfer the Hazard?"));
  /* why the core refused what was typed, or what Enter found wrong */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, problem != NULL);
  gtk_box_append (GTK_BOX (box), label);
  g_object_set_data (G_OBJECT (dialog), "fg-problem", label);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind_row), _("To"));
  adw_combo_row_set_model (ADW_COMBO_ROW (kind_row), G_LIST_MODEL (kind_names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), state->recipient_kind);
  gtk_list_box_append (GTK_LIST_BOX (list), kind_row);
  g_object_set_data (G_OBJECT (dialog), "fg-recipient-kind", kind_row);
  recipient = entry_row (list, _("Name, as documents print it (冢头派出所)"), state->recipient);
  g_object_set_data (G_OBJECT (dialog), "fg-recipient", recipient);
  /* Enter transfers to a right name; a wrong one is marked, and stays */
  fg_form_check_on_enter (recipient, check_transfer, dialog);
  if (problem != NULL && check_transfer (dialog) == 0)
    {
      gtk_label_set_label (GTK_LABEL (label), problem);
      gtk_widget_set_visible (label, TRUE);
    }
  gtk_box_append (GTK_BOX (box), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "issue", _("_Issue Transfer"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "issue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "issue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_transfer_response), state,
                         (GClosureNotify) (void (*) (void)) transfer_state_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * fg_transfer_present:
 * @hazard: the hazard to hand over
 * @issued: called with the transfer once it is issued
 *
 * Asks to whom the hazard goes, and issues the transfer (移送书).
 */
void
fg_transfer_present (GtkWindow          *parent,
                     FgStore            *store,
                     FgActor            *actor,
                     FgHazard           *hazard,
                     FgNoticeIssuedFunc  issued,
                     gpointer            user_data)
{
  TransferState *state = g_new0 (TransferState, 1);

  state->store = g_object_ref (store);
  state->actor = fg_actor_ref (actor);
  state->hazard_id = g_strdup (fg_hazard_get_id (hazard));
  state->venue_name = g_strdup (fg_hazard_get_venue_name (hazard));
  state->issued = issued;
  state->user_data = user_data;
  present_transfer (parent, state, NULL);
}
