/* fg-history-window.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The audit log of one record, newest first: when, who, what, and for a
 * change with a before and an after, which fields changed, in the words
 * the core gives them (fg_audit_describe_change()); a record it cannot
 * read is shown as it is rather than guessed at. The
 * entries of the offices below this one, whose audit logs come up with
 * their bundles, are shown among this office's, marked with their name.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-accessible.h"
#include "fg-history-window.h"

#define HISTORY_LIMIT 1000

struct _FgHistoryWindow
{
  AdwWindow parent_instance;

  AdwWindowTitle *title;
  GtkStack *stack;
  GtkListBox *list_box;
  AdwStatusPage *error_page;

  char *record_id;
  guint n_entries;
};

G_DEFINE_FINAL_TYPE (FgHistoryWindow, fg_history_window, ADW_TYPE_WINDOW)

/* Rows */

static char *
format_time (const char *at)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;
  char *t;

  if (at == NULL)
    return g_strdup ("");

  time = g_date_time_new_from_iso8601 (at, NULL);
  if (time != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (time);

      if (local != NULL)
        return g_date_time_format (local, "%Y-%m-%d %H:%M");
    }

  /* not quite ISO 8601: its first minutes, as written */
  text = g_strndup (at, 16);
  t = strchr (text, 'T');
  if (t != NULL)
    *t = ' ';
  return g_steal_pointer (&text);
}

static GtkWidget *
create_entry_row (FgStore            *store,
                  const FgAuditEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *when = format_time (entry->at);
  g_autofree char *name = fg_audit_dup_actor_name (store, entry);
  g_autofree char *who = NULL;

  /* a person by their name, with the login they used; an office by its
   * name alone */
  if (g_strcmp0 (entry->actor_kind, "peer") != 0 && g_strcmp0 (name, entry->actor_login) != 0)
    /* Translators: who acted, in a change history: a person's name, and
     * the login they used, e.g. "王丽 (admin)" */
    who = g_strdup_printf (_("%s (%s)"), name, entry->actor_login);
  else
    who = g_strdup (name);

  /* Translators: in a change history: when, and who */
  g_string_append_printf (subtitle, _("%s · %s"), when, who);

  if (entry->refused)
    {
      GtkWidget *tag = gtk_label_new (_("Refused"));

      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "fg-tag");
      gtk_widget_add_css_class (tag, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);

      if (entry->detail != NULL && *entry->detail != '\0')
        g_string_append_printf (subtitle, "\n%s", entry->detail);
    }
  else if (entry->before != NULL && entry->after != NULL)
    {
      g_autoptr(GPtrArray) lines = fg_audit_describe_change (store, entry->before, entry->after);

      if (lines == NULL)
        g_string_append_printf (subtitle, "\n%s", entry->after);
      else
        for (guint i = 0; i < lines->len; i++)
          g_string_append_printf (subtitle, "\n%s", (const char *) g_ptr_array_index (lines, i));
    }

  /* another office's entry, as its audit log came up to this office */
  if (entry->office != NULL)
    {
      GtkWidget *tag = gtk_label_new (entry->office);

      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "fg-tag");
      gtk_widget_set_tooltip_text (tag, _("Recorded at this office, whose audit log came with its bundles"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fg_audit_action_get_label (entry->action));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

/* Newest first, by the moment each says, whatever office wrote it. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const FgAuditEntry *first = *(const FgAuditEntry * const *) a;
  const FgAuditEntry *second = *(const FgAuditEntry * const *) b;
  g_autoptr(GDateTime) first_at = first->at != NULL ? g_date_time_new_from_iso8601 (first->at, NULL) : NULL;
  g_autoptr(GDateTime) second_at = second->at != NULL ? g_date_time_new_from_iso8601 (second->at, NULL) : NULL;

  if (first_at != NULL && second_at != NULL)
    return g_date_time_compare (second_at, first_at);
  return g_strcmp0 (second->at, first->at);
}

static void
fg_history_window_load (FgHistoryWindow *self,
                        FgStore         *store,
                        FgActor         *actor)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) received = NULL;
  g_autoptr(GError) error = NULL;

  entries = fg_audit_list (store, actor, self->record_id, HISTORY_LIMIT, &error);
  if (entries == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  /* what the offices below did to it, from their audit logs kept here */
  received = fg_audit_list_received (store, actor, NULL, self->record_id, HISTORY_LIMIT, &error);
  if (received == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  if (received->len > 0)
    {
      g_ptr_array_extend_and_steal (entries, g_steal_pointer (&received));
      g_ptr_array_sort (entries, compare_entries);
      if (entries->len > HISTORY_LIMIT)
        g_ptr_array_set_size (entries, HISTORY_LIMIT);
    }

  /* the core gives the newest first */
  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (self->list_box, create_entry_row (store, g_ptr_array_index (entries, i)));
  self->n_entries = entries->len;

  gtk_stack_set_visible_child_name (self->stack, entries->len > 0 ? "list" : "empty");
}

/* The window */

static void
fg_history_window_finalize (GObject *object)
{
  FgHistoryWindow *self = (FgHistoryWindow *)object;

  g_clear_pointer (&self->record_id, g_free);

  G_OBJECT_CLASS (fg_history_window_parent_class)->finalize (object);
}

static void
fg_history_window_class_init (FgHistoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = fg_history_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-history-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FgHistoryWindow, title);
  gtk_widget_class_bind_template_child (widget_class, FgHistoryWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, FgHistoryWindow, list_box);
  gtk_widget_class_bind_template_child (widget_class, FgHistoryWindow, error_page);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fg_history_window_init (FgHistoryWindow *self)
{
  fg_accessible_keep_class_role (GTK_WIDGET (self));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fg_history_window_new:
 * @parent: the main window
 * @store: the store
 * @actor: the person logged in; the core checks they may read the log
 * @record_id: the record whose history to show
 * @record_title: (nullable): what the record is called, for the header
 *
 * Returns: (transfer none): the window, owned by GTK's list of windows
 */
FgHistoryWindow *
fg_history_window_new (GtkWindow  *parent,
                       FgStore    *store,
                       FgActor    *actor,
                       const char *record_id,
                       const char *record_title)
{
  FgHistoryWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (record_id != NULL, NULL);

  self = g_object_new (FG_TYPE_HISTORY_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->record_id = g_strdup (record_id);
  adw_window_title_set_subtitle (self->title, record_title != NULL ? record_title : "");
  fg_history_window_load (self, store, actor);
  return self;
}

const char *
fg_history_window_get_record_id (FgHistoryWindow *self)
{
  g_return_val_if_fail (FG_IS_HISTORY_WINDOW (self), NULL);
  return self->record_id;
}

/**
 * fg_history_window_get_list_box:
 *
 * Returns: (transfer none): the list of entries, one #AdwActionRow each
 */
GtkListBox *
fg_history_window_get_list_box (FgHistoryWindow *self)
{
  g_return_val_if_fail (FG_IS_HISTORY_WINDOW (self), NULL);
  return self->list_box;
}

guint
fg_history_window_get_n_entries (FgHistoryWindow *self)
{
  g_return_val_if_fail (FG_IS_HISTORY_WINDOW (self), 0);
  return self->n_entries;
}
