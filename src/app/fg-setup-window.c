/* fg-setup-window.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown while the database has no township: either the office sets up its
 * own (a township's, a county office's or a grid station's) and its first
 * administrator, or it looks at the demo. A township or county is picked
 * from the division list that ships with the program (city → county →
 * township, or found by a part of its name or code); one the list lacks
 * is typed by hand. A database with a township but no account yet (an
 * older one, or a set-up whose administrator was refused) only asks for
 * the administrator.
 *
 * Every field that is wrong is marked at once, with the core's reason
 * under it (fg_office_check_set_up()); the password's rule is said under
 * its field before anyone breaks it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-accessible.h"
#include "fg-setup-window.h"

/* search results shown under the search field */
#define MAX_RESULTS 6

/* The fields that can be wrong, each with its message row under it. */
typedef enum
{
  FIELD_PICK,       /* the township (or county) chosen from the list */
  FIELD_CODE,
  FIELD_NAME,
  FIELD_COUNTY_NAME,
  FIELD_ADMIN_NAME,
  FIELD_ADMIN_LOGIN,
  FIELD_ADMIN_PASSWORD,
  FIELD_REPEAT,
  N_FIELDS
} Field;

struct _FgSetupWindow
{
  AdwApplicationWindow parent_instance;

  AdwStatusPage *status_page;
  GtkWidget *kind_group;
  AdwComboRow *kind_row;
  AdwPreferencesGroup *township_group;
  AdwEntryRow *search_row;
  GtkListBox *results_list;
  AdwPreferencesGroup *pick_group;
  AdwComboRow *city_row;
  AdwComboRow *county_pick_row;
  AdwComboRow *township_pick_row;
  GtkWidget *pick_message;
  AdwActionRow *manual_row;
  GtkSwitch *manual_switch;
  AdwEntryRow *code_row;
  GtkWidget *code_message;
  AdwEntryRow *township_row;
  GtkWidget *township_message;
  AdwEntryRow *county_row;
  GtkWidget *county_message;
  GtkWidget *admin_group;
  AdwEntryRow *name_row;
  GtkWidget *name_message;
  AdwEntryRow *login_row;
  GtkWidget *login_message;
  AdwPasswordEntryRow *password_row;
  GtkWidget *password_message;
  AdwPasswordEntryRow *repeat_row;
  GtkWidget *repeat_message;
  GtkLabel *error_label;
  GtkWidget *demo_label;
  GtkWidget *demo_button;
  GtkButton *create_button;

  FgStore *store;
  FgDivisions *divisions;
  GPtrArray *cities;       /* FgDivision, as in city_row */
  GPtrArray *counties;     /* FgDivision, as in county_pick_row */
  GPtrArray *townships;    /* FgDivision, as in township_pick_row */
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FgSetupWindow, fg_setup_window, ADW_TYPE_APPLICATION_WINDOW)

/* The kinds of installation, in the order of kind_row. */
typedef enum
{
  OFFICE_TOWNSHIP,
  OFFICE_COUNTY,
  OFFICE_GRID,
} OfficeKind;

static OfficeKind
get_kind (FgSetupWindow *self)
{
  return (OfficeKind) adw_combo_row_get_selected (self->kind_row);
}

static gboolean
picks_from_list (FgSetupWindow *self)
{
  return get_kind (self) != OFFICE_GRID && !gtk_switch_get_active (self->manual_switch);
}

static GtkWidget *
field_row (FgSetupWindow *self,
           Field          field)
{
  switch (field)
    {
    case FIELD_PICK:
      return get_kind (self) == OFFICE_COUNTY ? GTK_WIDGET (self->county_pick_row)
                                              : GTK_WIDGET (self->township_pick_row);
    case FIELD_CODE:
      return GTK_WIDGET (self->code_row);
    case FIELD_NAME:
      return GTK_WIDGET (self->township_row);
    case FIELD_COUNTY_NAME:
      return GTK_WIDGET (self->county_row);
    case FIELD_ADMIN_NAME:
      return GTK_WIDGET (self->name_row);
    case FIELD_ADMIN_LOGIN:
      return GTK_WIDGET (self->login_row);
    case FIELD_ADMIN_PASSWORD:
      return GTK_WIDGET (self->password_row);
    case FIELD_REPEAT:
    case N_FIELDS:
    default:
      return GTK_WIDGET (self->repeat_row);
    }
}

static GtkWidget *
field_message (FgSetupWindow *self,
               Field          field)
{
  GtkWidget *messages[N_FIELDS] = {
    self->pick_message, self->code_message, self->township_message, self->county_message,
    self->name_message, self->login_message, self->password_message, self->repeat_message,
  };

  g_assert (field < N_FIELDS);
  return messages[field];
}

static GtkLabel *
message_label (GtkWidget *message)
{
  return GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (message)));
}

/* Marks a field wrong and says why under it. */
static void
set_field_error (FgSetupWindow *self,
                 Field          field,
                 const char    *text)
{
  GtkWidget *row = field_row (self, field);
  GtkWidget *message = field_message (self, field);
  GtkLabel *label = message_label (message);

  gtk_label_set_text (label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  gtk_widget_set_visible (message, TRUE);
  gtk_widget_add_css_class (row, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
}

static void
clear_field_error (FgSetupWindow *self,
                   Field          field)
{
  GtkWidget *message = field_message (self, field);
  GtkLabel *label = message_label (message);

  gtk_widget_remove_css_class (field_row (self, field), "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (field_row (self, field)), GTK_ACCESSIBLE_STATE_INVALID);
  if (field == FIELD_ADMIN_PASSWORD)
    {
      g_autofree char *rule = g_strdup_printf (_("At least %d characters, and not the login name."),
                                               FG_ACCOUNT_MIN_PASSWORD_LENGTH);

      /* the rule stays said, in its quiet colour */
      gtk_label_set_text (label, rule);
      gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
      return;
    }
  gtk_widget_set_visible (message, FALSE);
}

static void
clear_errors (FgSetupWindow *self)
{
  for (Field field = 0; field < N_FIELDS; field++)
    clear_field_error (self, field);
  /* the pick row of the other kind too */
  gtk_widget_remove_css_class (GTK_WIDGET (self->county_pick_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->township_pick_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* Which field a wrong entry row is. */
static Field
field_of_row (FgSetupWindow *self,
              GtkWidget     *row)
{
  for (Field field = FIELD_CODE; field < N_FIELDS; field++)
    if (field_row (self, field) == row)
      return field;
  return N_FIELDS;
}

/* Typing in a field takes its message away, and its message only. */
static void
on_entry_changed (FgSetupWindow *self,
                  GtkEditable   *editable)
{
  Field field = field_of_row (self, GTK_WIDGET (editable));

  if (field != N_FIELDS)
    clear_field_error (self, field);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static GtkStringList *
names_of (GPtrArray *divisions)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  for (guint i = 0; i < divisions->len; i++)
    gtk_string_list_append (names, ((FgDivision *) g_ptr_array_index (divisions, i))->name);
  return names;
}

/* Fills a drop-down with @divisions, none of them chosen yet. */
static void
fill_combo (AdwComboRow  *row,
            GPtrArray   **store,
            GPtrArray    *divisions)
{
  g_autoptr(GtkStringList) names = names_of (divisions);

  g_clear_pointer (store, g_ptr_array_unref);
  *store = divisions;
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, GTK_INVALID_LIST_POSITION);
  gtk_widget_set_sensitive (GTK_WIDGET (row), divisions->len > 0);
}

static const FgDivision *
selected_in (AdwComboRow *row,
             GPtrArray   *divisions)
{
  guint position = adw_combo_row_get_selected (row);

  if (divisions == NULL || position == GTK_INVALID_LIST_POSITION || position >= divisions->len)
    return NULL;
  return g_ptr_array_index (divisions, position);
}

static guint
position_in (GPtrArray  *divisions,
             const char *code)
{
  for (guint i = 0; divisions != NULL && i < divisions->len; i++)
    if (g_str_equal (((FgDivision *) g_ptr_array_index (divisions, i))->code, code))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
on_city_changed (FgSetupWindow *self)
{
  const FgDivision *city = selected_in (self->city_row, self->cities);

  fill_combo (self->county_pick_row, &self->counties,
              city != NULL ? fg_divisions_list_children (self->divisions, city->code) : g_ptr_array_new ());
  fill_combo (self->township_pick_row, &self->townships, g_ptr_array_new ());
}

static void
on_county_picked (FgSetupWindow *self)
{
  const FgDivision *county = selected_in (self->county_pick_row, self->counties);

  fill_combo (self->township_pick_row, &self->townships,
              county != NULL ? fg_divisions_list_children (self->divisions, county->code) : g_ptr_array_new ());
  if (county != NULL && get_kind (self) == OFFICE_COUNTY)
    clear_field_error (self, FIELD_PICK);
}

static void
on_township_picked (FgSetupWindow *self)
{
  if (selected_in (self->township_pick_row, self->townships) != NULL)
    clear_field_error (self, FIELD_PICK);
}

/* Chooses @division, and the divisions above it, in the drop-downs. */
static void
pick_division (FgSetupWindow    *self,
               const FgDivision *division)
{
  const FgDivision *county = NULL;
  const FgDivision *city;

  if (division->level == FG_DIVISION_LEVEL_TOWNSHIP)
    county = fg_divisions_get_parent (self->divisions, division);
  else if (division->level == FG_DIVISION_LEVEL_COUNTY)
    county = division;
  city = division->level == FG_DIVISION_LEVEL_CITY ? division
                                                   : county != NULL ? fg_divisions_get_parent (self->divisions, county)
                                                                    : NULL;
  if (city == NULL)
    return;

  adw_combo_row_set_selected (self->city_row, position_in (self->cities, city->code));
  if (county != NULL)
    adw_combo_row_set_selected (self->county_pick_row, position_in (self->counties, county->code));
  if (division->level == FG_DIVISION_LEVEL_TOWNSHIP)
    adw_combo_row_set_selected (self->township_pick_row, position_in (self->townships, division->code));
}

/* "许昌市 › 禹州市 · 411081103000": where a search result is. */
static char *
describe_place (FgSetupWindow    *self,
                const FgDivision *division)
{
  g_autoptr(GString) place = g_string_new (NULL);

  for (const FgDivision *above = fg_divisions_get_parent (self->divisions, division);
       above != NULL;
       above = fg_divisions_get_parent (self->divisions, above))
    {
      if (place->len > 0)
        g_string_prepend (place, " › ");
      g_string_prepend (place, above->name);
    }
  if (place->len > 0)
    g_string_append (place, " · ");
  g_string_append (place, division->code);
  return g_string_free (g_steal_pointer (&place), FALSE);
}

static void
on_search_changed (FgSetupWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_row));
  g_autoptr(GPtrArray) found = fg_divisions_search (self->divisions, text, 0);
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);

  for (guint i = 0; i < found->len && shown < MAX_RESULTS; i++)
    {
      const FgDivision *division = g_ptr_array_index (found, i);
      g_autofree char *place = NULL;
      GtkWidget *row;

      /* a county office picks a county, a township office a township */
      if (division->level == FG_DIVISION_LEVEL_CITY ||
          (get_kind (self) == OFFICE_COUNTY && division->level != FG_DIVISION_LEVEL_COUNTY))
        continue;

      place = describe_place (self, division);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), division->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), place);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "division-code", g_strdup (division->code), g_free);
      gtk_list_box_append (self->results_list, row);
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->results_list), shown > 0);
}

static void
on_result_activated (FgSetupWindow *self,
                     GtkListBoxRow *row)
{
  const FgDivision *division = fg_divisions_lookup (self->divisions, g_object_get_data (G_OBJECT (row), "division-code"));

  if (division == NULL)
    return;
  gtk_switch_set_active (self->manual_switch, FALSE);
  pick_division (self, division);
  gtk_editable_set_text (GTK_EDITABLE (self->search_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/* The fields of the kind of office and of the way it is named. */
static void
update_fields (FgSetupWindow *self)
{
  OfficeKind kind = get_kind (self);
  gboolean from_list = picks_from_list (self);
  gboolean set_up = fg_store_is_set_up (self->store);

  gtk_widget_set_visible (GTK_WIDGET (self->township_group), !set_up && kind != OFFICE_GRID);
  gtk_widget_set_visible (GTK_WIDGET (self->pick_group), !set_up);
  gtk_widget_set_visible (GTK_WIDGET (self->city_row), from_list);
  gtk_widget_set_visible (GTK_WIDGET (self->county_pick_row), from_list);
  gtk_widget_set_visible (GTK_WIDGET (self->township_pick_row), from_list && kind == OFFICE_TOWNSHIP);
  gtk_widget_set_visible (GTK_WIDGET (self->manual_row), kind != OFFICE_GRID);
  gtk_widget_set_visible (GTK_WIDGET (self->code_row), !from_list);
  gtk_widget_set_visible (GTK_WIDGET (self->township_row), !from_list);
  gtk_widget_set_visible (GTK_WIDGET (self->county_row), !from_list && kind == OFFICE_TOWNSHIP);
  clear_errors (self);
}

static void
on_manual_toggled (FgSetupWindow *self)
{
  update_fields (self);
}

/* The office's fields say what the kind of office needs. */
static void
on_kind_changed (FgSetupWindow *self)
{
  OfficeKind kind = get_kind (self);
  g_autofree char *description = NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->code_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->search_row), "");
  adw_entry_row_set_input_purpose (self->code_row,
                                   kind == OFFICE_GRID ? GTK_INPUT_PURPOSE_FREE_FORM : GTK_INPUT_PURPOSE_DIGITS);

  switch (kind)
    {
    case OFFICE_COUNTY:
      adw_preferences_group_set_title (self->township_group, _("Your County"));
      /* TRANSLATORS: the year of the division list */
      description = g_strdup_printf (_("Choose your county from Henan’s division list of %d, or find it by a part of "
                                       "its name or code, e.g. 郏县 or 410425. The townships’ bundles bring their "
                                       "records."),
                                     fg_divisions_get_year (self->divisions));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->code_row), _("County division code (6 or 12 digits)"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->township_row), _("County name"));
      gtk_button_set_label (self->create_button, _("_Set Up County Office"));
      break;

    case OFFICE_GRID:
      adw_preferences_group_set_title (self->pick_group, _("Your Grid"));
      description = g_strdup (_("The township office tells you the grid’s code, for example 410425101201-003. "
                                "Its first bundle brings the names and the grid’s venues."));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->code_row), _("Grid code"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->township_row), _("Grid name (optional)"));
      gtk_button_set_label (self->create_button, _("_Set Up Grid Station"));
      break;

    case OFFICE_TOWNSHIP:
    default:
      adw_preferences_group_set_title (self->township_group, _("Your Township"));
      /* TRANSLATORS: the year of the division list */
      description = g_strdup_printf (_("Choose your township from Henan’s division list of %d, or find it by a part "
                                       "of its name or code, e.g. 神垕 or 411081."),
                                     fg_divisions_get_year (self->divisions));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->code_row), _("Township division code (9 or 12 digits)"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->township_row), _("Township name"));
      gtk_button_set_label (self->create_button, _("_Set Up Township"));
      break;
    }

  if (kind == OFFICE_GRID)
    adw_preferences_group_set_description (self->pick_group, description);
  else
    {
      adw_preferences_group_set_description (self->township_group, description);
      adw_preferences_group_set_title (self->pick_group, NULL);
      adw_preferences_group_set_description (self->pick_group, NULL);
    }
  update_fields (self);
}

/* Enter in a field moves on to the next one shown; in the last, it sets up. */
static void
on_entry_activated (FgSetupWindow *self,
                    GtkWidget     *row)
{
  GtkWidget *order[] = {
    GTK_WIDGET (self->code_row), GTK_WIDGET (self->township_row), GTK_WIDGET (self->county_row),
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->login_row), GTK_WIDGET (self->password_row),
    GTK_WIDGET (self->repeat_row),
  };
  gboolean after = FALSE;

  /* in the search field, Enter takes the first result */
  if (row == GTK_WIDGET (self->search_row))
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);

      if (first != NULL)
        on_result_activated (self, first);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (after && gtk_widget_is_visible (order[i]))
        {
          gtk_widget_grab_focus (order[i]);
          return;
        }
      after = after || order[i] == row;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "setup.create-township", NULL);
}

/* Only the administrator is missing: the township is there already. */
static void
fg_setup_window_update_mode (FgSetupWindow *self)
{
  gboolean set_up = fg_store_is_set_up (self->store);

  gtk_widget_set_visible (self->kind_group, !set_up);
  gtk_widget_set_visible (self->demo_label, !set_up);
  gtk_widget_set_visible (self->demo_button, !set_up);
  on_kind_changed (self);
  if (set_up)
    {
      gtk_button_set_label (self->create_button, _("_Create Administrator"));
      adw_status_page_set_description (self->status_page,
                                       _("The township is set up. Create the administrator’s account, who then adds the accounts of everyone else."));
    }
}

static Field
field_of_office_field (FgSetupWindow *self,
                       FgOfficeField  field)
{
  switch (field)
    {
    case FG_OFFICE_FIELD_CODE:
    case FG_OFFICE_FIELD_NAME:
    case FG_OFFICE_FIELD_COUNTY_NAME:
      /* a division picked from the list is wrong only as a whole */
      if (picks_from_list (self))
        return FIELD_PICK;
      return field == FG_OFFICE_FIELD_CODE ? FIELD_CODE
           : field == FG_OFFICE_FIELD_NAME ? FIELD_NAME
                                           : FIELD_COUNTY_NAME;
    case FG_OFFICE_FIELD_ADMIN_NAME:
      return FIELD_ADMIN_NAME;
    case FG_OFFICE_FIELD_ADMIN_LOGIN:
      return FIELD_ADMIN_LOGIN;
    case FG_OFFICE_FIELD_ADMIN_PASSWORD:
    case FG_OFFICE_N_FIELDS:
    default:
      return FIELD_ADMIN_PASSWORD;
    }
}

/* The division's code and names as the form holds them: the one picked
 * from the list (its names come with it in the core), or as typed.
 * Returns FALSE when nothing was picked. */
static gboolean
get_division_fields (FgSetupWindow  *self,
                     const char    **code,
                     const char    **name,
                     const char    **county_name)
{
  const FgDivision *picked;

  *name = NULL;
  *county_name = NULL;
  if (!picks_from_list (self))
    {
      *code = gtk_editable_get_text (GTK_EDITABLE (self->code_row));
      *name = gtk_editable_get_text (GTK_EDITABLE (self->township_row));
      *county_name = get_kind (self) == OFFICE_TOWNSHIP ? gtk_editable_get_text (GTK_EDITABLE (self->county_row)) : NULL;
      return TRUE;
    }

  if (get_kind (self) == OFFICE_COUNTY)
    picked = selected_in (self->county_pick_row, self->counties);
  else
    picked = selected_in (self->township_pick_row, self->townships);
  *code = picked != NULL ? picked->code : NULL;
  return picked != NULL;
}

/* Every field the core would refuse, marked at once. Returns whether all
 * are fine. */
static gboolean
check_fields (FgSetupWindow *self)
{
  GError *errors[FG_OFFICE_N_FIELDS] = { NULL, };
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  const char *code = NULL;
  const char *name = NULL;
  const char *county_name = NULL;
  gboolean picked = TRUE;
  guint n_wrong;

  if (!fg_store_is_set_up (self->store))
    picked = get_division_fields (self, &code, &name, &county_name);
  if (!picked)
    set_field_error (self, FIELD_PICK,
                     get_kind (self) == OFFICE_COUNTY
                       ? _("Choose your county from the list, or type its code by hand.")
                       : _("Choose your township from the list, or type its code by hand."));

  n_wrong = fg_office_check_set_up ((FgNodeKind) get_kind (self), picked ? code : NULL, name, county_name,
                                    gtk_editable_get_text (GTK_EDITABLE (self->login_row)),
                                    gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                    password, errors);
  for (FgOfficeField field = 0; field < FG_OFFICE_N_FIELDS; field++)
    {
      if (errors[field] != NULL)
        set_field_error (self, field_of_office_field (self, field), errors[field]->message);
      g_clear_error (&errors[field]);
    }

  if (g_strcmp0 (password, gtk_editable_get_text (GTK_EDITABLE (self->repeat_row))) != 0)
    {
      set_field_error (self, FIELD_REPEAT, _("The two passwords are not the same. Type the password again."));
      n_wrong++;
    }

  return picked && n_wrong == 0;
}

/* Shows a refusal of the core that only the store could make (a code
 * already used, a database set up meanwhile) next to its field. */
static void
show_refusal (FgSetupWindow *self,
              const GError  *error)
{
  if (error->domain == FG_REGION_ERROR)
    set_field_error (self, picks_from_list (self) ? FIELD_PICK : FIELD_CODE, error->message);
  else if (g_error_matches (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_DUPLICATE_LOGIN))
    set_field_error (self, FIELD_ADMIN_LOGIN, error->message);
  else
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

/* The first field marked wrong gets the focus, and is scrolled to. */
static void
focus_first_error (FgSetupWindow *self)
{
  for (Field field = 0; field < N_FIELDS; field++)
    {
      GtkWidget *row = field_row (self, field);

      if (!gtk_widget_has_css_class (row, "error") || !gtk_widget_is_visible (row))
        continue;
      /* nothing picked: the first drop-down still to choose from */
      if (field == FIELD_PICK && selected_in (self->city_row, self->cities) == NULL)
        row = GTK_WIDGET (self->city_row);
      else if (field == FIELD_PICK && !gtk_widget_get_sensitive (row))
        row = GTK_WIDGET (self->county_pick_row);
      gtk_widget_grab_focus (row);
      return;
    }
}

static FgAccount *
set_up (FgSetupWindow  *self,
        GError        **error)
{
  const char *login = gtk_editable_get_text (GTK_EDITABLE (self->login_row));
  const char *admin_name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  const char *code = NULL;
  const char *name = NULL;
  const char *county_name = NULL;

  /* A database that has its township but no account yet (set up by an
   * older Firegrid) only needs the administrator. */
  if (fg_store_is_set_up (self->store))
    {
      g_autoptr(FgActor) installer = fg_actor_new_local ();

      return fg_account_create (self->store, installer, login, admin_name, fg_account_get_admin_role (self->store),
                                fg_store_get_home_region_id (self->store), password, error);
    }

  /* the township and its administrator, both or neither */
  get_division_fields (self, &code, &name, &county_name);
  switch (get_kind (self))
    {
    case OFFICE_COUNTY:
      return fg_office_set_up_county_with_admin (self->store, code, name, login, admin_name, password, error);
    case OFFICE_GRID:
      return fg_office_set_up_grid_with_admin (self->store, code, name, login, admin_name, password, error);
    case OFFICE_TOWNSHIP:
    default:
      return fg_office_set_up_township_with_admin (self->store, code, name, county_name,
                                                   login, admin_name, password, error);
    }
}

static void
create_township_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FgSetupWindow *self = FG_SETUP_WINDOW (widget);
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(FgActor) admin = NULL;
  g_autoptr(GError) error = NULL;

  clear_errors (self);
  if (!check_fields (self))
    {
      focus_first_error (self);
      return;
    }

  account = set_up (self, &error);
  if (account == NULL)
    {
      show_refusal (self, error);
      focus_first_error (self);
      return;
    }

  admin = fg_account_login (self->store, fg_account_get_login (account),
                            gtk_editable_get_text (GTK_EDITABLE (self->password_row)), &error);
  if (admin == NULL)
    {
      show_refusal (self, error);
      return;
    }

  g_signal_emit (self, signals[FINISHED], 0, admin);
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FgSetupWindow *self = FG_SETUP_WINDOW (widget);
  g_autoptr(FgActor) actor = fg_actor_new_local ();
  g_autoptr(GError) error = NULL;

  clear_errors (self);

  /* A few hundred venues take well under a second; no progress needed. */
  if (!fg_demo_populate (self->store, actor, FG_DEMO_DEFAULT_VENUES, NULL, NULL, &error))
    {
      show_refusal (self, error);
      return;
    }

  /* The demo has its own accounts: on to the login, which names them. */
  g_signal_emit (self, signals[FINISHED], 0, NULL);
}

static void
fg_setup_window_dispose (GObject *object)
{
  FgSetupWindow *self = (FgSetupWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FG_TYPE_SETUP_WINDOW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->cities, g_ptr_array_unref);
  g_clear_pointer (&self->counties, g_ptr_array_unref);
  g_clear_pointer (&self->townships, g_ptr_array_unref);
  g_clear_object (&self->divisions);

  G_OBJECT_CLASS (fg_setup_window_parent_class)->dispose (object);
}

static void
fg_setup_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FgSetupWindow *self = FG_SETUP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_setup_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FgSetupWindow *self = FG_SETUP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The division list, with the office's corrections; when those cannot be
 * read, the list as shipped, and the reason said. */
static void
load_divisions (FgSetupWindow *self)
{
  g_autoptr(GError) error = NULL;

  self->divisions = fg_divisions_load (&error);
  if (self->divisions == NULL)
    {
      g_autoptr(GBytes) shipped = g_resources_lookup_data ("/io/github/firegrid/core/divisions/henan.tsv", 0, NULL);

      self->divisions = fg_divisions_new_from_bytes (shipped, NULL);
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
  fill_combo (self->city_row, &self->cities, fg_divisions_list_cities (self->divisions));
  on_city_changed (self);
}

static void
fg_setup_window_constructed (GObject *object)
{
  FgSetupWindow *self = (FgSetupWindow *)object;

  G_OBJECT_CLASS (fg_setup_window_parent_class)->constructed (object);

  g_assert (FG_IS_STORE (self->store));
  load_divisions (self);
  fg_setup_window_update_mode (self);
}

static void
fg_setup_window_class_init (FgSetupWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fg_setup_window_constructed;
  object_class->dispose = fg_setup_window_dispose;
  object_class->get_property = fg_setup_window_get_property;
  object_class->set_property = fg_setup_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, FG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FgSetupWindow::finished:
   * @actor: (nullable): the administrator, logged in; %NULL after the
   *   demo, whose people log in themselves
   *
   * The store is set up now; the main window or the login can take over.
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, FG_TYPE_ACTOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-setup-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, kind_group);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, township_group);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, search_row);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, results_list);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, pick_group);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, city_row);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, county_pick_row);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, township_pick_row);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, pick_message);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, manual_row);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, manual_switch);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, code_row);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, code_message);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, township_row);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, township_message);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, county_row);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, county_message);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, admin_group);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, name_message);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, login_row);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, login_message);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, password_message);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, repeat_message);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, demo_label);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, demo_button);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, create_button);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_city_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_county_picked);
  gtk_widget_class_bind_template_callback (widget_class, on_township_picked);
  gtk_widget_class_bind_template_callback (widget_class, on_manual_toggled);

  gtk_widget_class_install_action (widget_class, "setup.create-township", NULL, create_township_action);
  gtk_widget_class_install_action (widget_class, "setup.open-demo", NULL, open_demo_action);
}

static void
fg_setup_window_init (FgSetupWindow *self)
{
  GtkIconTheme *theme;

  fg_accessible_keep_class_role (GTK_WIDGET (self));
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->create_button));

  /* each field is described by the message under it */
  for (Field field = FIELD_CODE; field < N_FIELDS; field++)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (field_row (self, field)),
                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, message_label (field_message (self, field)), NULL,
                                    -1);

  /* Run from the build tree, the program's icon is not installed yet; no
   * icon looks better than the "missing image" one. */
  theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  if (!gtk_icon_theme_has_icon (theme, APPLICATION_ID))
    adw_status_page_set_icon_name (self->status_page, NULL);
}

FgSetupWindow *
fg_setup_window_new (GtkApplication *application,
                     FgStore        *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (FG_IS_STORE (store), NULL);

  return g_object_new (FG_TYPE_SETUP_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

FgStore *
fg_setup_window_get_store (FgSetupWindow *self)
{
  g_return_val_if_fail (FG_IS_SETUP_WINDOW (self), NULL);
  return self->store;
}
