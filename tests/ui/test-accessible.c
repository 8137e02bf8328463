/* test-accessible.c — what a screen reader is told: names and roles
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "src/app/fg-accessible.h"
#include "src/app/fg-hazard-page.h"
#include "src/app/fg-hazard-item.h"
#include "src/app/fg-inspection-row.h"
#include "src/app/fg-notice-page.h"
#include "src/app/fg-venue-page.h"
#include "src/app/fg-window.h"
#include "fg-ui-test-util.h"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fg_test_dir_init (&fixture->dir);
  fixture->store = fg_ui_test_demo_new (&fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  fg_test_dir_clear (&fixture->dir);
}

static FgWindow *
open_window (Fixture    *fixture,
             const char *login)
{
  g_autoptr(FgActor) actor = fg_ui_test_login (fixture->store, login);
  FgWindow *window = g_object_ref (fg_window_new (NULL, fixture->store, actor));

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  fg_ui_test_spin ();
  return window;
}

static void
close_all (FgWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) other = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (other);
    }
  fg_ui_test_spin ();
  g_assert_finalize_object (window);
}

static const char *
role_name (GtkAccessibleRole role)
{
  GEnumClass *roles = g_type_class_ref (GTK_TYPE_ACCESSIBLE_ROLE);
  const char *nick = g_enum_get_value (roles, role)->value_nick;

  g_type_class_unref (roles);
  return nick;
}

static void
check (const char *label,
       const char *expected)
{
  g_autofree char *plain = fg_accessible_strip_mnemonic (label);

  g_assert_cmpstr (plain, ==, expected);
}

/* A name is read once, without the mnemonic: "登录(_L)" is read "登录". */
static void
test_strip_mnemonic (void)
{
  check ("登录(_L)", "登录");
  check ("添加村（社区）(_V)…", "添加村（社区）…");
  check ("_Log In", "Log In");
  check ("Save _As…", "Save As…");
  check ("snake__case", "snake_case");
  check ("no mnemonic", "no mnemonic");
  check ("(_A)", "");
  check ("trailing_", "trailing");
}

/* Each dialog the window opens says it is a dialog, the window that it is
 * a window — as it is opened from the window, taking the focus for its
 * first field before it is shown. Without fg_accessible_keep_class_role()
 * GTK 4.8 reads a dialog as "widget" on the accessibility bus and, without
 * one, as "window". */
static void
test_dialog_roles (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct {
    const char *action;
    const char *type;
  } dialogs[] = {
    { "win.change-password", "FgPasswordDialog" },
    { "win.show-accounts", "FgAccountsDialog" },
    { "win.add-village", "FgRegionDialog" },
    { "win.add-venue", "FgVenueDialog" },
    { "win.import-venues", "FgImportDialog" },
  };
  FgWindow *window = open_window (fixture, "admin");
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_cmpstr (role_name (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (window))), ==,
                   role_name (GTK_ACCESSIBLE_ROLE_WINDOW));

  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      GtkWidget *dialog = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), dialogs[i].action, NULL));
      fg_ui_test_spin ();
      for (guint j = 0; j < g_list_model_get_n_items (toplevels); j++)
        {
          g_autoptr(GtkWidget) top = g_list_model_get_item (toplevels, j);

          if (g_strcmp0 (G_OBJECT_TYPE_NAME (top), dialogs[i].type) == 0)
            dialog = top;
        }
      g_assert_nonnull (dialog);
      g_assert_true (gtk_widget_get_mapped (dialog));
      if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (dialog)) != GTK_ACCESSIBLE_ROLE_DIALOG)
        g_error ("%s is announced as a %s", dialogs[i].type,
                 role_name (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (dialog))));
      gtk_window_destroy (GTK_WINDOW (dialog));
      fg_ui_test_spin ();
    }

  close_all (window);
}

/* The accessible label of @widget, or NULL without one. */
static char *
dup_label (GtkWidget *widget)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;
  /* what differs from a label nothing has is the label */
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, "\001");
}

/* Whether a list box is named: by a label of its own, which is no type
 * name, or — a list of rows of a preferences group — by the group's
 * title, which libadwaita makes it labelled by. */
static gboolean
list_box_named (GtkWidget *list)
{
  g_autofree char *label = dup_label (list);
  GtkWidget *group;

  if (label != NULL)
    return *label != '\0' && g_type_from_name (label) == 0 && !g_str_has_prefix (label, "Gtk") &&
           !g_str_has_prefix (label, "Adw") && !g_str_has_prefix (label, "Fg");

  group = gtk_widget_get_ancestor (list, ADW_TYPE_PREFERENCES_GROUP);
  return group != NULL && gtk_widget_get_ancestor (gtk_widget_get_parent (list), GTK_TYPE_LIST_BOX_ROW) == NULL &&
         gtk_test_accessible_has_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), "") != 0;
}

/* Where @widget is, for a message: its ancestors' types, from the window. */
static char *
dup_path (GtkWidget *widget)
{
  g_autoptr(GString) path = g_string_new (G_OBJECT_TYPE_NAME (widget));

  for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
    {
      const char *name = gtk_widget_get_name (up);

      g_string_prepend (path, " › ");
      if (name != NULL && g_strcmp0 (name, G_OBJECT_TYPE_NAME (up)) != 0)
        {
          g_string_prepend (path, ")");
          g_string_prepend (path, name);
          g_string_prepend (path, "(");
        }
      g_string_prepend (path, G_OBJECT_TYPE_NAME (up));
    }
  return g_string_free (g_steal_pointer (&path), FALSE);
}

/* Whether @list is the empty one of the untitled page a preferences
 * window of libadwaita 1.2 keeps besides the pages it is given: not ours
 * to name, and never shown with rows. */
static gboolean
libadwaita_own (GtkWidget *list)
{
  GtkWidget *page = gtk_widget_get_ancestor (list, ADW_TYPE_PREFERENCES_PAGE);

  return page != NULL && gtk_widget_get_ancestor (page, ADW_TYPE_PREFERENCES_WINDOW) != NULL &&
         g_strcmp0 (adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (page)), "") == 0 &&
         gtk_widget_get_first_child (list) == NULL;
}

/* Counts the list boxes in @widget, shown or not, that a screen reader
 * would announce by their type ("GtkListBox"), and says where each is. */
static guint
count_unnamed_lists (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_LIST_BOX (widget) && !list_box_named (widget) && !libadwaita_own (widget))
    {
      g_autofree char *path = dup_path (widget);

      g_printerr ("unnamed list: %s\n", path);
      n++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_unnamed_lists (child);
  return n;
}

/* Chooses the first venue of the venue list, as a click on it does. */
static void
select_first_row (GtkWidget *page)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (fg_ui_test_child (page, FG_TYPE_VENUE_PAGE, "column_view"));

  gtk_selection_model_select_item (gtk_column_view_get_model (view), 0, TRUE);
  fg_ui_test_spin ();
  g_assert_nonnull (fg_venue_page_get_shown_venue (FG_VENUE_PAGE (page)));
}

/* Chooses the first hazard of the ledger still found and not acted on:
 * one a notice or a transfer may be issued for. */
static void
select_open_hazard (FgHazardPage *page)
{
  GListModel *model = fg_hazard_page_get_model (page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FgHazardItem) item = g_list_model_get_item (model, i);

      if (fg_hazard_get_state (fg_hazard_item_get_hazard (item)) == FG_HAZARD_STATE_OPEN)
        {
          fg_hazard_page_select (page, i);
          fg_ui_test_spin ();
          g_assert_nonnull (fg_hazard_page_get_shown_hazard (page));
          return;
        }
    }
  g_assert_not_reached ();
}

/* Activates @action on @widget, counts the unnamed lists of every window
 * it opens and closes them. */
static guint
count_unnamed_in_dialogs (FgWindow   *window,
                          GtkWidget  *widget,
                          const char *action,
                          GVariant   *parameter)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_unnamed = 0;

  if (!gtk_widget_activate_action_variant (widget, action, parameter))
    g_error ("%s could not be activated", action);
  fg_ui_test_spin ();
  if (g_list_model_get_n_items (toplevels) < 2)
    g_error ("%s opened no window", action);
  while (g_list_model_get_n_items (toplevels) > 1)
    {
      g_autoptr(GtkWidget) top = g_list_model_get_item (toplevels, 0);

      if (top == GTK_WIDGET (window))
        {
          g_clear_object (&top);
          top = g_list_model_get_item (toplevels, 1);
        }
      n_unnamed += count_unnamed_lists (top);
      gtk_window_destroy (GTK_WINDOW (top));
      fg_ui_test_spin ();
    }

  return n_unnamed;
}

/* Every list of rows in the window and the dialogs it opens has a name a
 * screen reader can say, not "GtkListBox": its own, or its group's title.
 * Run with GTK's test accessibility backend. */
static void
test_list_names (void)
{
  static const char * const dialogs[] = {
    "win.change-password", "win.show-accounts", "win.add-village", "win.add-venue",
    "win.preferences",
  };
  /* those for a chosen venue, hazard or document */
  static const char * const venue_dialogs[] = { "win.edit-venue", "win.inspect-venue" };
  static const char * const hazard_dialogs[] = { "win.issue-notice", "win.issue-transfer" };
  static const char * const notice_dialogs[] = { "notice-page.verify" };
  FgTestDir dir;
  FgStore *store;
  FgWindow *window;
  GtkWidget *page;
  guint n_unnamed;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  fg_test_dir_init (&dir);
  store = fg_ui_test_demo_new (&dir);
  {
    Fixture fixture = { dir, store };
    window = open_window (&fixture, "admin");
  }

  n_unnamed = count_unnamed_lists (GTK_WIDGET (window));
  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    n_unnamed += count_unnamed_in_dialogs (window, GTK_WIDGET (window), dialogs[i], NULL);

  page = GTK_WIDGET (fg_window_get_venue_page (window));
  select_first_row (page);
  for (guint i = 0; i < G_N_ELEMENTS (venue_dialogs); i++)
    n_unnamed += count_unnamed_in_dialogs (window, GTK_WIDGET (window), venue_dialogs[i], NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "hazards"));
  page = GTK_WIDGET (fg_window_get_hazard_page (window));
  select_open_hazard (FG_HAZARD_PAGE (page));
  n_unnamed += count_unnamed_lists (page);
  for (guint i = 0; i < G_N_ELEMENTS (hazard_dialogs); i++)
    n_unnamed += count_unnamed_in_dialogs (window, GTK_WIDGET (window), hazard_dialogs[i],
                                           g_variant_new_string (fg_hazard_get_id (fg_hazard_page_get_shown_hazard (FG_HAZARD_PAGE (page)))));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "notices"));
  page = GTK_WIDGET (fg_window_get_notice_page (window));
  for (guint i = 0; i < G_N_ELEMENTS (notice_dialogs); i++)
    n_unnamed += count_unnamed_in_dialogs (window, page, notice_dialogs[i], NULL);

  g_assert_cmpuint (n_unnamed, ==, 0);

  close_all (window);
  g_assert_finalize_object (store);
  fg_test_dir_clear (&dir);
}

/* The rows a list view shows: its children, each bound to an item. */
static GPtrArray *
list_rows (GtkColumnView *view)
{
  GPtrArray *rows = g_ptr_array_new ();
  GtkWidget *list = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      list = child;
  g_assert_nonnull (list);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_visible (row) && gtk_widget_get_first_child (row) != NULL)
      g_ptr_array_add (rows, row);
  return rows;
}

typedef char *(*RowName) (gpointer item);

static char *
venue_row_name (gpointer item)
{
  g_autofree char *name = NULL;
  g_autofree char *status = NULL;

  g_object_get (item, "name", &name, "status-label", &status, NULL);
  return g_strdup_printf ("%s, %s", name, status);
}

static char *
hazard_row_name (gpointer item)
{
  g_autofree char *venue = NULL;
  g_autofree char *finding = NULL;
  g_autofree char *state = NULL;

  g_object_get (item, "venue-name", &venue, "finding", &finding, "state-label", &state, NULL);
  if (state == NULL || *state == '\0')
    return g_strdup_printf ("%s, %s", venue, finding);
  return g_strdup_printf ("%s, %s, %s", venue, finding, state);
}

/* Every row shown is named by its item — one of the list's, and the top
 * row by the list's first item — and never by its widget type. */
static void
assert_rows_named (GtkColumnView *view,
                   RowName        row_name)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  guint n_items = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) rows = list_rows (view);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gboolean first_shown = FALSE;

  g_assert_cmpuint (n_items, >, 5);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (names, row_name (g_list_model_get_item (model, i)));

  g_assert_cmpuint (rows->len, >=, 5);
  for (guint r = 0; r < rows->len; r++)
    {
      gboolean named = FALSE;

      for (guint i = 0; i < names->len && !named; i++)
        {
          g_autofree char *differs = gtk_test_accessible_check_property (rows->pdata[r],
                                                                         GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                         names->pdata[i]);
          if (differs == NULL)
            {
              named = TRUE;
              first_shown |= i == 0;
            }
        }
      if (!named)
        g_error ("the row %u of the list has none of its items' names (the first: “%s”)",
                 r, (char *) names->pdata[0]);
    }
  g_assert_true (first_shown);
}

static void
assert_label (gpointer    accessible,
              const char *expected)
{
  g_autofree char *differs = gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                 expected);

  if (differs != NULL)
    g_error ("the row is named “%s”, not “%s”", differs, expected);
}

/* A checklist row of the inspection window is read by its item and its
 * answer, which follows the answer given. */
static void
assert_checklist_row_named (FgStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checklists = fg_checklist_list (store, &error);
  g_autoptr(FgChecklistItem) item = NULL;
  g_autofree char *unanswered = NULL;
  g_autofree char *failed = NULL;
  FgInspectionRow *row;

  g_assert_no_error (error);
  g_assert_cmpuint (checklists->len, >, 0);
  item = g_list_model_get_item (fg_checklist_get_items (checklists->pdata[0]), 0);
  g_assert_nonnull (item);
  unanswered = g_strdup_printf ("%s, Not checked", fg_checklist_item_get_text (item));
  failed = g_strdup_printf ("%s, Fail", fg_checklist_item_get_text (item));

  row = g_object_ref_sink (fg_inspection_row_new (item, TRUE));
  assert_label (row, unanswered);
  fg_inspection_row_set_outcome (row, FG_OUTCOME_FAIL);
  assert_label (row, failed);
  g_assert_finalize_object (row);
}

/* A screen reader landing on a row of the venue list or of the ledger
 * hears what it is, and still does when the rows are bound to other items
 * (the list sorted the other way). Run with GTK's test accessibility
 * backend, which keeps what the program tells it. */
static void
test_row_names (void)
{
  FgTestDir dir;
  FgStore *store;
  FgWindow *window;
  GtkColumnView *view;
  GtkColumnViewColumn *column;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  fg_test_dir_init (&dir);
  store = fg_ui_test_demo_new (&dir);
  {
    Fixture fixture = { dir, store };
    window = open_window (&fixture, "admin");
  }

  fg_window_set_page (window, "venues");
  fg_ui_test_spin ();
  view = GTK_COLUMN_VIEW (fg_ui_test_child (fg_window_get_venue_page (window), FG_TYPE_VENUE_PAGE, "column_view"));
  assert_rows_named (view, venue_row_name);
  column = GTK_COLUMN_VIEW_COLUMN (gtk_widget_get_template_child (GTK_WIDGET (fg_window_get_venue_page (window)),
                                                                  FG_TYPE_VENUE_PAGE, "name_column"));
  gtk_column_view_sort_by_column (view, column, GTK_SORT_DESCENDING);
  fg_ui_test_spin ();
  assert_rows_named (view, venue_row_name);

  fg_window_set_page (window, "hazards");
  fg_ui_test_spin ();
  view = GTK_COLUMN_VIEW (fg_ui_test_child (fg_window_get_hazard_page (window), FG_TYPE_HAZARD_PAGE, "column_view"));
  assert_rows_named (view, hazard_row_name);

  close_all (window);
  assert_checklist_row_named (store);
  g_assert_finalize_object (store);
  fg_test_dir_clear (&dir);
}

int
main (int   argc,
      char *argv[])
{
  /* the row names are read back from GTK's test backend, in a process of
   * their own; the roles as the other window tests run, without one */
  if (g_strv_contains ((const char * const *) argv, "--GTestSubprocess"))
    g_setenv ("GTK_A11Y", "test", TRUE);

  if (!fg_ui_test_init (&argc, &argv))
    {
      g_test_skip ("no display");
      return g_test_run ();
    }

  g_test_add_func ("/accessible/strip-mnemonic", test_strip_mnemonic);
  g_test_add ("/accessible/dialog-roles", Fixture, NULL,
              fixture_set_up, test_dialog_roles, fixture_tear_down);
  g_test_add_func ("/accessible/row-names", test_row_names);
  g_test_add_func ("/accessible/list-names", test_list_names);
  return g_test_run ();
}
