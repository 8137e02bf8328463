/* fg-venue-detail.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fg-venue-detail.h"

struct _FgVenueDetail
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkLabel *name_label;
  GtkLabel *category_label;
  GtkWidget *key_unit_tag;
  GtkWidget *closed_tag;
  AdwActionRow *categories_row;
  AdwActionRow *address_row;
  AdwActionRow *village_row;
  AdwActionRow *grid_row;
  AdwActionRow *operator_row;
  AdwActionRow *phone_row;
  AdwActionRow *credit_code_row;
  AdwActionRow *floor_area_row;
  AdwActionRow *floors_row;
  AdwActionRow *sleeping_row;
  AdwActionRow *key_unit_row;
  AdwActionRow *smoke_alarm_row;
  AdwActionRow *simple_extinguishing_row;
  AdwActionRow *status_row;
  GtkListBox *inspection_list;
  GtkWidget *actions_box;
  GtkWidget *inspect_button;
  GtkWidget *edit_button;
  GtkWidget *history_button;

  FgVenue *venue;
  GListModel *inspections;
};

enum {
  PROP_0,
  PROP_VENUE,
  PROP_INSPECTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FgVenueDetail, fg_venue_detail, GTK_TYPE_WIDGET)

/* An empty field reads as a sentence, not as a blank that looks broken. */
static void
set_row_text (AdwActionRow *row,
              const char   *text)
{
  if (text == NULL || *text == '\0')
    adw_action_row_set_subtitle (row, _("Not recorded"));
  else
    adw_action_row_set_subtitle (row, text);
}

static void
set_row_take_text (AdwActionRow *row,
                   char         *text)
{
  set_row_text (row, text);
  g_free (text);
}

/* @state, and the day it was checked when there is one */
static char *
dup_checked (const char *state,
             const char *checked_on)
{
  if (checked_on == NULL)
    return g_strdup (state);
  /* Translators: "Yes" or "3 working", then the day it was checked */
  return g_strdup_printf (_("%s, checked on %s"), state, checked_on);
}

static char *
dup_smoke_alarms (FgVenue *venue)
{
  int count = fg_venue_get_smoke_alarm_count (venue);
  g_autofree char *state = NULL;

  if (count > 0)
    state = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working", "%d working", count), count);
  else
    state = g_strdup (fg_venue_get_smoke_alarm (venue) ? _("Yes") : _("No"));
  return dup_checked (state, fg_venue_get_smoke_alarm_checked_on (venue));
}

static char *
join_category_names (FgVenue *venue)
{
  const char * const *ids = fg_venue_get_categories (venue);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const FgCategory *category = fg_category_lookup (ids[i]);

      if (names->len > 0)
        /* Translators: separates the categories of a mixed-use venue */
        g_string_append (names, _(", "));
      g_string_append (names, category != NULL ? fg_category_get_name (category) : ids[i]);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* One line of the venue's history: when, what, who, and what was found. */
static GtkWidget *
create_inspection_row (gpointer item,
                       gpointer user_data)
{
  FgInspection *inspection = FG_INSPECTION (item);
  GListModel *items = fg_inspection_get_items (inspection);
  guint n_items = g_list_model_get_n_items (items);
  guint counts[FG_OUTCOME_NA + 1] = { 0, };
  GtkWidget *row = adw_action_row_new ();
  const char *date;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *results = NULL;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(FgChecklistItem) checklist_item = g_list_model_get_item (items, i);

      counts[fg_inspection_get_outcome (inspection, fg_checklist_item_get_code (checklist_item))]++;
    }

  date = fg_inspection_is_finished (inspection)
         ? fg_inspection_get_finished_at (inspection)
         : fg_inspection_get_started_at (inspection);
  /* Translators: an inspection in a venue's history: its date and kind */
  title = g_strdup_printf (_("%.10s · %s"), date,
                           fg_inspection_kind_get_label (fg_inspection_get_kind (inspection)));

  if (fg_inspection_is_finished (inspection))
    /* Translators: the outcomes of a finished inspection */
    results = g_strdup_printf (_("Pass %u · Fail %u · Not applicable %u"),
                               counts[FG_OUTCOME_PASS], counts[FG_OUTCOME_FAIL], counts[FG_OUTCOME_NA]);
  else
    results = g_strdup_printf (_("%u of %u items checked"), n_items - counts[FG_OUTCOME_NONE], n_items);
  /* Translators: the inspector's name and the results */
  subtitle = g_strdup_printf (_("%s · %s"), fg_inspection_get_inspector_name (inspection), results);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (!fg_inspection_is_finished (inspection))
    {
      GtkWidget *tag = gtk_label_new (_("Draft"));

      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "fg-tag");
      gtk_widget_add_css_class (tag, "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  else if (counts[FG_OUTCOME_FAIL] > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hazard", "%u hazards",
                                                            counts[FG_OUTCOME_FAIL]),
                                               counts[FG_OUTCOME_FAIL]);
      GtkWidget *tag = gtk_label_new (text);

      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "fg-tag");
      gtk_widget_add_css_class (tag, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-inspection");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                          g_variant_new_string (fg_inspection_get_id (inspection)));
  return row;
}

static void
fg_venue_detail_update (FgVenueDetail *self)
{
  FgVenue *venue = self->venue;
  double floor_area;
  int floors;

  if (venue == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_label_set_text (self->name_label, fg_venue_get_name (venue));
  gtk_label_set_text (self->category_label, fg_venue_get_category_name (venue));
  gtk_widget_set_visible (self->key_unit_tag, fg_venue_get_key_unit (venue));
  gtk_widget_set_visible (self->closed_tag, fg_venue_get_status (venue) != FG_VENUE_STATUS_ACTIVE);
  gtk_label_set_text (GTK_LABEL (self->closed_tag), fg_venue_status_get_label (fg_venue_get_status (venue)));

  set_row_take_text (self->categories_row, join_category_names (venue));
  set_row_text (self->address_row, fg_venue_get_address (venue));
  set_row_text (self->village_row, fg_venue_get_village_name (venue));
  set_row_text (self->grid_row, fg_venue_get_grid_name (venue));
  set_row_text (self->operator_row, fg_venue_get_operator_name (venue));
  set_row_text (self->phone_row, fg_venue_get_phone (venue));
  set_row_text (self->credit_code_row, fg_venue_get_credit_code (venue));

  floor_area = fg_venue_get_floor_area (venue);
  set_row_take_text (self->floor_area_row,
                     floor_area >= 0
                     /* Translators: a floor area in square metres */
                     ? g_strdup_printf (_("%.0f m²"), floor_area)
                     : NULL);

  floors = fg_venue_get_floors (venue);
  set_row_take_text (self->floors_row, floors > 0 ? g_strdup_printf ("%d", floors) : NULL);
  set_row_take_text (self->sleeping_row, g_strdup_printf ("%d", fg_venue_get_sleeping (venue)));
  set_row_text (self->key_unit_row, fg_venue_get_key_unit (venue) ? _("Yes") : _("No"));
  set_row_take_text (self->smoke_alarm_row, dup_smoke_alarms (venue));
  set_row_take_text (self->simple_extinguishing_row,
                     dup_checked (fg_venue_get_simple_extinguishing (venue) ? _("Yes") : _("No"),
                                  fg_venue_get_simple_extinguishing_checked_on (venue)));
  set_row_text (self->status_row, fg_venue_status_get_label (fg_venue_get_status (venue)));

  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->history_button),
                                          g_variant_new_string (fg_venue_get_id (venue)));

  gtk_stack_set_visible_child_name (self->stack, "venue");
}

static void
fg_venue_detail_dispose (GObject *object)
{
  FgVenueDetail *self = (FgVenueDetail *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FG_TYPE_VENUE_DETAIL);
  g_clear_object (&self->venue);
  g_clear_object (&self->inspections);

  G_OBJECT_CLASS (fg_venue_detail_parent_class)->dispose (object);
}

static void
fg_venue_detail_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FgVenueDetail *self = FG_VENUE_DETAIL (object);

  switch (prop_id)
    {
    case PROP_VENUE:
      g_value_set_object (value, self->venue);
      break;

    case PROP_INSPECTIONS:
      g_value_set_object (value, self->inspections);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_venue_detail_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FgVenueDetail *self = FG_VENUE_DETAIL (object);

  switch (prop_id)
    {
    case PROP_VENUE:
      fg_venue_detail_set_venue (self, g_value_get_object (value));
      break;

    case PROP_INSPECTIONS:
      fg_venue_detail_set_inspections (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_venue_detail_class_init (FgVenueDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fg_venue_detail_dispose;
  object_class->get_property = fg_venue_detail_get_property;
  object_class->set_property = fg_venue_detail_set_property;

  properties[PROP_VENUE] =
    g_param_spec_object ("venue", NULL, NULL, FG_TYPE_VENUE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INSPECTIONS] =
    g_param_spec_object ("inspections", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-venue-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, FgVenueDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDetail, category_label);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDetail, key_unit_tag);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDetail, closed_tag);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDetail, categories_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDetail, address_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDetail, village_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDetail, grid_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDetail, operator_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDetail, phone_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDetail, credit_code_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDetail, floor_area_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDetail, floors_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDetail, sleeping_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDetail, key_unit_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDetail, smoke_alarm_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDetail, simple_extinguishing_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDetail, status_row);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDetail, inspection_list);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDetail, inspect_button);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDetail, history_button);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDetail, actions_box);
  gtk_widget_class_bind_template_child (widget_class, FgVenueDetail, edit_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fgvenuedetail");
}

static void
fg_venue_detail_init (FgVenueDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

FgVenue *
fg_venue_detail_get_venue (FgVenueDetail *self)
{
  g_return_val_if_fail (FG_IS_VENUE_DETAIL (self), NULL);
  return self->venue;
}

void
fg_venue_detail_set_venue (FgVenueDetail *self,
                           FgVenue       *venue)
{
  g_return_if_fail (FG_IS_VENUE_DETAIL (self));
  g_return_if_fail (venue == NULL || FG_IS_VENUE (venue));

  if (!g_set_object (&self->venue, venue))
    return;

  fg_venue_detail_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VENUE]);
}

GListModel *
fg_venue_detail_get_inspections (FgVenueDetail *self)
{
  g_return_val_if_fail (FG_IS_VENUE_DETAIL (self), NULL);
  return self->inspections;
}

/**
 * fg_venue_detail_set_inspections:
 * @self: the detail pane
 * @inspections: (nullable): the venue's inspections (#FgInspection), the
 *   newest first
 */
void
fg_venue_detail_set_inspections (FgVenueDetail *self,
                                 GListModel    *inspections)
{
  g_return_if_fail (FG_IS_VENUE_DETAIL (self));
  g_return_if_fail (inspections == NULL || G_IS_LIST_MODEL (inspections));

  if (!g_set_object (&self->inspections, inspections))
    return;

  gtk_list_box_bind_model (self->inspection_list, inspections, create_inspection_row, NULL, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSPECTIONS]);
}

gboolean
fg_venue_detail_get_history_visible (FgVenueDetail *self)
{
  g_return_val_if_fail (FG_IS_VENUE_DETAIL (self), FALSE);
  return gtk_widget_get_visible (self->history_button);
}

/**
 * fg_venue_detail_set_history_visible:
 * @self: the detail pane
 * @visible: whether to offer the venue's change history (win.show-history);
 *   only for those who may read the audit log
 */
void
fg_venue_detail_set_history_visible (FgVenueDetail *self,
                                     gboolean       visible)
{
  g_return_if_fail (FG_IS_VENUE_DETAIL (self));
  gtk_widget_set_visible (self->history_button, visible);
}

/**
 * fg_venue_detail_set_allowed:
 * @self: the detail pane
 * @can_inspect: whether the person's role may inspect venues
 * @can_edit: whether it may change them
 *
 * A button for what the role may never do is not shown at all; one the
 * role may use but not now (no venue) stays, insensitive.
 */
void
fg_venue_detail_set_allowed (FgVenueDetail *self,
                             gboolean       can_inspect,
                             gboolean       can_edit)
{
  g_return_if_fail (FG_IS_VENUE_DETAIL (self));

  gtk_widget_set_visible (self->inspect_button, can_inspect);
  gtk_widget_set_visible (self->edit_button, can_edit);
  gtk_widget_set_visible (self->actions_box, can_inspect || can_edit);
}
