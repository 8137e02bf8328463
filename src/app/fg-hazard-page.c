/* fg-hazard-page.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ledger is a paged list (fg_hazard_query_list_new()), which counts and pages the hazards in
 * SQL as the venue registry does: a county's tens of thousands of hazards
 * open as fast as a township's few hundred. Every filter and every header
 * sort is part of one FgHazardQuery, run again by the list; nothing here
 * sorts or filters rows in memory. A GtkMapListModel makes each hazard a
 * row (FgHazardItem) only when the view asks for it, so the working days
 * to each deadline are counted for the rows on screen.
 *
 * The window opens on the venues, not here: the ledger's view is given its
 * rows when the page is first shown (fg_hazard_page_map()), so the window's
 * first frame makes no row of it and reads no page of hazards. The list
 * itself, its filters and its counts (the overdue badge) are there from
 * the start, as exports and the window's banner need them.
 *
 * What may happen next to a hazard is one action per event kind
 * ("hazard.notice-issued" …), enabled when the hazard's state allows the
 * event and the person's role may record it; the core checks both again.
 *
 * After an event the list reads that one row again and the row's item
 * gets the hazard as it now stands. The query is not run again until the
 * person changes it: a hazard that no longer matches stays where it is
 * rather than vanishing under the pointer.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-accessible.h"
#include "fg-deadline-dialog.h"
#include "fg-list-layout.h"
#include "fg-event-dialog.h"
#include "fg-hazard-item.h"
#include "fg-hazard-page.h"
#include "fg-major-hazard-dialog.h"
#include "fg-photo-viewer.h"
#include "fg-sort-probe.h"
#include "fg-thumbnail.h"
#include "fg-toast.h"

struct _FgHazardPage
{
  GtkWidget parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkWidget *list_box;
  GtkWidget *detail_box;
  GtkDropDown *state_dropdown;
  GtkDropDown *grade_dropdown;
  GtkWidget *found_filter_button;  /* a chart's month or section, shown while it filters */
  GtkLabel *found_filter_label;
  GtkDropDown *campaign_dropdown;
  GtkSearchEntry *search_entry;
  GtkLabel *count_label;
  GtkStack *stack;
  GtkColumnView *column_view;
  GtkColumnViewColumn *venue_column;
  GtkColumnViewColumn *item_column;
  GtkColumnViewColumn *state_column;
  GtkColumnViewColumn *deadline_column;
  GtkColumnViewColumn *found_column;
  GtkColumnViewColumn *grade_column;
  GtkColumnViewColumn *township_column;
  GtkColumnViewColumn *village_column;
  GtkColumnViewColumn *grid_column;
  GtkStack *detail_stack;
  GtkLabel *title_label;
  GtkLabel *state_tag;
  GtkLabel *due_tag;
  GtkWidget *major_tag;
  GtkFlowBox *actions_box;
  AdwActionRow *venue_row;
  AdwActionRow *place_row;
  AdwActionRow *grade_row;
  AdwActionRow *found_row;
  AdwActionRow *deadline_row;
  AdwActionRow *level_row;
  AdwActionRow *decision_row;
  AdwActionRow *supervision_row;  /* the county's instruction (挂牌督办) */
  AdwActionRow *reply_row;        /* the township's reply to it */
  AdwActionRow *note_row;
  AdwActionRow *requirement_row;
  GtkListBox *timeline_list;
  GtkWidget *history_button;

  GtkWidget *event_buttons[FG_HAZARD_N_EVENTS];
  GtkWidget *letter_button;

  FgStore *store;
  FgActor *actor;
  FgPagedList *hazard_list;  /* FgHazard, paged from the store */
  GtkMapListModel *rows;      /* FgHazardItem */
  GtkSingleSelection *selection;
  FgHazardQuery *query;
  FgHazard *shown;      /* loaded with its events */

  FgSortProbe *sort_probe;

  GDate today;
  GPtrArray *campaign_ids;  /* of campaign_dropdown's entries, from CAMPAIGN_FIRST */
  guint n_all;          /* whatever the filters */
  gboolean reloading;
  guint n_overdue;
  guint n_due_this_week;
  guint n_reinspection_late;  /* the office's own duty, late */
  gboolean viewed;      /* the view has its rows: the page was shown */
};

enum {
  PROP_0,
  PROP_N_OVERDUE,
  PROP_SHOWN_HAZARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FgHazardPage, fg_hazard_page, GTK_TYPE_WIDGET)

/* After a reload, how far down the hazard shown before is looked for:
 * no further than a few pages. */
#define RESELECT_LIMIT 1000

/* What an event needs from the person before the core takes it. */
static gboolean
event_needs_deadline (FgHazardEventKind kind)
{
  return kind == FG_HAZARD_EVENT_NOTICE_ISSUED ||
         kind == FG_HAZARD_EVENT_REINSPECTED_FAIL ||
         kind == FG_HAZARD_EVENT_DEADLINE_EXTENDED;
}

/* Events a photo often goes with: what was fixed, what was seen. */
static gboolean
event_takes_photos (FgHazardEventKind kind)
{
  return kind == FG_HAZARD_EVENT_RECTIFIED_ON_SPOT ||
         kind == FG_HAZARD_EVENT_REPORTED_FIXED ||
         kind == FG_HAZARD_EVENT_REINSPECTED_PASS ||
         kind == FG_HAZARD_EVENT_REINSPECTED_FAIL;
}

static gboolean
event_needs_dialog (FgHazardEventKind kind)
{
  return event_needs_deadline (kind) || event_takes_photos (kind) ||
         kind == FG_HAZARD_EVENT_ESCALATED ||
         kind == FG_HAZARD_EVENT_SUPERVISED ||
         kind == FG_HAZARD_EVENT_SUPERVISION_REPLIED ||
         kind == FG_HAZARD_EVENT_TRANSFERRED ||
         kind == FG_HAZARD_EVENT_REOPENED;
}

/* What the buttons say: the core's labels name events in the past, for
 * the history ("Notice issued"); a button says what the person does. */
static const char *
event_get_verb (FgHazardEventKind kind)
{
  switch (kind)
    {
    case FG_HAZARD_EVENT_RECTIFIED_ON_SPOT:
      return _("Corrected on the Spot");
    case FG_HAZARD_EVENT_NOTICE_ISSUED:
      return _("Issue Notice…");
    case FG_HAZARD_EVENT_DEADLINE_EXTENDED:
      return _("Extend Deadline…");
    case FG_HAZARD_EVENT_REPORTED_FIXED:
      return _("Reported Fixed");
    case FG_HAZARD_EVENT_REINSPECTED_PASS:
      return _("Re-inspected: Fixed");
    case FG_HAZARD_EVENT_REINSPECTED_FAIL:
      return _("Re-inspected: Not Fixed…");
    case FG_HAZARD_EVENT_ESCALATED:
      return _("Escalate…");
    case FG_HAZARD_EVENT_TRANSFERRED:
      return _("Transfer…");
    case FG_HAZARD_EVENT_CONFIRMED_MAJOR:
      /* the brigade decides: the township records what it decided */
      return _("Record Brigade’s Decision…");
    case FG_HAZARD_EVENT_CLOSED:
      return _("Close");  /* 销号 */
    case FG_HAZARD_EVENT_REOPENED:
      return _("Reopen…");
    case FG_HAZARD_EVENT_SUPERVISED:
      return _("Supervise…");  /* 挂牌督办 */
    case FG_HAZARD_EVENT_SUPERVISION_REPLIED:
      return _("Reply to Supervision…");
    case FG_HAZARD_EVENT_NOTICE_SERVED:
    case FG_HAZARD_EVENT_NOTICE_REFUSED:
    case FG_HAZARD_EVENT_OPERATOR_UNREACHABLE:
    case FG_HAZARD_EVENT_NOTICE_VOIDED:
    case FG_HAZARD_EVENT_MAJOR_NOT_CONFIRMED:
    case FG_HAZARD_EVENT_FOUND:
    case FG_HAZARD_N_EVENTS:
    default:
      return fg_hazard_event_kind_get_label (kind);
    }
}

/* The core's transfer targets, by name. */
static const struct
{
  const char *id;
  const char *label;
} targets[] = {
  { "police-station", N_("Police station") },
  { "regulator", N_("Industry regulator") },
};

static const char *
target_get_label (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    if (g_strcmp0 (targets[i].id, id) == 0)
      return _(targets[i].label);
  return id;
}

static FgHazardItem *
fg_hazard_page_get_selected_item (FgHazardPage *self)
{
  if (self->selection == NULL)
    return NULL;
  return gtk_single_selection_get_selected_item (self->selection);
}


/* Filtering and sorting */

/* The first entries of the campaign filter; the campaigns follow. */
enum {
  CAMPAIGN_ALL,
  CAMPAIGN_NONE,        /* found by routine and other inspections */
  CAMPAIGN_FIRST,
};

static gboolean
fg_hazard_page_is_filtered (FgHazardPage *self)
{
  return self->query->state != FG_HAZARD_QUERY_ALL || self->query->grade >= 0 ||
         self->query->found_from != NULL || self->query->found_before != NULL || self->query->section_id != NULL ||
         self->query->campaign_id != NULL || self->query->text != NULL || self->query->region_id != NULL;
}

static void
fg_hazard_page_update_state (FgHazardPage *self)
{
  guint n_shown = self->hazard_list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->hazard_list)) : 0;
  g_autofree char *count = NULL;

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hazard", "%u hazards", n_shown), n_shown);
  gtk_label_set_text (self->count_label, count);

  if (n_shown > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (self->n_all > 0 && fg_hazard_page_is_filtered (self))
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
fg_hazard_page_apply_query (FgHazardPage *self)
{
  /* a reload runs the query once, when the filters are all set */
  if (self->reloading)
    return;

  if (self->hazard_list != NULL)
    fg_paged_list_set_query (self->hazard_list, self->query);
  fg_hazard_page_update_state (self);
}

/* The filter bar, as a query. */
static void
on_filter_changed (FgHazardPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint state_filter = gtk_drop_down_get_selected (self->state_dropdown);
  guint grade_filter = gtk_drop_down_get_selected (self->grade_dropdown);
  guint campaign_filter = gtk_drop_down_get_selected (self->campaign_dropdown);
  FgHazardQuery *query = self->query;

  switch (state_filter)
    {
    case FG_HAZARD_FILTER_ALL:
    case GTK_INVALID_LIST_POSITION:
      query->state = FG_HAZARD_QUERY_ALL;
      break;
    case FG_HAZARD_FILTER_NOT_CLOSED:
      query->state = FG_HAZARD_QUERY_NOT_CLOSED;
      break;
    case FG_HAZARD_FILTER_DUE:
      query->state = FG_HAZARD_QUERY_DUE;
      break;
    case FG_HAZARD_FILTER_REINSPECTION_LATE:
      query->state = FG_HAZARD_QUERY_REINSPECTION_LATE;
      break;
    case FG_HAZARD_FILTER_OVERDUE:
      query->state = FG_HAZARD_QUERY_OVERDUE;
      break;
    default:
      query->state = (int) (state_filter - FG_HAZARD_FILTER_FIRST_STATE);
    }

  /* 0 is "All grades" */
  query->grade = grade_filter != GTK_INVALID_LIST_POSITION && grade_filter > 0 ? (int) grade_filter - 1 : -1;

  g_clear_pointer (&query->campaign_id, g_free);
  if (campaign_filter == CAMPAIGN_NONE)
    query->campaign_id = g_strdup ("");
  else if (campaign_filter != GTK_INVALID_LIST_POSITION && campaign_filter >= CAMPAIGN_FIRST &&
           campaign_filter - CAMPAIGN_FIRST < self->campaign_ids->len)
    query->campaign_id = g_strdup (g_ptr_array_index (self->campaign_ids, campaign_filter - CAMPAIGN_FIRST));

  g_clear_pointer (&query->text, g_free);
  if (text != NULL && *text != '\0')
    query->text = g_strdup (text);

  fg_hazard_page_apply_query (self);
}

/* The chip of a chart's month or section pressed: the filter goes. */
static void
on_found_filter_cleared (FgHazardPage *self)
{
  fg_hazard_page_set_found_filter (self, NULL, NULL, NULL, NULL);
}

static void
on_view_sorter_changed (GtkSorter       *sorter,
                        GtkSorterChange  change,
                        FgHazardPage    *self)
{
  int column_sort;
  gboolean column_descending;
  /* no column: the latest found first */
  FgHazardSort sort = FG_HAZARD_SORT_FOUND;
  gboolean descending = TRUE;

  if (fg_sort_probe_read (self->sort_probe, sorter, &column_sort, &column_descending))
    {
      sort = (FgHazardSort) column_sort;
      descending = column_descending;
    }

  if (self->query->sort == sort && self->query->descending == descending)
    return;

  self->query->sort = sort;
  self->query->descending = descending;
  fg_hazard_page_apply_query (self);
}

/* A hazard becomes a row when the view asks for it. */
static gpointer
map_hazard (gpointer item,
            gpointer user_data)
{
  FgHazardPage *self = user_data;
  g_autoptr(FgHazard) hazard = item;

  return fg_hazard_item_new (self->store, hazard, &self->today);
}

/* Details */

static void
set_tag (GtkLabel   *tag,
         const char *text,
         const char *style)
{
  const char *classes[] = { "fg-tag", style, NULL };

  gtk_label_set_text (tag, text != NULL ? text : "");
  gtk_widget_set_css_classes (GTK_WIDGET (tag), classes);
  gtk_widget_set_visible (GTK_WIDGET (tag), text != NULL && *text != '\0');
}

static void
set_row (AdwActionRow *row,
         const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL ? value : "");
  gtk_widget_set_visible (GTK_WIDGET (row), value != NULL && *value != '\0');
}

static void
fg_hazard_page_update_actions (FgHazardPage *self)
{
  FgHazardState state = self->shown != NULL ? fg_hazard_get_state (self->shown) : FG_HAZARD_STATE_OPEN;

  for (guint kind = FG_HAZARD_EVENT_FOUND + 1; kind < FG_HAZARD_N_EVENTS; kind++)
    {
      g_autofree char *name = g_strconcat ("hazard.", fg_hazard_event_kind_to_string (kind), NULL);
      /* a notice's service is recorded on the notice, for all its hazards */
      gboolean is_service = kind == FG_HAZARD_EVENT_NOTICE_SERVED ||
                            kind == FG_HAZARD_EVENT_NOTICE_REFUSED ||
                            kind == FG_HAZARD_EVENT_OPERATOR_UNREACHABLE ||
                            kind == FG_HAZARD_EVENT_NOTICE_VOIDED;
      /* the core says what may follow, and who may record it: the
       * brigade's decision on what was sent to it, the county's
       * supervision of what is still to be corrected, the township's
       * reply to the county's open instruction */
      gboolean enabled = self->shown != NULL && self->actor != NULL && !is_service &&
                         fg_hazard_may_record (self->shown, self->actor, kind);

      gtk_widget_action_set_enabled (GTK_WIDGET (self), name, enabled);
      /* only what may happen is offered: no rows of grey buttons; the
       * brigade's decision, either way, has one button */
      gtk_widget_set_visible (gtk_widget_get_parent (self->event_buttons[kind]),
                              enabled && kind != FG_HAZARD_EVENT_MAJOR_NOT_CONFIRMED);
    }

  /* a possibly major hazard goes to the brigade with a letter */
  {
    gboolean letter = self->shown != NULL && self->actor != NULL &&
                      fg_hazard_is_possibly_major (self->shown) &&
                      fg_hazard_event_allowed (state, FG_HAZARD_EVENT_ESCALATED) &&
                      fg_actor_can (self->actor, FG_ACTION_NOTICE_ISSUE);

    gtk_widget_action_set_enabled (GTK_WIDGET (self), "hazard.major-letter", letter);
    gtk_widget_set_visible (gtk_widget_get_parent (self->letter_button), letter);
  }
}

static void
on_photo_clicked (FgHazardPage *self,
                  GtkButton    *button)
{
  const char *sha256 = g_object_get_data (G_OBJECT (button), "fg-photo");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = fg_inspection_load_photo (self->store, sha256, NULL, &error);
  if (bytes == NULL)
    {
      fg_toast_show (GTK_WIDGET (self->toast_overlay), error->message, 4);
      return;
    }
  fg_photo_viewer_show (GTK_WIDGET (button), bytes, g_object_get_data (G_OBJECT (button), "fg-photo-title"));
}

static GtkWidget *
timeline_row (FgHazardPage        *self,
              const FgHazardEvent *event)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *when = g_strndup (event->at != NULL ? event->at : "", 16);
  char *t = strchr (when, 'T');

  if (t != NULL)
    *t = ' ';

  g_string_append (subtitle, when);
  if (event->actor_name != NULL && *event->actor_name != '\0')
    g_string_append_printf (subtitle, " · %s", event->actor_name);
  if (event->deadline != NULL)
    /* Translators: in a hazard's history, the deadline an event set */
    g_string_append_printf (subtitle, "\n%s", _("Deadline"));
  if (event->deadline != NULL)
    g_string_append_printf (subtitle, " %s", event->deadline);
  if (event->level != NULL)
    /* Translators: in a hazard's history, where it was escalated */
    g_string_append_printf (subtitle, "\n%s %s", _("To:"), fg_escalation_level_get_label (event->level));
  if (event->target != NULL)
    g_string_append_printf (subtitle, "\n%s %s", _("To:"), target_get_label (event->target));
  if (event->decision_number != NULL)
    g_string_append_printf (subtitle, "\n%s %s · %s", event->decision_authority != NULL ? event->decision_authority : "",
                            event->decision_number, event->decision_date != NULL ? event->decision_date : "");
  if (event->note != NULL && *event->note != '\0')
    g_string_append_printf (subtitle, "\n%s", event->note);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fg_hazard_event_kind_get_label (event->kind));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  /* the event's photos, small */
  for (guint i = 0; event->photos != NULL && event->photos[i] != NULL; i++)
    {
      g_autoptr(GBytes) bytes = fg_inspection_load_photo (self->store, event->photos[i], NULL, NULL);
      g_autoptr(GdkPaintable) thumbnail = bytes != NULL ? fg_thumbnail_new (bytes, 96, NULL) : NULL;
      GtkWidget *picture;
      GtkWidget *button;

      if (thumbnail == NULL)
        continue;
      picture = gtk_picture_new_for_paintable (thumbnail);
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_widget_set_size_request (picture, 48, 48);
      gtk_widget_add_css_class (picture, "card");
      button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), picture);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "fg-photo-button");
      gtk_widget_set_tooltip_text (button, _("Show the photo"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Photo"), -1);
      g_object_set_data_full (G_OBJECT (button), "fg-photo", g_strdup (event->photos[i]), g_free);
      g_object_set_data_full (G_OBJECT (button), "fg-photo-title",
                              g_strdup (fg_hazard_event_kind_get_label (event->kind)), g_free);
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_photo_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

/* The county's instruction and the township's reply, in the detail. */
static void
show_supervision (FgHazardPage *self,
                  FgHazard     *hazard)
{
  const FgHazardEvent *instruction = fg_hazard_get_supervision (hazard);
  const FgHazardEvent *reply = fg_hazard_get_supervision_reply (hazard);
  g_autofree char *instruction_text = NULL;
  g_autofree char *reply_text = NULL;

  if (instruction != NULL)
    /* Translators: the county's instruction: its text, then by when, who gave it and on which day */
    instruction_text = g_strdup_printf (_("%s\nAct by %s · %s, %.10s"), instruction->note,
                                        instruction->deadline != NULL ? instruction->deadline : "",
                                        instruction->actor_name, instruction->at);
  if (reply != NULL)
    /* Translators: the township's reply: its text, then who replied and on which day */
    reply_text = g_strdup_printf (_("%s\n%s, %.10s"), reply->note, reply->actor_name, reply->at);
  else if (instruction != NULL)
    reply_text = g_strdup (_("Not replied yet"));
  set_row (self->supervision_row, instruction_text);
  set_row (self->reply_row, reply_text);
}

static void
fg_hazard_page_show_detail (FgHazardPage *self)
{
  FgHazardItem *item = fg_hazard_page_get_selected_item (self);
  FgHazard *hazard = self->shown;
  GtkWidget *child;
  GPtrArray *events;
  g_autofree char *place = NULL;
  g_autofree char *found = NULL;
  g_autofree char *deadline = NULL;

  fg_hazard_page_update_actions (self);

  if (hazard == NULL || item == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  gtk_stack_set_visible_child_name (self->detail_stack, "hazard");
  /* a hazard is named by what was found; what the item requires is below */
  gtk_label_set_text (self->title_label, fg_hazard_get_finding (hazard));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->history_button),
                                          g_variant_new_string (fg_hazard_get_id (hazard)));
  gtk_widget_set_visible (self->history_button,
                          self->actor != NULL && fg_actor_can (self->actor, FG_ACTION_AUDIT_READ));

  {
    g_autofree char *state_class = NULL;
    g_autofree char *due_class = NULL;

    g_object_get (item, "state-class", &state_class, "due-class", &due_class, NULL);
    set_tag (self->state_tag, fg_hazard_state_get_label (fg_hazard_get_state (hazard)), state_class);
    set_tag (self->due_tag, fg_hazard_item_get_due_text (item), due_class);
  }
  gtk_widget_set_visible (self->major_tag, fg_hazard_get_major_confirmed (hazard));

  /* a grid with its village, as everywhere: 东街社区 › 第一网格 */
  if (fg_hazard_get_grid_name (hazard) != NULL)
    place = fg_region_format_label (FG_REGION_LEVEL_GRID, fg_hazard_get_grid_name (hazard),
                                    fg_hazard_get_village_name (hazard));
  else
    place = g_strdup (fg_hazard_get_village_name (hazard));
  found = g_strndup (fg_hazard_get_found_at (hazard), 10);
  if (fg_hazard_get_deadline (hazard) != NULL && fg_hazard_item_get_due_text (item) != NULL)
    /* Translators: a deadline and how it stands, e.g. "2026-12-10 (3 working days left)" */
    deadline = g_strdup_printf (_("%s (%s)"), fg_hazard_get_deadline (hazard), fg_hazard_item_get_due_text (item));
  else
    deadline = g_strdup (fg_hazard_get_deadline (hazard));

  set_row (self->venue_row, fg_hazard_get_venue_name (hazard));
  set_row (self->place_row, place);
  set_row (self->grade_row, fg_hazard_grade_get_label (fg_hazard_get_grade (hazard)));
  set_row (self->found_row, found);
  set_row (self->deadline_row, deadline);
  {
    g_autofree char *level = fg_escalation_dup_office_name (self->store, hazard);

    set_row (self->level_row, level);
  }
  show_supervision (self, hazard);
  {
    const FgHazardEvent *decision = fg_hazard_get_major_decision (hazard);
    g_autofree char *text = NULL;

    if (decision != NULL)
      /* Translators: the brigade's decision on a hazard: what it decided, its number and date */
      text = g_strdup_printf (_("%s, %s %s (%s)"),
                              decision->kind == FG_HAZARD_EVENT_CONFIRMED_MAJOR ? _("A major fire hazard")
                                                                                : _("Not a major fire hazard"),
                              decision->decision_authority != NULL ? decision->decision_authority : "",
                              decision->decision_number != NULL ? decision->decision_number : "",
                              decision->decision_date != NULL ? decision->decision_date : "");
    set_row (self->decision_row, text);
  }
  set_row (self->note_row, fg_hazard_get_note (hazard));
  set_row (self->requirement_row, fg_hazard_get_item_text (hazard));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->timeline_list))) != NULL)
    gtk_list_box_remove (self->timeline_list, child);

  events = fg_hazard_get_events (hazard);
  for (guint i = 0; events != NULL && i < events->len; i++)
    gtk_list_box_append (self->timeline_list, timeline_row (self, g_ptr_array_index (events, i)));
}

/* Loads the selected hazard with its history. */
static void
fg_hazard_page_load_shown (FgHazardPage *self)
{
  FgHazardItem *item = fg_hazard_page_get_selected_item (self);
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->shown);
  if (item != NULL)
    {
      self->shown = fg_hazard_load (self->store, self->actor,
                                    fg_hazard_get_id (fg_hazard_item_get_hazard (item)), &error);
      if (self->shown == NULL)
        fg_toast_show (GTK_WIDGET (self->toast_overlay), error->message, 4);
    }

  fg_hazard_page_show_detail (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN_HAZARD]);
}

/* The pane is there while it shows a hazard. */
static void
on_detail_changed (FgHazardPage *self)
{
  fg_list_layout_show_pane (self->detail_box, GTK_WIDGET (self->column_view),
                            g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "none") != 0);
}

static void
on_selection_changed (FgHazardPage *self)
{
  fg_hazard_page_load_shown (self);

  if (self->shown != NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_box);
}

/* Counting what is due */

/* What is overdue and what falls due this week, in the whole ledger
 * whatever the filters: two counts in SQL. */
static void
fg_hazard_page_count_due (FgHazardPage *self)
{
  g_autoptr(FgHazardQuery) query = fg_hazard_query_new ();
  g_autoptr(GError) error = NULL;
  guint n_overdue = 0;
  guint n_due = 0;

  query->today = g_strdup (self->query->today);
  query->state = FG_HAZARD_QUERY_ALL;
  if (!fg_hazard_query_count (self->store, self->actor, query, &self->n_all, &error))
    g_debug ("Could not count hazards: %s", error->message);
  g_clear_error (&error);

  /* overdue ones are due this week too */
  query->state = FG_HAZARD_QUERY_OVERDUE;
  if (!fg_hazard_query_count (self->store, self->actor, query, &n_overdue, &error))
    g_debug ("Could not count overdue hazards: %s", error->message);
  g_clear_error (&error);
  query->state = FG_HAZARD_QUERY_DUE;
  if (!fg_hazard_query_count (self->store, self->actor, query, &n_due, &error))
    g_debug ("Could not count hazards due: %s", error->message);

  g_clear_error (&error);
  query->state = FG_HAZARD_QUERY_REINSPECTION_LATE;
  if (!fg_hazard_query_count (self->store, self->actor, query, &self->n_reinspection_late, &error))
    g_debug ("Could not count late re-inspections: %s", error->message);

  self->n_due_this_week = n_due > n_overdue ? n_due - n_overdue : 0;
  if (self->n_overdue != n_overdue)
    {
      self->n_overdue = n_overdue;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OVERDUE]);
    }
}

static void
fg_hazard_page_set_today (FgHazardPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (&self->today, 1);
  g_date_set_dmy (&self->today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));

  g_free (self->query->today);
  self->query->today = fg_calendar_format_date (&self->today);
}

/* Recording events */

static void record_event (FgHazardPage               *self,
                          FgHazardEventKind           kind,
                          const FgHazardEventDetails *details);

static void present_event_dialog (FgHazardPage               *self,
                                  FgHazardEventKind           kind,
                                  const FgHazardEventDetails *details,
                                  const char                 *problem);

/* An event whose deadline waits for the person's confirmation: a copy of
 * what was typed, since the dialog it was typed in is gone. */
typedef struct
{
  FgHazardPage *page;
  FgHazardEventKind kind;
  char *hazard_id;
  char *deadline;
  char *note;
  const char *level;
  const char *target;
  GPtrArray *photos;
} PendingEvent;

static void
pending_event_free (PendingEvent *pending)
{
  g_clear_object (&pending->page);
  g_free (pending->hazard_id);
  g_free (pending->deadline);
  g_free (pending->note);
  g_clear_pointer (&pending->photos, g_ptr_array_unref);
  g_free (pending);
}

static void
on_deadline_response (AdwMessageDialog *dialog,
                      const char       *response,
                      PendingEvent     *pending)
{
  FgHazardPage *self = pending->page;
  FgHazardEventDetails details = {
    .deadline = pending->deadline,
    .note = pending->note,
    .level = pending->level,
    .target = pending->target,
    .photos = pending->photos,
  };

  if (self->shown == NULL || g_strcmp0 (fg_hazard_get_id (self->shown), pending->hazard_id) != 0)
    return;
  if (g_strcmp0 (response, "confirm") == 0)
    record_event (self, pending->kind, &details);
  else
    present_event_dialog (self, pending->kind, &details, NULL);
}

/* Asks to confirm the deadline of @details when the core warns about it;
 * returns whether it asked. */
static gboolean
confirm_deadline (FgHazardPage               *self,
                  FgHazardEventKind           kind,
                  const FgHazardEventDetails *details)
{
  const char *ids[] = { fg_hazard_get_id (self->shown), NULL };
  g_auto(GStrv) warnings = NULL;
  PendingEvent *pending;
  GtkWindow *dialog;

  /* the county's instruction sets no period to correct in */
  if (details->deadline == NULL || kind == FG_HAZARD_EVENT_SUPERVISED)
    return FALSE;
  warnings = fg_deadline_dup_warnings (self->store, self->actor, ids, kind, &self->today, details->deadline);
  if (warnings == NULL || warnings[0] == NULL)
    return FALSE;

  pending = g_new0 (PendingEvent, 1);
  pending->page = g_object_ref (self);
  pending->kind = kind;
  pending->hazard_id = g_strdup (ids[0]);
  pending->deadline = g_strdup (details->deadline);
  pending->note = g_strdup (details->note);
  pending->level = details->level;
  pending->target = details->target;
  pending->photos = details->photos != NULL ? g_ptr_array_ref (details->photos) : NULL;

  dialog = fg_deadline_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   (const char * const *) warnings);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_deadline_response), pending,
                         (GClosureNotify) (void (*) (void)) pending_event_free, 0);
  gtk_window_present (dialog);
  return TRUE;
}

static gboolean
is_decision (FgHazardEventKind kind)
{
  return kind == FG_HAZARD_EVENT_CONFIRMED_MAJOR || kind == FG_HAZARD_EVENT_MAJOR_NOT_CONFIRMED;
}

static void
on_decision_response (AdwMessageDialog *dialog,
                      const char       *response,
                      FgHazardPage     *self)
{
  FgHazardEventDetails details;
  FgHazardEventKind kind;

  if (self->shown == NULL ||
      g_strcmp0 (fg_hazard_get_id (self->shown), fg_decision_dialog_get_hazard_id (dialog)) != 0)
    return;

  fg_decision_dialog_get_details (dialog, &kind, &details);
  record_event (self, kind, &details);
}

/* The brigade's written decision, in a dialog that starts from the
 * brigade of the document settings and today. */
static void
present_decision_dialog (FgHazardPage               *self,
                         FgHazardEventKind           kind,
                         const FgHazardEventDetails *details,
                         const char                 *problem)
{
  g_autoptr(FgNoticeSettings) settings = fg_notice_settings_load (self->store, NULL);
  AdwMessageDialog *dialog;

  dialog = fg_decision_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store, self->shown, kind, details,
                                   settings != NULL ? settings->brigade : NULL, self->query->today, problem);
  g_signal_connect_object (dialog, "response::record", G_CALLBACK (on_decision_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_event_response (FgEventDialog *dialog,
                   const char    *response,
                   FgHazardPage  *self)
{
  FgHazardEventDetails details;

  /* the person may have chosen another hazard meanwhile */
  if (self->shown == NULL ||
      g_strcmp0 (fg_hazard_get_id (self->shown), fg_event_dialog_get_hazard_id (dialog)) != 0)
    return;

  fg_event_dialog_get_details (dialog, &details);
  if (!confirm_deadline (self, fg_event_dialog_get_kind (dialog), &details))
    record_event (self, fg_event_dialog_get_kind (dialog), &details);
}

/* What the event needs, in a dialog; @details and @problem bring back
 * what was typed and why the core refused it. */
static void
present_event_dialog (FgHazardPage               *self,
                      FgHazardEventKind           kind,
                      const FgHazardEventDetails *details,
                      const char                 *problem)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *deadline = NULL;
  FgEventDialog *dialog;

  if (event_needs_deadline (kind))
    deadline = details != NULL && details->deadline != NULL
               ? g_strdup (details->deadline)
               : fg_hazard_propose_deadline (self->store, self->shown, kind, &self->today);
  else if (kind == FG_HAZARD_EVENT_SUPERVISED)
    {
      /* the township is to act within ten days, unless the county says otherwise */
      GDate due = self->today;

      g_date_add_days (&due, 10);
      deadline = details != NULL && details->deadline != NULL ? g_strdup (details->deadline)
                                                                : fg_calendar_format_date (&due);
    }

  dialog = fg_event_dialog_new (GTK_WINDOW (root), self->store, self->shown, kind, deadline, event_takes_photos (kind),
                                details, problem);
  if (deadline != NULL)
    fg_event_dialog_count_workdays (dialog, self->store, &self->today);
  g_signal_connect_object (dialog, "response::record", G_CALLBACK (on_event_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
record_event (FgHazardPage               *self,
              FgHazardEventKind           kind,
              const FgHazardEventDetails *details)
{
  FgHazardItem *item = fg_hazard_page_get_selected_item (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert (self->shown != NULL && item != NULL);

  if (!fg_hazard_add_event (self->store, self->actor, self->shown, kind, details, &error))
    {
      /* what was typed comes back, with what was wrong with it */
      if (is_decision (kind) && g_error_matches (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT))
        present_decision_dialog (self, kind, details, error->message);
      else if (event_needs_dialog (kind) && g_error_matches (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT))
        present_event_dialog (self, kind, details, error->message);
      else
        fg_toast_show (GTK_WIDGET (self->toast_overlay), error->message, 4);
      return;
    }

  /* the row as it now stands, in its place */
  g_clear_object (&self->shown);
  self->shown = fg_hazard_query_list_reread (self->hazard_list, gtk_single_selection_get_selected (self->selection),
                                       &error);
  if (self->shown == NULL)
    {
      fg_toast_show (GTK_WIDGET (self->toast_overlay), error->message, 4);
      fg_hazard_page_show_detail (self);
      return;
    }

  fg_hazard_item_set_hazard (item, self->store, self->shown, &self->today);
  fg_hazard_page_count_due (self);
  fg_hazard_page_show_detail (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN_HAZARD]);

  /* Translators: a toast after an event, e.g. "Notice issued: recorded" */
  text = g_strdup_printf (_("%s: recorded"), fg_hazard_event_kind_get_label (kind));
  fg_toast_show (GTK_WIDGET (self->toast_overlay), text, 4);
}

static void
record_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FgHazardPage *self = FG_HAZARD_PAGE (widget);
  FgHazardEventKind kind;

  if (self->shown == NULL ||
      !fg_hazard_event_kind_from_string (action_name + strlen ("hazard."), &kind))
    return;

  /* a notice is a document: the window issues it, under its number; so
   * is a transfer, for those who issue documents */
  if (kind == FG_HAZARD_EVENT_NOTICE_ISSUED)
    {
      gtk_widget_activate_action (widget, "win.issue-notice", "s", fg_hazard_get_id (self->shown));
      return;
    }
  if (kind == FG_HAZARD_EVENT_TRANSFERRED && fg_actor_can (self->actor, FG_ACTION_NOTICE_ISSUE))
    {
      gtk_widget_activate_action (widget, "win.issue-transfer", "s", fg_hazard_get_id (self->shown));
      return;
    }

  if (is_decision (kind))
    present_decision_dialog (self, kind, NULL, NULL);
  else if (event_needs_dialog (kind))
    present_event_dialog (self, kind, NULL, NULL);
  else
    {
      FgHazardEventDetails details = { NULL, };

      record_event (self, kind, &details);
    }
}

/* The letter to the brigade is a document: the window issues it. */
static void
major_letter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FgHazardPage *self = FG_HAZARD_PAGE (widget);

  if (self->shown != NULL)
    gtk_widget_activate_action (widget, "win.issue-major-letter", "s", fg_hazard_get_id (self->shown));
}

/* The list */

static void
on_leaflet_folded (FgHazardPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hazard-page.show-list", folded);
  if (folded)
    adw_leaflet_set_visible_child (self->leaflet, self->list_box);
}

static void
on_column_view_activate (FgHazardPage *self,
                         guint         position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_box);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FgHazardPage *self = FG_HAZARD_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_box);
}

static char *
text_tooltip (gpointer    unused,
              const char *text)
{
  return g_strdup (text);
}

static gboolean
has_text (gpointer    unused,
          const char *text)
{
  return text != NULL && *text != '\0';
}

static char **
tag_css_classes (gpointer    unused,
                 const char *style)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **classes;

  g_strv_builder_add (builder, "fg-tag");
  if (style != NULL)
    g_strv_builder_add (builder, style);

  classes = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return classes;
}

/* The first time the page is shown, the view gets its rows: a
 * GtkColumnView makes up to 200 of them as soon as it has a model,
 * shown or not. */
static void
fg_hazard_page_map (GtkWidget *widget)
{
  FgHazardPage *self = FG_HAZARD_PAGE (widget);

  if (!self->viewed)
    {
      self->viewed = TRUE;
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
    }

  GTK_WIDGET_CLASS (fg_hazard_page_parent_class)->map (widget);
}

static void
fg_hazard_page_dispose (GObject *object)
{
  FgHazardPage *self = (FgHazardPage *)object;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->column_view != NULL)
    {
      /* its columns go with it, and its sorter changes: no query then */
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
      gtk_column_view_set_model (self->column_view, NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), FG_TYPE_HAZARD_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->hazard_list);
  g_clear_pointer (&self->sort_probe, fg_sort_probe_unref);
  g_clear_object (&self->shown);
  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, fg_actor_unref);

  G_OBJECT_CLASS (fg_hazard_page_parent_class)->dispose (object);
}

static void
fg_hazard_page_finalize (GObject *object)
{
  FgHazardPage *self = (FgHazardPage *)object;

  g_clear_pointer (&self->query, fg_hazard_query_free);
  g_clear_pointer (&self->campaign_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (fg_hazard_page_parent_class)->finalize (object);
}

static void
fg_hazard_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FgHazardPage *self = FG_HAZARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_N_OVERDUE:
      g_value_set_uint (value, self->n_overdue);
      break;

    case PROP_SHOWN_HAZARD:
      g_value_set_object (value, self->shown);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_hazard_page_class_init (FgHazardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fg_hazard_page_dispose;
  object_class->finalize = fg_hazard_page_finalize;
  object_class->get_property = fg_hazard_page_get_property;
  widget_class->map = fg_hazard_page_map;

  properties[PROP_N_OVERDUE] =
    g_param_spec_uint ("n-overdue", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOWN_HAZARD] =
    g_param_spec_object ("shown-hazard", NULL, NULL, FG_TYPE_HAZARD,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FG_TYPE_HAZARD_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-hazard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, detail_box);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, grade_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, found_filter_button);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, found_filter_label);
  gtk_widget_class_bind_template_callback (widget_class, on_found_filter_cleared);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, campaign_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, venue_column);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, item_column);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, state_column);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, deadline_column);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, found_column);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, grade_column);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, township_column);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, village_column);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, grid_column);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, state_tag);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, due_tag);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, major_tag);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, venue_row);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, place_row);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, grade_row);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, found_row);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, level_row);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, decision_row);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, note_row);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, requirement_row);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, timeline_list);
  gtk_widget_class_bind_template_child (widget_class, FgHazardPage, history_button);
  gtk_widget_class_bind_template_callback (widget_class, fg_accessible_row_part_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, text_tooltip);
  gtk_widget_class_bind_template_callback (widget_class, has_text);
  gtk_widget_class_bind_template_callback (widget_class, tag_css_classes);

  gtk_widget_class_install_action (widget_class, "hazard-page.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "hazard.major-letter", NULL, major_letter_action);
  for (guint kind = FG_HAZARD_EVENT_FOUND + 1; kind < FG_HAZARD_N_EVENTS; kind++)
    {
      g_autofree char *name = g_strconcat ("hazard.", fg_hazard_event_kind_to_string (kind), NULL);

      gtk_widget_class_install_action (widget_class, name, NULL, record_event_action);
    }

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fghazardpage");
}

static AdwActionRow *
property_row (const char *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "fg-property");
  gtk_widget_set_visible (row, FALSE);
  return ADW_ACTION_ROW (row);
}

/* The county's instruction and the township's reply, first of the
 * hazard's particulars: what the county asks is the next thing to do. */
static void
fg_hazard_page_add_supervision_rows (FgHazardPage *self)
{
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (self->decision_row));
  int position = -1;

  self->supervision_row = property_row (_("County’s instruction"));
  gtk_widget_set_name (GTK_WIDGET (self->supervision_row), "supervision-row");
  self->reply_row = property_row (_("Township’s reply"));
  gtk_widget_set_name (GTK_WIDGET (self->reply_row), "reply-row");
  gtk_list_box_insert (GTK_LIST_BOX (list), GTK_WIDGET (self->supervision_row), position + 1);
  gtk_list_box_insert (GTK_LIST_BOX (list), GTK_WIDGET (self->reply_row), position + 2);
}

static void
fg_hazard_page_init (FgHazardPage *self)
{
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) grades = gtk_string_list_new (NULL);
  GtkSorter *view_sorter;

  self->query = fg_hazard_query_new ();
  self->sort_probe = fg_sort_probe_new ();
  self->campaign_ids = g_ptr_array_new_with_free_func (g_free);
  fg_hazard_page_set_today (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* the particulars' group has no title: its list is read by this */
  fg_accessible_name_lists (gtk_widget_get_parent (GTK_WIDGET (self->decision_row)), _("Hazard"));

  /* in the order of FgHazardFilter */
  gtk_string_list_append (states, _("All states"));
  gtk_string_list_append (states, _("Open (not closed)"));
  gtk_string_list_append (states, _("Overdue or due this week"));
  gtk_string_list_append (states, _("Re-inspection late (the office’s)"));
  gtk_string_list_append (states, _("Overdue"));
  for (guint i = 0; i < FG_HAZARD_N_STATES; i++)
    gtk_string_list_append (states, fg_hazard_state_get_label (i));
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (states));

  gtk_string_list_append (grades, _("All grades"));
  for (guint i = 0; i <= FG_HAZARD_GRADE_MAJOR_PROPOSED; i++)
    gtk_string_list_append (grades, fg_hazard_grade_get_label (i));
  gtk_drop_down_set_model (self->grade_dropdown, G_LIST_MODEL (grades));

  /* the list comes with the store, the view has it when first shown */
  self->rows = gtk_map_list_model_new (NULL, map_hazard, self, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed), self);

  fg_sort_probe_attach (self->sort_probe, self->venue_column, FG_HAZARD_SORT_VENUE);
  fg_sort_probe_attach (self->sort_probe, self->village_column, FG_HAZARD_SORT_VILLAGE);
  fg_sort_probe_attach (self->sort_probe, self->grid_column, FG_HAZARD_SORT_GRID);
  fg_sort_probe_attach (self->sort_probe, self->item_column, FG_HAZARD_SORT_ITEM);
  fg_sort_probe_attach (self->sort_probe, self->grade_column, FG_HAZARD_SORT_GRADE);
  fg_sort_probe_attach (self->sort_probe, self->state_column, FG_HAZARD_SORT_STATE);
  fg_sort_probe_attach (self->sort_probe, self->found_column, FG_HAZARD_SORT_FOUND);
  fg_sort_probe_attach (self->sort_probe, self->deadline_column, FG_HAZARD_SORT_DEADLINE);
  fg_sort_probe_attach (self->sort_probe, self->township_column, FG_HAZARD_SORT_TOWNSHIP);

  /* the finding, some 16 characters at least, takes what the others leave */
  fg_list_layout_fill_width (self->column_view, self->item_column, 230);

  /* The arrow on the found column says what the query does anyway. */
  gtk_column_view_sort_by_column (self->column_view, self->found_column, GTK_SORT_DESCENDING);
  view_sorter = gtk_column_view_get_sorter (self->column_view);
  g_signal_connect_object (view_sorter, "changed", G_CALLBACK (on_view_sorter_changed), self, 0);

  for (guint kind = FG_HAZARD_EVENT_FOUND + 1; kind < FG_HAZARD_N_EVENTS; kind++)
    {
      g_autofree char *name = g_strconcat ("hazard.", fg_hazard_event_kind_to_string (kind), NULL);
      GtkWidget *button = gtk_button_new_with_label (event_get_verb (kind));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), name);
      if (kind == FG_HAZARD_EVENT_NOTICE_ISSUED)
        gtk_widget_add_css_class (button, "suggested-action");
      gtk_flow_box_append (self->actions_box, button);
      self->event_buttons[kind] = button;
    }
  fg_hazard_page_add_supervision_rows (self);
  self->letter_button = gtk_button_new_with_label (_("Letter to the Fire Brigade…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->letter_button), "hazard.major-letter");
  gtk_flow_box_append (self->actions_box, self->letter_button);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hazard-page.show-list", FALSE);
  fg_hazard_page_update_actions (self);
  fg_hazard_page_update_state (self);
}

/**
 * fg_hazard_page_set_store:
 * @self: the page
 * @store: the store
 * @actor: the person logged in; the ledger shows what they may see
 *
 * Loads the ledger.
 */
void
fg_hazard_page_set_store (FgHazardPage *self,
                          FgStore      *store,
                          FgActor      *actor)
{
  g_return_if_fail (FG_IS_HAZARD_PAGE (self));
  g_return_if_fail (FG_IS_STORE (store));
  g_return_if_fail (actor != NULL);

  g_set_object (&self->store, store);
  g_clear_pointer (&self->actor, fg_actor_unref);
  self->actor = fg_actor_ref (actor);
  gtk_column_view_column_set_visible (self->township_column,
                                      fg_list_layout_spans_townships (store, actor));

  g_clear_object (&self->hazard_list);
  self->hazard_list = fg_hazard_query_list_new (store, actor, NULL);
  fg_hazard_page_reload (self);
  gtk_map_list_model_set_model (self->rows, G_LIST_MODEL (self->hazard_list));
  fg_hazard_page_update_state (self);
}

/* Fills the campaign filter, keeping the campaign chosen before. It
 * shows only when there is a campaign to choose. */
static void
fg_hazard_page_load_campaigns (FgHazardPage *self)
{
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen = NULL;
  guint selected = gtk_drop_down_get_selected (self->campaign_dropdown);

  if (selected != GTK_INVALID_LIST_POSITION && selected >= CAMPAIGN_FIRST &&
      selected - CAMPAIGN_FIRST < self->campaign_ids->len)
    chosen = g_strdup (g_ptr_array_index (self->campaign_ids, selected - CAMPAIGN_FIRST));
  else if (selected == CAMPAIGN_NONE)
    chosen = g_strdup ("");

  campaigns = fg_campaign_list (self->store, self->actor, &error);
  if (campaigns == NULL)
    g_debug ("No campaigns for the ledger: %s", error->message);

  g_ptr_array_set_size (self->campaign_ids, 0);
  gtk_string_list_append (names, _("All campaigns"));
  gtk_string_list_append (names, _("Not in a campaign"));
  selected = g_strcmp0 (chosen, "") == 0 ? CAMPAIGN_NONE : CAMPAIGN_ALL;
  for (guint i = 0; campaigns != NULL && i < campaigns->len; i++)
    {
      FgCampaign *campaign = g_ptr_array_index (campaigns, i);

      gtk_string_list_append (names, fg_campaign_get_name (campaign));
      g_ptr_array_add (self->campaign_ids, g_strdup (fg_campaign_get_id (campaign)));
      if (g_strcmp0 (chosen, fg_campaign_get_id (campaign)) == 0)
        selected = CAMPAIGN_FIRST + i;
    }

  /* setting the model and the entry each refilter; the reload that
   * follows refills the list anyway */
  gtk_drop_down_set_model (self->campaign_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->campaign_dropdown, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->campaign_dropdown), self->campaign_ids->len > 0);
}

/**
 * fg_hazard_page_reload:
 *
 * Reads the ledger again, e.g. after an inspection found new hazards.
 */
void
fg_hazard_page_reload (FgHazardPage *self)
{
  g_autofree char *shown_id = NULL;
  guint old_position = gtk_single_selection_get_selected (self->selection);
  guint n;

  g_return_if_fail (FG_IS_HAZARD_PAGE (self));

  if (self->store == NULL || self->hazard_list == NULL)
    return;

  if (self->shown != NULL)
    shown_id = g_strdup (fg_hazard_get_id (self->shown));

  self->reloading = TRUE;
  fg_hazard_page_set_today (self);
  fg_hazard_page_load_campaigns (self);
  on_filter_changed (self);
  self->reloading = FALSE;

  /* the hazards changed, or the day: count and read the pages again */
  if (fg_hazard_query_equal (fg_paged_list_get_query (self->hazard_list), self->query))
    fg_paged_list_reload (self->hazard_list);
  else
    fg_paged_list_set_query (self->hazard_list, self->query);
  fg_hazard_page_count_due (self);
  fg_hazard_page_update_state (self);

  /* the hazard shown before, if it is still there: where it was, or near
   * the top (not through the whole ledger) */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  if (shown_id == NULL)
    return;
  if (old_position < n)
    {
      g_autoptr(FgHazard) hazard = g_list_model_get_item (G_LIST_MODEL (self->hazard_list), old_position);

      if (hazard != NULL && g_strcmp0 (fg_hazard_get_id (hazard), shown_id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, old_position);
          return;
        }
    }
  for (guint i = 0; i < MIN (n, RESELECT_LIMIT); i++)
    {
      g_autoptr(FgHazard) hazard = g_list_model_get_item (G_LIST_MODEL (self->hazard_list), i);

      if (hazard != NULL && g_strcmp0 (fg_hazard_get_id (hazard), shown_id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          break;
        }
    }
}

/**
 * fg_hazard_page_set_region:
 * @self: the page
 * @region_id: (nullable): the region chosen in the sidebar
 * @level: its FgRegionLevel
 *
 * Shows the hazards of a township, a village or a grid; the county (or
 * none) shows them all.
 */
void
fg_hazard_page_set_region (FgHazardPage *self,
                           const char   *region_id,
                           int           level)
{
  g_return_if_fail (FG_IS_HAZARD_PAGE (self));

  if (level != FG_REGION_LEVEL_TOWNSHIP && level != FG_REGION_LEVEL_VILLAGE && level != FG_REGION_LEVEL_GRID)
    region_id = NULL;

  if (g_strcmp0 (self->query->region_id, region_id) == 0)
    return;

  g_free (self->query->region_id);
  self->query->region_id = g_strdup (region_id);
  fg_hazard_page_apply_query (self);
}

/**
 * fg_hazard_page_set_state_filter:
 * @filter: an FgHazardFilter, or FG_HAZARD_FILTER_FIRST_STATE plus an FgHazardState
 */
void
fg_hazard_page_set_state_filter (FgHazardPage *self,
                                 guint         filter)
{
  g_return_if_fail (FG_IS_HAZARD_PAGE (self));
  g_return_if_fail (filter < FG_HAZARD_FILTER_FIRST_STATE + FG_HAZARD_N_STATES);

  gtk_drop_down_set_selected (self->state_dropdown, filter);
}

void
fg_hazard_page_focus_search (FgHazardPage *self)
{
  g_return_if_fail (FG_IS_HAZARD_PAGE (self));

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_box);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * fg_hazard_page_get_model:
 *
 * Returns: (transfer none): the rows as shown, filtered and sorted (FgHazardItem)
 */
GListModel *
fg_hazard_page_get_model (FgHazardPage *self)
{
  g_return_val_if_fail (FG_IS_HAZARD_PAGE (self), NULL);
  return G_LIST_MODEL (self->selection);
}

/* Shows the hazard at @position of the shown rows. */
void
fg_hazard_page_select (FgHazardPage *self,
                       guint         position)
{
  g_return_if_fail (FG_IS_HAZARD_PAGE (self));

  gtk_single_selection_set_selected (self->selection, position);
}

/**
 * fg_hazard_page_get_shown_hazard:
 *
 * Returns: (transfer none) (nullable): the hazard in the detail pane, with its events
 */
FgHazard *
fg_hazard_page_get_shown_hazard (FgHazardPage *self)
{
  g_return_val_if_fail (FG_IS_HAZARD_PAGE (self), NULL);
  return self->shown;
}

guint
fg_hazard_page_get_n_overdue (FgHazardPage *self)
{
  g_return_val_if_fail (FG_IS_HAZARD_PAGE (self), 0);
  return self->n_overdue;
}

guint
fg_hazard_page_get_n_due_this_week (FgHazardPage *self)
{
  g_return_val_if_fail (FG_IS_HAZARD_PAGE (self), 0);
  return self->n_due_this_week;
}

guint
fg_hazard_page_get_n_reinspection_late (FgHazardPage *self)
{
  g_return_val_if_fail (FG_IS_HAZARD_PAGE (self), 0);
  return self->n_reinspection_late;
}

/**
 * fg_hazard_page_set_found_filter:
 * @from: (nullable): found on or after this day, YYYY-MM-DD
 * @before: (nullable): found before this day
 * @section_id: (nullable): under this section of the checklists
 * @label: (nullable): what the filter is, on the chip that removes it
 *
 * Keeps the ledger to the hazards of a statistics chart's bar (a month,
 * a section of the checklists), in every state; all %NULL removes it.
 */
void
fg_hazard_page_set_found_filter (FgHazardPage *self,
                                 const char   *from,
                                 const char   *before,
                                 const char   *section_id,
                                 const char   *label)
{
  g_return_if_fail (FG_IS_HAZARD_PAGE (self));

  g_free (self->query->found_from);
  g_free (self->query->found_before);
  g_free (self->query->section_id);
  self->query->found_from = g_strdup (from);
  self->query->found_before = g_strdup (before);
  self->query->section_id = g_strdup (section_id);
  gtk_label_set_label (self->found_filter_label, label != NULL ? label : "");
  gtk_widget_set_visible (self->found_filter_button, from != NULL || before != NULL || section_id != NULL);
  if (from != NULL || before != NULL || section_id != NULL)
    gtk_drop_down_set_selected (self->state_dropdown, FG_HAZARD_FILTER_ALL);
  on_filter_changed (self);
}
