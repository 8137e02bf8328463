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
 * Its actions are in fg-window-actions.c, its lock in fg-window-lock.c.
 */
#include "config.h"

#include <time.h>

#include <glib/gi18n.h>

#include "fg-accessible.h"
#include "fg-window-private.h"

typedef enum
{
  LOG_OUT,
  N_SIGNALS
} FgWindowSignal;

static GParamSpec *properties[FG_WINDOW_N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FgWindow, fg_window, ADW_TYPE_APPLICATION_WINDOW)

void
_fg_window_notify (FgWindow         *self,
                   FgWindowProperty  property)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[property]);
}

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
  g_object_notify_by_pspec (G_OBJECT (self), properties[FG_WINDOW_PROP_SHOW_SIDEBAR]);
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
      g_object_notify_by_pspec (G_OBJECT (self), properties[FG_WINDOW_PROP_SHOW_SIDEBAR]);
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
  fg_stats_page_set_region (self->stats_page, region != NULL ? fg_region_get_id (region) : NULL,
                            region != NULL && fg_region_get_level (region) == FG_REGION_LEVEL_COUNTY);

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
void
_fg_window_load_history (FgWindow *self)
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
  _fg_window_update_actions (self);
  _fg_window_load_history (self);
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
  fg_stats_page_reload (self->stats_page);

  /* the import wrote through a connection of its own: that is read now */
  fg_store_watch_catch_up (self->store_watch);
}

/* What the venue page says without venues: a county waits for the
 * townships' files, a township without villages adds one first. */
static void
fg_window_update_empty_venues (FgWindow *self)
{
  g_autoptr(FgRegion) root = NULL;
  g_autoptr(GPtrArray) villages = NULL;

  if (self->root_region_id != NULL)
    root = fg_region_lookup (self->store, self->actor, self->root_region_id, NULL);

  if (root != NULL && fg_region_get_level (root) == FG_REGION_LEVEL_COUNTY)
    {
      fg_venue_page_set_empty (self->venue_page, FG_VENUE_PAGE_EMPTY_FROM_TOWNSHIPS,
                               fg_actor_can (self->actor, FG_ACTION_SYNC));
      return;
    }

  if (root != NULL && fg_region_get_level (root) == FG_REGION_LEVEL_TOWNSHIP)
    villages = fg_region_list_children (self->store, self->actor, fg_region_get_id (root), FALSE, NULL);
  if (villages != NULL && villages->len == 0)
    fg_venue_page_set_empty (self->venue_page, FG_VENUE_PAGE_EMPTY_NO_VILLAGE,
                             fg_region_can_change (self->store, self->actor, root));
  else
    fg_venue_page_set_empty (self->venue_page, FG_VENUE_PAGE_EMPTY_ADD,
                             fg_actor_can (self->actor, FG_ACTION_VENUE_EDIT));
}

/* Another program wrote to the store (firegrid-cli, an import from a
 * terminal): every page reads again what it shows, keeping what is
 * selected. The window's own writes never come here. */
static void
on_store_changed (FgWindow *self)
{
  gboolean venue_selected = fg_venue_page_get_selected_venue (self->venue_page) != NULL;

  g_debug ("The store was changed by another program: reading it again");
  fg_region_sidebar_refresh (self->sidebar);
  fg_window_update_empty_venues (self);
  /* a selected venue is read again with its inspections */
  fg_venue_page_reload (self->venue_page);
  if (!venue_selected)
    _fg_window_load_history (self);
  fg_hazard_page_reload (self->hazard_page);
  /* the shown document is printed again for its preview: only when seen */
  if (g_strcmp0 (fg_window_get_page (self), "notices") == 0)
    fg_notice_page_reload (self->notice_page);
  else
    self->notices_stale = TRUE;
  fg_township_page_reload (self->township_page);
  /* counted again only while it is shown */
  fg_stats_page_reload (self->stats_page);
  fg_sync_page_reload (self->sync_page);
  _fg_window_update_actions (self);
}

/* A village or grid was added, renamed, moved or retired in the sidebar:
 * the lists name them. */
static void
on_regions_changed (FgWindow *self)
{
  fg_window_update_empty_venues (self);
  fg_paged_list_reload (self->venue_list);
  fg_hazard_page_reload (self->hazard_page);
}

static void
on_notices_changed (FgWindow *self)
{
  /* a service recorded or a notice voided changes hazards too */
  fg_hazard_page_reload (self->hazard_page);
  fg_stats_page_reload (self->stats_page);
}

/* A card or a bar of the Statistics page: its list, filtered as the
 * figure counts it, for the same region. */
static void
on_stats_open_list (FgWindow    *self,
                    guint        list,
                    const char  *region_id,
                    const char  *detail,
                    const char  *from,
                    const char  *before,
                    const char  *label)
{
  FgRegion *selected = fg_region_sidebar_get_selected_region (self->sidebar);

  if (list == FG_STATS_LIST_TOWNSHIPS)
    {
      fg_window_set_page (self, "townships");
      return;
    }

  /* a village's or a township's bar: the sidebar goes there */
  if (region_id != NULL && (selected == NULL || g_strcmp0 (fg_region_get_id (selected), region_id) != 0))
    fg_region_sidebar_select_region (self->sidebar, region_id);

  switch (list)
    {
    case FG_STATS_LIST_VENUES:
    case FG_STATS_LIST_VENUES_NEVER_INSPECTED:
      fg_venue_page_set_category (self->venue_page, list == FG_STATS_LIST_VENUES ? detail : NULL);
      fg_window_set_page (self, "venues");
      break;
    case FG_STATS_LIST_HAZARDS_FOUND:
      fg_window_set_page (self, "hazards");
      fg_hazard_page_set_found_filter (self->hazard_page, from, before, detail, label);
      break;
    case FG_STATS_LIST_HAZARDS_OPEN:
      fg_window_set_page (self, "hazards");
      fg_hazard_page_set_found_filter (self->hazard_page, NULL, NULL, NULL, NULL);
      fg_hazard_page_set_state_filter (self->hazard_page, FG_HAZARD_FILTER_NOT_CLOSED);
      break;
    case FG_STATS_LIST_HAZARDS_OVERDUE:
      fg_window_set_page (self, "hazards");
      fg_hazard_page_set_found_filter (self->hazard_page, NULL, NULL, NULL, NULL);
      fg_hazard_page_set_state_filter (self->hazard_page, FG_HAZARD_FILTER_OVERDUE);
      break;
    case FG_STATS_LIST_HAZARDS_REINSPECTION_LATE:
      fg_window_set_page (self, "hazards");
      fg_hazard_page_set_found_filter (self->hazard_page, NULL, NULL, NULL, NULL);
      fg_hazard_page_set_state_filter (self->hazard_page, FG_HAZARD_FILTER_REINSPECTION_LATE);
      break;
    case FG_STATS_LIST_NOTICES_UNSERVED:
      fg_window_set_page (self, "notices");
      fg_notice_page_set_filter (self->notice_page, FG_NOTICE_FILTER_UNSERVED);
      break;
    default:
      break;
    }
}

/* A venue from the list of those still lacking a smoke alarm. */
static void
on_stats_open_venue (FgWindow   *self,
                     const char *venue_id)
{
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(GError) error = NULL;

  venue = fg_venue_load (self->store, self->actor, venue_id, &error);
  if (venue == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  fg_window_set_page (self, "venues");
  fg_venue_page_show_venue (self->venue_page, venue);
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
  if (self->notices_stale && g_strcmp0 (fg_window_get_page (self), "notices") == 0)
    {
      self->notices_stale = FALSE;
      fg_notice_page_reload (self->notice_page);
    }
  _fg_window_update_export_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[FG_WINDOW_PROP_PAGE]);
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

/* Tells, once when the window opens, how many hazards reported fixed the
 * office has not re-inspected in time: a duty of the office, which the
 * escalation rules never turn against the venue. */
static void
fg_window_tell_reinspections (FgWindow *self)
{
  guint n_late = fg_hazard_page_get_n_reinspection_late (self->hazard_page);
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (n_late == 0)
    return;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u re-inspection is late: reported fixed more than %u working days ago",
                                       "%u re-inspections are late: reported fixed more than %u working days ago",
                                       n_late),
                          n_late, fg_escalation_get_reinspection_days (self->store));
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Show"));
  adw_toast_set_action_name (toast, "win.show-late-reinspections");
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_calendar_banner_response (GtkInfoBar *banner,
                             int         response,
                             FgWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    _fg_window_present_preferences (self, "calendar");
  else
    gtk_widget_set_visible (GTK_WIDGET (banner), FALSE);
}

/* Says, once a day and to those who can install them, when the holidays
 * of the year that deadlines fall in are not installed: the deadlines
 * would then skip weekends only. A banner above the pages, which covers
 * no row; the others could do nothing about it. */
static void
fg_window_tell_calendar (FgWindow *self)
{
  g_autoptr(GDate) today = fg_store_today (self->store);
  g_autofree char *text = NULL;
  char day[16];
  GtkWidget *banner;
  GtkWidget *label;

  self->missing_calendar_year = fg_calendar_missing_year (self->store, today);
  if (self->missing_calendar_year == 0 || !fg_actor_can (self->actor, FG_ACTION_SETTINGS))
    return;

  g_date_strftime (day, sizeof day, "%Y-%m-%d", today);
  if (self->settings != NULL)
    {
      g_autofree char *said = g_settings_get_string (self->settings, "calendar-warning-day");

      if (g_strcmp0 (said, day) == 0)
        return;
      g_settings_set_string (self->settings, "calendar-warning-day", day);
    }

  text = g_strdup_printf (_("The public holidays of %d are not installed: deadlines in %d skip weekends only. "
                            "Install them from the official arrangement, or the update of Firegrid that "
                            "brings them."),
                          self->missing_calendar_year, self->missing_calendar_year);
  banner = gtk_info_bar_new ();
  gtk_widget_set_name (banner, "calendar-banner");
  gtk_info_bar_set_message_type (GTK_INFO_BAR (banner), GTK_MESSAGE_WARNING);
  gtk_info_bar_set_show_close_button (GTK_INFO_BAR (banner), TRUE);
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_info_bar_add_child (GTK_INFO_BAR (banner), label);
  gtk_info_bar_add_button (GTK_INFO_BAR (banner), _("_Install…"), GTK_RESPONSE_ACCEPT);
  g_signal_connect_object (banner, "response", G_CALLBACK (on_calendar_banner_response), self, 0);

  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->search_bar))),
                              banner, GTK_WIDGET (self->search_bar));
  g_set_weak_pointer (&self->calendar_banner, banner);
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
   * "Grid worker, 神垕村 › 第一网格" */
  role_text = g_strdup_printf (_("%s, %s"),
                               fg_role_get_label (fg_actor_get_role (self->actor)),
                               fg_actor_get_scope_name (self->actor) != NULL
                               ? fg_actor_get_scope_name (self->actor) : "");
  role = gtk_label_new (role_text);

  gtk_label_set_text (self->user_label, fg_actor_get_display_name (self->actor));
  /* the menu button is read by the name it shows */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->user_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, fg_actor_get_display_name (self->actor), -1);
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

  if (report.n_overdue + report.n_repeated > 0 && self->hazard_page != NULL)
    fg_hazard_page_reload (self->hazard_page);
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
  /* no Inspect or Edit button for a role that may never use it */
  fg_venue_page_set_allowed (self->venue_page, fg_actor_can (self->actor, FG_ACTION_INSPECTION_RECORD),
                             fg_actor_can (self->actor, FG_ACTION_VENUE_EDIT));
  fg_window_update_empty_venues (self);
  /* the ranking compares townships: for those who see a county's */
  fg_township_page_set_store (self->township_page, self->store, self->actor);
  fg_stats_page_set_store (self->stats_page, self->store, self->actor);
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
      /* kept as it changes too: quitting from the menu closes no window */
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_SET);

      g_signal_connect_object (self->settings, "changed::idle-lock-minutes",
                               G_CALLBACK (_fg_window_lock_load_settings), self, G_CONNECT_SWAPPED);
    }

  /* looked at while the window is the one in use, and as it becomes so */
  self->store_watch = fg_store_watch_new (self->store);
  g_signal_connect_object (self->store_watch, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self, "is-active", self->store_watch, "active", G_BINDING_SYNC_CREATE);

  _fg_window_lock_start (self);
  _fg_window_update_actions (self);
  on_page_changed (self);
  fg_window_tell_due (self);
  fg_window_tell_reinspections (self);
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

  _fg_window_lock_dispose (self);
  g_clear_handle_id (&self->escalation_source, g_source_remove);

  g_clear_weak_pointer (&self->calendar_banner);
  gtk_widget_dispose_template (GTK_WIDGET (self), FG_TYPE_WINDOW);
  g_clear_object (&self->venue_list);
  g_clear_object (&self->store_watch);
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
    case FG_WINDOW_PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case FG_WINDOW_PROP_ACTOR:
      g_value_set_boxed (value, self->actor);
      break;

    case FG_WINDOW_PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->show_sidebar);
      break;

    case FG_WINDOW_PROP_IDLE_LOCK_SECONDS:
      g_value_set_uint (value, self->idle_lock_seconds);
      break;

    case FG_WINDOW_PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;

    case FG_WINDOW_PROP_PAGE:
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
    case FG_WINDOW_PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case FG_WINDOW_PROP_ACTOR:
      self->actor = g_value_dup_boxed (value);
      break;

    case FG_WINDOW_PROP_SHOW_SIDEBAR:
      fg_window_set_show_sidebar (self, g_value_get_boolean (value));
      break;

    case FG_WINDOW_PROP_IDLE_LOCK_SECONDS:
      fg_window_set_idle_lock_seconds (self, g_value_get_uint (value));
      break;

    case FG_WINDOW_PROP_PAGE:
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

  properties[FG_WINDOW_PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, FG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[FG_WINDOW_PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL, FG_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[FG_WINDOW_PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[FG_WINDOW_PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[FG_WINDOW_PROP_IDLE_LOCK_SECONDS] =
    g_param_spec_uint ("idle-lock-seconds", NULL, NULL, 0, G_MAXUINT, DEFAULT_IDLE_LOCK_MINUTES * 60,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[FG_WINDOW_PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, "venues",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, FG_WINDOW_N_PROPS, properties);

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
  g_type_ensure (FG_TYPE_STATS_PAGE);

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
  gtk_widget_class_bind_template_child (widget_class, FgWindow, stats_page);
  gtk_widget_class_bind_template_callback (widget_class, on_synced);
  gtk_widget_class_bind_template_callback (widget_class, on_notices_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stats_open_list);
  gtk_widget_class_bind_template_callback (widget_class, on_stats_open_venue);
  gtk_widget_class_bind_template_child (widget_class, FgWindow, search_button);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child);
  gtk_widget_class_bind_template_callback (widget_class, on_region_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_regions_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_shown_venue_changed);

  _fg_window_class_lock_init (klass);
  _fg_window_class_actions_init (klass);
  _fg_window_class_export_init (klass);
}

static void
fg_window_init (FgWindow *self)
{
  self->show_sidebar = TRUE;

  fg_accessible_keep_class_role (GTK_WIDGET (self));
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[FG_WINDOW_PROP_SHOW_SIDEBAR]);
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

/**
 * fg_window_get_store_watch:
 *
 * Returns: (transfer none): what tells the window of other programs'
 *   writes to its store
 */
FgStoreWatch *
fg_window_get_store_watch (FgWindow *self)
{
  g_return_val_if_fail (FG_IS_WINDOW (self), NULL);
  return self->store_watch;
}

FgTownshipPage *
fg_window_get_township_page (FgWindow *self)
{
  g_return_val_if_fail (FG_IS_WINDOW (self), NULL);
  return self->township_page;
}

FgStatsPage *
fg_window_get_stats_page (FgWindow *self)
{
  g_return_val_if_fail (FG_IS_WINDOW (self), NULL);
  return self->stats_page;
}

/**
 * fg_window_get_calendar_warning_shown:
 * @self: the window
 *
 * Returns: whether the banner saying a coming year's holidays are not
 *   installed is shown
 */
gboolean
fg_window_get_calendar_warning_shown (FgWindow *self)
{
  g_return_val_if_fail (FG_IS_WINDOW (self), FALSE);

  return self->calendar_banner != NULL && gtk_widget_get_visible (self->calendar_banner);
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
 * Returns: the page shown: "venues", "hazards", "notices", "sync",
 *   "townships" or "statistics"
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

