/* test-roles.c — each role is offered what it may do, and the settings it
 * may change, in the window
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fg-import-dialog.h"
#include "fg-pairing-dialog.h"
#include "fg-preferences-window.h"
#include "fg-region-dialog.h"
#include "fg-venue-detail.h"
#include "fg-window.h"
#include "fg-ui-test-util.h"

#define PASSWORD "county-password-1"

static FgWindow *
open_window (FgStore *store,
             FgActor *actor)
{
  FgWindow *window = g_object_ref (fg_window_new (NULL, store, actor));

  gtk_window_present (GTK_WINDOW (window));
  fg_ui_test_spin ();
  return window;
}

static void
close_window (FgWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  fg_ui_test_spin ();
  g_assert_finalize_object (window);
}

/* The names of the preferences window's pages, in order, "|" between
 * (its own page of search results has none). */
static void
collect_pages (GtkWidget *widget,
               GString   *names)
{
  if (ADW_IS_PREFERENCES_PAGE (widget))
    {
      if (adw_preferences_page_get_name (ADW_PREFERENCES_PAGE (widget)) == NULL)
        return;
      g_string_append_printf (names, "%s%s", names->len > 0 ? "|" : "",
                              adw_preferences_page_get_name (ADW_PREFERENCES_PAGE (widget)));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_pages (child, names);
}

/* The menu button of the header bar's main menu. */
static GtkMenuButton *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return GTK_MENU_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether @menu (or a section of it) has an item for @action. */
static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

/* Opens the preferences as the main menu does and says which pages they
 * have; "" when the person is not offered them. */
static char *
preferences_pages (FgWindow *window)
{
  GString *names = g_string_new (NULL);
  GtkWindow *prefs;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL);
  fg_ui_test_spin ();
  prefs = fg_ui_test_find_window (FG_TYPE_PREFERENCES_WINDOW);
  if (prefs != NULL)
    {
      g_assert_true (gtk_window_get_transient_for (prefs) == GTK_WINDOW (window));
      collect_pages (GTK_WIDGET (prefs), names);
      gtk_window_destroy (prefs);
      fg_ui_test_spin ();
    }
  return g_string_free (names, FALSE);
}

/* The main menu has Preferences; each role finds there the pages of the
 * settings it may change: the township's administrator all, its staff,
 * grid workers, village committees and county readers none. */
static void
test_roles_preferences_pages (void)
{
  static const struct {
    const char *login;
    const char *pages;
  } cases[] = {
    { "admin", "documents|calendar|lock" },
    { "staff", "" },
    { "grid", "" },
    { "village", "" },
    { "county", "" },
  };
  FgTestDir dir;
  g_autoptr(FgStore) store = NULL;

  fg_test_dir_init (&dir);
  store = fg_ui_test_demo_new (&dir);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FgActor) actor = fg_ui_test_login (store, cases[i].login);
      FgWindow *window = open_window (store, actor);
      GtkMenuButton *menu_button = find_primary_menu_button (GTK_WIDGET (window));
      g_autofree char *pages = NULL;

      g_test_message ("%s", cases[i].login);
      g_assert_nonnull (menu_button);
      g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (menu_button), "win.preferences"));
      pages = preferences_pages (window);
      g_assert_cmpstr (pages, ==, cases[i].pages);
      close_window (window);
    }

  g_assert_finalize_object (g_steal_pointer (&store));
  fg_test_dir_clear (&dir);
}

/* The lock's minutes in the preferences are the window's: set to 3, it
 * locks after 180 seconds without input. */
static void
test_roles_preferences_lock (void)
{
  FgTestDir dir;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgActor) actor = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.firegrid.Firegrid");
  FgWindow *window;
  GtkWindow *prefs;
  GtkWidget *spin;
  guint seconds = 0;

  fg_test_dir_init (&dir);
  store = fg_ui_test_demo_new (&dir);
  actor = fg_ui_test_login (store, "admin");
  window = open_window (store, actor);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  fg_ui_test_spin ();
  prefs = fg_ui_test_find_window (FG_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  spin = fg_ui_test_child (prefs, FG_TYPE_PREFERENCES_WINDOW, "idle_spin");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==,
                   g_settings_get_int (settings, "idle-lock-minutes"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 3);
  fg_ui_test_spin ();
  g_object_get (window, "idle-lock-seconds", &seconds, NULL);
  g_assert_cmpuint (seconds, ==, 180);

  gtk_window_destroy (prefs);
  g_settings_reset (settings, "idle-lock-minutes");
  close_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));
  fg_test_dir_clear (&dir);
}

/* A county office's administrator keeps the holidays and the lock; it
 * issues no documents, so has no page for them. Its empty venue page says
 * where venues come from and leads to the sync page, not to adding one. */
static void
test_roles_county (void)
{
  FgTestDir dir;
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgAccount) admin = NULL;
  g_autoptr(FgActor) actor = NULL;
  g_autofree char *pages = NULL;
  FgWindow *window;
  FgVenuePage *page;
  AdwStatusPage *empty;
  GtkWidget *button;

  fg_test_dir_init (&dir);
  store = fg_office_open (dir.db_path, &error);
  g_assert_no_error (error);
  admin = fg_office_set_up_county_with_admin (store, "410425", "郏县", "guo", "郭晓东", PASSWORD, &error);
  g_assert_no_error (error);
  actor = fg_account_login (store, "guo", PASSWORD, &error);
  g_assert_no_error (error);
  window = open_window (store, actor);

  pages = preferences_pages (window);
  g_assert_cmpstr (pages, ==, "calendar|lock");

  page = fg_window_get_venue_page (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (fg_ui_test_child (page, FG_TYPE_VENUE_PAGE, "stack"))),
                   ==, "empty");
  empty = ADW_STATUS_PAGE (fg_ui_test_child (page, FG_TYPE_VENUE_PAGE, "empty_page"));
  button = fg_ui_test_child (page, FG_TYPE_VENUE_PAGE, "empty_button");
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "Venues Come from the Townships");
  g_assert_nonnull (strstr (adw_status_page_get_description (empty), "sync file"));
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Go to _Sync");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.show-page");
  g_assert_false (gtk_widget_get_visible (fg_ui_test_child (page, FG_TYPE_VENUE_PAGE, "empty_import_button")));

  /* the button leads to the sync page */
  g_signal_emit_by_name (button, "clicked");
  fg_ui_test_spin ();
  g_assert_cmpstr (fg_window_get_page (window), ==, "sync");

  close_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));
  fg_test_dir_clear (&dir);
}

/* A township without villages: the venue page asks for a village first,
 * and its button adds one; with the village, the first venue. */
static void
test_roles_no_village (void)
{
  FgTestDir dir;
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(FgActor) admin = NULL;
  FgActor *installer = fg_test_installer ();
  FgWindow *window;
  FgVenuePage *page;
  AdwStatusPage *empty;
  GtkWidget *button;
  GtkWindow *dialog;

  fg_test_dir_init (&dir);
  store = fg_office_open (dir.db_path, &error);
  g_assert_no_error (error);
  fg_office_set_up_township (store, installer, "410425101", "冢头镇", "郏县", &error);
  g_assert_no_error (error);
  account = fg_account_create (store, installer, "admin", "张伟", FG_ROLE_TOWNSHIP_ADMIN,
                               fg_store_get_home_region_id (store), PASSWORD, &error);
  g_assert_no_error (error);
  admin = fg_account_login (store, "admin", PASSWORD, &error);
  g_assert_no_error (error);
  window = open_window (store, admin);

  page = fg_window_get_venue_page (window);
  empty = ADW_STATUS_PAGE (fg_ui_test_child (page, FG_TYPE_VENUE_PAGE, "empty_page"));
  button = fg_ui_test_child (page, FG_TYPE_VENUE_PAGE, "empty_button");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (fg_ui_test_child (page, FG_TYPE_VENUE_PAGE, "stack"))),
                   ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "Add a Village First");
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Add _Village or Community…");

  /* the button opens the dialog that adds a village; with the village,
   * the first venue */
  g_signal_emit_by_name (button, "clicked");
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (FG_TYPE_REGION_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (fg_ui_test_child (dialog, FG_TYPE_REGION_DIALOG, "name_row")), "神垕村");
  gtk_editable_set_text (GTK_EDITABLE (fg_ui_test_child (dialog, FG_TYPE_REGION_DIALOG, "code_row")), "410425101201");
  g_signal_emit_by_name (fg_ui_test_child (dialog, FG_TYPE_REGION_DIALOG, "apply_button"), "clicked");
  fg_ui_test_spin ();
  g_assert_null (fg_ui_test_find_window (FG_TYPE_REGION_DIALOG));
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "No Venues Yet");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Add the First Venue");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.add-venue");

  /* or all of them from the office's spreadsheet */
  button = fg_ui_test_child (page, FG_TYPE_VENUE_PAGE, "empty_import_button");
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.import-venues");
  g_signal_emit_by_name (button, "clicked");
  fg_ui_test_spin ();
  dialog = fg_ui_test_find_window (FG_TYPE_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);
  fg_ui_test_spin ();

  close_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));
  fg_test_dir_clear (&dir);
}

/* A village committee reads venues and inspects none: no Inspect or Edit
 * button on a venue (not merely greyed); the administrator has both. */
static void
test_roles_village_venue (void)
{
  static const struct {
    const char *login;
    gboolean inspect;
    gboolean edit;
  } cases[] = {
    { "village", FALSE, FALSE },
    { "admin", TRUE, TRUE },
    { "grid", TRUE, TRUE },
  };
  FgTestDir dir;
  g_autoptr(FgStore) store = NULL;

  fg_test_dir_init (&dir);
  store = fg_ui_test_demo_new (&dir);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FgActor) actor = fg_ui_test_login (store, cases[i].login);
      FgWindow *window = open_window (store, actor);
      FgVenuePage *page = fg_window_get_venue_page (window);
      GtkColumnView *view = GTK_COLUMN_VIEW (fg_ui_test_child (page, FG_TYPE_VENUE_PAGE, "column_view"));
      GtkWidget *detail = fg_ui_test_child (page, FG_TYPE_VENUE_PAGE, "detail");
      GtkWidget *inspect = fg_ui_test_child (detail, FG_TYPE_VENUE_DETAIL, "inspect_button");
      GtkWidget *edit = fg_ui_test_child (detail, FG_TYPE_VENUE_DETAIL, "edit_button");

      g_test_message ("%s", cases[i].login);
      gtk_selection_model_select_item (gtk_column_view_get_model (view), 0, TRUE);
      fg_ui_test_spin ();
      g_assert_nonnull (fg_venue_page_get_shown_venue (page));
      g_assert_cmpint (gtk_widget_get_visible (inspect), ==, cases[i].inspect);
      g_assert_cmpint (gtk_widget_get_visible (edit), ==, cases[i].edit);
      /* what is shown may be used */
      if (cases[i].inspect)
        g_assert_true (gtk_widget_is_sensitive (inspect));
      if (cases[i].edit)
        g_assert_true (gtk_widget_is_sensitive (edit));
      close_window (window);
    }

  g_assert_finalize_object (g_steal_pointer (&store));
  fg_test_dir_clear (&dir);
}

/* The documents page offers a role only what it may do with a document:
 * the village committee records service, and issues nothing; the county
 * reads; the township's administrator does all. */
static void
test_roles_documents (void)
{
  static const struct {
    const char *login;
    gboolean serve;
    gboolean more;
  } cases[] = {
    { "village", TRUE, FALSE },
    { "county", FALSE, FALSE },
    { "admin", TRUE, TRUE },
  };
  FgTestDir dir;
  g_autoptr(FgStore) store = NULL;

  fg_test_dir_init (&dir);
  store = fg_ui_test_demo_new (&dir);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FgActor) actor = fg_ui_test_login (store, cases[i].login);
      FgWindow *window = open_window (store, actor);
      FgNoticePage *page = fg_window_get_notice_page (window);

      g_test_message ("%s", cases[i].login);
      g_assert_cmpint (gtk_widget_get_visible (fg_ui_test_child (page, FG_TYPE_NOTICE_PAGE, "serve_button")), ==,
                       cases[i].serve);
      g_assert_cmpint (gtk_widget_get_visible (fg_ui_test_child (page, FG_TYPE_NOTICE_PAGE, "more_button")), ==,
                       cases[i].more);
      close_window (window);
    }

  g_assert_finalize_object (g_steal_pointer (&store));
  fg_test_dir_clear (&dir);
}

/* Whether a widget in @widget is a button labelled @label, or a label
 * whose text has @text in it. */
static gboolean
has_button (GtkWidget  *widget,
            const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_button (child, label))
      return TRUE;
  return FALSE;
}

static gboolean
has_text (GtkWidget  *widget,
          const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_text (child, text))
      return TRUE;
  return FALSE;
}

/* Pairing trusts another office's key: the administrator is offered it,
 * the staff who sync are told to ask the administrator. */
static void
test_roles_pairing (void)
{
  FgTestDir dir;
  g_autoptr(FgStore) store = NULL;

  fg_test_dir_init (&dir);
  store = fg_ui_test_demo_new (&dir);

  for (guint i = 0; i < 2; i++)
    {
      gboolean admin = i == 0;
      g_autoptr(FgActor) actor = fg_ui_test_login (store, admin ? "admin" : "staff");
      FgWindow *window = open_window (store, actor);
      GtkWidget *page = GTK_WIDGET (fg_window_get_sync_page (window));

      g_assert_cmpint (has_button (page, "_Pair…"), ==, admin);
      g_assert_cmpint (has_text (page, "An administrator of this office pairs it"), ==, !admin);
      /* the action itself is not there for the staff */
      g_assert_cmpint (gtk_widget_activate_action (page, "sync.add-peer", NULL), ==, TRUE);
      fg_ui_test_spin ();
      {
        GtkWindow *dialog = fg_ui_test_find_window (FG_TYPE_PAIRING_DIALOG);

        g_assert_cmpint (dialog != NULL, ==, admin);
        if (dialog != NULL)
          {
            gtk_window_destroy (dialog);
            fg_ui_test_spin ();
          }
      }
      close_window (window);
    }

  g_assert_finalize_object (g_steal_pointer (&store));
  fg_test_dir_clear (&dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!fg_ui_test_init (&argc, &argv))
    {
      g_test_skip ("no display");
      return g_test_run ();
    }

  g_test_add_func ("/ui/roles/preferences-pages", test_roles_preferences_pages);
  g_test_add_func ("/ui/roles/preferences-lock", test_roles_preferences_lock);
  g_test_add_func ("/ui/roles/county", test_roles_county);
  g_test_add_func ("/ui/roles/no-village", test_roles_no_village);
  g_test_add_func ("/ui/roles/village-venue", test_roles_village_venue);
  g_test_add_func ("/ui/roles/documents", test_roles_documents);
  g_test_add_func ("/ui/roles/pairing", test_roles_pairing);

  return g_test_run ();
}
