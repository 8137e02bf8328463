/* fg-accessible.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Accessible names that GTK 4.8 and libadwaita 1.2 do not give by
 * themselves, set as each widget is first shown:
 *
 * - A button with a mnemonic is named twice in GTK 4.8: by its label text
 *   with the underline ("登录(_L)") and again by the label that is its
 *   mnemonic widget ("登录(L)"). It is named once, by its text without the
 *   mnemonic ("登录").
 * - The toggle inside a drop-down or a menu button has no name: it takes
 *   the name of the control it belongs to.
 * - The eye button of a password row and the close button of a message
 *   bar have no name.
 *
 * And a role GTK 4.8 loses: see fg_accessible_keep_class_role(); and the
 * names of the rows of lists, which GTK 4.8 reads by their widget type: see
 * fg_accessible_name_row().
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "fg-accessible.h"

#define FIXED_KEY "fg-accessible-fixed"
#define ROW_PART_KEY "fg-accessible-row-part"

/* "登录(_L)" → "登录", "_Log In" → "Log In", "A__B" → "A_B" */
char *
fg_accessible_strip_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p != '_')
        {
          g_string_append_c (out, *p);
          continue;
        }
      if (p[1] == '_')
        {
          g_string_append_c (out, '_');
          p++;
          continue;
        }
      /* a Chinese-style mnemonic in brackets goes with its brackets */
      if (p[1] != '\0' && p[2] == ')' && out->len > 0 && out->str[out->len - 1] == '(')
        {
          g_string_truncate (out, out->len - 1);
          p += 2;
          while (out->len > 0 && out->str[out->len - 1] == ' ')
            g_string_truncate (out, out->len - 1);
        }
    }
  return g_string_free (out, FALSE);
}

static void
name_button_once (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  g_autofree char *plain = NULL;

  if (label == NULL || !gtk_button_get_use_underline (button))
    return;
  plain = fg_accessible_strip_mnemonic (label);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
}

static GtkLabel *
find_mnemonic_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_label_get_use_underline (GTK_LABEL (child)))
        return GTK_LABEL (child);
      found = find_mnemonic_label (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A button whose label is a child of its own ("Add _Village…" beside an
 * icon): named by that label, without the mnemonic, once. */
static void
name_button_by_child_label (GtkButton *button)
{
  GtkLabel *label = find_mnemonic_label (GTK_WIDGET (button));
  g_autofree char *plain = NULL;

  if (label == NULL)
    return;
  plain = fg_accessible_strip_mnemonic (gtk_label_get_label (label));
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
}

static void
on_button_label_changed (GtkButton  *button,
                         GParamSpec *pspec,
                         gpointer    user_data)
{
  name_button_once (button);
}

static void
name_inner_toggle (GtkWidget *toggle,
                   GtkWidget *owner)
{
  GList *labels = gtk_widget_list_mnemonic_labels (owner);

  /* GTK 4.8 does not follow a name given by a relation twice: a drop-down
   * named by its mnemonic label lends the toggle that label */
  if (labels != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                    labels->data, NULL, -1);
  else
    gtk_accessible_update_relation (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                    owner, NULL, -1);
  g_list_free (labels);
}

/* A toast's own close button: libadwaita 1.2 gives it an icon and no name.
 * The toast's widget is private; it is known by its type's name. */
static gboolean
in_toast (GtkWidget *widget)
{
  GType toast_widget = g_type_from_name ("AdwToastWidget");

  return toast_widget != 0 && gtk_widget_get_ancestor (widget, toast_widget) != NULL;
}

static void
fix_widget (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (GTK_IS_TOGGLE_BUTTON (widget) && parent != NULL
      && (GTK_IS_DROP_DOWN (parent) || GTK_IS_MENU_BUTTON (parent)))
    {
      name_inner_toggle (widget, parent);
      return;
    }

  if (gtk_button_get_label (GTK_BUTTON (widget)) == NULL
      && gtk_widget_get_ancestor (widget, ADW_TYPE_PASSWORD_ENTRY_ROW) != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Show or Hide the Password"), -1);
      return;
    }

  if (gtk_button_get_label (GTK_BUTTON (widget)) == NULL
      && (gtk_widget_get_ancestor (widget, GTK_TYPE_INFO_BAR) != NULL || in_toast (widget))
      && find_mnemonic_label (widget) == NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Close the Message"), -1);
      return;
    }

  if (gtk_button_get_label (GTK_BUTTON (widget)) == NULL)
    {
      name_button_by_child_label (GTK_BUTTON (widget));
      return;
    }

  name_button_once (GTK_BUTTON (widget));
  if (g_object_get_data (G_OBJECT (widget), FIXED_KEY) == NULL)
    {
      g_object_set_data (G_OBJECT (widget), FIXED_KEY, GINT_TO_POINTER (1));
      g_signal_connect (widget, "notify::label", G_CALLBACK (on_button_label_changed), NULL);
      g_signal_connect (widget, "notify::use-underline", G_CALLBACK (on_button_label_changed), NULL);
    }
}

/* A switch a row carries for itself (an expander row's enable switch) is
 * read by the row's title, as a person sees it. */
static void
name_switch (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);
  g_autofree char *plain = NULL;

  if (row == NULL || adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) == NULL)
    return;

  plain = fg_accessible_strip_mnemonic (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
}

static void
fix_tree (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        fix_widget (child);
      else if (GTK_IS_SWITCH (child))
        name_switch (child);
      fix_tree (child);
    }
}

/* Buttons are named when shown; and when a window is shown, all of its
 * buttons, those of the pages not shown yet too: they are in the tree. */
static gboolean
on_widget_shown (GSignalInvocationHint *hint,
                 guint                  n_params,
                 const GValue          *params,
                 gpointer               user_data)
{
  GObject *object = g_value_get_object (&params[0]);

  if (GTK_IS_BUTTON (object))
    fix_widget (GTK_WIDGET (object));
  else if (GTK_IS_SWITCH (object))
    name_switch (GTK_WIDGET (object));
  else if (GTK_IS_WINDOW (object))
    fix_tree (GTK_WIDGET (object));
  return TRUE;
}

/**
 * fg_accessible_keep_class_role:
 * @widget: a window, from its instance init (or right after it is made)
 *
 * Gives @widget the role its class sets (dialog, window) for good.
 *
 * GTK 4.8 makes a widget's accessible object at the end of GtkWidget's own
 * instance init, while the instance still has GtkWidget's class: the object
 * starts with the role "widget". The class's role is put in later, when the
 * widget gets a parent or is realized, and only if the object is not
 * realized (published on the accessibility bus) by then. A window has no
 * parent. One that gives a field the focus before it is shown (in its
 * constructed) has the focus change announced: that realizes the field's
 * object, and the AT-SPI backend realizes each of its ancestors in turn, to
 * name its parent, up to the window — which stays a "widget", "filler" over
 * AT-SPI, though its class says dialog. (With accessibility off, GTK_A11Y=none,
 * the window keeps the role "window" of GtkWindow's init instead.)
 *
 * Setting "accessible-role" while the object is unpublished puts the role
 * in at once. In the instance init the class is the window's own.
 */
void
fg_accessible_keep_class_role (GtkWidget *widget)
{
  GtkAccessibleRole role;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  role = gtk_widget_class_get_accessible_role (GTK_WIDGET_GET_CLASS (widget));
  g_object_set (widget, "accessible-role", role, NULL);
}

/* The row of a list view (or of a column view: its rows are a list view's)
 * that @part is in, or %NULL while it is in none. */
static GtkWidget *
row_of (GtkWidget *part)
{
  GtkWidget *row = part;
  GtkWidget *parent;

  while ((parent = gtk_widget_get_parent (row)) != NULL
         && !GTK_IS_LIST_VIEW (parent) && !GTK_IS_GRID_VIEW (parent))
    row = parent;
  return parent != NULL ? row : NULL;
}

static void
collect_parts (GtkWidget *widget,
               GString   *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && g_object_get_data (G_OBJECT (child), ROW_PART_KEY) != NULL
          && gtk_widget_get_visible (child))
        {
          const char *text = gtk_label_get_text (GTK_LABEL (child));

          if (text == NULL || *text == '\0')
            continue;
          if (name->len > 0)
            /* Translators: between the parts of a list row's name, read
             * by a screen reader: "老街钧瓷坊，正常" */
            g_string_append (name, C_("accessible name", ", "));
          g_string_append (name, text);
        }
      collect_parts (child, name);
    }
}

/**
 * fg_accessible_name_row:
 * @part: a label in a row of a list, made by the list's factory
 *
 * Names the row @part is in by its parts: the labels given to this
 * function, in the row's order (a venue's name and state: "老街钧瓷坊，正常").
 * Called whenever a part's text changes, as a row is bound to another
 * item, the name stays the row's.
 *
 * A row of a GTK 4.8 list has no name of its own: a screen reader landing
 * on it reads "GtkListItemWidget".
 */
void
fg_accessible_name_row (GtkWidget *part)
{
  g_autoptr(GString) name = g_string_new (NULL);
  GtkWidget *row;

  g_return_if_fail (GTK_IS_LABEL (part));

  g_object_set_data (G_OBJECT (part), ROW_PART_KEY, GINT_TO_POINTER (1));
  row = row_of (part);
  if (row == NULL)
    return;

  collect_parts (row, name);
  if (name->len > 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* For the factories of a .ui: <signal name="notify::label"
 * handler="fg_accessible_row_part_changed"/> on each part of the name. */
void
fg_accessible_row_part_changed (GtkWidget  *part,
                                GParamSpec *pspec,
                                gpointer    user_data)
{
  fg_accessible_name_row (part);
}

/* Once per process: every button shown from then on is named as above. */
void
fg_accessible_install (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      /* the signal exists once the class does */
      gpointer widget_class = g_type_class_ref (GTK_TYPE_WIDGET);
      guint map_signal = g_signal_lookup ("map", GTK_TYPE_WIDGET);

      g_signal_add_emission_hook (map_signal, 0, on_widget_shown, NULL, NULL);
      g_type_class_unref (widget_class);
      g_once_init_leave (&installed, 1);
    }
}

/* Names the list boxes inside @widget, not those inside its rows. */
static void
name_lists_inside (GtkWidget  *widget,
                   const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child))
        continue;
      if (GTK_IS_LIST_BOX (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      name_lists_inside (child, name);
    }
}

/**
 * fg_accessible_name_lists:
 * @widget: a list box, or what holds one: a preferences group without
 *   a title, an expander row
 * @name: what the list is, e.g. "Change Password"
 *
 * Names @widget, when it is a list box, and the list boxes inside it
 * (not those of its rows, which name their own). A list box without a
 * name — a boxed list of a dialog, or the one an untitled preferences
 * group or an expander row keeps its rows in — is read by a screen
 * reader as "GtkListBox".
 */
void
fg_accessible_name_lists (GtkWidget  *widget,
                          const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (name != NULL);

  if (GTK_IS_LIST_BOX (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  name_lists_inside (widget, name);
}
