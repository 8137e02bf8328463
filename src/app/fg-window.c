/* fg-window.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window ties the pieces together: the sidebar's region and the search
 * text go into the venue page's query, the dialogs' results go back into
 * the list and the sidebar's counts. It is given its store and the person
 * logged in; nothing below it reaches for either on its own, and every
 * core call names that person.
 *
 * After a while without input (idle-lock-minutes) or on Ctrl+L, a lock
 * page covers the window and its dialogs are hidden, not closed: after
 * the same person's password everything is as it was.
 */
#include "config.h"

#include <time.h>

#include <glib/gi18n.h>

#include "fg-accounts-dialog.h"
#include "fg-hazard-page.h"
#include "fg-notice-dialog.h"
#include "fg-notice-page.h"
#include "fg-sync-page.h"
#include "fg-township-page.h"
#include "fg-history-window.h"
#include "fg-inspection-window.h"
#include "fg-lock-page.h"
#include "fg-password-dialog.h"
#include "fg-region-sidebar.h"
#include "fg-venue-dialog.h"
#include "fg-venue-page.h"
#include "fg-window.h"

struct _FgWindow
{
  AdwApplicationWindow parent_instance;

  GtkStack *lock_stack;
  FgLockPage *lock_page;
  GtkWidget *add_button;
  GtkMenuButton *user_button;
  GtkLabel *user_label;
  AdwViewSwitcherTitle *window_title;
  GtkWidget *search_button;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar_box;
  GtkWidget *content_box;
  FgRegionSidebar *sidebar;
  AdwViewStack *page_stack;
  FgVenuePage *venue_page;
  FgHazardPage *hazard_page;
  FgNoticePage *notice_page;
  FgSyncPage *sync_page;
  FgTownshipPage *township_page;

  FgStore *store;
  FgActor *actor;
  char *root_region_id;  /* the top of what the person may see */
  FgPagedList *venue_list;  /* FgVenue */
  GSettings *settings;  /* NULL when the schema is not installed */
  gboolean show_sidebar;

  gboolean locked;
  guint idle_lock_seconds;  /* 0: never */
  gint64 last_input;        /* monotonic time of the last key or pointer input */
  guint idle_source;
  guint escalation_source;
  guint escalated_on;         /* the Julian day the rules last ran */
  GPtrArray *hidden_windows;  /* dialogs hidden behind the lock */
  gulong toplevels_handler;

  int missing_calendar_year;  /* warned about when the window opened; 0 if none */
  AdwToast *missing_calendar_toast;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_ACTOR,
  PROP_SHOW_SIDEBAR,
  PROP_LOCKED,
  PROP_IDLE_LOCK_SECONDS,
  PROP_PAGE,
  N_PROPS
};

enum {
  LOG_OUT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define DEFAULT_IDLE_LOCK_MINUTES 10

G_DEFINE_FINAL_TYPE (FgWindow, fg_window, ADW_TYPE_APPLICATION_WINDOW)

/* Remembering the window's size is a comfort, not a need: without the
 * schema (running from the build tree, a partial install) we just don't. */
static GSettings *
lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;

  schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL ||
      !g_settings_schema_has_key (schema, "window-width") ||
      !g_settings_schema_has_key (schema, "window-height") ||
      !g_settings_schema_has_key (schema, "window-maximized"))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

/* Whether @window belongs to this window: a dialog of it, or of its dialog. */
static gboolean
is_own_dialog (FgWindow  *self,
               GtkWindow *window)
{
  for (GtkWindow *parent = gtk_window_get_transient_for (window);
       parent != NULL;
       parent = gtk_window_get_transient_for (parent))
    {
      if (parent == GTK_WINDOW (self))
        return TRUE;
    }

  return FALSE;
}

static void
fg_window_update_actions (FgWindow *self)
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
  gtk_widget_action_set_enabled (widget, "win.show-search", open);
  gtk_widget_action_set_enabled (widget, "win.toggle-sidebar", open);
  gtk_widget_action_set_enabled (widget, "win.change-password", open);
  gtk_widget_action_set_enabled (widget, "win.show-accounts",
                                 open && fg_actor_can (self->actor, FG_ACTION_ACCOUNT_MANAGE));
  gtk_widget_action_set_enabled (widget, "win.document-settings",
                                 open && fg_actor_can (self->actor, FG_ACTION_SETTINGS));
  gtk_widget_action_set_enabled (widget, "win.install-calendar",
                                 open && fg_actor_can (self->actor, FG_ACTION_SETTINGS));
  gtk_widget_action_set_enabled (widget, "win.lock", open);
  gtk_widget_action_set_enabled (widget, "win.show-page", open);
  gtk_widget_action_set_enabled (widget, "win.show-due-hazards", open);
  gtk_widget_action_set_enabled (widget, "win.show-history",
                                 open && fg_actor_can (self->actor, FG_ACTION_AUDIT_READ));
}

static void fg_window_schedule_idle_lock (FgWindow *self);

static gboolean
on_idle_timeout (gpointer user_data)
{
  FgWindow *self = user_data;

  self->idle_source = 0;
  fg_window_schedule_idle_lock (self);
  return G_SOURCE_REMOVE;
}

/* One timer, set for when the idle time would be up; input only moves
 * last_input, and the timer looks again when it fires. */
static void
fg_window_schedule_idle_lock (FgWindow *self)
{
  gint64 remaining;

  g_clear_handle_id (&self->idle_source, g_source_remove);

  if (self->locked || self->idle_lock_seconds == 0)
    return;

  remaining = self->last_input + (gint64) self->idle_lock_seconds * G_USEC_PER_SEC
              - g_get_monotonic_time ();
  if (remaining <= 0)
    {
      fg_window_lock (self);
      return;
    }

  self->idle_source = g_timeout_add_seconds ((guint) (remaining / G_USEC_PER_SEC) + 1,
                                             on_idle_timeout, self);
}

static gboolean
on_input (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          FgWindow                 *self)
{
  GdkEventType type = gdk_event_get_event_type (event);

  /* A person's input; not the pointer merely crossing into the window. */
  if (type == GDK_MOTION_NOTIFY ||
      type == GDK_BUTTON_PRESS || type == GDK_BUTTON_RELEASE ||
      type == GDK_KEY_PRESS || type == GDK_KEY_RELEASE ||
      type == GDK_SCROLL ||
      type == GDK_TOUCH_BEGIN || type == GDK_TOUCH_UPDATE || type == GDK_TOUCH_END ||
      type == GDK_TOUCHPAD_SWIPE || type == GDK_TOUCHPAD_PINCH || type == GDK_TOUCHPAD_HOLD)
    self->last_input = g_get_monotonic_time ();

  return GDK_EVENT_PROPAGATE;
}

/* Ctrl+L in one of the window's dialogs locks the window it belongs to. */
static gboolean
lock_from_dialog (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  for (GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));
       parent != NULL;
       parent = gtk_window_get_transient_for (parent))
    {
      if (FG_IS_WINDOW (parent))
        {
          fg_window_lock (FG_WINDOW (parent));
          return TRUE;
        }
    }

  return FALSE;
}

static void
watch_input (FgWindow  *self,
             GtkWindow *window)
{
  GtkEventController *controller;

  if (g_object_get_data (G_OBJECT (window), "fg-input-watch") != NULL)
    return;

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (on_input), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
  g_object_set_data (G_OBJECT (window), "fg-input-watch", controller);

  if (window != GTK_WINDOW (self))
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_l, GDK_CONTROL_MASK),
                                                gtk_callback_action_new (lock_from_dialog, NULL, NULL));

      controller = gtk_shortcut_controller_new ();
      gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
      gtk_widget_add_controller (GTK_WIDGET (window), controller);
    }
}

/* Typing in a dialog of this window is input in the window too. Dialogs
 * get their parent just after they join the list of toplevels, so look a
 * moment later. */
static gboolean
watch_dialogs (gpointer user_data)
{
  FgWindow *self = user_data;
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (is_own_dialog (self, window))
        watch_input (self, window);
    }

  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
on_toplevels_changed (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added,
                      FgWindow   *self)
{
  if (added > 0)
    g_idle_add (watch_dialogs, g_object_ref (self));
}

/**
 * fg_window_set_idle_lock_seconds:
 * @self: the window
 * @seconds: how long without input before the window locks; 0 for never
 *
 * The settings give it in minutes (idle-lock-minutes); seconds serve the
 * tests, which cannot wait minutes.
 */
void
fg_window_set_idle_lock_seconds (FgWindow *self,
                                 guint     seconds)
{
  g_return_if_fail (FG_IS_WINDOW (self));

  if (self->idle_lock_seconds != seconds)
    {
      self->idle_lock_seconds = seconds;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDLE_LOCK_SECONDS]);
    }

  fg_window_schedule_idle_lock (self);
}

static void
fg_window_load_idle_lock (FgWindow *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  int minutes = DEFAULT_IDLE_LOCK_MINUTES;

  if (self->settings != NULL)
    {
      g_object_get (self->settings, "settings-schema", &schema, NULL);
      if (schema != NULL && g_settings_schema_has_key (schema, "idle-lock-minutes"))
        minutes = MAX (0, g_settings_get_int (self->settings, "idle-lock-minutes"));
    }

  fg_window_set_idle_lock_seconds (self, (guint) minutes * 60);
}

static void
on_unlocked (FgWindow *self)
{
  g_autoptr(GPtrArray) hidden = g_steal_pointer (&self->hidden_windows);

  self->locked = FALSE;
  gtk_stack_set_visible_child_name (self->lock_stack, "main");
  fg_window_update_actions (self);

  /* the dialogs come back as they were left, topmost last */
  for (guint i = 0; hidden != NULL && i < hidden->len; i++)
    gtk_window_present (g_ptr_array_index (hidden, i));

  self->last_input = g_get_monotonic_time ();
  fg_window_schedule_idle_lock (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

static void
fg_window_update_sidebar (FgWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    {
      gtk_widget_set_visible (self->sidebar_box, TRUE);
      adw_leaflet_set_visible_child (self->leaflet,
                                     self->show_sidebar ? self->sidebar_box : self->content_box);
    }
  else
    gtk_widget_set_visible (self->sidebar_box, self->show_sidebar);
}

static void
on_leaflet_folded (FgWindow *self)
{
  /* Folding shows the list; unfolding brings the sidebar back. */
  self->show_sidebar = !adw_leaflet_get_folded (self->leaflet);
  fg_window_update_sidebar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIDEBAR]);
}

static void
on_leaflet_visible_child (FgWindow *self)
{
  gboolean showing_sidebar;

  /* a swipe back on a narrow window */
  if (!adw_leaflet_get_folded (self->leaflet))
    return;

  showing_sidebar = adw_leaflet_get_visible_child (self->leaflet) == self->sidebar_box;
  if (showing_sidebar != self->show_sidebar)
    {
      self->show_sidebar = showing_sidebar;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIDEBAR]);
    }
}

static void
on_region_selected (FgWindow *self)
{
  FgRegion *region = fg_region_sidebar_get_selected_region (self->sidebar);

  fg_venue_page_set_region_id (self->venue_page, region != NULL ? fg_region_get_id (region) : NULL);
  fg_hazard_page_set_region (self->hazard_page,
                             region != NULL ? fg_region_get_id (region) : NULL,
                             region != NULL ? (int) fg_region_get_level (region) : -1);
  fg_notice_page_set_region (self->notice_page, region != NULL ? fg_region_get_id (region) : NULL);

  if (region != NULL && adw_leaflet_get_folded (self->leaflet))
    fg_window_set_show_sidebar (self, FALSE);
}

static void
on_search_changed (FgWindow *self)
{
  fg_venue_page_set_search_text (self->venue_page,
                                 gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_mode_changed (FgWindow *self)
{
  /* A hidden search must not keep filtering the list. */
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* The shown venue's inspections, for its detail pane. */
static void
fg_window_load_history (FgWindow *self)
{
  FgVenue *venue = fg_venue_page_get_shown_venue (self->venue_page);
  g_autoptr(GListStore) model = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  if (venue == NULL)
    {
      fg_venue_page_set_inspections (self->venue_page, NULL);
      return;
    }

  model = g_list_store_new (FG_TYPE_INSPECTION);
  list = fg_inspection_list_for_venue (self->store, self->actor, fg_venue_get_id (venue), &error);
  if (list != NULL)
    g_list_store_splice (model, 0, 0, list->pdata, list->len);
  else
    g_debug ("No inspections of %s: %s", fg_venue_get_id (venue), error->message);

  fg_venue_page_set_inspections (self->venue_page, G_LIST_MODEL (model));
}

static void
on_shown_venue_changed (FgWindow *self)
{
  fg_window_update_actions (self);
  fg_window_load_history (self);
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
  fg_window_load_history (self);
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

static void fg_window_run_escalation (FgWindow *self);

/* A bundle brought records: every page reads them again. */
static void
on_synced (FgWindow *self)
{
  fg_paged_list_reload (self->venue_list);
  fg_region_sidebar_refresh_counts (self->sidebar, self->root_region_id);
  fg_hazard_page_reload (self->hazard_page);
  fg_notice_page_reload (self->notice_page);
  fg_township_page_reload (self->township_page);
}

static void
on_notices_changed (FgWindow *self)
{
  /* a service refused or a notice voided changes hazards too; a refusal
   * hands them to the police station at once, for those who may */
  self->escalated_on = 0;
  fg_window_run_escalation (self);
  fg_hazard_page_reload (self->hazard_page);
}

static gboolean
on_inspection_window_close (FgWindow *self)
{
  /* the draft's counts in the history */
  fg_window_load_history (self);
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
  fg_window_load_history (self);
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

      fg_window_load_history (self);
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
on_page_changed (FgWindow *self)
{
  gboolean venues = g_strcmp0 (fg_window_get_page (self), "venues") == 0;

  /* adding and searching venues belong to the venue registry */
  gtk_widget_set_visible (self->add_button, venues && fg_actor_can (self->actor, FG_ACTION_VENUE_EDIT));
  gtk_widget_set_visible (self->search_button, venues);
  if (!venues)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* Tells, once when the window opens, what is overdue and what falls due
 * this week; quiet when nothing is. */
static void
fg_window_tell_due (FgWindow *self)
{
  guint n_overdue = fg_hazard_page_get_n_overdue (self->hazard_page);
  guint n_due = fg_hazard_page_get_n_due_this_week (self->hazard_page);
  g_autofree char *overdue = NULL;
  g_autofree char *due = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (n_overdue == 0 && n_due == 0)
    return;

  overdue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hazard is overdue", "%u hazards are overdue", n_overdue),
                             n_overdue);
  due = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u falls due this week", "%u fall due this week", n_due),
                         n_due);
  if (n_overdue > 0 && n_due > 0)
    /* Translators: "3 hazards are overdue · 5 fall due this week" */
    text = g_strdup_printf (_("%s · %s"), overdue, due);
  else if (n_overdue > 0)
    text = g_steal_pointer (&overdue);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hazard falls due this week",
                                         "%u hazards fall due this week", n_due),
                            n_due);

  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Show"));
  adw_toast_set_action_name (toast, "win.show-due-hazards");
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_calendar_toast_dismissed (FgWindow *self)
{
  g_clear_object (&self->missing_calendar_toast);
}

/* Says, once when the window opens, when the holidays of the year that
 * deadlines fall in are not installed: the deadlines would then skip
 * weekends only. */
static void
fg_window_tell_calendar (FgWindow *self)
{
  g_autoptr(GDate) today = fg_store_today (self->store);
  g_autofree char *text = NULL;
  AdwToast *toast;

  self->missing_calendar_year = fg_calendar_missing_year (self->store, today);
  if (self->missing_calendar_year == 0)
    return;

  text = g_strdup_printf (_("The public holidays of %d are not installed: deadlines in %d skip weekends only. "
                            "Install them from the official arrangement, or the update of Firegrid that "
                            "brings them."),
                          self->missing_calendar_year, self->missing_calendar_year);
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (fg_actor_can (self->actor, FG_ACTION_SETTINGS))
    {
      adw_toast_set_button_label (toast, _("_Install…"));
      adw_toast_set_action_name (toast, "win.install-calendar");
    }
  g_set_object (&self->missing_calendar_toast, toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_calendar_toast_dismissed), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
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
  g_signal_emit (widget, signals[LOG_OUT], 0);
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

static void
document_settings_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  FgWindow *self = FG_WINDOW (widget);

  fg_notice_dialog_present_settings (GTK_WINDOW (self), self->store, self->actor);
}

/* Installs the public holidays from a file and says what came of it;
 * also what the file chooser of win.install-calendar leads to. */
void
fg_window_install_calendar_file (FgWindow *self,
                                 GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) years = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;

  g_return_if_fail (FG_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  name = g_file_get_basename (file);
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    text = g_strdup_printf (_("The calendar file could not be read: %s"), error->message);
  else if (!fg_calendar_install_file (self->store, self->actor, bytes, name, &years, &error))
    text = g_strdup (error->message);
  else if (years->len == 0)
    text = g_strdup (_("The file holds no year: nothing was installed."));
  else
    {
      g_autoptr(GString) list = g_string_new (NULL);
      g_autoptr(GDate) today = fg_store_today (self->store);

      for (guint i = 0; i < years->len; i++)
        /* Translators: between the years of a list, "2027, 2028" */
        g_string_append_printf (list, "%s%d", i > 0 ? C_("list separator", ", ") : "",
                                g_array_index (years, int, i));
      /* Translators: %s is a year, or a list of years */
      text = g_strdup_printf (_("The public holidays of %s are installed"), list->str);

      /* the warning goes once nothing is missing */
      self->missing_calendar_year = fg_calendar_missing_year (self->store, today);
      if (self->missing_calendar_year == 0 && self->missing_calendar_toast != NULL)
        adw_toast_dismiss (self->missing_calendar_toast);
    }

  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, error != NULL ? 8 : 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_calendar_chosen (GtkNativeDialog *chooser,
                    int              response,
                    FgWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        fg_window_install_calendar_file (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
install_calendar_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  FgWindow *self = FG_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Install Public Holidays"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Install"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Holiday calendars (XML)"));
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_calendar_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
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
    record_title = fg_hazard_get_item_text (hazard);

  gtk_window_present (GTK_WINDOW (fg_history_window_new (GTK_WINDOW (self), self->store, self->actor,
                                                         record_id, record_title)));
}

static void
fg_window_load_user (FgWindow *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (fg_actor_get_display_name (self->actor));
  GtkWidget *role;
  GtkPopover *popover;
  g_autofree char *role_text = NULL;

  /* Translators: the user menu's header: role and area, e.g.
   * "Grid worker, 第一网格" */
  role_text = g_strdup_printf (_("%s, %s"),
                               fg_role_get_label (fg_actor_get_role (self->actor)),
                               fg_actor_get_scope_name (self->actor) != NULL
                               ? fg_actor_get_scope_name (self->actor) : "");
  role = gtk_label_new (role_text);

  gtk_label_set_text (self->user_label, fg_actor_get_display_name (self->actor));
  /* no tooltip: the button shows the name, its menu the role and area,
   * and a tooltip would cover that menu's header */

  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (role, "dim-label");
  gtk_widget_add_css_class (role, "caption");
  gtk_label_set_xalign (GTK_LABEL (role), 0);
  gtk_box_append (GTK_BOX (header), name);
  gtk_box_append (GTK_BOX (header), role);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, 6);
  gtk_widget_set_margin_bottom (header, 6);

  popover = gtk_menu_button_get_popover (self->user_button);
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover), header, "user-header");

  /* Only who may add venues sees the button for it. */
  gtk_widget_set_visible (self->add_button, fg_actor_can (self->actor, FG_ACTION_VENUE_EDIT));
}

/* The top of the tree the person may see: the township, or their village
 * or grid. A county account sees the township it is looking at. */
static char *
find_root_region (FgWindow *self)
{
  const char *scope_id = fg_actor_get_scope_region_id (self->actor);
  g_autoptr(FgRegion) scope = NULL;

  if (scope_id != NULL)
    scope = fg_region_lookup (self->store, self->actor, scope_id, NULL);
  if (scope != NULL && fg_region_get_level (scope) > FG_REGION_LEVEL_TOWNSHIP)
    return g_strdup (fg_region_get_id (scope));

  return g_strdup (fg_store_get_home_region_id (self->store));
}

/* Whether the person's area is a county: its townships side by side. */
static gboolean
actor_sees_county (FgWindow *self)
{
  const char *scope_id = fg_actor_get_scope_region_id (self->actor);
  g_autoptr(FgRegion) scope = NULL;

  if (scope_id != NULL)
    scope = fg_region_lookup (self->store, self->actor, scope_id, NULL);

  return scope != NULL && fg_region_get_level (scope) == FG_REGION_LEVEL_COUNTY;
}

static void
fg_window_load_title (FgWindow *self)
{
  g_autoptr(FgRegion) township = NULL;
  g_autoptr(FgRegion) county = NULL;
  const char *home_id = fg_store_get_home_region_id (self->store);

  if (home_id != NULL)
    township = fg_region_lookup (self->store, self->actor, home_id, NULL);
  if (township != NULL && fg_region_get_parent_id (township) != NULL)
    county = fg_region_lookup (self->store, self->actor, fg_region_get_parent_id (township), NULL);

  if (township != NULL)
    {
      adw_view_switcher_title_set_title (self->window_title, fg_region_get_name (township));
      gtk_window_set_title (GTK_WINDOW (self), fg_region_get_name (township));
    }
  else
    {
      adw_view_switcher_title_set_title (self->window_title, _("Firegrid"));
      gtk_window_set_title (GTK_WINDOW (self), _("Firegrid"));
    }

  adw_view_switcher_title_set_subtitle (self->window_title,
                                 county != NULL ? fg_region_get_name (county) : NULL);
}

/* The escalation rules run when the window opens and again when the day
 * changes while it stays open, for someone who may manage hazards; the
 * core records the escalations in their name. */
static void
fg_window_run_escalation (FgWindow *self)
{
  g_autoptr(GDate) today = g_date_new ();
  g_autoptr(GError) error = NULL;
  FgEscalationReport report;

  g_date_set_time_t (today, time (NULL));
  if (self->escalated_on == g_date_get_julian (today) ||
      !fg_actor_can (self->actor, FG_ACTION_HAZARD_MANAGE))
    return;

  self->escalated_on = g_date_get_julian (today);
  if (!fg_escalation_run (self->store, self->actor, today, &report, &error))
    {
      g_warning ("The escalation rules could not run: %s", error->message);
      return;
    }

  if (report.n_overdue + report.n_repeated + report.n_transferred > 0 && self->hazard_page != NULL)
    fg_hazard_page_reload (self->hazard_page);
  if (report.n_transferred > 0 && self->notice_page != NULL)
    fg_notice_page_reload (self->notice_page);
}

static gboolean
on_escalation_timer (gpointer user_data)
{
  fg_window_run_escalation (FG_WINDOW (user_data));
  return G_SOURCE_CONTINUE;
}

static void
fg_window_constructed (GObject *object)
{
  FgWindow *self = (FgWindow *)object;
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();

  G_OBJECT_CLASS (fg_window_parent_class)->constructed (object);

  g_assert (FG_IS_STORE (self->store));
  g_assert (self->actor != NULL);

  fg_window_load_title (self);
  fg_window_load_user (self);
  fg_lock_page_set_account (self->lock_page, self->store, self->actor);
  self->root_region_id = find_root_region (self);

  /* Open the list on the region the sidebar starts with, so that the
   * first count is the only one. */
  query->region_id = g_strdup (self->root_region_id);
  self->venue_list = fg_venue_query_list_new (self->store, self->actor, query);
  fg_venue_page_set_venue_list (self->venue_page, self->venue_list);
  fg_region_sidebar_load (self->sidebar, self->store, self->actor, self->root_region_id);
  fg_window_run_escalation (self);
  self->escalation_source = g_timeout_add_seconds (60 * 60, on_escalation_timer, self);
  fg_hazard_page_set_store (self->hazard_page, self->store, self->actor);
  fg_notice_page_set_store (self->notice_page, self->store, self->actor);
  /* documents are for those who may print them (not grid workers) */
  adw_view_stack_page_set_visible (adw_view_stack_get_page (self->page_stack, GTK_WIDGET (self->notice_page)),
                                   fg_actor_can (self->actor, FG_ACTION_NOTICE_PRINT));
  /* sync is for those who may, and runs in their name */
  fg_sync_page_set_store (self->sync_page, self->store, self->actor);
  adw_view_stack_page_set_visible (adw_view_stack_get_page (self->page_stack, GTK_WIDGET (self->sync_page)),
                                   fg_actor_can (self->actor, FG_ACTION_SYNC));
  fg_venue_page_set_history_visible (self->venue_page, fg_actor_can (self->actor, FG_ACTION_AUDIT_READ));
  /* the ranking compares townships: for those who see a county's */
  fg_township_page_set_store (self->township_page, self->store, self->actor);
  adw_view_stack_page_set_visible (adw_view_stack_get_page (self->page_stack, GTK_WIDGET (self->township_page)),
                                   actor_sees_county (self));

  self->settings = lookup_settings ();
  if (self->settings != NULL)
    {
      int width = g_settings_get_int (self->settings, "window-width");
      int height = g_settings_get_int (self->settings, "window-height");

      if (width > 0 && height > 0)
        gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));

      g_signal_connect_object (self->settings, "changed::idle-lock-minutes",
                               G_CALLBACK (fg_window_load_idle_lock), self, G_CONNECT_SWAPPED);
    }

  watch_input (self, GTK_WINDOW (self));
  self->toplevels_handler = g_signal_connect (gtk_window_get_toplevels (), "items-changed",
                                              G_CALLBACK (on_toplevels_changed), self);
  self->last_input = g_get_monotonic_time ();
  fg_window_load_idle_lock (self);
  fg_window_update_actions (self);
  on_page_changed (self);
  fg_window_tell_due (self);
  fg_window_tell_calendar (self);
}

static gboolean
fg_window_close_request (GtkWindow *window)
{
  FgWindow *self = FG_WINDOW (window);

  if (self->settings != NULL)
    {
      int width;
      int height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (fg_window_parent_class)->close_request (window);
}

static void
fg_window_dispose (GObject *object)
{
  FgWindow *self = (FgWindow *)object;

  g_clear_signal_handler (&self->toplevels_handler, gtk_window_get_toplevels ());
  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_clear_handle_id (&self->escalation_source, g_source_remove);
  /* Dialogs hidden behind the lock go with the window. */
  if (self->hidden_windows != NULL)
    {
      g_autoptr(GPtrArray) hidden = g_steal_pointer (&self->hidden_windows);

      for (guint i = 0; i < hidden->len; i++)
        gtk_window_destroy (g_ptr_array_index (hidden, i));
    }

  g_clear_object (&self->missing_calendar_toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), FG_TYPE_WINDOW);
  g_clear_object (&self->venue_list);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, fg_actor_unref);
  g_clear_pointer (&self->root_region_id, g_free);

  G_OBJECT_CLASS (fg_window_parent_class)->dispose (object);
}

static void
fg_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FgWindow *self = FG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ACTOR:
      g_value_set_boxed (value, self->actor);
      break;

    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->show_sidebar);
      break;

    case PROP_IDLE_LOCK_SECONDS:
      g_value_set_uint (value, self->idle_lock_seconds);
      break;

    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;

    case PROP_PAGE:
      g_value_set_string (value, fg_window_get_page (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FgWindow *self = FG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_ACTOR:
      self->actor = g_value_dup_boxed (value);
      break;

    case PROP_SHOW_SIDEBAR:
      fg_window_set_show_sidebar (self, g_value_get_boolean (value));
      break;

    case PROP_IDLE_LOCK_SECONDS:
      fg_window_set_idle_lock_seconds (self, g_value_get_uint (value));
      break;

    case PROP_PAGE:
      fg_window_set_page (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_window_class_init (FgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = fg_window_constructed;
  object_class->dispose = fg_window_dispose;
  object_class->get_property = fg_window_get_property;
  object_class->set_property = fg_window_set_property;
  window_class->close_request = fg_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, FG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL, FG_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IDLE_LOCK_SECONDS] =
    g_param_spec_uint ("idle-lock-seconds", NULL, NULL, 0, G_MAXUINT, DEFAULT_IDLE_LOCK_MINUTES * 60,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, "venues",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FgWindow::log-out:
   *
   * The person logs out; the application closes the window and asks
   * who is next.
   */
  signals[LOG_OUT] =
    g_signal_new ("log-out", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (FG_TYPE_LOCK_PAGE);
  g_type_ensure (FG_TYPE_REGION_SIDEBAR);
  g_type_ensure (FG_TYPE_VENUE_PAGE);
  g_type_ensure (FG_TYPE_HAZARD_PAGE);
  g_type_ensure (FG_TYPE_NOTICE_PAGE);
  g_type_ensure (FG_TYPE_SYNC_PAGE);
  g_type_ensure (FG_TYPE_TOWNSHIP_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FgWindow, lock_stack);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, lock_page);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, user_button);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, user_label);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, venue_page);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, hazard_page);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, notice_page);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, sync_page);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, township_page);
  gtk_widget_class_bind_template_callback (widget_class, on_synced);
  gtk_widget_class_bind_template_callback (widget_class, on_notices_changed);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, search_button);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child);
  gtk_widget_class_bind_template_callback (widget_class, on_region_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_shown_venue_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_unlocked);

  gtk_widget_class_install_action (widget_class, "win.add-venue", NULL, add_venue_action);
  gtk_widget_class_install_action (widget_class, "win.edit-venue", NULL, edit_venue_action);
  gtk_widget_class_install_action (widget_class, "win.inspect-venue", NULL, inspect_venue_action);
  gtk_widget_class_install_action (widget_class, "win.open-inspection", "s", open_inspection_action);
  gtk_widget_class_install_action (widget_class, "win.show-search", NULL, show_search_action);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-sidebar", "show-sidebar");
  gtk_widget_class_install_action (widget_class, "win.change-password", NULL, change_password_action);
  gtk_widget_class_install_action (widget_class, "win.show-accounts", NULL, show_accounts_action);
  gtk_widget_class_install_action (widget_class, "win.document-settings", NULL, document_settings_action);
  gtk_widget_class_install_action (widget_class, "win.install-calendar", NULL, install_calendar_action);
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action);
  gtk_widget_class_install_action (widget_class, "win.log-out", NULL, log_out_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-page", "page");
  gtk_widget_class_install_action (widget_class, "win.show-due-hazards", NULL, show_due_hazards_action);
  gtk_widget_class_install_action (widget_class, "win.show-region-hazards", "s", show_region_hazards_action);
  gtk_widget_class_install_action (widget_class, "win.show-history", "s", show_history_action);
  gtk_widget_class_install_action (widget_class, "win.issue-notice", "s", issue_notice_action);
  gtk_widget_class_install_action (widget_class, "win.issue-record", "s", issue_record_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.add-venue", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.edit-venue", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.inspect-venue", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.show-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.lock", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.show-page", "s", "venues");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.show-page", "s", "hazards");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "win.show-page", "s", "notices");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_CONTROL_MASK, "win.show-page", "s", "sync");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_CONTROL_MASK, "win.show-page", "s", "townships");
}

static void
fg_window_init (FgWindow *self)
{
  self->show_sidebar = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}

/**
 * fg_window_new:
 * @application: (nullable): the application
 * @store: an open store that has been set up
 * @actor: the person logged in (from fg_account_login())
 *
 * Returns: (transfer none): the window, owned by GTK's list of windows
 */
FgWindow *
fg_window_new (GtkApplication *application,
               FgStore        *store,
               FgActor        *actor)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return g_object_new (FG_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       "actor", actor,
                       NULL);
}

FgActor *
fg_window_get_actor (FgWindow *self)
{
  g_return_val_if_fail (FG_IS_WINDOW (self), NULL);
  return self->actor;
}

gboolean
fg_window_get_locked (FgWindow *self)
{
  g_return_val_if_fail (FG_IS_WINDOW (self), FALSE);
  return self->locked;
}

/**
 * fg_window_lock:
 * @self: the window
 *
 * Covers the window with the lock page and hides its dialogs, keeping
 * what was typed in them, until the same person gives their password.
 */
void
fg_window_lock (FgWindow *self)
{
  GListModel *toplevels;
  guint n;

  g_return_if_fail (FG_IS_WINDOW (self));

  if (self->locked)
    return;

  self->locked = TRUE;
  g_clear_handle_id (&self->idle_source, g_source_remove);

  /* Parents before their own dialogs, so they come back in that order. */
  self->hidden_windows = g_ptr_array_new_with_free_func (g_object_unref);
  toplevels = gtk_window_get_toplevels ();
  n = g_list_model_get_n_items (toplevels);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (GTK_WIDGET (window)) && is_own_dialog (self, window))
        g_ptr_array_add (self->hidden_windows, g_object_ref (window));
    }
  for (guint i = 0; i < self->hidden_windows->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->hidden_windows, i), FALSE);

  gtk_stack_set_visible_child_name (self->lock_stack, "lock");
  fg_lock_page_reset (self->lock_page);
  fg_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

FgStore *
fg_window_get_store (FgWindow *self)
{
  g_return_val_if_fail (FG_IS_WINDOW (self), NULL);
  return self->store;
}

gboolean
fg_window_get_show_sidebar (FgWindow *self)
{
  g_return_val_if_fail (FG_IS_WINDOW (self), FALSE);
  return self->show_sidebar;
}

void
fg_window_set_show_sidebar (FgWindow *self,
                            gboolean  show_sidebar)
{
  g_return_if_fail (FG_IS_WINDOW (self));

  show_sidebar = !!show_sidebar;
  if (self->show_sidebar == show_sidebar)
    return;

  self->show_sidebar = show_sidebar;
  fg_window_update_sidebar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIDEBAR]);
}

FgRegionSidebar *
fg_window_get_region_sidebar (FgWindow *self)
{
  g_return_val_if_fail (FG_IS_WINDOW (self), NULL);
  return self->sidebar;
}

FgVenuePage *
fg_window_get_venue_page (FgWindow *self)
{
  g_return_val_if_fail (FG_IS_WINDOW (self), NULL);
  return self->venue_page;
}

FgHazardPage *
fg_window_get_hazard_page (FgWindow *self)
{
  g_return_val_if_fail (FG_IS_WINDOW (self), NULL);
  return self->hazard_page;
}

FgNoticePage *
fg_window_get_notice_page (FgWindow *self)
{
  g_return_val_if_fail (FG_IS_WINDOW (self), NULL);
  return self->notice_page;
}

FgSyncPage *
fg_window_get_sync_page (FgWindow *self)
{
  g_return_val_if_fail (FG_IS_WINDOW (self), NULL);
  return self->sync_page;
}

FgTownshipPage *
fg_window_get_township_page (FgWindow *self)
{
  g_return_val_if_fail (FG_IS_WINDOW (self), NULL);
  return self->township_page;
}

/**
 * fg_window_get_missing_calendar_year:
 *
 * Returns: the year whose public holidays the window said were missing
 *   when it opened, or 0
 */
int
fg_window_get_missing_calendar_year (FgWindow *self)
{
  g_return_val_if_fail (FG_IS_WINDOW (self), 0);
  return self->missing_calendar_year;
}

/**
 * fg_window_get_page:
 *
 * Returns: the page shown: "venues", "hazards", "notices", "sync" or
 *   "townships"
 */
const char *
fg_window_get_page (FgWindow *self)
{
  g_return_val_if_fail (FG_IS_WINDOW (self), NULL);

  /* a button of a page that shows another (win.show-page) asks for the
   * action's state while the template is still being built */
  if (self->page_stack == NULL)
    return "venues";

  return adw_view_stack_get_visible_child_name (self->page_stack);
}

void
fg_window_set_page (FgWindow   *self,
                    const char *page)
{
  GtkWidget *child;

  g_return_if_fail (FG_IS_WINDOW (self));
  g_return_if_fail (page != NULL);

  child = adw_view_stack_get_child_by_name (self->page_stack, page);
  /* a page hidden from this person stays hidden, whatever the shortcut */
  if (child == NULL ||
      !adw_view_stack_page_get_visible (adw_view_stack_get_page (self->page_stack, child)) ||
      g_strcmp0 (fg_window_get_page (self), page) == 0)
    return;

  /* notify::visible-child-name tells the rest, through on_page_changed */
  adw_view_stack_set_visible_child_name (self->page_stack, page);
}
