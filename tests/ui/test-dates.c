/* test-dates.c — date fields: typed, or chosen in a calendar
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fg-date-row.h"
#include "fg-form.h"
#include "fg-notice-dialog.h"
#include "fg-ui-test-util.h"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  GtkWindow *window;
  FgDateRow *row;
} Fixture;

static GDate *
date (const char *text)
{
  g_autoptr(GError) error = NULL;
  GDate *result = fg_calendar_parse_date (text, &error);

  g_assert_no_error (error);
  return result;
}

/* A deadline row in a window, counting working days from @data, over an
 * office with the shipped holidays (2025 and 2026). */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = date (data != NULL ? data : "2026-11-27");
  GtkWidget *list = gtk_list_box_new ();

  fg_test_dir_init (&fixture->dir);
  fixture->store = fg_office_open (fixture->dir.db_path, &error);
  g_assert_no_error (error);

  fixture->row = FG_DATE_ROW (fg_date_row_new ("Deadline"));
  fg_date_row_count_workdays (fixture->row, fixture->store, today);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (fixture->row));
  fixture->window = GTK_WINDOW (g_object_ref (gtk_window_new ()));
  gtk_window_set_child (fixture->window, list);
  gtk_window_present (fixture->window);
  fg_ui_test_spin ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  fg_ui_test_spin ();
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->store);
  fg_test_dir_clear (&fixture->dir);
}

static const char *
note (FgDateRow *row)
{
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

  return subtitle != NULL ? subtitle : "";
}

static char *
calendar_day (FgDateRow *row)
{
  g_autoptr(GDateTime) shown = gtk_calendar_get_date (GTK_CALENDAR (fg_date_row_get_calendar (row)));

  return g_date_time_format (shown, "%Y-%m-%d");
}

static GtkWidget *
popover_of (FgDateRow *row)
{
  return GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (fg_date_row_get_button (row))));
}

static void
open_calendar (FgDateRow *row)
{
  gtk_menu_button_popup (GTK_MENU_BUTTON (fg_date_row_get_button (row)));
  fg_ui_test_spin ();
  g_assert_true (gtk_widget_get_visible (popover_of (row)));
}

/* What a click on a day of the calendar does. */
static void
choose_day (FgDateRow  *row,
            const char *day)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) chosen = g_date_time_new_from_iso8601 (day, zone);

  g_assert_nonnull (chosen);
  gtk_calendar_select_day (GTK_CALENDAR (fg_date_row_get_calendar (row)), chosen);
  fg_ui_test_spin ();
}

/* The calendar opens on today when the field is empty, on the field's
 * date otherwise; a day chosen fills the field, closes the calendar and
 * says which working day it is. */
static void
test_dates_calendar (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *opened_empty = NULL;
  g_autofree char *opened_typed = NULL;
  const char *button_name;

  /* the button and the popover have names, not only a tooltip */
  button_name = gtk_widget_get_tooltip_text (fg_date_row_get_button (fixture->row));
  g_assert_nonnull (button_name);
  g_assert_true (GTK_IS_CALENDAR (gtk_popover_get_child (GTK_POPOVER (popover_of (fixture->row)))));

  open_calendar (fixture->row);
  opened_empty = calendar_day (fixture->row);
  g_assert_cmpstr (opened_empty, ==, "2026-11-27");
  /* opening it chose nothing */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->row)), ==, "");

  /* Friday 27 November + 7 working days: Tuesday 8 December */
  choose_day (fixture->row, "2026-12-08T00:00:00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->row)), ==, "2026-12-08");
  g_assert_false (gtk_widget_get_visible (popover_of (fixture->row)));
  g_assert_cmpstr (note (fixture->row), ==, "Working day 7");
  g_assert_null (fg_date_row_get_problem (fixture->row));

  /* typed: the calendar opens on it */
  gtk_editable_set_text (GTK_EDITABLE (fixture->row), "2027-03-15");
  open_calendar (fixture->row);
  opened_typed = calendar_day (fixture->row);
  g_assert_cmpstr (opened_typed, ==, "2027-03-15");
  gtk_popover_popdown (GTK_POPOVER (popover_of (fixture->row)));
  fg_ui_test_spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->row)), ==, "2027-03-15");
}

/* A weekend day or a day off of a holiday is said to be no working day. */
static void
test_dates_no_working_day (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GDate) today = date ("2026-09-29");

  gtk_editable_set_text (GTK_EDITABLE (fixture->row), "2026-11-28");
  g_assert_cmpstr (note (fixture->row), ==, "Saturday, not a working day");
  open_calendar (fixture->row);
  choose_day (fixture->row, "2026-11-29T00:00:00");
  g_assert_cmpstr (note (fixture->row), ==, "Sunday, not a working day");

  /* counted from the eve of National Day: the holiday, then the Saturday
   * worked instead */
  fg_date_row_count_workdays (fixture->row, fixture->store, today);
  gtk_editable_set_text (GTK_EDITABLE (fixture->row), "2026-10-01");
  g_assert_cmpstr (note (fixture->row), ==, "国庆节 holiday, not a working day");
  gtk_editable_set_text (GTK_EDITABLE (fixture->row), "2026-10-10");
  g_assert_cmpstr (note (fixture->row), ==, "Working day 4, 国庆节调休上班");
}

/* 2027's holidays are not installed: no number is claimed. */
static void
test_dates_unknown_year (Fixture       *fixture,
                         gconstpointer  data)
{
  gtk_editable_set_text (GTK_EDITABLE (fixture->row), "2026-12-31");
  g_assert_cmpstr (note (fixture->row), ==, "Working day 8");
  gtk_editable_set_text (GTK_EDITABLE (fixture->row), "2027-01-04");
  g_assert_cmpstr (note (fixture->row), ==,
                   "The holidays of 2027 are not installed: the count of working days may be wrong");
}

/* An impossible date is marked, with the core's words; a right one
 * clears the mark. */
static void
test_dates_impossible (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *entry = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (fixture->row)));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) parsed = fg_calendar_parse_date ("2026-02-30", &error);

  g_assert_null (parsed);
  gtk_editable_set_text (GTK_EDITABLE (fixture->row), "2026-02-30");
  g_assert_cmpstr (fg_date_row_get_problem (fixture->row), ==, error->message);
  g_assert_cmpstr (note (fixture->row), ==, error->message);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture->row), "fg-date-error"));
  g_assert_null (fg_date_row_dup_date (fixture->row));

  /* the calendar opens on today, and a day chosen clears the mark */
  open_calendar (fixture->row);
  choose_day (fixture->row, "2026-12-01T00:00:00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->row)), ==, "2026-12-01");
  g_assert_null (fg_date_row_get_problem (fixture->row));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (fixture->row), "fg-date-error"));
  g_assert_cmpstr (note (fixture->row), ==, "Working day 2");
}

/* Moves the focus into the row's field, and out again to its button. */
static void
focus_in_and_out (FgDateRow *row)
{
  GtkWidget *entry = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row)));

  g_assert_true (gtk_widget_grab_focus (entry));
  fg_ui_test_spin ();
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (entry)))));
  g_assert_true (gtk_widget_grab_focus (fg_date_row_get_button (row)));
  fg_ui_test_spin ();
  g_assert_false (gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (entry)))));
}

/* What the core refused in a date that is a date (a deadline before the
 * hazard was found) stays under it when the focus leaves the field, which
 * checks only the date's form, and goes when the date is changed; so
 * does a mark without words. */
static void
test_dates_core_problem (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *entry = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (fixture->row)));
  const char *refusal = "The deadline is before the day the hazard was found.";

  gtk_editable_set_text (GTK_EDITABLE (fixture->row), "2026-12-01");
  g_assert_null (fg_date_row_get_problem (fixture->row));
  fg_date_row_set_problem (fixture->row, refusal);
  g_assert_cmpstr (note (fixture->row), ==, refusal);

  focus_in_and_out (fixture->row);
  g_assert_cmpstr (fg_date_row_get_problem (fixture->row), ==, refusal);
  g_assert_cmpstr (note (fixture->row), ==, refusal);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture->row), "fg-date-error"));

  /* a changed date is checked afresh */
  gtk_editable_set_text (GTK_EDITABLE (fixture->row), "2026-12-02");
  g_assert_null (fg_date_row_get_problem (fixture->row));
  g_assert_cmpstr (note (fixture->row), ==, "Working day 3");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));

  /* marked without words by a form's check */
  fg_form_mark_field (GTK_WIDGET (fixture->row), TRUE);
  focus_in_and_out (fixture->row);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpstr (note (fixture->row), ==, "Working day 3");
  fg_form_mark_field (GTK_WIDGET (fixture->row), FALSE);
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  fg_form_mark_field (GTK_WIDGET (fixture->row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (fixture->row), "2026-12-01");
  focus_in_and_out (fixture->row);
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
}

/* A date with a time: the calendar changes the day and keeps the time. */
static void
test_dates_with_time (Fixture       *fixture,
                      gconstpointer  data)
{
  fg_date_row_set_with_time (fixture->row, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (fixture->row), "2026-11-25 09:30");
  g_assert_null (fg_date_row_get_problem (fixture->row));
  open_calendar (fixture->row);
  {
    g_autofree char *opened = calendar_day (fixture->row);

    g_assert_cmpstr (opened, ==, "2026-11-25");
  }
  choose_day (fixture->row, "2026-11-24T00:00:00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->row)), ==, "2026-11-24 09:30");

  gtk_editable_set_text (GTK_EDITABLE (fixture->row), "2026-11-31 09:30");
  g_assert_nonnull (fg_date_row_get_problem (fixture->row));
}

/* The notice dialog's deadline is such a row: it says which working day
 * the proposed deadline is, as the core counts it. */
static void
test_dates_notice_dialog (void)
{
  g_autoptr(GError) error = NULL;
  FgTestDir dir;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgActor) actor = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(GDate) today = NULL;
  g_autoptr(GDate) deadline = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *opened = NULL;
  FgHazard *hazard = NULL;
  GtkWindow *dialog;
  FgDateRow *row;

  fg_test_dir_init (&dir);
  store = fg_ui_test_demo_new (&dir);
  actor = fg_ui_test_login (store, "admin");
  hazards = fg_hazard_list (store, actor, NULL, NULL, -1, &error);
  g_assert_no_error (error);
  for (guint i = 0; hazard == NULL && i < hazards->len; i++)
    if (fg_hazard_event_allowed (fg_hazard_get_state (g_ptr_array_index (hazards, i)), FG_HAZARD_EVENT_NOTICE_ISSUED))
      hazard = g_ptr_array_index (hazards, i);
  g_assert_nonnull (hazard);

  fg_notice_dialog_present_for_hazard (NULL, store, actor, hazard, NULL, NULL);
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  row = g_object_get_data (G_OBJECT (dialog), "fg-deadline");
  g_assert_true (FG_IS_DATE_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Deadline");

  today = fg_store_today (store);
  deadline = fg_date_row_dup_date (row);
  g_assert_nonnull (deadline);
  expected = fg_calendar_describe_deadline (store, today, deadline);
  g_assert_cmpstr (note (row), ==, expected);
  if (fg_calendar_missing_year_between (store, today, deadline) == 0)
    {
      g_autofree char *working_day = g_strdup_printf ("Working day %d",
                                                      fg_calendar_count_workdays (store, today, deadline));

      g_assert_true (g_str_has_prefix (note (row), working_day) || strstr (note (row), "not a working day") != NULL);
    }

  open_calendar (row);
  opened = calendar_day (row);
  g_assert_cmpstr (opened, ==, gtk_editable_get_text (GTK_EDITABLE (row)));
  gtk_popover_popdown (GTK_POPOVER (popover_of (row)));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (dialog);
  fg_ui_test_spin ();
  g_clear_pointer (&actor, fg_actor_unref);
  g_clear_pointer (&hazards, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&store));
  fg_test_dir_clear (&dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!fg_ui_test_init (&argc, &argv))
    return 77;

  g_test_add ("/ui/dates/calendar", Fixture, NULL, fixture_set_up, test_dates_calendar, fixture_tear_down);
  g_test_add ("/ui/dates/no-working-day", Fixture, NULL, fixture_set_up, test_dates_no_working_day,
              fixture_tear_down);
  g_test_add ("/ui/dates/unknown-year", Fixture, "2026-12-21", fixture_set_up, test_dates_unknown_year,
              fixture_tear_down);
  g_test_add ("/ui/dates/impossible", Fixture, NULL, fixture_set_up, test_dates_impossible, fixture_tear_down);
  g_test_add ("/ui/dates/core-problem", Fixture, NULL, fixture_set_up, test_dates_core_problem, fixture_tear_down);
  g_test_add ("/ui/dates/with-time", Fixture, NULL, fixture_set_up, test_dates_with_time, fixture_tear_down);
  g_test_add_func ("/ui/dates/notice-dialog", test_dates_notice_dialog);

  return g_test_run ();
}
