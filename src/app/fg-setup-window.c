/* fg-setup-window.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown while the database has no township: either the office enters its
 * own (a township's, a county office's or a grid station's; the core
 * checks the code) and its first administrator, or it looks at the demo. A database with a township but no account yet (an
 * older one, or a set-up whose administrator was refused) only asks for
 * the administrator.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-setup-window.h"

struct _FgSetupWindow
{
  AdwApplicationWindow parent_instance;

  AdwStatusPage *status_page;
  GtkWidget *kind_group;
  AdwComboRow *kind_row;
  AdwPreferencesGroup *township_group;
  AdwEntryRow *code_row;
  AdwEntryRow *township_row;
  AdwEntryRow *county_row;
  GtkLabel *error_label;
  AdwEntryRow *name_row;
  AdwEntryRow *login_row;
  AdwPasswordEntryRow *password_row;
  AdwPasswordEntryRow *repeat_row;
  GtkLabel *admin_error_label;
  GtkButton *create_button;
  GtkWidget *demo_separator;
  GtkWidget *demo_box;

  FgStore *store;
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

static void
show_error_in (FgSetupWindow *self,
               GtkLabel      *label,
               const char    *message,
               GtkWidget     *row)
{
  gtk_label_set_text (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);

  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

static void
show_error (FgSetupWindow *self,
            const GError  *error,
            GtkWidget     *row)
{
  show_error_in (self, self->error_label, error->message, row);
}

static void
clear_error (FgSetupWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->admin_error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->login_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->repeat_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->code_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->township_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->county_row), "error");
}

static void
on_entry_changed (FgSetupWindow *self)
{
  clear_error (self);
}

/* The kinds of installation, in the order of kind_row. */
typedef enum
{
  OFFICE_TOWNSHIP,
  OFFICE_COUNTY,
  OFFICE_GRID,
} OfficeKind;

/* The office's fields say what the kind of office needs. */
static void
on_kind_changed (FgSetupWindow *self)
{
  OfficeKind kind = adw_combo_row_get_selected (self->kind_row);

  clear_error (self);
  gtk_widget_set_visible (GTK_WIDGET (self->county_row), kind == OFFICE_TOWNSHIP);
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), "");
  adw_entry_row_set_input_purpose (self->code_row,
                                   kind == OFFICE_GRID ? GTK_INPUT_PURPOSE_FREE_FORM : GTK_INPUT_PURPOSE_DIGITS);

  switch (kind)
    {
    case OFFICE_COUNTY:
      adw_preferences_group_set_title (self->township_group, _("Your County"));
      adw_preferences_group_set_description (self->township_group,
                                             _("The division code has 6 or 12 digits, for example 410425. "
                                               "The townships’ bundles bring their records."));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->code_row), _("County division code"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->township_row), _("County name"));
      gtk_button_set_label (self->create_button, _("_Set Up County Office"));
      break;

    case OFFICE_GRID:
      adw_preferences_group_set_title (self->township_group, _("Your Grid"));
      adw_preferences_group_set_description (self->township_group,
                                             _("The township office tells you the grid’s code, for example "
                                               "410425101201-003. Its first bundle brings the names and the "
                                               "grid’s venues."));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->code_row), _("Grid code"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->township_row), _("Grid name (optional)"));
      gtk_button_set_label (self->create_button, _("_Set Up Grid Station"));
      break;

    case OFFICE_TOWNSHIP:
    default:
      adw_preferences_group_set_title (self->township_group, _("Your Township"));
      adw_preferences_group_set_description (self->township_group,
                                             _("The division code has 9 or 12 digits, for example 410425101."));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->code_row), _("Township division code"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->township_row), _("Township name"));
      gtk_button_set_label (self->create_button, _("_Set Up Township"));
      break;
    }
}

/* Only the administrator is missing: the township is there already. */
static void
fg_setup_window_update_mode (FgSetupWindow *self)
{
  gboolean set_up = fg_store_is_set_up (self->store);

  gtk_widget_set_visible (self->kind_group, !set_up);
  gtk_widget_set_visible (GTK_WIDGET (self->township_group), !set_up);
  gtk_widget_set_visible (self->demo_separator, !set_up);
  gtk_widget_set_visible (self->demo_box, !set_up);
  if (set_up)
    gtk_button_set_label (self->create_button, _("_Create Administrator"));
  else
    on_kind_changed (self);
  if (set_up)
    adw_status_page_set_description (self->status_page,
                                     _("The township is set up. Create the administrator’s account, who then adds the accounts of everyone else."));
}

/* Shows a refusal of the core next to the field it names: the township's
 * fields for a region error, the administrator's for an account error. */
static void
show_refusal (FgSetupWindow *self,
              const GError  *error)
{
  GtkWidget *row = NULL;

  if (error->domain == FG_REGION_ERROR)
    {
      /* The core checks the code first, then the township's name, then
       * the county's: the first name error belongs to the township row
       * unless the township's name was fine. */
      if (g_error_matches (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_CODE) ||
          g_error_matches (error, FG_REGION_ERROR, FG_REGION_ERROR_DUPLICATE_CODE))
        row = GTK_WIDGET (self->code_row);
      else if (g_error_matches (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_NAME))
        {
          g_autofree char *township = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->township_row))));

          /* a name with digits (a code typed for the name) is refused too */
          row = *township == '\0' || fg_region_name_has_digits (township) ? GTK_WIDGET (self->township_row)
                                                                          : GTK_WIDGET (self->county_row);
        }

      show_error (self, error, row);
      return;
    }

  if (g_error_matches (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_LOGIN) ||
      g_error_matches (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_DUPLICATE_LOGIN))
    row = GTK_WIDGET (self->login_row);
  else if (g_error_matches (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_NAME))
    row = GTK_WIDGET (self->name_row);
  else if (g_error_matches (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_WEAK_PASSWORD))
    row = GTK_WIDGET (self->password_row);

  show_error_in (self, self->admin_error_label, error->message, row);
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
  g_autofree char *login = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->login_row))));
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  clear_error (self);

  if (g_strcmp0 (password, gtk_editable_get_text (GTK_EDITABLE (self->repeat_row))) != 0)
    {
      show_error_in (self, self->admin_error_label,
                     _("The two passwords are not the same. Type the password again."),
                     GTK_WIDGET (self->repeat_row));
      return;
    }

  /* The township and its administrator are stored together or not at
   * all. A database that has its township but no account yet (set up by
   * an older Firegrid) only needs the administrator. */
  if (!fg_store_is_set_up (self->store))
    {
      const char *code = gtk_editable_get_text (GTK_EDITABLE (self->code_row));
      const char *office = gtk_editable_get_text (GTK_EDITABLE (self->township_row));

      switch ((OfficeKind) adw_combo_row_get_selected (self->kind_row))
        {
        case OFFICE_COUNTY:
          account = fg_office_set_up_county_with_admin (self->store, code, office, login, name, password, &error);
          break;
        case OFFICE_GRID:
          account = fg_office_set_up_grid_with_admin (self->store, code, office, login, name, password, &error);
          break;
        case OFFICE_TOWNSHIP:
        default:
          account = fg_office_set_up_township_with_admin (self->store, code, office,
                                                          gtk_editable_get_text (GTK_EDITABLE (self->county_row)),
                                                          login, name, password, &error);
          break;
        }
    }
  else
    {
      g_autoptr(FgActor) installer = fg_actor_new_local ();

      account = fg_account_create (self->store, installer, login, name, fg_account_get_admin_role (self->store),
                                   fg_store_get_home_region_id (self->store), password, &error);
    }

  if (account == NULL)
    {
      show_refusal (self, error);
      return;
    }

  admin = fg_account_login (self->store, login, password, &error);
  if (admin == NULL)
    {
      show_error_in (self, self->admin_error_label, error->message, NULL);
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

  clear_error (self);

  /* A few hundred venues take well under a second; no progress needed. */
  if (!fg_demo_populate (self->store, actor, FG_DEMO_DEFAULT_VENUES, NULL, NULL, &error))
    {
      show_error (self, error, NULL);
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

static void
fg_setup_window_constructed (GObject *object)
{
  FgSetupWindow *self = (FgSetupWindow *)object;

  G_OBJECT_CLASS (fg_setup_window_parent_class)->constructed (object);

  g_assert (FG_IS_STORE (self->store));
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
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, code_row);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, township_row);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, county_row);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, township_group);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, login_row);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, admin_error_label);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, create_button);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, demo_separator);
  gtk_widget_class_bind_template_child (widget_class, FgSetupWindow, demo_box);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);

  gtk_widget_class_install_action (widget_class, "setup.create-township", NULL, create_township_action);
  gtk_widget_class_install_action (widget_class, "setup.open-demo", NULL, open_demo_action);
}

static void
fg_setup_window_init (FgSetupWindow *self)
{
  GtkIconTheme *theme;

  gtk_widget_init_template (GTK_WIDGET (self));

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
