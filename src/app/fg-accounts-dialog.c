/* fg-accounts-dialog.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who may log in: one row per account (name, login, role, area) with a
 * switch to switch it off and on, and a button to set a new password. A
 * second page adds an account; the areas offered follow the role chosen
 * (the township, a village, a grid or the county). The core decides; its
 * refusals are shown in the page they belong to.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-accessible.h"
#include "fg-accounts-dialog.h"
#include "fg-form.h"
#include "fg-password-dialog.h"
#include "fg-toast.h"

struct _FgAccountsDialog
{
  AdwWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkStack *stack;
  GtkWidget *back_button;
  GtkWidget *add_button;
  GtkWidget *create_button;
  GtkListBox *list_box;
  GtkLabel *list_error_label;
  AdwEntryRow *login_row;
  AdwEntryRow *name_row;
  AdwComboRow *role_row;
  AdwComboRow *area_row;
  AdwPasswordEntryRow *password_row;
  AdwPasswordEntryRow *repeat_row;
  GtkLabel *add_error_label;

  FgStore *store;
  FgActor *actor;
  GListStore *accounts;
  GPtrArray *area_ids;  /* position in area_row → region id */
  GArray *roles;        /* position in role_row → FgRole: those this installation has */
  gboolean filling;     /* setting switches, not the person */
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_ACTOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FgAccountsDialog, fg_accounts_dialog, ADW_TYPE_WINDOW)

static void
show_list_error (FgAccountsDialog *self,
                 const char       *message)
{
  gtk_label_set_text (self->list_error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->list_error_label), message != NULL);
}

static FgAccount *
find_account (FgAccountsDialog *self,
              const char       *login)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FgAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);

      if (g_strcmp0 (fg_account_get_login (account), login) == 0)
        return account;
    }

  return NULL;
}

static void
fg_accounts_dialog_reload (FgAccountsDialog *self)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;

  accounts = fg_account_list (self->store, self->actor, &error);
  if (accounts == NULL)
    {
      show_list_error (self, error->message);
      return;
    }

  self->filling = TRUE;
  g_list_store_splice (self->accounts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->accounts)),
                       accounts->pdata, accounts->len);
  self->filling = FALSE;
}

static gboolean
set_active (FgAccountsDialog *self,
            const char       *login,
            gboolean          active)
{
  g_autoptr(GError) error = NULL;

  show_list_error (self, NULL);

  if (!fg_account_set_active (self->store, self->actor, login, active, &error))
    {
      show_list_error (self, error->message);
      fg_accounts_dialog_reload (self);
      return FALSE;
    }

  fg_accounts_dialog_reload (self);
  return TRUE;
}

static void
on_active_switched (GtkSwitch        *sw,
                    GParamSpec       *pspec,
                    FgAccountsDialog *self)
{
  FgAccount *account = g_object_get_data (G_OBJECT (sw), "fg-account");

  if (self->filling || gtk_switch_get_active (sw) == fg_account_get_active (account))
    return;

  set_active (self, fg_account_get_login (account), gtk_switch_get_active (sw));
}

static GtkWidget *
create_account_row (gpointer item,
                    gpointer user_data)
{
  FgAccountsDialog *self = user_data;
  FgAccount *account = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();
  GtkWidget *reset = gtk_button_new_from_icon_name ("dialog-password-symbolic");
  g_autofree char *subtitle = NULL;

  /* Translators: an account's row: login name · role · area,
   * e.g. "grid · Grid worker · 神垕村 › 第一网格" */
  subtitle = g_strdup_printf (_("%s · %s · %s"),
                              fg_account_get_login (account),
                              fg_role_get_label (fg_account_get_role (account)),
                              fg_account_get_scope_label (account));
  if (*fg_account_get_certificate (account) != '\0')
    {
      /* Translators: appended to an account's row: the number of the
       * person's enforcement certificate (执法证号) */
      g_autofree char *with_number = g_strdup_printf (_("%s · certificate %s"), subtitle,
                                                      fg_account_get_certificate (account));

      g_free (subtitle);
      subtitle = g_steal_pointer (&with_number);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fg_account_get_display_name (account));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (!fg_account_get_active (account))
    gtk_widget_add_css_class (row, "dim-label");

  gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (reset, "flat");
  gtk_widget_set_tooltip_text (reset, _("Reset Password…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (reset), "accounts.reset-password");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (reset), "s", fg_account_get_login (account));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), reset);

  if (fg_account_is_officer (account))
    {
      GtkWidget *certificate = gtk_button_new_from_icon_name ("auth-smartcard-symbolic");

      gtk_widget_set_valign (certificate, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (certificate, "flat");
      gtk_widget_set_tooltip_text (certificate, _("Enforcement Certificate…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (certificate), "accounts.certificate");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (certificate), "s", fg_account_get_login (account));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), certificate);
    }

  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (sw), fg_account_get_active (account));
  gtk_widget_set_tooltip_text (sw, _("Whether the account can log in"));
  g_object_set_data_full (G_OBJECT (sw), "fg-account", g_object_ref (account), g_object_unref);
  g_signal_connect_object (sw, "notify::active", G_CALLBACK (on_active_switched), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);

  return row;
}

static FgRole
selected_role (FgAccountsDialog *self)
{
  guint position = adw_combo_row_get_selected (self->role_row);

  return position < self->roles->len ? g_array_index (self->roles, FgRole, position) : FG_N_ROLES;
}

/* The regions an account of the role in role_row may cover: the core
 * says which; a grid is shown under its village. */
static void
fill_areas (FgAccountsDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) areas = NULL;
  FgRole role = selected_role (self);

  g_ptr_array_set_size (self->area_ids, 0);

  if (role < FG_N_ROLES)
    areas = fg_account_list_areas (self->store, self->actor, role, NULL);

  for (guint i = 0; areas != NULL && i < areas->len; i++)
    {
      FgRegion *area = g_ptr_array_index (areas, i);

      if (fg_region_get_level (area) == FG_REGION_LEVEL_GRID)
        {
          g_autoptr(FgRegion) village = fg_region_lookup (self->store, self->actor,
                                                          fg_region_get_parent_id (area), NULL);
          g_autofree char *label = g_strdup_printf (_("%s › %s"),
                                                    village != NULL ? fg_region_get_name (village) : "",
                                                    fg_region_get_name (area));

          gtk_string_list_append (labels, label);
        }
      else
        gtk_string_list_append (labels, fg_region_get_name (area));

      g_ptr_array_add (self->area_ids, g_strdup (fg_region_get_id (area)));
    }

  adw_combo_row_set_model (self->area_row, G_LIST_MODEL (labels));
  /* one township, one county: nothing to choose */
  adw_combo_row_set_selected (self->area_row, self->area_ids->len == 1 ? 0 : GTK_INVALID_LIST_POSITION);
}

static void
clear_add_error (FgAccountsDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->add_error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->login_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->area_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->repeat_row), "error");
}

/* Adds @message below those already shown and marks @row, if any. */
static void
show_add_error (FgAccountsDialog *self,
                const char       *message,
                gpointer          row)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->add_error_label)))
    {
      g_autofree char *both = g_strconcat (gtk_label_get_text (self->add_error_label), "\n",
                                           message, NULL);

      gtk_label_set_text (self->add_error_label, both);
    }
  else
    gtk_label_set_text (self->add_error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->add_error_label), TRUE);
  if (row != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

static void
on_add_changed (FgAccountsDialog *self)
{
  clear_add_error (self);
}

static void
on_role_changed (FgAccountsDialog *self)
{
  clear_add_error (self);
  fill_areas (self);
}

static void
show_page (FgAccountsDialog *self,
           const char       *name)
{
  gboolean adding = g_strcmp0 (name, "add") == 0;

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (self->back_button, adding);
  gtk_widget_set_visible (self->add_button, !adding);
  gtk_widget_set_visible (self->create_button, adding);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.create", adding);
  /* Enter in the new account's fields adds it */
  gtk_window_set_default_widget (GTK_WINDOW (self), adding ? self->create_button : NULL);
  adw_window_title_set_title (self->window_title, adding ? _("New Account") : _("Accounts"));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  FgAccountsDialog *self = FG_ACCOUNTS_DIALOG (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->login_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->repeat_row), "");
  /* the role most accounts have */
  for (guint i = 0; i < self->roles->len; i++)
    if (g_array_index (self->roles, FgRole, i) == FG_ROLE_GRID_WORKER)
      adw_combo_row_set_selected (self->role_row, i);
  fill_areas (self);
  clear_add_error (self);

  show_page (self, "add");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  show_page (FG_ACCOUNTS_DIALOG (widget), "list");
}

/* Marks every field of a new account the core would refuse, in the
 * order of the form. Returns the first wrong row, or %NULL. */
static GtkWidget *
check_add_fields (FgAccountsDialog *self,
                  const char       *login,
                  const char       *password)
{
  GError *errors[FG_ACCOUNT_N_FIELDS] = { NULL, };
  GtkWidget *first = NULL;
  struct {
    GError **error;
    gpointer row;
  } fields[] = {
    { &errors[FG_ACCOUNT_FIELD_NAME], self->name_row },
    { &errors[FG_ACCOUNT_FIELD_LOGIN], self->login_row },
    { &errors[FG_ACCOUNT_FIELD_PASSWORD], self->password_row },
  };

  fg_account_check_fields (login, gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                           password, errors);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (*fields[i].error == NULL)
        continue;
      show_add_error (self, (*fields[i].error)->message, fields[i].row);
      if (first == NULL)
        first = fields[i].row;
      g_clear_error (fields[i].error);
    }

  if (selected_role (self) == FG_N_ROLES)
    {
      show_add_error (self, _("Choose the account’s role."), self->role_row);
      if (first == NULL || first == GTK_WIDGET (self->password_row))
        first = GTK_WIDGET (self->role_row);
    }

  if (g_strcmp0 (password, gtk_editable_get_text (GTK_EDITABLE (self->repeat_row))) != 0)
    {
      show_add_error (self, _("The two passwords are not the same. Type the password again."),
                      self->repeat_row);
      if (first == NULL)
        first = GTK_WIDGET (self->repeat_row);
    }

  return first;
}

/* Escape leaves a new account unmade, then closes the dialog. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FgAccountsDialog *self = FG_ACCOUNTS_DIALOG (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "add") == 0)
    show_page (self, "list");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FgAccountsDialog *self = FG_ACCOUNTS_DIALOG (widget);
  g_autofree char *login = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->login_row))));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  guint area = adw_combo_row_get_selected (self->area_row);
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GtkWidget *bad_row;

  clear_add_error (self);

  bad_row = check_add_fields (self, login, password);
  if (bad_row != NULL)
    {
      gtk_widget_grab_focus (bad_row);
      return;
    }

  account = fg_account_create (self->store, self->actor, login,
                               gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                               selected_role (self),
                               area < self->area_ids->len ? g_ptr_array_index (self->area_ids, area) : NULL,
                               password, &error);
  if (account == NULL)
    {
      gpointer row = NULL;

      if (error->domain == FG_ACCOUNT_ERROR)
        {
          switch ((FgAccountError) error->code)
            {
            case FG_ACCOUNT_ERROR_INVALID_LOGIN:
            case FG_ACCOUNT_ERROR_DUPLICATE_LOGIN:
              row = self->login_row;
              break;
            case FG_ACCOUNT_ERROR_INVALID_NAME:
              row = self->name_row;
              break;
            case FG_ACCOUNT_ERROR_INVALID_SCOPE:
              row = self->area_row;
              break;
            case FG_ACCOUNT_ERROR_WEAK_PASSWORD:
              row = self->password_row;
              break;
            case FG_ACCOUNT_ERROR_WRONG_PASSWORD:
            case FG_ACCOUNT_ERROR_LOCKED:
            case FG_ACCOUNT_ERROR_INACTIVE:
            case FG_ACCOUNT_ERROR_NOT_FOUND:
            case FG_ACCOUNT_ERROR_LAST_ADMIN:
            case FG_ACCOUNT_ERROR_INVALID_CERTIFICATE:
            default:
              break;
            }
        }

      show_add_error (self, error->message, row);
      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
      return;
    }

  fg_accounts_dialog_reload (self);
  show_page (self, "list");

  /* Translators: a toast, e.g. "Account “grid2” added" */
  message = g_strdup_printf (_("Account “%s” added"), fg_account_get_login (account));
  fg_toast_show (GTK_WIDGET (self->toast_overlay), message, 3);
}

static void
on_password_reset (FgPasswordDialog *dialog,
                   FgAccountsDialog *self)
{
  fg_toast_show (GTK_WIDGET (self->toast_overlay), _("Password reset"), 3);
}

static void
reset_password_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FgAccountsDialog *self = FG_ACCOUNTS_DIALOG (widget);
  FgAccount *account = find_account (self, g_variant_get_string (parameter, NULL));
  FgPasswordDialog *dialog;

  if (account == NULL)
    return;

  dialog = fg_password_dialog_new (GTK_WINDOW (self), self->store, self->actor, account);
  g_signal_connect_object (dialog, "done", G_CALLBACK (on_password_reset), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The number of an officer's enforcement certificate (执法证号), which
 * inspection records print beside their name. */
static void
on_certificate_response (AdwMessageDialog *dialog,
                         const char       *response,
                         FgAccountsDialog *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "fg-entry");
  const char *login = g_object_get_data (G_OBJECT (dialog), "fg-login");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;

  show_list_error (self, NULL);
  if (!fg_account_set_certificate (self->store, self->actor, login, gtk_editable_get_text (entry), &error))
    {
      show_list_error (self, error->message);
      return;
    }
  fg_accounts_dialog_reload (self);
  fg_toast_show (GTK_WIDGET (self->toast_overlay), _("Certificate number saved"), 3);
}

/* Enter or a click on Save with a number the core refuses marks it, with
 * the core's words above the field, and the dialog stays for it to be
 * put right; nothing is saved until it is. */
static guint
check_certificate (gpointer data)
{
  GtkWidget *dialog = data;
  FgAccountsDialog *self = g_object_get_data (G_OBJECT (dialog), "fg-accounts");
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "fg-entry");
  const char *login = g_object_get_data (G_OBJECT (dialog), "fg-login");
  GError *error = NULL;

  fg_account_check_certificate (self->store, self->actor, login, gtk_editable_get_text (GTK_EDITABLE (entry)),
                                &error);
  return fg_form_show_problems (&entry, &error, 1, g_object_get_data (G_OBJECT (dialog), "fg-problem"));
}

static void
certificate_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FgAccountsDialog *self = FG_ACCOUNTS_DIALOG (widget);
  FgAccount *account = find_account (self, g_variant_get_string (parameter, NULL));
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *list;
  GtkWidget *entry;

  if (account == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Enforcement Certificate"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The number of %s’s enforcement certificate, printed with their name "
                                    "on the records of the inspections they make. Leave it empty when "
                                    "they hold none."),
                                  fg_account_get_display_name (account));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  fg_accessible_name_lists (list, _("Enforcement Certificate"));
  entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Certificate number"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (entry), fg_account_get_certificate (account));
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  /* what Enter found wrong, above the field */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "fg-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "fg-problem", label);
  /* the dialog is modal over this one, which outlives it */
  g_object_set_data (G_OBJECT (dialog), "fg-accounts", self);
  g_object_set_data_full (G_OBJECT (dialog), "fg-login", g_strdup (fg_account_get_login (account)), g_free);
  fg_form_check_on_enter (entry, check_certificate, dialog);
  fg_form_check_response (ADW_MESSAGE_DIALOG (dialog), "save", check_certificate, dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_certificate_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
set_active_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const char *login;
  gboolean active;

  g_variant_get (parameter, "(&sb)", &login, &active);
  set_active (FG_ACCOUNTS_DIALOG (widget), login, active);
}

static void
fg_accounts_dialog_constructed (GObject *object)
{
  FgAccountsDialog *self = (FgAccountsDialog *)object;
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (fg_accounts_dialog_parent_class)->constructed (object);

  g_assert (FG_IS_STORE (self->store));
  g_assert (self->actor != NULL);

  for (FgRole role = 0; role < FG_N_ROLES; role++)
    {
      if (!fg_account_role_fits (self->store, role))
        continue;
      g_array_append_val (self->roles, role);
      gtk_string_list_append (roles, fg_role_get_label (role));
    }
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));

  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->accounts),
                           create_account_row, self, NULL);
  fg_accounts_dialog_reload (self);
  show_page (self, "list");
}

static void
fg_accounts_dialog_dispose (GObject *object)
{
  FgAccountsDialog *self = (FgAccountsDialog *)object;

  self->filling = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), FG_TYPE_ACCOUNTS_DIALOG);
  g_clear_object (&self->accounts);
  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, fg_actor_unref);
  g_clear_pointer (&self->area_ids, g_ptr_array_unref);
  g_clear_pointer (&self->roles, g_array_unref);

  G_OBJECT_CLASS (fg_accounts_dialog_parent_class)->dispose (object);
}

static void
fg_accounts_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FgAccountsDialog *self = FG_ACCOUNTS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ACTOR:
      g_value_set_boxed (value, self->actor);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_accounts_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  FgAccountsDialog *self = FG_ACCOUNTS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_ACTOR:
      self->actor = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_accounts_dialog_class_init (FgAccountsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fg_accounts_dialog_constructed;
  object_class->dispose = fg_accounts_dialog_dispose;
  object_class->get_property = fg_accounts_dialog_get_property;
  object_class->set_property = fg_accounts_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, FG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL, FG_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-accounts-dialog.ui");
  /* a window used as a dialog says so to screen readers */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, FgAccountsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FgAccountsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, FgAccountsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, FgAccountsDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, FgAccountsDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, FgAccountsDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, FgAccountsDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, FgAccountsDialog, list_error_label);
  gtk_widget_class_bind_template_child (widget_class, FgAccountsDialog, login_row);
  gtk_widget_class_bind_template_child (widget_class, FgAccountsDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, FgAccountsDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, FgAccountsDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, FgAccountsDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, FgAccountsDialog, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, FgAccountsDialog, add_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_add_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_role_changed);

  gtk_widget_class_install_action (widget_class, "accounts.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "accounts.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "accounts.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "accounts.reset-password", "s", reset_password_action);
  gtk_widget_class_install_action (widget_class, "accounts.set-active", "(sb)", set_active_action);
  gtk_widget_class_install_action (widget_class, "accounts.certificate", "s", certificate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "accounts.add", NULL);
  gtk_widget_class_install_action (widget_class, "accounts.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "accounts.cancel", NULL);
}

static void
fg_accounts_dialog_init (FgAccountsDialog *self)
{
  self->accounts = g_list_store_new (FG_TYPE_ACCOUNT);
  self->area_ids = g_ptr_array_new_with_free_func (g_free);
  self->roles = g_array_new (FALSE, FALSE, sizeof (FgRole));

  fg_accessible_keep_class_role (GTK_WIDGET (self));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fg_accounts_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @store: the store
 * @actor: an administrator
 *
 * Returns: (transfer none): the dialog, owned by GTK's list of windows
 */
FgAccountsDialog *
fg_accounts_dialog_new (GtkWindow *parent,
                        FgStore   *store,
                        FgActor   *actor)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return g_object_new (FG_TYPE_ACCOUNTS_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "store", store,
                       "actor", actor,
                       NULL);
}

/**
 * fg_accounts_dialog_get_accounts:
 *
 * Returns: (transfer none): the accounts as listed, #FgAccount items
 */
GListModel *
fg_accounts_dialog_get_accounts (FgAccountsDialog *self)
{
  g_return_val_if_fail (FG_IS_ACCOUNTS_DIALOG (self), NULL);
  return G_LIST_MODEL (self->accounts);
}
