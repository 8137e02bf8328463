/* fg-township-page.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A county office's view of its townships side by side: one row a
 * township with its figures over a period, ranked by the figure chosen.
 * Re-ranking orders the rows the core read again, without reading;
 * clicking a column's header sorts by that column, the rank staying the
 * chosen figure's. A county has a few dozen townships at most, so the
 * rows are sorted in memory. The report is read when the page is shown,
 * and again when a bundle brought records while it was away.
 */
#include "config.h"

#include <time.h>

#include <glib/gi18n.h>

#include "fg-list-layout.h"
#include "fg-township-item.h"
#include "fg-township-page.h"

struct _FgTownshipPage
{
  GtkWidget parent_instance;

  GtkDropDown *period_dropdown;
  GtkLabel *period_label;
  GtkDropDown *rank_dropdown;
  GtkStack *stack;
  GtkColumnView *column_view;
  GtkColumnViewColumn *rank_column;
  AdwStatusPage *error_page;

  GListStore *townships;        /* FgTownshipItem, in rank order */
  GtkSortListModel *sort_model; /* as the column headers sort them */
  GtkNoSelection *selection;

  FgStore *store;
  FgActor *actor;
  FgTownshipReport *report;
  gboolean stale;               /* read again when next shown */
};

G_DEFINE_FINAL_TYPE (FgTownshipPage, fg_township_page, GTK_TYPE_WIDGET)

/* Fourteen columns fit a laptop's window side by side only under short
 * headings; what each means in full, in the order of the columns. */
static const char * const column_meanings[] = {
  N_("Rank by the figure chosen above, the best first"),
  N_("Township; press Enter on it, or double-click it, to see its hazards"),
  N_("The day the township’s last bundle was imported here"),
  N_("Venues in business, now"),
  N_("Venues inspected at least once in the period"),
  N_("Coverage: the share of the venues in business inspected in the period"),
  N_("Inspections finished in the period"),
  N_("Hazards found in the period"),
  N_("Of the hazards found in the period, those closed now"),
  N_("Rectification rate: the share of the hazards found in the period that are closed now"),
  N_("Hazards not closed, now"),
  N_("Hazards past their deadline, now"),
  N_("Confirmed major hazards not closed, now"),
  N_("Hazards escalated for supervision, now"),
};

/* The first day of @period, which ends @today. */
static GDate *
period_start (FgTownshipPeriod  period,
              const GDate      *today)
{
  GDate *start = g_date_copy (today);

  switch (period)
    {
    case FG_TOWNSHIP_PERIOD_THIS_QUARTER:
      g_date_set_day (start, 1);
      g_date_set_month (start, (g_date_get_month (today) - 1) / 3 * 3 + 1);
      break;

    case FG_TOWNSHIP_PERIOD_LAST_30_DAYS:
      g_date_subtract_days (start, 29);
      break;

    case FG_TOWNSHIP_PERIOD_THIS_YEAR:
    default:
      g_date_set_day (start, 1);
      g_date_set_month (start, G_DATE_JANUARY);
      break;
    }

  return start;
}

/* Puts the report's townships into the list, in rank order. */
static void
fg_township_page_fill (FgTownshipPage *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = self->report != NULL ? self->report->townships->len : 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, fg_township_item_new (g_ptr_array_index (self->report->townships, i)));

  g_list_store_splice (self->townships, 0, g_list_model_get_n_items (G_LIST_MODEL (self->townships)),
                       items->pdata, items->len);
}

static void
fg_township_page_load (FgTownshipPage *self)
{
  g_autoptr(GDate) today = g_date_new ();
  g_autoptr(GDate) from = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *period_text = NULL;
  FgReportQuery query = { NULL, };

  self->stale = FALSE;
  if (self->store == NULL)
    return;

  g_date_set_time_t (today, time (NULL));
  from = period_start (gtk_drop_down_get_selected (self->period_dropdown), today);
  from_text = fg_calendar_format_date (from);
  query.from = from_text;
  query.today = today;
  query.rank_by = gtk_drop_down_get_selected (self->rank_dropdown);

  g_clear_pointer (&self->report, fg_township_report_free);
  self->report = fg_report_townships (self->store, self->actor, &query, &error);

  if (self->report == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_label_set_label (self->period_label, "");
      gtk_stack_set_visible_child_name (self->stack, "error");
      fg_township_page_fill (self);
      return;
    }

  /* Translators: the period of the township ranking, e.g. "2026-01-01 – 2026-11-29" */
  period_text = g_strdup_printf (_("%s – %s"), self->report->from, self->report->to);
  gtk_label_set_label (self->period_label, period_text);
  fg_township_page_fill (self);

  gtk_stack_set_visible_child_name (self->stack, self->report->townships->len > 0 ? "list" : "empty");
}

static void
on_period_changed (FgTownshipPage *self)
{
  fg_township_page_reload (self);
}

static void
on_rank_changed (FgTownshipPage *self)
{
  FgReportRank rank_by = gtk_drop_down_get_selected (self->rank_dropdown);

  if (self->report == NULL || rank_by >= FG_REPORT_N_RANKS)
    return;

  /* the figures are the same: only their order and ranks change */
  self->report->rank_by = rank_by;
  fg_report_rank (self->report->townships, rank_by);
  fg_township_page_fill (self);
  gtk_column_view_sort_by_column (self->column_view, self->rank_column, GTK_SORT_ASCENDING);
}

static char *
format_count (gpointer unused,
              guint    n)
{
  return g_strdup_printf ("%u", n);
}

/* Overdue hazards stand out, as in the hazard ledger. */
static char **
overdue_css_classes (gpointer unused,
                     guint    n_overdue)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **classes;

  g_strv_builder_add (builder, "numeric");
  if (n_overdue > 0)
    {
      g_strv_builder_add (builder, "fg-tag");
      g_strv_builder_add (builder, "error");
    }

  classes = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return classes;
}

static char *
bundle_tooltip (gpointer    unused,
                const char *last_bundle_at)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;

  if (last_bundle_at == NULL || *last_bundle_at == '\0')
    return g_strdup (_("No bundle from this township has been imported here"));

  time = g_date_time_new_from_iso8601 (last_bundle_at, NULL);
  if (time == NULL)
    return g_strdup (last_bundle_at);

  text = g_date_time_format (time, "%Y-%m-%d %H:%M");
  /* Translators: a tooltip in the township ranking; %s is a date and time */
  return g_strdup_printf (_("Last bundle imported %s"), text);
}

static void
fg_township_page_map (GtkWidget *widget)
{
  FgTownshipPage *self = FG_TOWNSHIP_PAGE (widget);

  GTK_WIDGET_CLASS (fg_township_page_parent_class)->map (widget);

  if (self->stale)
    fg_township_page_load (self);
}

static void
fg_township_page_dispose (GObject *object)
{
  FgTownshipPage *self = (FgTownshipPage *)object;
  GtkWidget *child;

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FG_TYPE_TOWNSHIP_PAGE);
  /* the template's box, which nothing binds */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->townships);
  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, fg_actor_unref);
  g_clear_pointer (&self->report, fg_township_report_free);

  G_OBJECT_CLASS (fg_township_page_parent_class)->dispose (object);
}

/* A township's row opened (a double click, Enter): its hazards, in the
 * ledger. */
static void
on_row_activated (FgTownshipPage *self,
                  guint           position)
{
  g_autoptr(FgTownshipItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-region-hazards", "s",
                              fg_township_item_get_figures (item)->township_id);
}

static void
fg_township_page_class_init (FgTownshipPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fg_township_page_dispose;
  widget_class->map = fg_township_page_map;

  g_type_ensure (FG_TYPE_TOWNSHIP_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-township-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FgTownshipPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FgTownshipPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, FgTownshipPage, rank_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FgTownshipPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FgTownshipPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_child (widget_class, FgTownshipPage, rank_column);
  gtk_widget_class_bind_template_child (widget_class, FgTownshipPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_rank_changed);
  gtk_widget_class_bind_template_callback (widget_class, format_count);
  gtk_widget_class_bind_template_callback (widget_class, overdue_css_classes);
  gtk_widget_class_bind_template_callback (widget_class, bundle_tooltip);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fgtownshippage");
}

static void
fg_township_page_init (FgTownshipPage *self)
{
  g_autoptr(GtkStringList) ranks = gtk_string_list_new (NULL);
  GListModel *columns;

  gtk_widget_init_template (GTK_WIDGET (self));

  columns = gtk_column_view_get_columns (self->column_view);
  g_assert (g_list_model_get_n_items (columns) == G_N_ELEMENTS (column_meanings));
  for (guint i = 0; i < G_N_ELEMENTS (column_meanings); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      fg_list_layout_explain_heading (self->column_view, column, _(column_meanings[i]));
    }

  /* in the order of FgReportRank */
  for (guint i = 0; i < FG_REPORT_N_RANKS; i++)
    gtk_string_list_append (ranks, fg_report_rank_get_label (i));
  gtk_drop_down_set_model (self->rank_dropdown, G_LIST_MODEL (ranks));

  self->townships = g_list_store_new (FG_TYPE_TOWNSHIP_ITEM);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->townships)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, self->rank_column, GTK_SORT_ASCENDING);
  self->stale = TRUE;
}

/**
 * fg_township_page_set_store:
 * @self: the page
 * @store: the store
 * @actor: the person logged in: the townships of their area
 *
 * The report is read when the page is next shown.
 */
void
fg_township_page_set_store (FgTownshipPage *self,
                            FgStore        *store,
                            FgActor        *actor)
{
  g_return_if_fail (FG_IS_TOWNSHIP_PAGE (self));
  g_return_if_fail (FG_IS_STORE (store));
  g_return_if_fail (actor != NULL);

  g_set_object (&self->store, store);
  g_clear_pointer (&self->actor, fg_actor_unref);
  self->actor = fg_actor_ref (actor);
  fg_township_page_reload (self);
}

/**
 * fg_township_page_reload:
 *
 * Reads the report again: now if the page is shown, otherwise when it
 * next is (a bundle imported on the Sync page, for instance).
 */
void
fg_township_page_reload (FgTownshipPage *self)
{
  g_return_if_fail (FG_IS_TOWNSHIP_PAGE (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    fg_township_page_load (self);
  else
    self->stale = TRUE;
}

void
fg_township_page_set_period (FgTownshipPage   *self,
                             FgTownshipPeriod  period)
{
  g_return_if_fail (FG_IS_TOWNSHIP_PAGE (self));
  g_return_if_fail (period <= FG_TOWNSHIP_PERIOD_LAST_30_DAYS);

  gtk_drop_down_set_selected (self->period_dropdown, period);
}

void
fg_township_page_set_rank_by (FgTownshipPage *self,
                              FgReportRank    rank_by)
{
  g_return_if_fail (FG_IS_TOWNSHIP_PAGE (self));
  g_return_if_fail (rank_by < FG_REPORT_N_RANKS);

  gtk_drop_down_set_selected (self->rank_dropdown, rank_by);
}

/**
 * fg_township_page_get_report:
 *
 * Returns: (transfer none) (nullable): the report shown, as ranked now
 */
FgTownshipReport *
fg_township_page_get_report (FgTownshipPage *self)
{
  g_return_val_if_fail (FG_IS_TOWNSHIP_PAGE (self), NULL);
  return self->report;
}

/**
 * fg_township_page_get_model:
 *
 * Returns: (transfer none): the rows as shown, sorted (FgTownshipItem)
 */
GListModel *
fg_township_page_get_model (FgTownshipPage *self)
{
  g_return_val_if_fail (FG_IS_TOWNSHIP_PAGE (self), NULL);
  return G_LIST_MODEL (self->selection);
}
