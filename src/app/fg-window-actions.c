/* fg-window-actions.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a person does in the window, as win. actions with their shortcuts:
 * venues added and changed, inspections started and opened, documents
 * issued, the pages shown, accounts and the preferences. The tests drive the
 * window through these actions too.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-accessible.h"
#include "fg-accounts-dialog.h"
#include "fg-history-window.h"
#include "fg-inspection-window.h"
#include "fg-major-hazard-dialog.h"
#include "fg-notice-dialog.h"
#include "fg-password-dialog.h"
#include "fg-preferences-window.h"
#include "fg-venue-dialog.h"
#include "fg-window-private.h"

/* What the person may do now: nothing while the window is locked, and
 * only what their role allows. */
void
_fg_window_update_actions (FgWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean open = !self->locked;
  gboolean can_edit = fg_actor_can (self->actor, FG_ACTION_VENUE_EDIT);

  gtk_widget_action_set_enabled (widget, "win.add-venue", open && can_edit);
  gtk_widget_action_set_enabled (widget, "win.edit-venue",
                                 open && can_edit && fg_venue_page_get_shown_venue (self->venue_page) != NULL);
  gtk_widget_action_set_enabled (widget, "win.inspect-venue",
                                 open && fg_actor_can (self->actor, FG_ACTION_INSPECTION_RECORD) &&
                                 fg_venue_page_get_shown_venue (self->venue_page) != NULL);
  gtk_widget_action_set_enabled (widget, "win.open-inspection", open);
  gtk_widget_action_set_enabled (widget, "win.add-village", open);
  gtk_widget_action_set_enabled (widget, "win.show-search", open);
  gtk_widget_action_set_enabled (widget, "win.toggle-sidebar", open);
  gtk_widget_action_set_enabled (widget, "win.change-password", open);
  gtk_widget_action_set_enabled (widget, "win.show-accounts",
                                 open && fg_actor_can (self->actor, FG_ACTION_ACCOUNT_MANAGE));
  gtk_widget_action_set_enabled (widget, "win.preferences",
                                 open && fg_preferences_window_offers_any (self->actor));
  gtk_widget_action_set_enabled (widget, "win.lock", open);
  gtk_widget_action_set_enabled (widget, "win.show-page", open);
  gtk_widget_action_set_enabled (widget, "win.show-due-hazards", open);
  gtk_widget_action_set_enabled (widget, "win.show-late-reinspections", open);
  gtk_widget_action_set_enabled (widget, "win.show-history",
                                 open && fg_actor_can (self->actor, FG_ACTION_AUDIT_READ));
  _fg_window_update_export_actions (self);
}


static void
on_venue_saved (FgVenueDialog *dialog,
                FgVenue       *venue,
                FgWindow      *self)
{
  FgVenue *before = fg_venue_dialog_get_venue (dialog);
  g_autoptr(FgVenue) stored = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  fg_paged_list_reload (self->venue_list);

  if (before != NULL &&
      g_strcmp0 (fg_venue_get_region_id (before), fg_venue_get_region_id (venue)) != 0)
    fg_region_sidebar_refresh_counts (self->sidebar, fg_venue_get_region_id (before));
  fg_region_sidebar_refresh_counts (self->sidebar, fg_venue_get_region_id (venue));

  /* Read it back for the names of its village and grid. */
  stored = fg_venue_load (self->store, self->actor, fg_venue_get_id (venue), &error);
  fg_venue_page_show_venue (self->venue_page, stored != NULL ? stored : venue);

  toast = adw_toast_new (_("Venue saved"));
  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
present_venue_dialog (FgWindow *self,
                      FgVenue  *venue)
{
  FgRegion *region = fg_region_sidebar_get_selected_region (self->sidebar);
  const char *region_id = NULL;
  FgVenueDialog *dialog;

  /* A new venue most likely belongs where the person is looking. */
  if (region != NULL && fg_region_get_level (region) >= FG_REGION_LEVEL_VILLAGE)
    region_id = fg_region_get_id (region);

  dialog = fg_venue_dialog_new (GTK_WINDOW (self), self->store, self->actor, venue, region_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_venue_saved), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_venue_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  present_venue_dialog (FG_WINDOW (widget), NULL);
}

/* The first village of a township, from the empty venue page: the
 * sidebar adds it. */
static void
add_village_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FgWindow *self = FG_WINDOW (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->sidebar), "region.add-village", NULL);
}

static void
edit_venue_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FgWindow *self = FG_WINDOW (widget);
  FgVenue *venue = fg_venue_page_get_shown_venue (self->venue_page);

  if (venue != NULL)
    present_venue_dialog (self, venue);
}

/* Inspections */

static void
present_error (FgWindow     *self,
               const char   *heading,
               const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The open window of an inspection: by its id, or a draft of the venue. */
static FgInspectionWindow *
find_inspection_window (const char *inspection_id,
                        const char *draft_venue_id)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      FgInspection *inspection;

      if (!FG_IS_INSPECTION_WINDOW (window))
        continue;

      inspection = fg_inspection_window_get_inspection (FG_INSPECTION_WINDOW (window));
      if (inspection == NULL)
        continue;
      if (inspection_id != NULL && g_strcmp0 (fg_inspection_get_id (inspection), inspection_id) == 0)
        return FG_INSPECTION_WINDOW (window);
      if (draft_venue_id != NULL &&
          !fg_inspection_window_get_read_only (FG_INSPECTION_WINDOW (window)) &&
          g_strcmp0 (fg_inspection_get_venue_id (inspection), draft_venue_id) == 0)
        return FG_INSPECTION_WINDOW (window);
    }

  return NULL;
}

static void
on_inspection_finished (FgInspectionWindow *window,
                        FgInspection       *inspection,
                        FgWindow           *self)
{
  g_autoptr(GPtrArray) hazards = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;
  guint n_hazards;

  hazards = fg_hazard_list_for_inspection (self->store, self->actor, fg_inspection_get_id (inspection), NULL);
  n_hazards = hazards != NULL ? hazards->len : 0;

  if (n_hazards == 0)
    text = g_strdup (_("Inspection saved"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Inspection saved · %u hazard created",
                                         "Inspection saved · %u hazards created",
                                         n_hazards),
                            n_hazards);

  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 8);
  if (fg_actor_can (self->actor, FG_ACTION_NOTICE_ISSUE))
    {
      adw_toast_set_button_label (toast, _("Issue _Record"));
      adw_toast_set_detailed_action_name (toast, "win.issue-record");
      adw_toast_set_action_target_value (toast, g_variant_new_string (fg_inspection_get_id (inspection)));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  _fg_window_load_history (self);
  fg_hazard_page_reload (self->hazard_page);
}

/* A document was issued: the ledger changed, and the document is shown. */
static void
on_notice_issued (FgNotice *notice,
                  gpointer  user_data)
{
  FgWindow *self = FG_WINDOW (user_data);
  g_autofree char *text = g_strdup_printf (_("%s issued"), fg_notice_get_number (notice));

  fg_hazard_page_reload (self->hazard_page);
  fg_notice_page_set_filter (self->notice_page, FG_NOTICE_FILTER_ALL);
  fg_notice_page_reload (self->notice_page);
  fg_window_set_page (self, "notices");
  fg_notice_page_show_notice (self->notice_page, fg_notice_get_id (notice));
  fg_notice_page_toast (self->notice_page, text);
}

static void
issue_notice_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FgWindow *self = FG_WINDOW (widget);
  g_autoptr(FgHazard) hazard = NULL;
  g_autoptr(GError) error = NULL;

  hazard = fg_hazard_load (self->store, self->actor, g_variant_get_string (parameter, NULL), &error);
  if (hazard == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  fg_notice_dialog_present_for_hazard (GTK_WINDOW (self), self->store, self->actor, hazard,
                                       on_notice_issued, self);
}

/* 重大火灾隐患报告（移送）函: a possibly major hazard goes to the brigade */
static void
issue_major_letter_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  FgWindow *self = FG_WINDOW (widget);
  g_autoptr(FgHazard) hazard = NULL;
  g_autoptr(GError) error = NULL;

  hazard = fg_hazard_load (self->store, self->actor, g_variant_get_string (parameter, NULL), &error);
  if (hazard == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  fg_major_letter_present (GTK_WINDOW (self), self->store, self->actor, hazard, on_notice_issued, self);
}

/* 移送书: a hazard goes to a police station or a regulator */
static void
issue_transfer_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FgWindow *self = FG_WINDOW (widget);
  g_autoptr(FgHazard) hazard = NULL;
  g_autoptr(GError) error = NULL;

  hazard = fg_hazard_load (self->store, self->actor, g_variant_get_string (parameter, NULL), &error);
  if (hazard == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  fg_transfer_present (GTK_WINDOW (self), self->store, self->actor, hazard, on_notice_issued, self);
}

static void
issue_record_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FgWindow *self = FG_WINDOW (widget);
  g_autoptr(FgNotice) notice = NULL;
  g_autoptr(GError) error = NULL;
  FgNoticeRequest request = { FG_NOTICE_KIND_INSPECTION_RECORD };

  request.inspection_id = g_variant_get_string (parameter, NULL);
  notice = fg_notice_issue (self->store, self->actor, &request, &error);
  if (notice == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  on_notice_issued (notice, self);
}

static gboolean
on_inspection_window_close (FgWindow *self)
{
  /* the draft's counts in the history */
  _fg_window_load_history (self);
  return FALSE;
}

static void
open_inspection_window (FgWindow     *self,
                        FgInspection *inspection)
{
  FgVenue *shown = fg_venue_page_get_shown_venue (self->venue_page);
  g_autoptr(FgVenue) venue = NULL;
  FgInspectionWindow *window;

  if (shown != NULL && g_strcmp0 (fg_venue_get_id (shown), fg_inspection_get_venue_id (inspection)) == 0)
    venue = g_object_ref (shown);
  else
    venue = fg_venue_load (self->store, self->actor, fg_inspection_get_venue_id (inspection), NULL);

  window = fg_inspection_window_new (GTK_WINDOW (self), self->store, self->actor, inspection,
                                     venue != NULL ? fg_venue_get_name (venue) : NULL);
  g_signal_connect_object (window, "finished", G_CALLBACK (on_inspection_finished), self, 0);
  g_signal_connect_object (window, "close-request", G_CALLBACK (on_inspection_window_close),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  _fg_window_load_history (self);
}

static void
start_inspection (FgWindow         *self,
                  const char       *venue_id,
                  FgInspectionKind  kind,
                  const char       *campaign_id)
{
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GError) error = NULL;

  inspection = fg_inspection_start (self->store, self->actor, venue_id, kind, campaign_id, &error);
  if (inspection == NULL)
    {
      present_error (self, _("Could Not Start the Inspection"), error);
      return;
    }

  open_inspection_window (self, inspection);
}

static void
on_kind_response (AdwMessageDialog *dialog,
                  const char       *response,
                  FgWindow         *self)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (dialog), "fg-checks");
  const char *venue_id = g_object_get_data (G_OBJECT (dialog), "fg-venue-id");
  const char *campaign_id = NULL;

  if (g_strcmp0 (response, "start") != 0)
    return;

  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);

      if (gtk_check_button_get_active (check))
        campaign_id = g_object_get_data (G_OBJECT (check), "fg-campaign-id");
    }

  start_inspection (self, venue_id,
                    campaign_id != NULL ? FG_INSPECTION_KIND_CAMPAIGN : FG_INSPECTION_KIND_ROUTINE,
                    campaign_id);
}

static GtkWidget *
kind_row (const char     *title,
          const char     *subtitle,
          GtkCheckButton *group,
          GtkWidget     **check)
{
  GtkWidget *row = adw_action_row_new ();

  *check = gtk_check_button_new ();
  gtk_widget_set_valign (*check, GTK_ALIGN_CENTER);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (*check), group);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), *check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), *check);
  return row;
}

/* A routine inspection, unless a campaign is on: then the person says. */
static void
choose_kind (FgWindow *self,
             FgVenue  *venue)
{
  g_autoptr(GPtrArray) campaigns = fg_campaign_list (self->store, self->actor, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  GPtrArray *checks = g_ptr_array_new ();
  GtkWidget *list;
  GtkWidget *routine_check;
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  for (guint i = 0; campaigns != NULL && i < campaigns->len; i++)
    {
      FgCampaign *campaign = g_ptr_array_index (campaigns, i);

      if (g_strcmp0 (fg_campaign_get_starts_on (campaign), today) > 0 ||
          g_strcmp0 (fg_campaign_get_ends_on (campaign), today) < 0)
        g_ptr_array_remove_index (campaigns, i--);
    }

  if (campaigns == NULL || campaigns->len == 0)
    {
      g_ptr_array_unref (checks);
      start_inspection (self, fg_venue_get_id (venue), FG_INSPECTION_KIND_ROUTINE, NULL);
      return;
    }

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  fg_accessible_name_lists (list, _("New Inspection"));
  gtk_list_box_append (GTK_LIST_BOX (list),
                       kind_row (fg_inspection_kind_get_label (FG_INSPECTION_KIND_ROUTINE), NULL, NULL, &routine_check));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (routine_check), TRUE);
  g_ptr_array_add (checks, routine_check);

  for (guint i = 0; i < campaigns->len; i++)
    {
      FgCampaign *campaign = g_ptr_array_index (campaigns, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *check;

      /* Translators: a campaign's period, e.g. "2026-11-01 – 2026-12-31" */
      subtitle = g_strdup_printf (_("%s – %s"), fg_campaign_get_starts_on (campaign), fg_campaign_get_ends_on (campaign));
      gtk_list_box_append (GTK_LIST_BOX (list),
                           kind_row (fg_campaign_get_name (campaign), subtitle,
                                     GTK_CHECK_BUTTON (routine_check), &check));
      g_object_set_data_full (G_OBJECT (check), "fg-campaign-id",
                              g_strdup (fg_campaign_get_id (campaign)), g_free);
      g_ptr_array_add (checks, check);
    }

  /* Translators: the question before an inspection; %s is the venue */
  body = g_strdup_printf (_("Is the inspection of %s a routine one, or part of a campaign?"),
                          fg_venue_get_name (venue));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("New Inspection"), body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "start", _("_Start"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "start", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "start");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "fg-checks", checks, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "fg-venue-id", g_strdup (fg_venue_get_id (venue)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_kind_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_draft_response (AdwMessageDialog *dialog,
                   const char       *response,
                   FgWindow         *self)
{
  FgInspection *draft = g_object_get_data (G_OBJECT (dialog), "fg-draft");
  FgVenue *venue = g_object_get_data (G_OBJECT (dialog), "fg-venue");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "continue") == 0)
    {
      open_inspection_window (self, draft);
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      if (!fg_inspection_discard (self->store, self->actor, draft, &error))
        {
          present_error (self, _("Could Not Discard the Draft"), error);
          return;
        }

      _fg_window_load_history (self);
      choose_kind (self, venue);
    }
}

static void
inspect_venue_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FgWindow *self = FG_WINDOW (widget);
  FgVenue *venue = fg_venue_page_get_shown_venue (self->venue_page);
  g_autoptr(FgInspection) draft = NULL;
  g_autoptr(GError) error = NULL;
  FgInspectionWindow *open;
  GListModel *items;
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (venue == NULL)
    return;

  open = find_inspection_window (NULL, fg_venue_get_id (venue));
  if (open != NULL)
    {
      gtk_window_present (GTK_WINDOW (open));
      return;
    }

  draft = fg_inspection_find_draft (self->store, self->actor, fg_venue_get_id (venue), &error);
  if (error != NULL)
    {
      present_error (self, _("Could Not Start the Inspection"), error);
      return;
    }

  if (draft == NULL)
    {
      choose_kind (self, venue);
      return;
    }

  items = fg_inspection_get_items (draft);
  /* Translators: %s is the venue, then the date the draft was started */
  body = g_strdup_printf (_("You started inspecting %s on %.10s and checked %u of %u items."),
                          fg_venue_get_name (venue), fg_inspection_get_started_at (draft),
                          fg_inspection_get_n_answered (draft), g_list_model_get_n_items (items));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Continue the Unfinished Inspection?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Start Over"),
                                    "continue", _("C_ontinue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "continue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "fg-draft", g_steal_pointer (&draft), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "fg-venue", g_object_ref (venue), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_draft_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_inspection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FgWindow *self = FG_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GError) error = NULL;
  FgInspectionWindow *open = find_inspection_window (id, NULL);

  if (open != NULL)
    {
      gtk_window_present (GTK_WINDOW (open));
      return;
    }

  inspection = fg_inspection_load (self->store, self->actor, id, &error);
  if (inspection == NULL)
    {
      present_error (self, _("Could Not Open the Inspection"), error);
      return;
    }

  open_inspection_window (self, inspection);
}

static void
show_search_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FgWindow *self = FG_WINDOW (widget);
  gboolean show = !gtk_search_bar_get_search_mode (self->search_bar);

  /* the ledger has its search in its filter bar */
  if (g_strcmp0 (fg_window_get_page (self), "hazards") == 0)
    {
      fg_hazard_page_focus_search (self->hazard_page);
      return;
    }

  gtk_search_bar_set_search_mode (self->search_bar, show);
  if (show)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_due_hazards_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  FgWindow *self = FG_WINDOW (widget);

  fg_window_set_page (self, "hazards");
  fg_hazard_page_set_state_filter (self->hazard_page, FG_HAZARD_FILTER_DUE);
}

static void
show_late_reinspections_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  FgWindow *self = FG_WINDOW (widget);

  fg_window_set_page (self, "hazards");
  fg_hazard_page_set_state_filter (self->hazard_page, FG_HAZARD_FILTER_REINSPECTION_LATE);
}

/* The hazards of a region, from the county's ranking of its townships:
 * the sidebar goes to the region, and the ledger shows it. */
static void
show_region_hazards_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  FgWindow *self = FG_WINDOW (widget);

  if (!fg_region_sidebar_select_region (self->sidebar, g_variant_get_string (parameter, NULL)))
    return;
  fg_window_set_page (self, "hazards");
}

static void
lock_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  fg_window_lock (FG_WINDOW (widget));
}

static void
log_out_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_signal_emit_by_name (widget, "log-out");
}

static void
on_password_changed (FgPasswordDialog *dialog,
                     FgWindow         *self)
{
  AdwToast *toast = adw_toast_new (_("Password changed"));

  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
change_password_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FgWindow *self = FG_WINDOW (widget);
  FgPasswordDialog *dialog = fg_password_dialog_new (GTK_WINDOW (self), self->store, self->actor, NULL);

  g_signal_connect_object (dialog, "done", G_CALLBACK (on_password_changed), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_accounts_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FgWindow *self = FG_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (fg_accounts_dialog_new (GTK_WINDOW (self), self->store, self->actor)));
}

/* Holidays were installed in the preferences: the banner that said they
 * were missing goes once none is. */
static void
on_calendar_installed (FgWindow *self)
{
  g_autoptr(GDate) today = fg_store_today (self->store);

  /* the warning goes once nothing is missing */
  self->missing_calendar_year = fg_calendar_missing_year (self->store, today);
  if (self->missing_calendar_year == 0 && self->calendar_banner != NULL)
    gtk_widget_set_visible (self->calendar_banner, FALSE);
}

/**
 * _fg_window_present_preferences:
 * @page: (nullable): the page to show first, by name ("documents",
 *   "calendar", "lock")
 *
 * The office's settings, with only the pages the person may change.
 *
 * Returns: (transfer none): the preferences window, shown
 */
FgPreferencesWindow *
_fg_window_present_preferences (FgWindow   *self,
                                const char *page)
{
  FgPreferencesWindow *window = fg_preferences_window_new (GTK_WINDOW (self), self->store, self->actor,
                                                           self->settings);

  g_signal_connect_object (window, "calendar-installed", G_CALLBACK (on_calendar_installed), self,
                           G_CONNECT_SWAPPED);
  if (page != NULL)
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _fg_window_present_preferences (FG_WINDOW (widget), NULL);
}

/* The audit log of one record (a venue, a hazard …), by its id. */
static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FgWindow *self = FG_WINDOW (widget);
  const char *record_id = g_variant_get_string (parameter, NULL);
  FgVenue *venue = fg_venue_page_get_shown_venue (self->venue_page);
  FgHazard *hazard = fg_hazard_page_get_shown_hazard (self->hazard_page);
  const char *record_title = NULL;

  if (*record_id == '\0')
    return;

  if (venue != NULL && g_strcmp0 (fg_venue_get_id (venue), record_id) == 0)
    record_title = fg_venue_get_name (venue);
  else if (hazard != NULL && g_strcmp0 (fg_hazard_get_id (hazard), record_id) == 0)
    record_title = fg_hazard_get_finding (hazard);

  gtk_window_present (GTK_WINDOW (fg_history_window_new (GTK_WINDOW (self), self->store, self->actor,
                                                         record_id, record_title)));
}


void
_fg_window_class_actions_init (FgWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.add-venue", NULL, add_venue_action);
  gtk_widget_class_install_action (widget_class, "win.edit-venue", NULL, edit_venue_action);
  gtk_widget_class_install_action (widget_class, "win.add-village", NULL, add_village_action);
  gtk_widget_class_install_action (widget_class, "win.inspect-venue", NULL, inspect_venue_action);
  gtk_widget_class_install_action (widget_class, "win.open-inspection", "s", open_inspection_action);
  gtk_widget_class_install_action (widget_class, "win.show-search", NULL, show_search_action);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-sidebar", "show-sidebar");
  gtk_widget_class_install_action (widget_class, "win.change-password", NULL, change_password_action);
  gtk_widget_class_install_action (widget_class, "win.show-accounts", NULL, show_accounts_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action);
  gtk_widget_class_install_action (widget_class, "win.log-out", NULL, log_out_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-page", "page");
  gtk_widget_class_install_action (widget_class, "win.show-due-hazards", NULL, show_due_hazards_action);
  gtk_widget_class_install_action (widget_class, "win.show-late-reinspections", NULL,
                                   show_late_reinspections_action);
  gtk_widget_class_install_action (widget_class, "win.show-region-hazards", "s", show_region_hazards_action);
  gtk_widget_class_install_action (widget_class, "win.show-history", "s", show_history_action);
  gtk_widget_class_install_action (widget_class, "win.issue-notice", "s", issue_notice_action);
  gtk_widget_class_install_action (widget_class, "win.issue-major-letter", "s", issue_major_letter_action);
  gtk_widget_class_install_action (widget_class, "win.issue-transfer", "s", issue_transfer_action);
  gtk_widget_class_install_action (widget_class, "win.issue-record", "s", issue_record_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.add-venue", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.edit-venue", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.inspect-venue", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.show-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.lock", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.show-page", "s", "venues");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.show-page", "s", "hazards");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "win.show-page", "s", "notices");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_CONTROL_MASK, "win.show-page", "s", "sync");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_CONTROL_MASK, "win.show-page", "s", "townships");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_6, GDK_CONTROL_MASK, "win.show-page", "s", "statistics");
}
