/* fg-stats-page.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Statistics page (统计): the figures of the region chosen in the
 * sidebar (a county's townships together, for the county) as cards, the
 * charts of its villages (or townships), of the last twelve months and
 * of the checklist's sections, and the 2026 smoke alarm target village by
 * village. The figures come from the core (fg_stats_compute() and
 * fg_stats_series_compute()), counted in a worker with its own
 * connection; the page shows its frame at once and fills it in when they
 * come, dropping figures counted for a region or period no longer asked
 * for. It counts only while it is shown: a change made meanwhile is
 * counted when it is next shown.
 *
 * A card or a bar that names a list opens it ("open-list"), filtered as
 * the figure counts it; the others neither look nor act like buttons.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-bar-chart.h"
#include "fg-stats-page.h"

#define LACKING_PAGE_SIZE 50
#define TOP_CATEGORIES 3

struct _FgStatsPage
{
  GtkWidget parent_instance;

  GtkDropDown *period_dropdown;
  GtkLabel *period_label;
  GtkSpinner *spinner;
  GtkWidget *ranking_button;
  GtkWidget *print_button;
  GtkStack *stack;
  GtkFlowBox *cards;
  GtkLabel *areas_title;
  GtkWidget *areas_box;
  GtkWidget *months_box;
  GtkWidget *sections_box;
  GtkLabel *target_label;
  GtkWidget *target_box;
  GtkButton *lacking_button;
  AdwStatusPage *error_page;

  FgBarChart *areas_chart;
  FgBarChart *months_chart;
  FgBarChart *sections_chart;
  FgBarChart *target_chart;
  GHashTable *card_widgets;  /* key → the card's widget (weak: the flow box holds them) */

  FgStore *store;
  FgActor *actor;
  char *region_id;           /* NULL: the person's own area */
  gboolean county;           /* the region is a county: its townships side by side */
  FgStats *stats;            /* the figures shown, or NULL */
  FgStatsSeries *series;
  GCancellable *cancellable; /* the count under way */
  guint generation;          /* of the latest count asked for */
  gboolean stale;            /* to count again when next shown */
  gboolean busy;
};

G_DEFINE_FINAL_TYPE (FgStatsPage, fg_stats_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_OPEN_LIST,
  SIGNAL_OPEN_VENUE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void fg_stats_page_count (FgStatsPage *self);

/* Formatting */

static char *
format_share (double share)
{
  if (share < 0)
    return g_strdup ("—");
  /* TRANSLATORS: a share as a percentage, no decimals: "75%" */
  return g_strdup_printf (_("%.0f%%"), share * 100);
}

static const char *
category_name (const char *id)
{
  const FgCategory *category = id != NULL ? fg_category_lookup (id) : NULL;

  if (category != NULL)
    return fg_category_get_name (category);
  return id != NULL && *id != '\0' ? id : _("No category");
}

/* The period the dropdown asks for, said for the person: "December 2026". */
static char *
describe_period (FgStatsPeriod  period,
                 const char    *from_text,
                 const char    *to_text)
{
  g_autoptr(GDate) from = fg_calendar_parse_date (from_text, NULL);
  g_autoptr(GDateTime) first = NULL;
  g_autofree char *name = NULL;

  if (from == NULL)
    return g_strdup ("");
  first = g_date_time_new_local (g_date_get_year (from), g_date_get_month (from), 1, 0, 0, 0);

  switch (period)
    {
    case FG_STATS_PERIOD_MONTH:
      /* TRANSLATORS: a month and its year, as strftime writes them: "December 2026" */
      name = g_date_time_format (first, _("%B %Y"));
      break;
    case FG_STATS_PERIOD_QUARTER:
      /* TRANSLATORS: a quarter of a year: "Q4 2026" */
      name = g_strdup_printf (_("Q%u %u"), (g_date_get_month (from) - 1) / 3 + 1, g_date_get_year (from));
      break;
    case FG_STATS_PERIOD_YEAR:
    case FG_STATS_PERIOD_RANGE:
    default:
      name = g_strdup_printf ("%u", g_date_get_year (from));
      break;
    }
  /* TRANSLATORS: the period's name, then its first and last day */
  return g_strdup_printf (_("%s (%s to %s)"), name, from_text, to_text);
}

/* Cards */

static void
on_card_clicked (GtkButton   *button,
                 FgStatsPage *self)
{
  FgStatsList list = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "fg-list"));
  const char *detail = g_object_get_data (G_OBJECT (button), "fg-detail");
  const char *region_id = self->stats != NULL ? self->stats->region_id : self->region_id;

  g_signal_emit (self, signals[SIGNAL_OPEN_LIST], 0, list, region_id, detail, NULL, NULL, NULL);
}

/* A card: a large figure, what it counts, and its share or its parts.
 * With @list >= 0 it is a button that opens the list. */
static void
add_card (FgStatsPage *self,
          const char  *key,
          const char  *figure,
          const char  *title,
          const char  *detail,
          int          list,
          const char  *list_detail)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *figure_label = gtk_label_new (figure);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *detail_label = gtk_label_new (detail);
  GtkWidget *card;
  GtkWidget *child;
  g_autofree char *spoken = NULL;

  gtk_widget_set_name (figure_label, "figure");
  gtk_widget_add_css_class (figure_label, "fg-stat-figure");
  gtk_widget_add_css_class (figure_label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (figure_label), 0);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  /* narrow cards: four or more to a line on a laptop's screen */
  gtk_label_set_max_width_chars (GTK_LABEL (title_label), 14);
  gtk_widget_add_css_class (title_label, "heading");
  gtk_label_set_xalign (GTK_LABEL (detail_label), 0);
  gtk_label_set_wrap (GTK_LABEL (detail_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (detail_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (detail_label), 18);
  gtk_widget_add_css_class (detail_label, "caption");
  gtk_widget_add_css_class (detail_label, "dim-label");
  gtk_widget_set_visible (detail_label, detail != NULL && *detail != '\0');
  gtk_box_append (GTK_BOX (box), figure_label);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), detail_label);
  gtk_widget_add_css_class (box, "fg-stat-card");

  if (list >= 0)
    {
      card = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (card), box);
      g_object_set_data (G_OBJECT (card), "fg-list", GUINT_TO_POINTER ((guint) list));
      g_object_set_data_full (G_OBJECT (card), "fg-detail", g_strdup (list_detail), g_free);
      g_signal_connect_object (card, "clicked", G_CALLBACK (on_card_clicked), self, 0);
      gtk_widget_set_tooltip_text (card, _("Show the list"));
    }
  else
    {
      card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_box_append (GTK_BOX (card), box);
    }
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_name (card, key);
  /* TRANSLATORS: a card of figures as a screen reader says it: what, the figure, its share */
  spoken = g_strdup_printf (_("%s: %s. %s"), title, figure, detail != NULL ? detail : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);

  gtk_flow_box_append (self->cards, card);
  /* the card takes the focus, not the flow box's cell around it */
  child = gtk_widget_get_parent (card);
  gtk_widget_set_focusable (child, FALSE);
  g_hash_table_insert (self->card_widgets, g_strdup (key), card);
}

static void
clear_cards (FgStatsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards))) != NULL)
    gtk_flow_box_remove (self->cards, child);
  g_hash_table_remove_all (self->card_widgets);
}

static void
add_count_card (FgStatsPage *self,
                const char  *key,
                guint        n,
                const char  *title,
                const char  *detail,
                int          list)
{
  g_autofree char *figure = g_strdup_printf ("%u", n);

  add_card (self, key, figure, title, detail, list, NULL);
}

static void
add_share_card (FgStatsPage *self,
                const char  *key,
                guint        n,
                guint        of,
                const char  *title,
                int          list)
{
  g_autofree char *share = format_share (fg_stats_share (n, of));
  /* TRANSLATORS: a share of the active venues: "75% of 120 active venues" */
  g_autofree char *detail = g_strdup_printf (g_dngettext (NULL, "%s of %u active venue", "%s of %u active venues", of),
                                             share, of);

  add_count_card (self, key, n, title, detail, list);
}

static void
fill_cards (FgStatsPage *self)
{
  const FgStats *s = self->stats;
  g_autoptr(GString) parts = g_string_new (NULL);
  g_autofree char *grades = NULL;
  g_autofree char *closure = NULL;
  g_autofree char *closure_detail = NULL;
  g_autofree char *median = NULL;

  clear_cards (self);

  for (guint i = 0; i < s->categories->len && i < TOP_CATEGORIES; i++)
    {
      const FgStatsCategory *category = g_ptr_array_index (s->categories, i);

      /* TRANSLATORS: one category and its venues, in a list of a few: "Restaurant 12" */
      g_string_append_printf (parts, i == 0 ? _("%s %u") : _(" · %s %u"), category_name (category->category),
                              category->n_venues);
    }
  add_count_card (self, "venues", s->n_venues, _("Active venues"), parts->str, FG_STATS_LIST_VENUES);

  for (guint i = 0; i < s->categories->len && i < TOP_CATEGORIES; i++)
    {
      const FgStatsCategory *category = g_ptr_array_index (s->categories, i);
      g_autofree char *key = g_strdup_printf ("category-%u", i);
      g_autofree char *figure = g_strdup_printf ("%u", category->n_venues);
      g_autofree char *share = format_share (fg_stats_share (category->n_on_target, category->n_venues));
      /* TRANSLATORS: of a category's venues, those inspected as often as the office means to, and how often */
      g_autofree char *detail = g_strdup_printf (_("%s inspected on target (%s)"), share,
                                                 fg_stats_frequency_get_label (category->frequency));

      add_card (self, key, figure, category_name (category->category), detail, FG_STATS_LIST_VENUES,
                category->category);
    }

  add_share_card (self, "inspected-month", s->n_inspected_month, s->n_venues, _("Inspected this month"), -1);
  add_share_card (self, "inspected-quarter", s->n_inspected_quarter, s->n_venues, _("Inspected this quarter"), -1);
  add_share_card (self, "inspected-year", s->n_inspected_year, s->n_venues, _("Inspected this year"), -1);
  add_share_card (self, "on-target", s->n_on_target, s->n_venues, _("Inspected on target"), -1);
  add_share_card (self, "never-inspected", s->n_never_inspected, s->n_venues, _("Never inspected"),
                  FG_STATS_LIST_VENUES_NEVER_INSPECTED);

  add_count_card (self, "found", s->n_found, _("Hazards found"), _("In the period"), -1);
  /* TRANSLATORS: the open hazards by grade */
  grades = g_strdup_printf (_("%u by deadline · %u on the spot · %u major proposed · %u major"),
                            s->n_open_deadline, s->n_open_on_spot, s->n_open_major_proposed, s->n_open_major);
  add_count_card (self, "open", s->n_open, _("Open hazards"), grades, FG_STATS_LIST_HAZARDS_OPEN);
  add_count_card (self, "overdue", s->n_overdue, _("Overdue hazards"), _("Past their deadline, now"),
                  FG_STATS_LIST_HAZARDS_OVERDUE);
  add_count_card (self, "closed", s->n_closed, _("Hazards closed"), _("In the period, whenever found"), -1);
  closure = format_share (fg_stats_get_closure_rate (s));
  /* TRANSLATORS: the closure rate's parts: "3 of 4 found in the period are closed" */
  closure_detail = g_strdup_printf (_("%u of %u found in the period are closed"), s->n_found_closed, s->n_found);
  add_card (self, "closure-rate", closure, _("Closure rate"), closure_detail, -1, NULL);
  if (s->median_days_to_close >= 0)
    median = g_strdup_printf ("%.1f", s->median_days_to_close);
  add_card (self, "median-days", median != NULL ? median : "—", _("Median days to close"),
            _("Working days from found to closed, of those closed in the period"), -1, NULL);
  add_count_card (self, "reinspection-late", s->n_reinspection_late, _("Re-inspections late"),
                  _("Reported fixed, and the office’s re-inspection is late"),
                  FG_STATS_LIST_HAZARDS_REINSPECTION_LATE);

  add_count_card (self, "notices", s->n_notices, _("Documents issued"), _("In the period, not voided"), -1);
  add_count_card (self, "unserved", s->n_unserved, _("Not yet served"), _("Documents still to serve on the venue"),
                  FG_STATS_LIST_NOTICES_UNSERVED);
}

/* Charts */

static void
fill_areas (FgStatsPage *self)
{
  fg_bar_chart_clear (self->areas_chart);
  gtk_label_set_label (self->areas_title,
                       self->series->level == FG_REGION_LEVEL_COUNTY ? _("Venues Inspected in the Period, by Township")
                       : self->series->level == FG_REGION_LEVEL_TOWNSHIP ? _("Venues Inspected in the Period, by Village")
                       : _("Venues Inspected in the Period, by Grid"));

  for (guint i = 0; i < self->series->areas->len; i++)
    {
      const FgStatsArea *area = g_ptr_array_index (self->series->areas, i);
      double share = fg_stats_share (area->n_inspected, area->n_venues);
      g_autofree char *percent = format_share (share);
      /* TRANSLATORS: inspected of active venues, and the share: "3 of 4 · 75%" */
      g_autofree char *figure = g_strdup_printf (_("%u of %u · %s"), area->n_inspected, area->n_venues, percent);
      /* TRANSLATORS: a bar of the chart as a screen reader says it */
      g_autofree char *spoken = g_strdup_printf (_("%s: %u of %u active venues inspected in the period (%s). "
                                                   "Press to show its venues."),
                                                 area->name, area->n_inspected, area->n_venues, percent);
      double value = MAX (share, 0);

      fg_bar_chart_append (self->areas_chart, area->name, figure, &value, 1, spoken, TRUE);
    }
}

static void
fill_months (FgStatsPage *self)
{
  guint max = 1;

  fg_bar_chart_clear (self->months_chart);
  for (guint i = 0; i < self->series->months->len; i++)
    {
      const FgStatsMonth *month = g_ptr_array_index (self->series->months, i);

      max = MAX (max, MAX (month->n_found, month->n_closed));
    }
  for (guint i = 0; i < self->series->months->len; i++)
    {
      const FgStatsMonth *month = g_ptr_array_index (self->series->months, i);
      g_autoptr(GDate) day = fg_calendar_parse_date (month->first_day, NULL);
      g_autoptr(GDateTime) first = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day), 1, 0, 0, 0);
      /* TRANSLATORS: a month under its bar, short, as strftime writes it: "Nov" */
      g_autofree char *name = g_date_time_format (first, _("%b"));
      /* TRANSLATORS: a month and its year, as strftime writes them: "December 2026" */
      g_autofree char *long_name = g_date_time_format (first, _("%B %Y"));
      /* TRANSLATORS: a month's bar as a screen reader says it */
      g_autofree char *spoken = g_strdup_printf (_("%s: %u hazards found, %u closed. Press to show those found."),
                                                 long_name, month->n_found, month->n_closed);
      double values[2] = { (double) month->n_found / max, (double) month->n_closed / max };

      fg_bar_chart_append (self->months_chart, name, NULL, values, 2, spoken, TRUE);
    }
}

static void
fill_sections (FgStatsPage *self)
{
  guint max = 1;

  fg_bar_chart_clear (self->sections_chart);
  for (guint i = 0; i < self->series->sections->len; i++)
    max = MAX (max, ((FgStatsSection *) g_ptr_array_index (self->series->sections, i))->n_found);
  for (guint i = 0; i < self->series->sections->len; i++)
    {
      const FgStatsSection *section = g_ptr_array_index (self->series->sections, i);
      /* TRANSLATORS: hazards found under a checklist section, and of them those still open */
      g_autofree char *figure = g_strdup_printf (_("%u (%u open)"), section->n_found, section->n_open);
      /* TRANSLATORS: a section's bar as a screen reader says it */
      g_autofree char *spoken = g_strdup_printf (_("%s: %u hazards found in the period, %u of them open. "
                                                   "Press to show them."),
                                                 section->section, section->n_found, section->n_open);
      double value = (double) section->n_found / max;

      fg_bar_chart_append (self->sections_chart, section->section, figure, &value, 1, spoken, TRUE);
    }
}

/* One row a village, a bar a figure of the target: the smoke alarms now;
 * a second figure takes a second fill in the same row. */
static void
fill_target (FgStatsPage *self)
{
  const FgStats *s = self->stats;
  g_autofree char *percent = format_share (fg_stats_share (s->n_target_smoke_alarms, s->n_target_venues));
  g_autofree char *text = NULL;
  g_autofree char *button = NULL;
  guint lacking = s->n_target_venues - s->n_target_smoke_alarms;

  /* TRANSLATORS: the province's 2026 target (河南意见 十八) and where the region stands */
  text = g_strdup_printf (_("Family workshops, street shops and old residential compounds with a standalone smoke "
                            "alarm: %u of %u (%s). The province asks for all of them by the end of 2026."),
                          s->n_target_smoke_alarms, s->n_target_venues, percent);
  gtk_label_set_label (self->target_label, text);

  fg_bar_chart_clear (self->target_chart);
  for (guint i = 0; i < s->villages->len; i++)
    {
      const FgStatsVillageTarget *village = g_ptr_array_index (s->villages, i);
      double share = fg_stats_share (village->n_smoke_alarms, village->n_venues);
      g_autofree char *village_percent = format_share (share);
      g_autofree char *figure = g_strdup_printf (_("%u of %u · %s"), village->n_smoke_alarms, village->n_venues,
                                                 village_percent);
      /* TRANSLATORS: a village's target bar as a screen reader says it */
      g_autofree char *spoken = g_strdup_printf (_("%s: %u of %u venues of the three kinds have a standalone smoke "
                                                   "alarm (%s). Press to list those still lacking one."),
                                                 village->name, village->n_smoke_alarms, village->n_venues,
                                                 village_percent);
      double value = MAX (share, 0);

      fg_bar_chart_append (self->target_chart, village->name, figure, &value, 1, spoken,
                           village->n_smoke_alarms < village->n_venues);
    }

  /* TRANSLATORS: the button that lists the venues of the target still without a smoke alarm */
  button = g_strdup_printf (g_dngettext (NULL, "_%u Venue Lacking a Smoke Alarm…", "_%u Venues Lacking a Smoke Alarm…",
                                         lacking), lacking);
  gtk_button_set_label (self->lacking_button, button);
  gtk_widget_set_sensitive (GTK_WIDGET (self->lacking_button), lacking > 0);
}

static void
fg_stats_page_show (FgStatsPage *self)
{
  g_autofree char *period = describe_period (self->stats->period, self->stats->from, self->stats->to);

  gtk_label_set_label (self->period_label, period);
  fill_cards (self);
  fill_areas (self);
  fill_months (self);
  fill_sections (self);
  fill_target (self);
  gtk_stack_set_visible_child_name (self->stack, "figures");
}

/* The venues still lacking a smoke alarm, a page at a time */

typedef struct
{
  FgStatsPage *page;
  AdwWindow *window;
  GtkListBox *list;
  GtkWidget *more_button;
  char *region;
  guint offset;
} LackingList;

static void
lacking_list_free (LackingList *lacking)
{
  g_object_unref (lacking->page);
  g_free (lacking->region);
  g_free (lacking);
}

static void
lacking_load_more (LackingList *lacking)
{
  FgStatsPage *self = lacking->page;
  g_autoptr(GPtrArray) venues = NULL;
  g_autoptr(GError) error = NULL;
  guint n_total = 0;

  venues = fg_stats_list_lacking (self->store, self->actor, lacking->region, FG_STATS_LACK_SMOKE_ALARM,
                                  lacking->offset, LACKING_PAGE_SIZE, &n_total, &error);
  if (venues == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
      gtk_list_box_append (lacking->list, row);
      gtk_widget_set_visible (lacking->more_button, FALSE);
      return;
    }

  for (guint i = 0; i < venues->len; i++)
    {
      const FgStatsVenue *venue = g_ptr_array_index (venues, i);
      GtkWidget *row = adw_action_row_new ();
      /* TRANSLATORS: under a venue's name: its village, its kind, its address */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s"), venue->village_name,
                                                   category_name (venue->category), venue->address);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), venue->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "fg-venue-id", g_strdup (venue->venue_id), g_free);
      gtk_list_box_append (lacking->list, row);
    }
  lacking->offset += venues->len;
  gtk_widget_set_visible (lacking->more_button, lacking->offset < n_total);
}

static void
on_lacking_row_activated (GtkListBox    *list,
                          GtkListBoxRow *row,
                          LackingList   *lacking)
{
  const char *venue_id = g_object_get_data (G_OBJECT (row), "fg-venue-id");

  if (venue_id == NULL)
    return;
  g_signal_emit (lacking->page, signals[SIGNAL_OPEN_VENUE], 0, venue_id);
  gtk_window_close (GTK_WINDOW (lacking->window));
}

static void
open_lacking (FgStatsPage *self,
              const char  *region_id,
              const char  *region_name)
{
  LackingList *lacking = g_new0 (LackingList, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_window_title_new (_("Lacking a Smoke Alarm"), region_name);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  lacking->page = g_object_ref (self);
  lacking->region = g_strdup (region_id);
  lacking->window = ADW_WINDOW (adw_window_new ());
  gtk_window_set_modal (GTK_WINDOW (lacking->window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (lacking->window), GTK_WINDOW (root));
  gtk_window_set_default_size (GTK_WINDOW (lacking->window), 560, 600);
  gtk_window_set_title (GTK_WINDOW (lacking->window), _("Lacking a Smoke Alarm"));
  g_object_set_data_full (G_OBJECT (lacking->window), "fg-lacking", lacking, (GDestroyNotify) lacking_list_free);

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);

  lacking->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (lacking->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (lacking->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (lacking->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Venues lacking a standalone smoke alarm"), -1);
  g_signal_connect (lacking->list, "row-activated", G_CALLBACK (on_lacking_row_activated), lacking);
  lacking->more_button = gtk_button_new_with_mnemonic (_("Show _More"));
  gtk_widget_set_halign (lacking->more_button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (lacking->more_button, "clicked", G_CALLBACK (lacking_load_more), lacking);

  gtk_widget_set_margin_top (inner, 12);
  gtk_widget_set_margin_bottom (inner, 12);
  gtk_widget_set_margin_start (inner, 12);
  gtk_widget_set_margin_end (inner, 12);
  gtk_box_append (GTK_BOX (inner), GTK_WIDGET (lacking->list));
  gtk_box_append (GTK_BOX (inner), lacking->more_button);
  adw_clamp_set_child (ADW_CLAMP (clamp), inner);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (lacking->window, box);

  lacking_load_more (lacking);
  gtk_window_present (GTK_WINDOW (lacking->window));
}

static void
on_lacking_clicked (FgStatsPage *self)
{
  if (self->stats != NULL)
    open_lacking (self, self->stats->region_id, self->stats->region_name);
}

static void
on_target_bar (FgStatsPage *self,
               guint        index)
{
  const FgStatsVillageTarget *village;

  if (self->stats == NULL || index >= self->stats->villages->len)
    return;
  village = g_ptr_array_index (self->stats->villages, index);
  open_lacking (self, village->village_id, village->name);
}

static void
on_area_bar (FgStatsPage *self,
             guint        index)
{
  const FgStatsArea *area;

  if (self->series == NULL || index >= self->series->areas->len)
    return;
  area = g_ptr_array_index (self->series->areas, index);
  g_signal_emit (self, signals[SIGNAL_OPEN_LIST], 0, FG_STATS_LIST_VENUES, area->region_id, NULL, NULL, NULL, NULL);
}

/* A month of the trend: the hazards found in it */
static void
on_month_bar (FgStatsPage *self,
              guint        index)
{
  const FgStatsMonth *month;
  g_autoptr(GDate) day = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  if (self->series == NULL || index >= self->series->months->len)
    return;
  month = g_ptr_array_index (self->series->months, index);
  day = fg_calendar_parse_date (month->first_day, NULL);
  first = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day), 1, 0, 0, 0);
  name = g_date_time_format (first, _("%B %Y"));
  /* TRANSLATORS: the hazard ledger's filter from a chart's month: "Found in November 2026" */
  label = g_strdup_printf (_("Found in %s"), name);
  g_signal_emit (self, signals[SIGNAL_OPEN_LIST], 0, FG_STATS_LIST_HAZARDS_FOUND, self->series->region_id, NULL,
                 month->first_day, month->after, label);
}

/* A section of the checklists: the period's hazards under it */
static void
on_section_bar (FgStatsPage *self,
                guint        index)
{
  const FgStatsSection *section;
  g_autoptr(GDate) after = NULL;
  g_autofree char *after_text = NULL;
  g_autofree char *label = NULL;

  if (self->series == NULL || index >= self->series->sections->len)
    return;
  section = g_ptr_array_index (self->series->sections, index);
  after = fg_calendar_parse_date (self->series->to, NULL);
  g_date_add_days (after, 1);
  after_text = fg_calendar_format_date (after);
  /* TRANSLATORS: the hazard ledger's filter from a chart's section: the section, the period */
  label = g_strdup_printf (_("%s, %s to %s"), section->section, self->series->from, self->series->to);
  g_signal_emit (self, signals[SIGNAL_OPEN_LIST], 0, FG_STATS_LIST_HAZARDS_FOUND, self->series->region_id,
                 section->section_id, self->series->from, after_text, label);
}

static void
on_ranking_clicked (FgStatsPage *self)
{
  g_signal_emit (self, signals[SIGNAL_OPEN_LIST], 0, FG_STATS_LIST_TOWNSHIPS, self->region_id, NULL, NULL, NULL, NULL);
}

/* Counting */

typedef struct
{
  FgStatsPage *self;
  guint generation;
} CountJob;

static void
set_busy (FgStatsPage *self,
          gboolean     busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_counted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  CountJob *job = user_data;
  g_autoptr(FgStatsPage) self = job->self;
  g_autoptr(GError) error = NULL;
  FgStats *stats = NULL;
  FgStatsSeries *series = NULL;
  gboolean ok;
  guint generation = job->generation;

  g_free (job);
  ok = fg_stats_series_compute_all_finish (FG_STORE (source), result, &stats, &series, &error);

  /* asked for another region or period meanwhile: that count will come */
  if (generation != self->generation || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_pointer (&stats, fg_stats_free);
      g_clear_pointer (&series, fg_stats_series_free);
      return;
    }

  set_busy (self, FALSE);
  if (!ok)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_clear_pointer (&self->stats, fg_stats_free);
  g_clear_pointer (&self->series, fg_stats_series_free);
  self->stats = stats;
  self->series = series;
  fg_stats_page_show (self);
}

/* Counts again now if the page is shown, else once it is. */
static void
fg_stats_page_count (FgStatsPage *self)
{
  FgStatsQuery query = { 0, };
  CountJob *job;

  if (self->store == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;

  query.region = self->region_id;
  query.period = gtk_drop_down_get_selected (self->period_dropdown);
  if (query.period > FG_STATS_PERIOD_YEAR)
    query.period = FG_STATS_PERIOD_MONTH;

  job = g_new0 (CountJob, 1);
  job->self = g_object_ref (self);
  job->generation = self->generation;
  set_busy (self, TRUE);
  fg_stats_series_compute_all_async (self->store, self->actor, &query, self->cancellable, on_counted, job);
}

static void
on_period_changed (FgStatsPage *self)
{
  fg_stats_page_count (self);
}

static void
fg_stats_page_map (GtkWidget *widget)
{
  FgStatsPage *self = FG_STATS_PAGE (widget);

  GTK_WIDGET_CLASS (fg_stats_page_parent_class)->map (widget);
  if (self->stale)
    fg_stats_page_count (self);
}

static void
fg_stats_page_dispose (GObject *object)
{
  FgStatsPage *self = FG_STATS_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), FG_TYPE_STATS_PAGE);
  /* the template's box, which nothing binds */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->card_widgets, g_hash_table_unref);

  G_OBJECT_CLASS (fg_stats_page_parent_class)->dispose (object);
}

static void
fg_stats_page_finalize (GObject *object)
{
  FgStatsPage *self = FG_STATS_PAGE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, fg_actor_unref);
  g_free (self->region_id);
  g_clear_pointer (&self->stats, fg_stats_free);
  g_clear_pointer (&self->series, fg_stats_series_free);

  G_OBJECT_CLASS (fg_stats_page_parent_class)->finalize (object);
}

static void
fg_stats_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FgStatsPage *self = FG_STATS_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_stats_page_class_init (FgStatsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fg_stats_page_dispose;
  object_class->finalize = fg_stats_page_finalize;
  object_class->get_property = fg_stats_page_get_property;
  widget_class->map = fg_stats_page_map;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FgStatsPage::open-list:
   * @list: an #FgStatsList
   * @region_id: the region the list is for
   * @detail: (nullable): a category's id, for %FG_STATS_LIST_VENUES; a
   *   section's, for %FG_STATS_LIST_HAZARDS_FOUND
   * @from: (nullable): %FG_STATS_LIST_HAZARDS_FOUND: the first day, YYYY-MM-DD
   * @before: (nullable): the day after the last
   * @label: (nullable): what the bar was, to show beside the list
   */
  signals[SIGNAL_OPEN_LIST] =
    g_signal_new ("open-list", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 6, G_TYPE_UINT, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
                  G_TYPE_STRING);
  /**
   * FgStatsPage::open-venue:
   * @venue_id: a venue chosen from the list of those lacking a smoke alarm
   */
  signals[SIGNAL_OPEN_VENUE] =
    g_signal_new ("open-venue", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-stats-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FgStatsPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FgStatsPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, FgStatsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, FgStatsPage, ranking_button);
  gtk_widget_class_bind_template_child (widget_class, FgStatsPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, FgStatsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FgStatsPage, cards);
  gtk_widget_class_bind_template_child (widget_class, FgStatsPage, areas_title);
  gtk_widget_class_bind_template_child (widget_class, FgStatsPage, areas_box);
  gtk_widget_class_bind_template_child (widget_class, FgStatsPage, months_box);
  gtk_widget_class_bind_template_child (widget_class, FgStatsPage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, FgStatsPage, target_label);
  gtk_widget_class_bind_template_child (widget_class, FgStatsPage, target_box);
  gtk_widget_class_bind_template_child (widget_class, FgStatsPage, lacking_button);
  gtk_widget_class_bind_template_child (widget_class, FgStatsPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_ranking_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_lacking_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fgstatspage");
}

/* A legend: a swatch in the fill's colour, and what it stands for. */
static GtkWidget *
legend_item (const char *text,
             gboolean    second)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (swatch, "fg-legend-swatch");
  if (second)
    gtk_widget_add_css_class (swatch, "second");
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), gtk_label_new (text));
  gtk_widget_add_css_class (box, "caption");
  return box;
}

static GtkWidget *
new_chart (FgStatsPage    *self,
           GtkWidget      *box,
           GtkOrientation  orientation,
           const char     *name,
           const char     *empty)
{
  GtkWidget *chart = fg_bar_chart_new (orientation);

  gtk_widget_set_margin_top (chart, 6);
  gtk_widget_set_margin_bottom (chart, 6);
  gtk_widget_set_margin_start (chart, 6);
  gtk_widget_set_margin_end (chart, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  fg_bar_chart_set_empty_text (FG_BAR_CHART (chart), empty);
  gtk_box_append (GTK_BOX (box), chart);
  return chart;
}

static void
fg_stats_page_init (FgStatsPage *self)
{
  GtkWidget *legend;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->card_widgets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->areas_chart = FG_BAR_CHART (new_chart (self, self->areas_box, GTK_ORIENTATION_HORIZONTAL,
                                               _("Venues inspected in the period"), _("No active venues")));
  g_signal_connect_object (self->areas_chart, "bar-activated", G_CALLBACK (on_area_bar), self, G_CONNECT_SWAPPED);

  legend = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_widget_set_margin_top (legend, 12);
  gtk_widget_set_margin_start (legend, 12);
  gtk_box_append (GTK_BOX (legend), legend_item (C_("chart legend", "Found"), FALSE));
  gtk_box_append (GTK_BOX (legend), legend_item (C_("chart legend", "Closed"), TRUE));
  gtk_box_append (GTK_BOX (self->months_box), legend);
  self->months_chart = FG_BAR_CHART (new_chart (self, self->months_box, GTK_ORIENTATION_VERTICAL,
                                                _("Hazards found and closed, month by month"), NULL));
  g_signal_connect_object (self->months_chart, "bar-activated", G_CALLBACK (on_month_bar), self, G_CONNECT_SWAPPED);

  self->sections_chart = FG_BAR_CHART (new_chart (self, self->sections_box, GTK_ORIENTATION_HORIZONTAL,
                                                  _("Hazards found by checklist section"),
                                                  _("No hazards found in the period")));
  g_signal_connect_object (self->sections_chart, "bar-activated", G_CALLBACK (on_section_bar), self,
                           G_CONNECT_SWAPPED);

  legend = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_widget_set_margin_top (legend, 12);
  gtk_widget_set_margin_start (legend, 12);
  gtk_box_append (GTK_BOX (legend), legend_item (_("Standalone smoke alarm"), FALSE));
  gtk_box_append (GTK_BOX (self->target_box), legend);
  self->target_chart = FG_BAR_CHART (new_chart (self, self->target_box, GTK_ORIENTATION_HORIZONTAL,
                                                _("The 2026 target by village"),
                                                _("No family workshops, street shops or old residential compounds")));
  g_signal_connect_object (self->target_chart, "bar-activated", G_CALLBACK (on_target_bar), self, G_CONNECT_SWAPPED);

  /* the frame, until the figures come */
  gtk_label_set_label (self->areas_title, _("Venues Inspected in the Period"));
  gtk_button_set_label (self->lacking_button, _("Venues Lacking a Smoke Alarm…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->lacking_button), FALSE);
}

/* API */

void
fg_stats_page_set_store (FgStatsPage *self,
                         FgStore     *store,
                         FgActor     *actor)
{
  g_return_if_fail (FG_IS_STATS_PAGE (self));
  g_return_if_fail (FG_IS_STORE (store));
  g_return_if_fail (actor != NULL);

  g_set_object (&self->store, store);
  g_clear_pointer (&self->actor, fg_actor_unref);
  self->actor = fg_actor_ref (actor);
  fg_stats_page_count (self);
}

/**
 * fg_stats_page_set_region:
 * @region_id: (nullable): the region whose figures to show; %NULL for the
 *   person's own area
 * @county: whether it is a county, its townships side by side (the
 *   ranking of them is a click away)
 */
void
fg_stats_page_set_region (FgStatsPage *self,
                          const char  *region_id,
                          gboolean     county)
{
  g_return_if_fail (FG_IS_STATS_PAGE (self));

  gtk_widget_set_visible (self->ranking_button, county);
  if (g_strcmp0 (self->region_id, region_id) == 0 && self->county == county)
    return;
  g_free (self->region_id);
  self->region_id = g_strdup (region_id);
  self->county = county;
  fg_stats_page_count (self);
}

void
fg_stats_page_set_period (FgStatsPage   *self,
                          FgStatsPeriod  period)
{
  g_return_if_fail (FG_IS_STATS_PAGE (self));
  g_return_if_fail (period <= FG_STATS_PERIOD_YEAR);

  gtk_drop_down_set_selected (self->period_dropdown, period);
}

/**
 * fg_stats_page_reload:
 *
 * The records changed: counts again, now if the page is shown, else
 * when it is next.
 */
void
fg_stats_page_reload (FgStatsPage *self)
{
  g_return_if_fail (FG_IS_STATS_PAGE (self));
  fg_stats_page_count (self);
}

gboolean
fg_stats_page_get_busy (FgStatsPage *self)
{
  g_return_val_if_fail (FG_IS_STATS_PAGE (self), FALSE);
  return self->busy;
}

/**
 * fg_stats_page_get_stats:
 *
 * Returns: (nullable) (transfer none): the figures shown
 */
const FgStats *
fg_stats_page_get_stats (FgStatsPage *self)
{
  g_return_val_if_fail (FG_IS_STATS_PAGE (self), NULL);
  return self->stats;
}

const FgStatsSeries *
fg_stats_page_get_series (FgStatsPage *self)
{
  g_return_val_if_fail (FG_IS_STATS_PAGE (self), NULL);
  return self->series;
}

/**
 * fg_stats_page_get_card:
 * @key: the card's name: "venues", "overdue", "unserved" …
 *
 * Returns: (nullable) (transfer none): the card
 */
GtkWidget *
fg_stats_page_get_card (FgStatsPage *self,
                        const char  *key)
{
  g_return_val_if_fail (FG_IS_STATS_PAGE (self), NULL);
  return g_hash_table_lookup (self->card_widgets, key);
}

/**
 * fg_stats_page_get_chart:
 * @key: "areas", "months", "sections" or "target"
 *
 * Returns: (nullable) (transfer none): the chart, an #FgBarChart
 */
GtkWidget *
fg_stats_page_get_chart (FgStatsPage *self,
                         const char  *key)
{
  g_return_val_if_fail (FG_IS_STATS_PAGE (self), NULL);

  if (g_strcmp0 (key, "areas") == 0)
    return GTK_WIDGET (self->areas_chart);
  if (g_strcmp0 (key, "months") == 0)
    return GTK_WIDGET (self->months_chart);
  if (g_strcmp0 (key, "sections") == 0)
    return GTK_WIDGET (self->sections_chart);
  if (g_strcmp0 (key, "target") == 0)
    return GTK_WIDGET (self->target_chart);
  return NULL;
}
