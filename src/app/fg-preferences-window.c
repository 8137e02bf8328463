/* fg-preferences-window.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The office's settings in one window, a page per concern: what documents
 * print (the issuer, the codes in their numbers, who hears a challenge,
 * the authority orders cite, the font), the public holidays installed,
 * and when the window locks by itself. A page shows only to those whose
 * role may change what it holds.
 *
 * A document setting is saved row by row, when the person presses Enter
 * or the row's tick; the core may refuse it, and then the row is marked
 * and the reason shown. Rows changed but not saved are saved on closing.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-accessible.h"
#include "fg-preferences-window.h"
#include "fg-toast.h"

/* The document settings, one entry row each; the codes are one per kind. */
enum {
  FIELD_ISSUER_NAME,
  FIELD_ISSUER_SHORT,
  FIELD_SELF_NAME,
  FIELD_REVIEW_BODY,
  FIELD_COURT,
  FIELD_BRIGADE,
  FIELD_AUTHORITY_BASIS,
  FIELD_FONT,
  FIELD_CODE_FIRST,
  N_FIELDS = FIELD_CODE_FIRST + FG_NOTICE_N_KINDS
};

struct _FgPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwPreferencesPage *documents_page;
  AdwPreferencesGroup *issuer_group;
  AdwPreferencesGroup *numbers_group;
  AdwPreferencesGroup *remedy_group;
  AdwPreferencesGroup *authority_group;
  AdwPreferencesGroup *printing_group;
  AdwPreferencesPage *calendar_page;
  AdwPreferencesGroup *calendar_group;
  AdwPreferencesPage *lock_page;
  GtkWidget *idle_spin;

  FgStore *store;
  FgActor *actor;
  GSettings *settings;               /* NULL when the schema is not installed */
  FgNoticeSettings *saved;           /* the document settings as stored */
  GtkWidget *rows[N_FIELDS];         /* AdwEntryRow */
  GtkWidget *year_rows[3];           /* this year and the next two */
  gboolean close_refused;            /* the last close could not save: the next discards */
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_ACTOR,
  PROP_SETTINGS,
  N_PROPS
};

enum {
  CALENDAR_INSTALLED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FgPreferencesWindow, fg_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Documents */

static char **
settings_field (FgNoticeSettings *settings,
                guint             field)
{
  switch (field)
    {
    case FIELD_ISSUER_NAME: return &settings->issuer_name;
    case FIELD_ISSUER_SHORT: return &settings->issuer_short;
    case FIELD_SELF_NAME: return &settings->self_name;
    case FIELD_REVIEW_BODY: return &settings->review_body;
    case FIELD_COURT: return &settings->court;
    case FIELD_BRIGADE: return &settings->brigade;
    case FIELD_AUTHORITY_BASIS: return &settings->authority_basis;
    case FIELD_FONT: return &settings->font;
    default:
      g_assert (field >= FIELD_CODE_FIRST && field < N_FIELDS);
      return &settings->codes[field - FIELD_CODE_FIRST];
    }
}

/* What a row's text stores: the font's empty text is "choose the best",
 * the authority is cited exactly as entered, without the spaces around. */
static char *
field_value (guint       field,
             const char *text)
{
  if (field == FIELD_FONT && *text == '\0')
    return NULL;
  if (field == FIELD_AUTHORITY_BASIS)
    return g_strstrip (g_strdup (text));
  return g_strdup (text);
}

static FgNoticeSettings *
settings_copy (const FgNoticeSettings *settings)
{
  FgNoticeSettings *copy = g_new0 (FgNoticeSettings, 1);

  for (guint field = 0; field < N_FIELDS; field++)
    *settings_field (copy, field) = g_strdup (*settings_field ((FgNoticeSettings *) settings, field));
  return copy;
}

static gboolean
row_changed (FgPreferencesWindow *self,
             guint                field)
{
  g_autofree char *value = field_value (field, gtk_editable_get_text (GTK_EDITABLE (self->rows[field])));

  return g_strcmp0 (value, *settings_field (self->saved, field)) != 0;
}

static void
update_number_example (FgPreferencesWindow *self)
{
  g_autofree char *example = NULL;

  example = g_strdup_printf (_("Numbers read like %s%s字〔2026〕第0001号."), self->saved->issuer_short,
                             self->saved->codes[FG_NOTICE_KIND_CORRECT_BY_DEADLINE]);
  adw_preferences_group_set_description (self->numbers_group, example);
}

/* Saves the rows marked in @fields (all changed rows when NULL) over what
 * is stored; on a refusal nothing is saved and the rows stay as typed. */
static gboolean
save_fields (FgPreferencesWindow *self,
             const gboolean      *fields,
             GError             **error)
{
  g_autoptr(FgNoticeSettings) settings = settings_copy (self->saved);

  for (guint field = 0; field < N_FIELDS; field++)
    {
      char **value = settings_field (settings, field);

      if (fields != NULL ? !fields[field] : !row_changed (self, field))
        continue;
      g_free (*value);
      *value = field_value (field, gtk_editable_get_text (GTK_EDITABLE (self->rows[field])));
    }

  if (!fg_notice_settings_save (self->store, self->actor, settings, error))
    return FALSE;

  fg_notice_settings_free (self->saved);
  self->saved = g_steal_pointer (&settings);
  for (guint field = 0; field < N_FIELDS; field++)
    if (!row_changed (self, field))
      gtk_widget_remove_css_class (self->rows[field], "error");
  update_number_example (self);
  return TRUE;
}

static void
on_row_apply (AdwEntryRow         *row,
              FgPreferencesWindow *self)
{
  gboolean fields[N_FIELDS] = { FALSE };
  g_autoptr(GError) error = NULL;
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "fg-field"));

  fields[field] = TRUE;
  self->close_refused = FALSE;
  if (!save_fields (self, fields, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      fg_toast_show (GTK_WIDGET (self), error->message, 8);
      return;
    }

  /* the authority is stored without its surrounding spaces */
  gtk_editable_set_text (GTK_EDITABLE (row), *settings_field (self->saved, field) != NULL
                                             ? *settings_field (self->saved, field) : "");
  fg_toast_show (GTK_WIDGET (self), _("Saved"), 2);
}

static GtkWidget *
add_row (FgPreferencesWindow *self,
         AdwPreferencesGroup *group,
         guint                field,
         const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();
  const char *text = *settings_field (self->saved, field);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_object_set_data (G_OBJECT (row), "fg-field", GUINT_TO_POINTER (field));
  g_signal_connect_object (row, "apply", G_CALLBACK (on_row_apply), self, 0);
  adw_preferences_group_add (group, row);
  self->rows[field] = row;
  return row;
}

/* A dim note under a group's rows. */
static void
add_note (AdwPreferencesGroup *group,
          const char          *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  adw_preferences_group_add (group, label);
}

static void
fill_documents_page (FgPreferencesWindow *self)
{
  g_autofree char *suggestion = NULL;

  add_row (self, self->issuer_group, FIELD_ISSUER_NAME, _("Issuer, as printed"));
  add_row (self, self->issuer_group, FIELD_SELF_NAME, _("The office in the text (我镇, 本机关)"));

  add_row (self, self->numbers_group, FIELD_ISSUER_SHORT, _("Short name in numbers"));
  for (guint kind = 0; kind < FG_NOTICE_N_KINDS; kind++)
    {
      g_autofree char *title = g_strdup_printf (_("Code: %s"), fg_notice_kind_get_label (kind));

      add_row (self, self->numbers_group, FIELD_CODE_FIRST + kind, title);
    }
  update_number_example (self);

  add_row (self, self->remedy_group, FIELD_REVIEW_BODY, _("Administrative review body (郏县人民政府)"));
  add_row (self, self->remedy_group, FIELD_COURT, _("Court for administrative suits (郏县人民法院)"));
  add_row (self, self->remedy_group, FIELD_BRIGADE, _("Fire-rescue brigade for major hazards (郏县消防救援大队)"));

  add_row (self, self->authority_group, FIELD_AUTHORITY_BASIS, _("Legal basis of orders (without 根据)"));
  /* offered, never printed until the office enters it */
  /* TRANSLATORS: %s is a citation such as 《河南省消防条例》第十五条 */
  suggestion = g_strdup_printf (_("Suggested: %s (the township’s duty to inspect and to press for "
                                  "hazards to be corrected), followed by the province’s decision "
                                  "that empowers townships."),
                                fg_notice_authority_suggestion ());
  add_note (self->authority_group, suggestion);

  add_row (self, self->printing_group, FIELD_FONT, _("Font (empty: the best installed)"));
}

/* Holidays */

static void
update_calendar_rows (FgPreferencesWindow *self)
{
  g_autoptr(GDate) today = fg_store_today (self->store);
  int year = g_date_get_year (today);

  for (guint i = 0; i < G_N_ELEMENTS (self->year_rows); i++)
    {
      AdwActionRow *row = ADW_ACTION_ROW (self->year_rows[i]);
      gboolean known = fg_calendar_knows_year (self->store, year + (int) i);
      /* Translators: a year whose holidays are or are not installed */
      g_autofree char *title = g_strdup_printf (_("Year %d"), year + (int) i);
      GtkWidget *icon = g_object_get_data (G_OBJECT (row), "fg-icon");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (row, known ? _("Installed")
                                              : _("Not installed: deadlines skip weekends only"));
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), known ? "object-select-symbolic" : "dialog-warning-symbolic");
      gtk_widget_remove_css_class (icon, known ? "warning" : "success");
      gtk_widget_add_css_class (icon, known ? "success" : "warning");
    }
}

static void
fill_calendar_page (FgPreferencesWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->year_rows); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new ();

      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      g_object_set_data (G_OBJECT (row), "fg-icon", icon);
      adw_preferences_group_add (self->calendar_group, row);
      self->year_rows[i] = row;
    }
  update_calendar_rows (self);
}

/**
 * fg_preferences_window_install_calendar_file:
 * @file: a holiday calendar (XML)
 *
 * Installs the public holidays of @file, says what came of it, shows the
 * years as they now stand and emits ::calendar-installed when a year was
 * installed. Also what the Install button's file chooser leads to.
 */
void
fg_preferences_window_install_calendar_file (FgPreferencesWindow *self,
                                             GFile               *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) years = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (FG_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  name = g_file_get_basename (file);
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    text = g_strdup_printf (_("The calendar file could not be read: %s"), error->message);
  else if (!fg_calendar_install_file (self->store, self->actor, bytes, name, &years, &error))
    text = g_strdup (error->message);
  else if (years->len == 0)
    text = g_strdup (_("The file holds no year: nothing was installed."));
  else
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < years->len; i++)
        /* Translators: between the years of a list, "2027, 2028" */
        g_string_append_printf (list, "%s%d", i > 0 ? C_("list separator", ", ") : "",
                                g_array_index (years, int, i));
      /* Translators: %s is a year, or a list of years */
      text = g_strdup_printf (_("The public holidays of %s are installed"), list->str);
    }

  update_calendar_rows (self);
  fg_toast_show (GTK_WIDGET (self), text, error != NULL ? 8 : 4);
  if (years != NULL && years->len > 0)
    g_signal_emit (self, signals[CALENDAR_INSTALLED], 0);
}

static void
on_calendar_chosen (GtkNativeDialog     *chooser,
                    int                  response,
                    FgPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        fg_preferences_window_install_calendar_file (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_install_clicked (FgPreferencesWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Install Public Holidays"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Install"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Holiday calendars (XML)"));
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_calendar_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Closing */

/* Rows typed but not saved are saved now; if the core refuses them the
 * window stays and says why, and closing again leaves them unsaved. */
static gboolean
on_close_request (FgPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean changed = FALSE;

  if (self->saved == NULL || self->close_refused)
    return FALSE;

  for (guint field = 0; field < N_FIELDS; field++)
    changed |= self->rows[field] != NULL && row_changed (self, field);
  if (!changed || save_fields (self, NULL, &error))
    return FALSE;

  for (guint field = 0; field < N_FIELDS; field++)
    if (row_changed (self, field))
      gtk_widget_add_css_class (self->rows[field], "error");
  /* Translators: %s is why the core refused a document setting */
  text = g_strdup_printf (_("Not saved: %s Close again to leave the changes unsaved."), error->message);
  fg_toast_show (GTK_WIDGET (self), text, 10);
  self->close_refused = TRUE;
  return TRUE;
}

/* Pages */

/**
 * fg_preferences_window_offers_any:
 *
 * Whether @actor may change any of the settings the window holds; others
 * are not offered the window.
 */
gboolean
fg_preferences_window_offers_any (FgActor *actor)
{
  g_return_val_if_fail (actor != NULL, FALSE);

  return fg_actor_can (actor, FG_ACTION_SETTINGS);
}

static void
fg_preferences_window_constructed (GObject *object)
{
  FgPreferencesWindow *self = FG_PREFERENCES_WINDOW (object);
  AdwPreferencesWindow *window = ADW_PREFERENCES_WINDOW (self);
  gboolean settings = fg_actor_can (self->actor, FG_ACTION_SETTINGS);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (fg_preferences_window_parent_class)->constructed (object);

  /* the document settings are an issuing office's */
  if (settings && fg_actor_can (self->actor, FG_ACTION_NOTICE_ISSUE))
    self->saved = fg_notice_settings_load (self->store, &error);
  if (self->saved != NULL)
    fill_documents_page (self);
  else
    {
      if (error != NULL)
        g_warning ("The document settings could not be read: %s", error->message);
      adw_preferences_window_remove (window, self->documents_page);
    }

  if (settings)
    fill_calendar_page (self);
  else
    adw_preferences_window_remove (window, self->calendar_page);

  /* the lock is the computer's, shared by its accounts: an administrator's */
  if (settings && self->settings != NULL)
    g_settings_bind (self->settings, "idle-lock-minutes",
                     gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (self->idle_spin)), "value",
                     G_SETTINGS_BIND_DEFAULT);
  else
    adw_preferences_window_remove (window, self->lock_page);
}

static void
fg_preferences_window_finalize (GObject *object)
{
  FgPreferencesWindow *self = FG_PREFERENCES_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, fg_actor_unref);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->saved, fg_notice_settings_free);

  G_OBJECT_CLASS (fg_preferences_window_parent_class)->finalize (object);
}

static void
fg_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  FgPreferencesWindow *self = FG_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_ACTOR:
      self->actor = g_value_dup_boxed (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_preferences_window_class_init (FgPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fg_preferences_window_constructed;
  object_class->finalize = fg_preferences_window_finalize;
  object_class->set_property = fg_preferences_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, FG_TYPE_STORE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL, FG_TYPE_ACTOR,
                        G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FgPreferencesWindow::calendar-installed:
   *
   * A year's public holidays were installed: deadlines may count
   * differently, and a warning that they were missing may go.
   */
  signals[CALENDAR_INSTALLED] =
    g_signal_new ("calendar-installed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/firegrid/Firegrid/fg-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FgPreferencesWindow, documents_page);
  gtk_widget_class_bind_template_child (widget_class, FgPreferencesWindow, issuer_group);
  gtk_widget_class_bind_template_child (widget_class, FgPreferencesWindow, numbers_group);
  gtk_widget_class_bind_template_child (widget_class, FgPreferencesWindow, remedy_group);
  gtk_widget_class_bind_template_child (widget_class, FgPreferencesWindow, authority_group);
  gtk_widget_class_bind_template_child (widget_class, FgPreferencesWindow, printing_group);
  gtk_widget_class_bind_template_child (widget_class, FgPreferencesWindow, calendar_page);
  gtk_widget_class_bind_template_child (widget_class, FgPreferencesWindow, calendar_group);
  gtk_widget_class_bind_template_child (widget_class, FgPreferencesWindow, lock_page);
  gtk_widget_class_bind_template_child (widget_class, FgPreferencesWindow, idle_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_install_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fg_preferences_window_init (FgPreferencesWindow *self)
{
  fg_accessible_keep_class_role (GTK_WIDGET (self));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fg_preferences_window_new:
 * @parent: the main window
 * @actor: who changes the settings; pages it may not change are left out
 * @settings: (nullable): the program's settings, for the lock
 *
 * Returns: (transfer none): the window, not yet shown
 */
FgPreferencesWindow *
fg_preferences_window_new (GtkWindow *parent,
                           FgStore   *store,
                           FgActor   *actor,
                           GSettings *settings)
{
  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return g_object_new (FG_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "store", store,
                       "actor", actor,
                       "settings", settings,
                       NULL);
}
