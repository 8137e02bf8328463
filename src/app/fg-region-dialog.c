/* fg-region-dialog.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One small dialog for each change of the division tree the sidebar
 * offers: add a village or community, add a grid, rename, move a grid to
 * another village, retire. The core numbers and refuses; a refusal is
 * shown here, beside the field it concerns, and the dialog stays open so
 * the person can put it right. (AdwMessageDialog closes before it tells
 * its response, so it cannot keep a refusal in view.)
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-accessible.h"
#include "fg-region-dialog.h"

struct _FgRegionDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *title_widget;
  GtkWidget *apply_button;
  GtkLabel *body_label;
  GtkWidget *group;
  AdwEntryRow *name_row;
  AdwEntryRow *code_row;
  AdwComboRow *village_row;
  GtkLabel *hint_label;
  GtkLabel *error_label;

  FgStore *store;
  FgActor *actor;
  FgRegionDialogMode mode;
  FgRegion *region;       /* the township or village added to, or the region changed */
  char *label;            /* the region as people read it: 神垕村 › 第一网格 */
  GPtrArray *village_ids; /* position in village_row → region id */
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_ACTOR,
  PROP_MODE,
  PROP_REGION,
  N_PROPS
};

enum {
  DONE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FgRegionDialog, fg_region_dialog, ADW_TYPE_WINDOW)

static gboolean
is_village (FgRegionDialog *self)
{
  return fg_region_get_level (self->region) == FG_REGION_LEVEL_VILLAGE;
}

/* The field a refusal of the core is about, if any. */
static GtkWidget *
field_of (FgRegionDialog *self,
          const GError   *error)
{
  if (error == NULL || error->domain != FG_REGION_ERROR)
    return NULL;

  switch (error->code)
    {
    case FG_REGION_ERROR_INVALID_CODE:
    case FG_REGION_ERROR_DUPLICATE_CODE:
      return self->mode == FG_REGION_DIALOG_ADD_VILLAGE ? GTK_WIDGET (self->code_row) : NULL;

    case FG_REGION_ERROR_INVALID_NAME:
      return GTK_WIDGET (self->name_row);

    case FG_REGION_ERROR_DUPLICATE_NAME:
    case FG_REGION_ERROR_RETIRED:
      /* moving: the name clashes in the village chosen */
      return self->mode == FG_REGION_DIALOG_MOVE_GRID ? GTK_WIDGET (self->village_row)
                                                     : GTK_WIDGET (self->name_row);

    default:
      return NULL;
    }
}

static void
mark_field (GtkWidget   *field,
            const char  *message)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (field);

  if (message != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_state (accessible, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_state (accessible, GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
clear_errors (FgRegionDialog *self)
{
  mark_field (GTK_WIDGET (self->name_row), NULL);
  mark_field (GTK_WIDGET (self->code_row), NULL);
  mark_field (GTK_WIDGET (self->village_row), NULL);
  gtk_label_set_text (self->error_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* Shows the core's refusal of a change with the problems of other fields
 * found before it (@errors, in the order of the fields; NULLs skipped),
 * so that every wrong field is marked at once. One message per field. */
static void
show_errors (FgRegionDialog *self,
             const GError   *refusal,
             const GError  **others,
             guint           n_others)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *refused_field = field_of (self, refusal);
  GtkWidget *focus = NULL;

  clear_errors (self);

  for (guint i = 0; i < n_others; i++)
    {
      GtkWidget *field = field_of (self, others[i]);

      /* the refusal speaks for its own field */
      if (field == NULL || field == refused_field || gtk_widget_has_css_class (field, "error"))
        continue;
      mark_field (field, others[i]->message);
      g_string_append_printf (text, "%s\n", others[i]->message);
      if (focus == NULL)
        focus = field;
    }

  if (refused_field != NULL)
    mark_field (refused_field, refusal->message);
  g_string_append (text, refusal->message);
  if (focus == NULL)
    focus = refused_field;

  gtk_label_set_text (self->error_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

static void
on_row_changed (FgRegionDialog *self,
                GtkWidget      *row)
{
  /* typing puts the field right; the message goes with its last mark */
  if (!gtk_widget_has_css_class (row, "error"))
    return;

  mark_field (row, NULL);
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->name_row), "error") &&
      !gtk_widget_has_css_class (GTK_WIDGET (self->code_row), "error") &&
      !gtk_widget_has_css_class (GTK_WIDGET (self->village_row), "error"))
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
on_village_selected (FgRegionDialog *self)
{
  on_row_changed (self, GTK_WIDGET (self->village_row));
}

static void
finish (FgRegionDialog *self,
        const char     *region_id,
        const char     *message)
{
  g_signal_emit (self, signals[DONE], 0, region_id, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
apply_add_village (FgRegionDialog *self)
{
  const char *code = gtk_editable_get_text (GTK_EDITABLE (self->code_row));
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autoptr(GError) name_error = NULL;
  g_autoptr(GError) code_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *checked_name = NULL;
  g_autofree char *checked_code = NULL;
  g_autoptr(FgRegion) village = NULL;
  g_autofree char *message = NULL;

  /* each field is checked on its own too, so a missing name and a wrong
   * code are marked at once, not one after the other */
  checked_name = fg_region_check_name (name, &name_error);
  checked_code = fg_division_code_normalize (code, FG_REGION_LEVEL_VILLAGE, fg_region_get_code (self->region), &code_error);
  village = fg_region_add_village (self->store, self->actor, fg_region_get_id (self->region), code, name, &error);
  if (village == NULL)
    {
      const GError *others[] = { name_error, code_error };

      show_errors (self, error, others, G_N_ELEMENTS (others));
      return;
    }

  /* Translators: a toast, e.g. "神垕村 added (411081105201)" */
  message = g_strdup_printf (_("%s added (%s)"), fg_region_get_name (village), fg_region_get_code (village));
  finish (self, fg_region_get_id (village), message);
}

static void
apply_add_grid (FgRegionDialog *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autoptr(GError) error = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autofree char *message = NULL;

  grid = fg_region_add_grid (self->store, self->actor, fg_region_get_id (self->region), name, &error);
  if (grid == NULL)
    {
      show_errors (self, error, NULL, 0);
      return;
    }

  /* Translators: a toast, e.g. "第一网格 added (411081105201-001)" */
  message = g_strdup_printf (_("%s added (%s)"), fg_region_get_name (grid), fg_region_get_code (grid));
  finish (self, fg_region_get_id (grid), message);
}

static void
apply_rename (FgRegionDialog *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autoptr(GError) error = NULL;

  if (!fg_region_rename (self->store, self->actor, fg_region_get_id (self->region), name, &error))
    {
      show_errors (self, error, NULL, 0);
      return;
    }
  finish (self, fg_region_get_id (self->region), NULL);
}

static void
apply_move (FgRegionDialog *self)
{
  guint position = adw_combo_row_get_selected (self->village_row);
  g_autoptr(GError) error = NULL;
  g_autoptr(FgRegion) moved = NULL;
  g_autofree char *message = NULL;

  if (position >= self->village_ids->len)
    {
      g_set_error (&error, FG_REGION_ERROR, FG_REGION_ERROR_NOT_FOUND,
                   _("Choose the village or community the grid moves to."));
      show_errors (self, error, NULL, 0);
      gtk_widget_grab_focus (GTK_WIDGET (self->village_row));
      return;
    }

  if (!fg_region_move_grid (self->store, self->actor, fg_region_get_id (self->region),
                            g_ptr_array_index (self->village_ids, position), &error) ||
      (moved = fg_region_lookup (self->store, self->actor, fg_region_get_id (self->region), &error)) == NULL)
    {
      show_errors (self, error, NULL, 0);
      return;
    }

  /* Translators: a toast, e.g. "第一网格 is numbered 411081105202-003 now" */
  message = g_strdup_printf (_("%s is numbered %s now"), fg_region_get_name (moved), fg_region_get_code (moved));
  finish (self, fg_region_get_id (moved), message);
}

static void
apply_retire (FgRegionDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!fg_region_retire (self->store, self->actor, fg_region_get_id (self->region), &error))
    {
      show_errors (self, error, NULL, 0);
      return;
    }

  /* Translators: a toast, e.g. "神垕村 › 第一网格 retired" */
  message = g_strdup_printf (_("%s retired"), self->label);
  finish (self, fg_region_get_parent_id (self->region), message);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FgRegionDialog *self = FG_REGION_DIALOG (widget);

  clear_errors (self);

  switch (self->mode)
    {
    case FG_REGION_DIALOG_ADD_VILLAGE:
      apply_add_village (self);
      break;

    case FG_REGION_DIALOG_ADD_GRID:
      apply_add_grid (self);
      break;

    case FG_REGION_DIALOG_RENAME:
      apply_rename (self);
      break;

    case FG_REGION_DIALOG_MOVE_GRID:
      apply_move (self);
      break;

    case FG_REGION_DIALOG_RETIRE:
    default:
      apply_retire (self);
      break;
    }
}

static void
set_texts (FgRegionDialog *self,
           const char     *title,
           const char     *subtitle,
           const char     *apply_label,
           const char     *body,
           const char     *hint)
{
  adw_window_title_set_title (self->title_widget, title);
  adw_window_title_set_subtitle (self->title_widget, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
  /* the group has no title: its list is read by the dialog's */
  fg_accessible_name_lists (self->group, title);
  gtk_button_set_label (GTK_BUTTON (self->apply_button), apply_label);
  gtk_label_set_text (self->body_label, body != NULL ? body : "");
  gtk_widget_set_visible (GTK_WIDGET (self->body_label), body != NULL);
  gtk_label_set_text (self->hint_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);
}

/* Only the rows the change needs. */
static void
show_rows (FgRegionDialog *self,
           gboolean        name,
           gboolean        code,
           gboolean        village)
{
  gtk_widget_set_visible (GTK_WIDGET (self->name_row), name);
  gtk_widget_set_visible (GTK_WIDGET (self->code_row), code);
  gtk_widget_set_visible (GTK_WIDGET (self->village_row), village);
  gtk_widget_set_visible (self->group, name || code || village);
}

static void
set_up_add_village (FgRegionDialog *self)
{
  const char *township_code = fg_region_get_code (self->region);
  g_autofree char *prefix = g_strndup (township_code, 9);
  g_autofree char *hint = NULL;

  /* Translators: 统计用区划代码; %s: the township's name, %s: the first nine digits of its code */
  hint = g_strdup_printf (_("The village’s or community’s 12-digit statistical division code. "
                            "Its first nine digits are those of %s’s code, %s."),
                          fg_region_get_name (self->region), prefix);
  set_texts (self, _("Add Village or Community"), fg_region_get_name (self->region), _("_Add"), NULL, hint);
  show_rows (self, TRUE, TRUE, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), prefix);
  gtk_widget_add_css_class (self->apply_button, "suggested-action");
}

static void
set_up_add_grid (FgRegionDialog *self)
{
  g_autofree char *hint = NULL;

  hint = g_strdup_printf (_("Grids are numbered inside their village: the new grid takes %s’s next number."),
                          fg_region_get_name (self->region));
  set_texts (self, _("Add Grid"), fg_region_get_name (self->region), _("_Add"), NULL, hint);
  show_rows (self, TRUE, FALSE, FALSE);
  gtk_widget_add_css_class (self->apply_button, "suggested-action");
}

static void
set_up_rename (FgRegionDialog *self)
{
  g_autofree char *hint = NULL;

  /* Translators: %s: a division code, e.g. 411081105201 */
  hint = g_strdup_printf (_("Its code, %s, stays as it is."), fg_region_get_code (self->region));
  set_texts (self,
             is_village (self) ? _("Rename Village or Community") : _("Rename Grid"),
             self->label, _("_Rename"), NULL, hint);
  show_rows (self, TRUE, FALSE, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), fg_region_get_name (self->region));
  gtk_widget_add_css_class (self->apply_button, "suggested-action");
}

static void
set_up_move (FgRegionDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) villages = NULL;
  g_autoptr(FgRegion) village = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  guint n_venues = fg_region_get_venue_count (self->region);

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s moves with its %u venue to the village or community chosen. "
                                       "It takes the next free number there, so its code, %s, changes.",
                                       "%s moves with its %u venues to the village or community chosen. "
                                       "It takes the next free number there, so its code, %s, changes.",
                                       n_venues),
                          fg_region_get_name (self->region), n_venues, fg_region_get_code (self->region));
  set_texts (self, _("Move Grid"), self->label, _("_Move"), body, NULL);
  show_rows (self, FALSE, FALSE, TRUE);
  gtk_widget_add_css_class (self->apply_button, "suggested-action");

  village = fg_region_lookup (self->store, self->actor, fg_region_get_parent_id (self->region), &error);
  if (village != NULL)
    villages = fg_region_list_children (self->store, self->actor, fg_region_get_parent_id (village), FALSE, &error);
  for (guint i = 0; villages != NULL && i < villages->len; i++)
    {
      FgRegion *other = g_ptr_array_index (villages, i);

      if (g_strcmp0 (fg_region_get_id (other), fg_region_get_parent_id (self->region)) == 0)
        continue;
      gtk_string_list_append (names, fg_region_get_name (other));
      g_ptr_array_add (self->village_ids, g_strdup (fg_region_get_id (other)));
    }

  adw_combo_row_set_model (self->village_row, G_LIST_MODEL (names));
  if (error != NULL)
    {
      show_errors (self, error, NULL, 0);
      gtk_widget_set_sensitive (self->apply_button, FALSE);
    }
  else if (self->village_ids->len == 0)
    {
      g_autoptr(GError) none = NULL;

      g_set_error (&none, FG_REGION_ERROR, FG_REGION_ERROR_NOT_FOUND,
                   _("%s has no other village or community to move the grid to. Add one first."),
                   village != NULL ? fg_region_get_name (village) : "");
      show_errors (self, none, NULL, 0);
      gtk_widget_set_visible (GTK_WIDGET (self->village_row), FALSE);
      gtk_widget_set_visible (self->group, FALSE);
      gtk_widget_set_sensitive (self->apply_button, FALSE);
    }
}

static void
set_up_retire (FgRegionDialog *self)
{
  g_autoptr(GError) refusal = NULL;
  g_autofree char *body = NULL;
  g_autofree char *title = NULL;
  guint n_kept = 0;
  gboolean may = fg_region_check_retire (self->store, self->actor, fg_region_get_id (self->region), &n_kept, &refusal);

  if (is_village (self))
    body = g_strdup_printf (_("%s takes no new grids or venues and leaves the list of villages. "
                              "Its records stay as they are."),
                            fg_region_get_name (self->region));
  else
    body = g_strdup_printf (_("%s takes no new venues and leaves the list of grids. "
                              "Its records stay as they are."),
                            self->label);
  if (may && n_kept > 0)
    {
      g_autofree char *kept = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Its %u closed or moved-away venue stays recorded under it, "
                                                            "with its inspections, hazards and documents.",
                                                            "Its %u closed or moved-away venues stay recorded under it, "
                                                            "with their inspections, hazards and documents.",
                                                            n_kept),
                                               n_kept);
      g_autofree char *both = g_strconcat (body, " ", kept, NULL);

      g_free (body);
      body = g_steal_pointer (&both);
    }

  title = g_strdup_printf (_("Retire %s?"), fg_region_get_name (self->region));
  set_texts (self, title, is_village (self) ? NULL : self->label, _("_Retire"), body, NULL);
  show_rows (self, FALSE, FALSE, FALSE);
  gtk_widget_add_css_class (self->apply_button, "destructive-action");

  /* what stands in the way is said before anyone confirms */
  if (!may)
    {
      show_errors (self, refusal, NULL, 0);
      gtk_widget_set_sensitive (self->apply_button, FALSE);
    }
}

/* A grid is shown with its village: each village has its 第一网格. */
static char *
dup_label (FgRegionDialog *self)
{
  g_autoptr(FgRegion) village = NULL;

  if (fg_region_get_level (self->region) == FG_REGION_LEVEL_GRID)
    village = fg_region_lookup (self->store, self->actor, fg_region_get_parent_id (self->region), NULL);
  return fg_region_format_label (fg_region_get_level (self->region), fg_region_get_name (self->region),
                                 village != NULL ? fg_region_get_name (village) : NULL);
}

/* The editable inside an entry row is named by the row's title. */
static void
name_entry (AdwEntryRow *row)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (row));

  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
}

static void
fg_region_dialog_constructed (GObject *object)
{
  FgRegionDialog *self = (FgRegionDialog *)object;

  G_OBJECT_CLASS (fg_region_dialog_parent_class)->constructed (object);

  g_assert (FG_IS_STORE (self->store));
  g_assert (self->actor != NULL);
  g_assert (FG_IS_REGION (self->region));

  self->label = dup_label (self);
  name_entry (self->name_row);
  name_entry (self->code_row);

  switch (self->mode)
    {
    case FG_REGION_DIALOG_ADD_VILLAGE:
      set_up_add_village (self);
      break;

    case FG_REGION_DIALOG_ADD_GRID:
      set_up_add_grid (self);
      break;

    case FG_REGION_DIALOG_RENAME:
      set_up_rename (self);
      break;

    case FG_REGION_DIALOG_MOVE_GRID:
      set_up_move (self);
      break;

    case FG_REGION_DIALOG_RETIRE:
    default:
      set_up_retire (self);
      break;
    }

  gtk_window_set_default_widget (GTK_WINDOW (self), self->apply_button);
  if (gtk_widget_get_visible (GTK_WIDGET (self->name_row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  else if (gtk_widget_get_visible (GTK_WIDGET (self->village_row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->village_row));
}

static void
fg_region_dialog_dispose (GObject *object)
{
  FgRegionDialog *self = (FgRegionDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FG_TYPE_REGION_DIALOG);

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, fg_actor_unref);
  g_clear_object (&self->region);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->village_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (fg_region_dialog_parent_class)->dispose (object);
}

static void
fg_region_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FgRegionDialog *self = FG_REGION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ACTOR:
      g_value_set_boxed (value, self->actor);
      break;

    case PROP_MODE:
      g_value_set_int (value, self->mode);
      break;

    case PROP_REGION:
      g_value_set_object (value, self->region);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_region_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FgRegionDialog *self = FG_REGION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_ACTOR:
      self->actor = g_value_dup_boxed (value);
      break;

    case PROP_MODE:
      self->mode = g_value_get_int (value);
      break;

    case PROP_REGION:
      self->region = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_region_dialog_class_init (FgRegionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fg_region_dialog_constructed;
  object_class->dispose = fg_region_dialog_dispose;
  object_class->get_property = fg_region_dialog_get_property;
  object_class->set_property = fg_region_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, FG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL, FG_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE] =
    g_param_spec_int ("mode", NULL, NULL,
                      FG_REGION_DIALOG_ADD_VILLAGE, FG_REGION_DIALOG_RETIRE, FG_REGION_DIALOG_ADD_VILLAGE,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION] =
    g_param_spec_object ("region", NULL, NULL, FG_TYPE_REGION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FgRegionDialog::done:
   * @region_id: the region to show now: the one added, changed or moved,
   *   or the parent of the one retired
   * @message: (nullable): what to tell, as a toast
   *
   * The change is made; the dialog closes right after.
   */
  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-region-dialog.ui");
  /* a window used as a dialog says so to screen readers */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, FgRegionDialog, title_widget);
  gtk_widget_class_bind_template_child (widget_class, FgRegionDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, FgRegionDialog, body_label);
  gtk_widget_class_bind_template_child (widget_class, FgRegionDialog, group);
  gtk_widget_class_bind_template_child (widget_class, FgRegionDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, FgRegionDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, FgRegionDialog, village_row);
  gtk_widget_class_bind_template_child (widget_class, FgRegionDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, FgRegionDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_village_selected);

  gtk_widget_class_install_action (widget_class, "region-dialog.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fg_region_dialog_init (FgRegionDialog *self)
{
  self->village_ids = g_ptr_array_new_with_free_func (g_free);
  fg_accessible_keep_class_role (GTK_WIDGET (self));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fg_region_dialog_new:
 * @parent: (nullable): the window it is for
 * @store: the store
 * @actor: who changes the tree
 * @mode: which change
 * @region: the township a village is added to, the village a grid is
 *   added to, or the village or grid to rename, move or retire
 *
 * The caller connects to #FgRegionDialog::done and presents it.
 *
 * Returns: (transfer none): the dialog
 */
FgRegionDialog *
fg_region_dialog_new (GtkWindow          *parent,
                      FgStore            *store,
                      FgActor            *actor,
                      FgRegionDialogMode  mode,
                      FgRegion           *region)
{
  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (FG_IS_REGION (region), NULL);

  return g_object_new (FG_TYPE_REGION_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "actor", actor,
                       "mode", mode,
                       "region", region,
                       NULL);
}
