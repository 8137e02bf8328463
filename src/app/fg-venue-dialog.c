/* fg-venue-dialog.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form knows how to show a field's problem, not what makes a venue
 * valid: every check is fg_venue_check_fields(), whose errors name their
 * fields. Every wrong field is marked at once: those the person has
 * touched while typing, and all of them once they tried to save.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "fg-accessible.h"
#include "fg-form.h"
#include "fg-venue-dialog.h"

typedef struct
{
  GtkWidget *row;
  GtkLabel *label;
} FieldView;

#define N_FIELDS (FG_VENUE_ERROR_INVALID_SIMPLE_EXTINGUISHING + 1)

struct _FgVenueDialog
{
  AdwWindow parent_instance;

  AdwPreferencesPage *page;
  AdwPreferencesGroup *general_group;
  GtkLabel *general_error_label;
  AdwEntryRow *name_row;
  AdwEntryRow *address_row;
  AdwComboRow *region_row;
  GtkLabel *place_error_label;
  AdwComboRow *category_row;
  AdwExpanderRow *other_categories_row;
  AdwComboRow *status_row;
  GtkLabel *use_error_label;
  AdwEntryRow *operator_row;
  AdwEntryRow *phone_row;
  AdwEntryRow *credit_code_row;
  GtkLabel *operator_error_label;
  AdwEntryRow *floor_area_row;
  AdwEntryRow *floors_row;
  AdwEntryRow *sleeping_row;
  GtkSwitch *key_unit_switch;
  GtkLabel *building_error_label;
  GtkSwitch *smoke_alarm_switch;
  AdwEntryRow *smoke_alarm_count_row;
  AdwEntryRow *smoke_alarm_checked_row;
  GtkSwitch *simple_extinguishing_switch;
  AdwEntryRow *simple_extinguishing_checked_row;
  GtkLabel *equipment_error_label;

  FgStore *store;
  FgActor *actor;
  FgVenue *venue;        /* the venue being changed; NULL for a new one */
  char *initial_region_id;

  GPtrArray *region_ids; /* position in region_row → region id */
  GPtrArray *other_rows;   /* AdwActionRow per category, in category order */
  GPtrArray *other_checks; /* their GtkCheckButtons */
  FieldView fields[N_FIELDS];
  guint touched;         /* bit per FgVenueError code */
  gboolean save_attempted;
  gboolean filling;      /* filling the form in, not the person typing */
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_ACTOR,
  PROP_VENUE,
  PROP_REGION_ID,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FgVenueDialog, fg_venue_dialog, ADW_TYPE_WINDOW)

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Text that is not a number becomes a value the core refuses, so that the
 * core's message (with the allowed range) is the one the person reads. */
static int
parse_count (const char *text,
             int         if_empty)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gint64 value;

  if (*stripped == '\0')
    return if_empty;
  if (!g_ascii_string_to_signed (stripped, 10, 0, G_MAXINT, &value, NULL))
    return -1;
  return (int) value;
}

static double
parse_area (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  char *end = NULL;
  double value;

  if (*stripped == '\0')
    return -1;  /* not recorded */
  value = g_ascii_strtod (stripped, &end);
  if (end == stripped || *end != '\0' || value < 0)
    return NAN;
  return value;
}

static const char *
main_category_id (FgVenueDialog *self)
{
  guint position = adw_combo_row_get_selected (self->category_row);

  if (position == GTK_INVALID_LIST_POSITION || position >= fg_category_get_n_categories ())
    return NULL;
  return fg_category_get_id (fg_category_get_nth (position));
}

static FgVenue *
fg_venue_dialog_read_form (FgVenueDialog *self)
{
  FgVenue *venue = self->venue != NULL ? fg_venue_copy (self->venue) : fg_venue_new ();
  g_autoptr(GPtrArray) categories = g_ptr_array_new ();
  const char *main_category = main_category_id (self);
  guint region = adw_combo_row_get_selected (self->region_row);
  guint status = adw_combo_row_get_selected (self->status_row);

  fg_venue_set_name (venue, entry_text (self->name_row));
  fg_venue_set_address (venue, entry_text (self->address_row));
  fg_venue_set_region_id (venue, region < self->region_ids->len
                                 ? g_ptr_array_index (self->region_ids, region) : NULL);

  if (main_category != NULL)
    g_ptr_array_add (categories, (gpointer) main_category);
  for (guint i = 0; i < self->other_checks->len; i++)
    {
      const char *id = fg_category_get_id (fg_category_get_nth (i));

      if (gtk_check_button_get_active (g_ptr_array_index (self->other_checks, i)) &&
          g_strcmp0 (id, main_category) != 0)
        g_ptr_array_add (categories, (gpointer) id);
    }
  g_ptr_array_add (categories, NULL);
  fg_venue_set_categories (venue, (const char * const *) categories->pdata);

  fg_venue_set_operator_name (venue, entry_text (self->operator_row));
  fg_venue_set_phone (venue, entry_text (self->phone_row));
  fg_venue_set_credit_code (venue, entry_text (self->credit_code_row));
  fg_venue_set_floor_area (venue, parse_area (entry_text (self->floor_area_row)));
  fg_venue_set_floors (venue, parse_count (entry_text (self->floors_row), 0));
  fg_venue_set_sleeping (venue, parse_count (entry_text (self->sleeping_row), 0));
  fg_venue_set_key_unit (venue, gtk_switch_get_active (self->key_unit_switch));
  /* the switch, then the count, which the switch and the count keep in
   * step with each other as they are changed */
  fg_venue_set_smoke_alarm (venue, gtk_switch_get_active (self->smoke_alarm_switch));
  {
    int count = parse_count (entry_text (self->smoke_alarm_count_row), -2);

    /* not a number: a count the core refuses, with what to type */
    fg_venue_set_smoke_alarm_count (venue, count == -2 ? -1 : count == -1 ? 1000 : count);
  }
  fg_venue_set_smoke_alarm_checked_on (venue, entry_text (self->smoke_alarm_checked_row));
  fg_venue_set_simple_extinguishing (venue, gtk_switch_get_active (self->simple_extinguishing_switch));
  fg_venue_set_simple_extinguishing_checked_on (venue, entry_text (self->simple_extinguishing_checked_row));
  if (status <= FG_VENUE_STATUS_MOVED)
    fg_venue_set_status (venue, (FgVenueStatus) status);

  return venue;
}

static void
clear_errors (FgVenueDialog *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (self->fields[i].row != NULL)
        gtk_widget_remove_css_class (self->fields[i].row, "error");
      if (self->fields[i].label != NULL)
        gtk_widget_set_visible (GTK_WIDGET (self->fields[i].label), FALSE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->general_group), FALSE);
}

static void
show_general_error (FgVenueDialog *self,
                    const char    *message)
{
  gtk_label_set_text (self->general_error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->general_group), TRUE);
}

/* Shows @error next to its field, below the messages of the fields that
 * share its label. Returns the field's row, if it has one. */
static GtkWidget *
show_error (FgVenueDialog *self,
            const GError  *error)
{
  FieldView *field;

  if (error->domain != FG_VENUE_ERROR || error->code < 0 || error->code >= N_FIELDS ||
      self->fields[error->code].row == NULL)
    {
      show_general_error (self, error->message);
      return NULL;
    }

  field = &self->fields[error->code];
  gtk_widget_add_css_class (field->row, "error");
  if (gtk_widget_get_visible (GTK_WIDGET (field->label)))
    {
      g_autofree char *both = g_strconcat (gtk_label_get_text (field->label), "\n",
                                           error->message, NULL);

      gtk_label_set_text (field->label, both);
    }
  else
    gtk_label_set_text (field->label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (field->label), TRUE);
  return field->row;
}

/* Marks every wrong field that may be shown. @bad_row is the first of them
 * in the form.
 *
 * Returns: %TRUE if the form holds a valid venue */
static gboolean
fg_venue_dialog_check (FgVenueDialog  *self,
                       GtkWidget     **bad_row)
{
  g_autoptr(FgVenue) venue = fg_venue_dialog_read_form (self);
  g_autoptr(GPtrArray) errors = fg_venue_check_fields (venue);

  clear_errors (self);

  for (guint i = 0; i < errors->len; i++)
    {
      const GError *error = g_ptr_array_index (errors, i);
      GtkWidget *row;

      if (!self->save_attempted &&
          !(error->domain == FG_VENUE_ERROR && error->code >= 0 && error->code < N_FIELDS &&
            (self->touched & (1u << error->code)) != 0))
        continue;

      row = show_error (self, error);
      if (bad_row != NULL && *bad_row == NULL)
        *bad_row = row;
    }

  return errors->len == 0;
}

static void
mark_touched (FgVenueDialog *self,
              GtkWidget     *widget)
{
  if (self->filling)
    return;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (self->fields[i].row == widget)
        self->touched |= 1u << i;
    }

  fg_venue_dialog_check (self, NULL);
}

static void
on_entry_changed (GtkEditable   *editable,
                  FgVenueDialog *self)
{
  /* the days checked belong to the field of what was checked */
  if (editable == GTK_EDITABLE (self->smoke_alarm_checked_row))
    editable = GTK_EDITABLE (self->smoke_alarm_count_row);
  mark_touched (self, GTK_WIDGET (editable));
}

/* A count of alarms says whether there is one. */
static void
on_smoke_alarm_count_changed (GtkEditable   *editable,
                              FgVenueDialog *self)
{
  int count = parse_count (entry_text (self->smoke_alarm_count_row), -1);

  if (!self->filling && count >= 0)
    gtk_switch_set_active (self->smoke_alarm_switch, count > 0);
  on_entry_changed (editable, self);
}

/* Turned off, no alarm works: a count says 0. Turned on, a count of 0 is
 * no longer true: it is cleared, to be typed if known. */
static void
on_smoke_alarm_switched (GtkSwitch     *toggle,
                         GParamSpec    *pspec,
                         FgVenueDialog *self)
{
  int count = parse_count (entry_text (self->smoke_alarm_count_row), -1);

  if (self->filling)
    return;
  if (!gtk_switch_get_active (toggle) && count > 0)
    gtk_editable_set_text (GTK_EDITABLE (self->smoke_alarm_count_row), "0");
  else if (gtk_switch_get_active (toggle) && count == 0)
    gtk_editable_set_text (GTK_EDITABLE (self->smoke_alarm_count_row), "");
}

static void
update_other_categories (FgVenueDialog *self)
{
  const char *main_category = main_category_id (self);

  /* The main category cannot also be a further one. */
  for (guint i = 0; i < self->other_rows->len; i++)
    {
      const char *id = fg_category_get_id (fg_category_get_nth (i));

      gtk_widget_set_sensitive (g_ptr_array_index (self->other_rows, i),
                                g_strcmp0 (id, main_category) != 0);
    }
}

static void
on_choice_changed (GObject       *object,
                   GParamSpec    *pspec,
                   FgVenueDialog *self)
{
  /* also while filling in the form, and while being torn down */
  if (self->filling)
    return;

  if (object == G_OBJECT (self->category_row))
    update_other_categories (self);

  /* Further categories are part of the category field. */
  if (GTK_IS_CHECK_BUTTON (object))
    mark_touched (self, GTK_WIDGET (self->category_row));
  else
    mark_touched (self, GTK_WIDGET (object));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FgVenueDialog *self = FG_VENUE_DIALOG (widget);
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *bad_row = NULL;

  self->save_attempted = TRUE;

  if (!fg_venue_dialog_check (self, &bad_row))
    {
      if (bad_row != NULL)
        gtk_widget_grab_focus (bad_row);
      return;
    }

  venue = fg_venue_dialog_read_form (self);

  if (!fg_venue_save (self->store, self->actor, venue, &error))
    {
      if (error->domain == FG_VENUE_ERROR)
        bad_row = show_error (self, error);
      else if (error->domain == FG_PERMISSION_ERROR || error->domain == FG_REGION_ERROR)
        show_general_error (self, error->message);
      else if (g_error_matches (error, FG_STORE_ERROR, FG_STORE_ERROR_FULL) ||
               g_error_matches (error, FG_STORE_ERROR, FG_STORE_ERROR_BUSY))
        show_general_error (self, error->message);
      else
        {
          /* The store's own words name files and SQLite; they belong in a
           * bug report, not in front of a grid worker. */
          g_message ("Saving a venue failed: %s", error->message);
          show_general_error (self, _("The venue could not be saved because the database reported a problem. Nothing was changed. Try again, or restart Firegrid."));
        }

      if (bad_row != NULL)
        gtk_widget_grab_focus (bad_row);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, venue);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
add_region (FgVenueDialog *self,
            GtkStringList *labels,
            FgRegion      *village,
            FgRegion      *grid)
{
  if (grid == NULL)
    gtk_string_list_append (labels, fg_region_get_name (village));
  else
    {
      /* Translators: a grid inside its village, e.g. "李庄村 › 第一网格" */
      g_autofree char *label = g_strdup_printf (_("%s › %s"),
                                                fg_region_get_name (village),
                                                fg_region_get_name (grid));

      gtk_string_list_append (labels, label);
    }

  g_ptr_array_add (self->region_ids, g_strdup (fg_region_get_id (grid != NULL ? grid : village)));
}

/* The villages and grids the person may put a venue in: those of the
 * township, of its own village, or its own grid only. */
static void
fill_regions (FgVenueDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) villages = NULL;
  g_autoptr(FgRegion) scope = NULL;
  g_autoptr(GError) error = NULL;
  const char *scope_id = fg_actor_get_scope_region_id (self->actor);

  if (scope_id != NULL)
    scope = fg_region_lookup (self->store, self->actor, scope_id, NULL);

  if (scope != NULL && fg_region_get_level (scope) == FG_REGION_LEVEL_GRID)
    {
      g_autoptr(FgRegion) village = fg_region_lookup (self->store, self->actor,
                                                      fg_region_get_parent_id (scope), NULL);

      if (village != NULL)
        add_region (self, labels, village, scope);
    }
  else if (scope != NULL && fg_region_get_level (scope) == FG_REGION_LEVEL_VILLAGE)
    {
      villages = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (villages, g_object_ref (scope));
    }
  else if (fg_store_get_home_region_id (self->store) != NULL)
    {
      villages = fg_region_list_children (self->store, self->actor,
                                          fg_store_get_home_region_id (self->store),
                                          FALSE, &error);
      if (villages == NULL)
        g_warning ("Could not read the villages: %s", error->message);
    }

  for (guint i = 0; villages != NULL && i < villages->len; i++)
    {
      FgRegion *village = g_ptr_array_index (villages, i);
      g_autoptr(GPtrArray) grids = NULL;

      add_region (self, labels, village, NULL);

      grids = fg_region_list_children (self->store, self->actor, fg_region_get_id (village), FALSE, NULL);
      for (guint j = 0; grids != NULL && j < grids->len; j++)
        add_region (self, labels, village, g_ptr_array_index (grids, j));
    }

  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->region_row, GTK_INVALID_LIST_POSITION);
}

static void
fill_categories (FgVenueDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; i < fg_category_get_n_categories (); i++)
    {
      const FgCategory *category = fg_category_get_nth (i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_string_list_append (names, fg_category_get_name (category));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fg_category_get_name (category));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "notify::active", G_CALLBACK (on_choice_changed), self, 0);
      adw_expander_row_add_row (self->other_categories_row, row);
      g_ptr_array_add (self->other_rows, row);
      g_ptr_array_add (self->other_checks, check);
    }

  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->category_row, GTK_INVALID_LIST_POSITION);
}

static void
fill_statuses (FgVenueDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (FgVenueStatus status = FG_VENUE_STATUS_ACTIVE; status <= FG_VENUE_STATUS_MOVED; status++)
    gtk_string_list_append (labels, fg_venue_status_get_label (status));

  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->status_row, FG_VENUE_STATUS_ACTIVE);
}

static void
select_region (FgVenueDialog *self,
               const char    *region_id)
{
  for (guint i = 0; region_id != NULL && i < self->region_ids->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->region_ids, i), region_id))
        {
          adw_combo_row_set_selected (self->region_row, i);
          return;
        }
    }
}

static void
fill_from_venue (FgVenueDialog *self,
                 FgVenue       *venue)
{
  const char * const *categories = fg_venue_get_categories (venue);
  g_autofree char *floor_area = NULL;
  g_autofree char *floors = NULL;
  g_autofree char *sleeping = NULL;
  g_autofree char *alarms = NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), fg_venue_get_name (venue));
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), fg_venue_get_address (venue));
  select_region (self, fg_venue_get_region_id (venue));

  for (guint c = 0; categories != NULL && categories[c] != NULL; c++)
    {
      for (guint i = 0; i < fg_category_get_n_categories (); i++)
        {
          if (g_strcmp0 (fg_category_get_id (fg_category_get_nth (i)), categories[c]) != 0)
            continue;
          if (c == 0)
            adw_combo_row_set_selected (self->category_row, i);
          else
            gtk_check_button_set_active (g_ptr_array_index (self->other_checks, i), TRUE);
        }
    }
  adw_expander_row_set_expanded (self->other_categories_row,
                                 categories != NULL && categories[0] != NULL && categories[1] != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->operator_row), fg_venue_get_operator_name (venue));
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), fg_venue_get_phone (venue));
  gtk_editable_set_text (GTK_EDITABLE (self->credit_code_row), fg_venue_get_credit_code (venue));

  if (fg_venue_get_floor_area (venue) >= 0)
    floor_area = g_strdup_printf ("%g", fg_venue_get_floor_area (venue));
  if (fg_venue_get_floors (venue) > 0)
    floors = g_strdup_printf ("%d", fg_venue_get_floors (venue));
  if (fg_venue_get_sleeping (venue) > 0)
    sleeping = g_strdup_printf ("%d", fg_venue_get_sleeping (venue));
  gtk_editable_set_text (GTK_EDITABLE (self->floor_area_row), floor_area != NULL ? floor_area : "");
  gtk_editable_set_text (GTK_EDITABLE (self->floors_row), floors != NULL ? floors : "");
  gtk_editable_set_text (GTK_EDITABLE (self->sleeping_row), sleeping != NULL ? sleeping : "");

  gtk_switch_set_active (self->key_unit_switch, fg_venue_get_key_unit (venue));
  gtk_switch_set_active (self->smoke_alarm_switch, fg_venue_get_smoke_alarm (venue));
  if (fg_venue_get_smoke_alarm_count (venue) >= 0)
    alarms = g_strdup_printf ("%d", fg_venue_get_smoke_alarm_count (venue));
  gtk_editable_set_text (GTK_EDITABLE (self->smoke_alarm_count_row), alarms != NULL ? alarms : "");
  gtk_editable_set_text (GTK_EDITABLE (self->smoke_alarm_checked_row),
                         fg_venue_get_smoke_alarm_checked_on (venue) != NULL
                         ? fg_venue_get_smoke_alarm_checked_on (venue) : "");
  gtk_switch_set_active (self->simple_extinguishing_switch, fg_venue_get_simple_extinguishing (venue));
  gtk_editable_set_text (GTK_EDITABLE (self->simple_extinguishing_checked_row),
                         fg_venue_get_simple_extinguishing_checked_on (venue) != NULL
                         ? fg_venue_get_simple_extinguishing_checked_on (venue) : "");
  adw_combo_row_set_selected (self->status_row, fg_venue_get_status (venue));
}

static void
fg_venue_dialog_constructed (GObject *object)
{
  FgVenueDialog *self = (FgVenueDialog *)object;

  G_OBJECT_CLASS (fg_venue_dialog_parent_class)->constructed (object);

  g_assert (FG_IS_STORE (self->store));
  g_assert (self->actor != NULL);

  self->filling = TRUE;
  fill_regions (self);
  fill_categories (self);
  fill_statuses (self);

  if (self->venue != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Venue"));
      fill_from_venue (self, self->venue);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Venue"));
      select_region (self, self->initial_region_id);
    }
  update_other_categories (self);
  self->filling = FALSE;

  clear_errors (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
fg_venue_dialog_dispose (GObject *object)
{
  FgVenueDialog *self = (FgVenueDialog *)object;

  self->filling = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), FG_TYPE_VENUE_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, fg_actor_unref);
  g_clear_object (&self->venue);
  g_clear_pointer (&self->region_ids, g_ptr_array_unref);
  g_clear_pointer (&self->other_rows, g_ptr_array_unref);
  g_clear_pointer (&self->other_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (fg_venue_dialog_parent_class)->dispose (object);
}

static void
fg_venue_dialog_finalize (GObject *object)
{
  FgVenueDialog *self = (FgVenueDialog *)object;

  g_free (self->initial_region_id);

  G_OBJECT_CLASS (fg_venue_dialog_parent_class)->finalize (object);
}

static void
fg_venue_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FgVenueDialog *self = FG_VENUE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ACTOR:
      g_value_set_boxed (value, self->actor);
      break;

    case PROP_VENUE:
      g_value_set_object (value, self->venue);
      break;

    case PROP_REGION_ID:
      g_value_set_string (value, self->initial_region_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_venue_dialog_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FgVenueDialog *self = FG_VENUE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_ACTOR:
      self->actor = g_value_dup_boxed (value);
      break;

    case PROP_VENUE:
      {
        FgVenue *venue = g_value_get_object (value);

        /* A copy: cancelling must leave the list's venue untouched. */
        self->venue = venue != NULL ? fg_venue_copy (venue) : NULL;
      }
      break;

    case PROP_REGION_ID:
      self->initial_region_id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_venue_dialog_class_init (FgVenueDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fg_venue_dialog_constructed;
  object_class->dispose = fg_venue_dialog_dispose;
  object_class->finalize = fg_venue_dialog_finalize;
  object_class->get_property = fg_venue_dialog_get_property;
  object_class->set_property = fg_venue_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, FG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL, FG_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VENUE] =
    g_param_spec_object ("venue", NULL, NULL, FG_TYPE_VENUE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION_ID] =
    g_param_spec_string ("region-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FgVenueDialog::saved:
   * @venue: the venue as stored
   *
   * The venue was stored; the dialog closes right after.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, FG_TYPE_VENUE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-venue-dialog.ui");
  /* a window used as a dialog says so to screen readers */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDialog, page);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDialog, general_group);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDialog, general_error_label);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDialog, place_error_label);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDialog, other_categories_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDialog, use_error_label);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDialog, operator_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDialog, credit_code_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDialog, operator_error_label);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDialog, floor_area_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDialog, floors_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDialog, sleeping_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDialog, key_unit_switch);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDialog, building_error_label);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDialog, smoke_alarm_switch);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDialog, smoke_alarm_count_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDialog, smoke_alarm_checked_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDialog, simple_extinguishing_switch);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDialog, simple_extinguishing_checked_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDialog, equipment_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_smoke_alarm_count_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed);

  gtk_widget_class_install_action (widget_class, "venue.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "venue.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
set_field (FgVenueDialog *self,
           FgVenueError   code,
           gpointer       row,
           GtkLabel      *label)
{
  self->fields[code].row = GTK_WIDGET (row);
  self->fields[code].label = label;
}

static void
fg_venue_dialog_init (FgVenueDialog *self)
{
  self->region_ids = g_ptr_array_new_with_free_func (g_free);
  self->other_rows = g_ptr_array_new ();
  self->other_checks = g_ptr_array_new ();

  fg_accessible_keep_class_role (GTK_WIDGET (self));
  gtk_widget_init_template (GTK_WIDGET (self));
  /* lists without a title of their own to be read by */
  fg_accessible_name_lists (GTK_WIDGET (self->general_group), _("Venue"));
  fg_accessible_name_lists (GTK_WIDGET (self->other_categories_row),
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->other_categories_row)));
  fg_form_keep_group_titles (GTK_WINDOW (self), self->page);

  set_field (self, FG_VENUE_ERROR_INVALID_NAME, self->name_row, self->place_error_label);
  set_field (self, FG_VENUE_ERROR_INVALID_ADDRESS, self->address_row, self->place_error_label);
  set_field (self, FG_VENUE_ERROR_INVALID_REGION, self->region_row, self->place_error_label);
  set_field (self, FG_VENUE_ERROR_INVALID_CATEGORY, self->category_row, self->use_error_label);
  set_field (self, FG_VENUE_ERROR_INVALID_OPERATOR, self->operator_row, self->operator_error_label);
  set_field (self, FG_VENUE_ERROR_INVALID_PHONE, self->phone_row, self->operator_error_label);
  set_field (self, FG_VENUE_ERROR_INVALID_CREDIT_CODE, self->credit_code_row, self->operator_error_label);
  set_field (self, FG_VENUE_ERROR_INVALID_FLOOR_AREA, self->floor_area_row, self->building_error_label);
  set_field (self, FG_VENUE_ERROR_INVALID_FLOORS, self->floors_row, self->building_error_label);
  set_field (self, FG_VENUE_ERROR_INVALID_SLEEPING, self->sleeping_row, self->building_error_label);
  set_field (self, FG_VENUE_ERROR_INVALID_SMOKE_ALARMS, self->smoke_alarm_count_row, self->equipment_error_label);
  set_field (self, FG_VENUE_ERROR_INVALID_SIMPLE_EXTINGUISHING, self->simple_extinguishing_checked_row,
             self->equipment_error_label);
  g_signal_connect_object (self->smoke_alarm_switch, "notify::active", G_CALLBACK (on_smoke_alarm_switched),
                           self, 0);
}

/**
 * fg_venue_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @store: where the venue is saved
 * @actor: who saves it
 * @venue: (nullable): the venue to change, or %NULL to add one
 * @region_id: (nullable): for a new venue, the village or grid to offer
 *
 * Returns: (transfer none): the dialog, owned by GTK's list of windows
 */
FgVenueDialog *
fg_venue_dialog_new (GtkWindow  *parent,
                     FgStore    *store,
                     FgActor    *actor,
                     FgVenue    *venue,
                     const char *region_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (venue == NULL || FG_IS_VENUE (venue), NULL);

  return g_object_new (FG_TYPE_VENUE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "store", store,
                       "actor", actor,
                       "venue", venue,
                       "region-id", region_id,
                       NULL);
}

FgStore *
fg_venue_dialog_get_store (FgVenueDialog *self)
{
  g_return_val_if_fail (FG_IS_VENUE_DIALOG (self), NULL);
  return self->store;
}

/**
 * fg_venue_dialog_get_venue:
 *
 * Returns: (transfer none) (nullable): the venue being changed, %NULL when
 *   adding one
 */
FgVenue *
fg_venue_dialog_get_venue (FgVenueDialog *self)
{
  g_return_val_if_fail (FG_IS_VENUE_DIALOG (self), NULL);
  return self->venue;
}
