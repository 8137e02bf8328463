/* fg-date-row.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every date the window asks for: typed as year-month-day, or chosen in
 * a calendar that opens beside it on the date typed (or today). Below
 * its title the row says what is wrong with what was typed, in the
 * core's words, and — for a deadline counted in working days — which
 * working day it is, or that it is none (fg_calendar_describe_deadline()).
 * The row is a GtkEditable, so dialogs read and set its text as they did
 * the entry rows it replaces.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "fg-date-row.h"

/* "YYYY-MM-DD", the part of the text the calendar reads and writes */
#define DATE_LENGTH 10

struct _FgDateRow
{
  AdwActionRow parent_instance;

  GtkWidget *entry;
  GtkWidget *button;
  GtkWidget *popover;
  GtkWidget *calendar;

  /* set when the row counts the working days of a deadline */
  FgStore *store;
  GDate *today;

  gboolean with_time;   /* "YYYY-MM-DD HH:MM": the calendar keeps the time */
  gboolean syncing;     /* the calendar is being set from the text */
  char *problem;
  /* what the core refused ("" for a mark without words), and the text
   * it refused: kept until the text changes */
  char *refusal;
  char *refused_text;
};

static void fg_date_row_editable_init (GtkEditableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FgDateRow, fg_date_row, ADW_TYPE_ACTION_ROW,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_EDITABLE, fg_date_row_editable_init))

static GtkEditable *
fg_date_row_get_delegate (GtkEditable *editable)
{
  return GTK_EDITABLE (FG_DATE_ROW (editable)->entry);
}

static void
fg_date_row_editable_init (GtkEditableInterface *iface)
{
  iface->get_delegate = fg_date_row_get_delegate;
}

static GDate *
local_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (now), (GDateMonth) g_date_time_get_month (now),
                         (GDateYear) g_date_time_get_year (now));
}

/* The date at the start of the text, or NULL with the core's reason. */
static GDate *
parse_text (FgDateRow  *self,
            GError    **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *date = NULL;

  if (self->with_time && strlen (text) > DATE_LENGTH && text[DATE_LENGTH] == ' ')
    date = g_strndup (text, DATE_LENGTH);
  else
    date = g_strstrip (g_strdup (text));
  return fg_calendar_parse_date (date, error);
}

/* Shows the row's problem, or else @note, below its title; a problem
 * marks the field. */
static void
show_note (FgDateRow  *self,
           const char *note)
{
  gboolean wrong = self->problem != NULL || self->refusal != NULL;

  if (wrong)
    {
      gtk_widget_add_css_class (self->entry, "error");
      gtk_widget_add_css_class (GTK_WIDGET (self), "fg-date-error");
    }
  else
    {
      gtk_widget_remove_css_class (self->entry, "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "fg-date-error");
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), self->problem != NULL ? self->problem
                                                      : note != NULL ? note : "");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID,
                               wrong ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  adw_action_row_get_subtitle (ADW_ACTION_ROW (self)), -1);
}

/* What the row says below its title; @strict when the person is done
 * typing, so a date half typed is not called wrong yet. */
static void
update_note (FgDateRow *self,
             gboolean   strict)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = NULL;
  g_autofree char *note = NULL;

  g_clear_pointer (&self->problem, g_free);

  /* the core's refusal stays, through a check of the date's form as the
   * focus leaves, until the date is changed */
  if (self->refusal != NULL && g_strcmp0 (text, self->refused_text) != 0)
    {
      g_clear_pointer (&self->refusal, g_free);
      g_clear_pointer (&self->refused_text, g_free);
    }
  if (self->refusal != NULL && *self->refusal != '\0')
    {
      self->problem = g_strdup (self->refusal);
      show_note (self, NULL);
      return;
    }

  if (*text != '\0')
    date = parse_text (self, &error);

  if (date == NULL && error != NULL && (strict || strlen (text) >= DATE_LENGTH))
    self->problem = g_strdup (error->message);
  else if (date != NULL && self->store != NULL)
    note = fg_calendar_describe_deadline (self->store, self->today, date);

  show_note (self, note);
}

static void
on_text_changed (FgDateRow *self)
{
  update_note (self, !gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->entry)))));
}

static void
on_focus_leave (FgDateRow *self)
{
  update_note (self, TRUE);
}

static void
on_title_changed (FgDateRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

/* The calendar opens on the date typed, or on today. */
static void
on_popover_show (FgDateRow *self)
{
  g_autoptr(GDate) date = parse_text (self, NULL);
  g_autoptr(GDateTime) time = NULL;

  if (date == NULL)
    date = self->today != NULL ? g_date_copy (self->today) : local_today ();
  time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);

  self->syncing = TRUE;
  gtk_calendar_select_day (GTK_CALENDAR (self->calendar), time);
  self->syncing = FALSE;
}

/* A day chosen, by a click or the space bar: it goes into the field,
 * with the time typed after it, and the calendar closes. */
static void
on_day_selected (FgDateRow *self)
{
  g_autoptr(GDateTime) chosen = NULL;
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;
  const char *typed;

  if (self->syncing)
    return;

  chosen = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));
  day = g_date_time_format (chosen, "%Y-%m-%d");
  typed = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  if (self->with_time && strlen (typed) > DATE_LENGTH)
    text = g_strconcat (day, typed + DATE_LENGTH, NULL);
  else
    text = g_steal_pointer (&day);

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  gtk_popover_popdown (GTK_POPOVER (self->popover));
  update_note (self, TRUE);
}

static void
set_placeholder (FgDateRow *self)
{
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry),
                                  self->with_time
                                  /* Translators: the hint in an empty field for a date and time */
                                  ? _("e.g. 2026-03-05 09:30")
                                  /* Translators: the hint in an empty date field */
                                  : _("e.g. 2026-12-31"));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), self->with_time ? 17 : 12);
}

static void
fg_date_row_dispose (GObject *object)
{
  FgDateRow *self = FG_DATE_ROW (object);

  if (self->entry != NULL)
    gtk_editable_finish_delegate (GTK_EDITABLE (self));
  self->entry = NULL;
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fg_date_row_parent_class)->dispose (object);
}

static void
fg_date_row_finalize (GObject *object)
{
  FgDateRow *self = FG_DATE_ROW (object);

  g_clear_pointer (&self->today, g_date_free);
  g_free (self->problem);
  g_free (self->refusal);
  g_free (self->refused_text);

  G_OBJECT_CLASS (fg_date_row_parent_class)->finalize (object);
}

static void
fg_date_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  if (gtk_editable_delegate_get_property (object, prop_id, value, pspec))
    return;

  G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
fg_date_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  if (gtk_editable_delegate_set_property (object, prop_id, value, pspec))
    return;

  G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
fg_date_row_class_init (FgDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fg_date_row_dispose;
  object_class->finalize = fg_date_row_finalize;
  object_class->get_property = fg_date_row_get_property;
  object_class->set_property = fg_date_row_set_property;

  gtk_editable_install_properties (object_class, 1);
}

static void
fg_date_row_init (FgDateRow *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->entry = gtk_entry_new ();
  gtk_widget_set_valign (self->entry, GTK_ALIGN_CENTER);
  gtk_entry_set_activates_default (GTK_ENTRY (self->entry), TRUE);
  set_placeholder (self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->entry);

  self->calendar = gtk_calendar_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Calendar"), -1);
  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), self->calendar);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->popover), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose a Day"), -1);

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), self->popover);
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_set_tooltip_text (self->button, _("Choose the date in a calendar"));
  /* the menu button and the toggle inside it, which is what is announced */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose the date in a calendar"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (self->button)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose the date in a calendar"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->button);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  /* wide enough from the start for what it says below its title, so a
   * dialog does not grow as a date is typed */
  gtk_widget_set_size_request (GTK_WIDGET (self), 480, -1);
  gtk_editable_init_delegate (GTK_EDITABLE (self));

  g_signal_connect_object (self->entry, "changed", G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->entry, focus);
  g_signal_connect_object (self->popover, "show", G_CALLBACK (on_popover_show), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (on_day_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_changed), NULL);
}

/**
 * fg_date_row_new:
 * @title: what the date is ("Deadline"), without a format
 *
 * Returns: (transfer floating): a row for a date
 */
GtkWidget *
fg_date_row_new (const char *title)
{
  return g_object_new (FG_TYPE_DATE_ROW, "title", title, NULL);
}

/**
 * fg_date_row_set_with_time:
 *
 * The row holds a date and a time ("2026-03-05 09:30"): the calendar
 * changes the date and keeps the time; the core checks the time.
 */
void
fg_date_row_set_with_time (FgDateRow *self,
                           gboolean   with_time)
{
  g_return_if_fail (FG_IS_DATE_ROW (self));

  self->with_time = !!with_time;
  set_placeholder (self);
  update_note (self, FALSE);
}

/**
 * fg_date_row_count_workdays:
 * @store: the store whose holidays count
 * @today: the day working days count from
 *
 * The date is a deadline counted in working days: the row says which
 * working day it is, or that it is none, as it is typed or chosen.
 */
void
fg_date_row_count_workdays (FgDateRow   *self,
                            FgStore     *store,
                            const GDate *today)
{
  g_return_if_fail (FG_IS_DATE_ROW (self));
  g_return_if_fail (FG_IS_STORE (store));
  g_return_if_fail (today != NULL && g_date_valid (today));

  g_set_object (&self->store, store);
  g_clear_pointer (&self->today, g_date_free);
  self->today = g_date_copy (today);
  update_note (self, FALSE);
}

/**
 * fg_date_row_dup_date:
 *
 * Returns: (transfer full) (nullable): the date typed or chosen, or %NULL
 *   when the field holds none
 */
GDate *
fg_date_row_dup_date (FgDateRow *self)
{
  g_return_val_if_fail (FG_IS_DATE_ROW (self), NULL);

  return parse_text (self, NULL);
}

/**
 * fg_date_row_get_problem:
 *
 * Returns: (nullable): why the text is no date, as the row says it, or
 *   %NULL
 */
const char *
fg_date_row_get_problem (FgDateRow *self)
{
  g_return_val_if_fail (FG_IS_DATE_ROW (self), NULL);

  return self->problem;
}

/* Returns: (transfer none): the button that opens the calendar */
GtkWidget *
fg_date_row_get_button (FgDateRow *self)
{
  g_return_val_if_fail (FG_IS_DATE_ROW (self), NULL);

  return self->button;
}

/* Returns: (transfer none): the calendar in the popover */
GtkWidget *
fg_date_row_get_calendar (FgDateRow *self)
{
  g_return_val_if_fail (FG_IS_DATE_ROW (self), NULL);

  return self->calendar;
}

/**
 * fg_date_row_set_problem:
 * @problem: (nullable): what is wrong with the date, in the core's words;
 *   "" to mark the field without words; %NULL when the core takes it
 *
 * Marks the field with what the core found wrong with the date (before
 * the hazard was found, past): the mark stays, also when the focus
 * leaves the field, until the date is changed.
 */
void
fg_date_row_set_problem (FgDateRow  *self,
                         const char *problem)
{
  g_return_if_fail (FG_IS_DATE_ROW (self));

  g_clear_pointer (&self->refusal, g_free);
  g_clear_pointer (&self->refused_text, g_free);
  if (problem != NULL)
    {
      self->refusal = g_strdup (problem);
      self->refused_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
    }
  update_note (self, TRUE);
}
