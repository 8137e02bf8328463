/* fg-history-window.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The audit log of one record, newest first: when, who, what, and for a
 * change with a before and an after, which fields changed. The core keeps
 * "before" and "after" as flat JSON objects of a row's columns
 * (fg_audit_dup_row()); a small parser here reads them, and anything it
 * does not understand is shown as it is rather than guessed at. The
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

/* Action labels */

static const struct
{
  const char *id;
  const char *label;
} action_labels[] = {
  { "venue-add", N_("Registered") },
  { "venue-edit", N_("Changed") },
  { "venue-read", N_("Viewed") },
  { "inspection-start", N_("Inspection started") },
  { "inspection-record", N_("Outcome recorded") },
  { "inspection-photo", N_("Photo attached") },
  { "inspection-finish", N_("Inspection finished") },
  { "inspection-discard", N_("Inspection discarded") },
  { "hazard-found", N_("Hazard found") },
  { "hazard-manage", N_("Hazard handled") },
  { "hazard-report", N_("Hazard reported") },
  { "notice-issue", N_("Notice issued") },
  { "notice-issued", N_("Notice issued") },
  { "notice-print", N_("Notice printed") },
  { "notice-serve", N_("Notice served") },
  { "escalated", N_("Escalated") },
  { "closed", N_("Closed") },
  { "region-add", N_("Added") },
  { "region-edit", N_("Changed") },
  { "region-rename", N_("Renamed") },
  { "region-move", N_("Moved") },
  { "region-retire", N_("Retired") },
  { "account-add", N_("Account created") },
  { "account-switch-on", N_("Account switched on") },
  { "account-switch-off", N_("Account switched off") },
  { "account-change-password", N_("Password changed") },
  { "account-reset-password", N_("Password reset") },
  { "campaign-add", N_("Campaign added") },
  { "login", N_("Logged in") },
  { "audit-read", N_("Change history read") },
};

/**
 * fg_history_action_get_label:
 * @action: an action id of the audit log, e.g. "venue-edit"
 *
 * Returns: a label for the person: translated, or @action itself when it
 *   is not known
 */
const char *
fg_history_action_get_label (const char *action)
{
  FgHazardEventKind kind;

  if (action == NULL)
    return "";

  for (guint i = 0; i < G_N_ELEMENTS (action_labels); i++)
    if (g_str_equal (action_labels[i].id, action))
      return _(action_labels[i].label);

  /* the hazard events are logged under their own ids */
  if (fg_hazard_event_kind_from_string (action, &kind))
    return fg_hazard_event_kind_get_label (kind);

  return action;
}

/* A minimal reader of flat JSON objects */

static void
skip_space (const char **p)
{
  while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
    (*p)++;
}

static gboolean
read_hex4 (const char **p,
           gunichar    *out)
{
  gunichar c = 0;

  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value ((*p)[i]);

      if (digit < 0)
        return FALSE;
      c = c * 16 + (gunichar) digit;
    }
  *p += 4;
  *out = c;
  return TRUE;
}

/* A string at *p (on its opening quote); NULL when it is malformed. */
static char *
read_string (const char **p)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (**p != '"')
    return NULL;
  (*p)++;

  while (**p != '"')
    {
      if (**p == '\0')
        return NULL;

      if (**p != '\\')
        {
          g_string_append_c (text, **p);
          (*p)++;
          continue;
        }

      (*p)++;
      switch (**p)
        {
        case '"': g_string_append_c (text, '"'); break;
        case '\\': g_string_append_c (text, '\\'); break;
        case '/': g_string_append_c (text, '/'); break;
        case 'b': g_string_append_c (text, '\b'); break;
        case 'f': g_string_append_c (text, '\f'); break;
        case 'n': g_string_append_c (text, '\n'); break;
        case 'r': g_string_append_c (text, '\r'); break;
        case 't': g_string_append_c (text, '\t'); break;
        case 'u':
          {
            gunichar c;

            (*p)++;
            if (!read_hex4 (p, &c))
              return NULL;
            /* a surrogate pair */
            if (c >= 0xd800 && c < 0xdc00 && (*p)[0] == '\\' && (*p)[1] == 'u')
              {
                const char *q = *p + 2;
                gunichar low;

                if (read_hex4 (&q, &low) && low >= 0xdc00 && low < 0xe000)
                  {
                    c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
                    *p = q;
                  }
              }
            if (!g_unichar_validate (c))
              c = 0xfffd;
            g_string_append_unichar (text, c);
            continue;
          }
        default:
          return NULL;
        }
      (*p)++;
    }
  (*p)++;

  if (!g_utf8_validate (text->str, text->len, NULL))
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Any other value, as its text: a number, true, false, null, or a nested
 * array or object kept as written. */
static char *
read_other (const char **p)
{
  const char *start = *p;
  int depth = 0;

  while (**p != '\0')
    {
      char c = **p;

      if (c == '"')
        {
          g_autofree char *skipped = read_string (p);

          if (skipped == NULL)
            return NULL;
          continue;
        }
      if (c == '[' || c == '{')
        depth++;
      else if (c == ']' || c == '}')
        {
          if (depth == 0)
            break;
          depth--;
        }
      else if (c == ',' && depth == 0)
        break;
      (*p)++;
    }

  if (depth != 0 || *p == start)
    return NULL;
  return g_strchomp (g_strndup (start, *p - start));
}

/* Keys and values in their order, or NULL when @json is not an object. */
static GPtrArray *
parse_object (const char *json)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  const char *p = json;

  if (json == NULL)
    return NULL;

  skip_space (&p);
  if (*p != '{')
    return NULL;
  p++;
  skip_space (&p);

  if (*p == '}')
    return g_steal_pointer (&pairs);

  for (;;)
    {
      char *key;
      char *value;

      skip_space (&p);
      key = read_string (&p);
      if (key == NULL)
        return NULL;
      g_ptr_array_add (pairs, key);

      skip_space (&p);
      if (*p != ':')
        return NULL;
      p++;
      skip_space (&p);

      if (*p == '"')
        {
          value = read_string (&p);
        }
      else
        {
          value = read_other (&p);
          /* null is no value: shown as empty */
          if (value != NULL && g_str_equal (value, "null"))
            g_clear_pointer (&value, g_free);
          else if (value == NULL)
            return NULL;
        }
      /* a NULL value is kept as an empty slot */
      g_ptr_array_add (pairs, value);

      skip_space (&p);
      if (*p == ',')
        {
          p++;
          continue;
        }
      if (*p == '}')
        break;
      return NULL;
    }

  return g_steal_pointer (&pairs);
}

static const char *
lookup (GPtrArray  *pairs,
        const char *key,
        gboolean   *found)
{
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    if (g_str_equal (g_ptr_array_index (pairs, i), key))
      {
        *found = TRUE;
        return g_ptr_array_index (pairs, i + 1);
      }

  *found = FALSE;
  return NULL;
}

static const char *
shown_value (const char *value)
{
  /* Translators: in a change history, a field that had no value */
  return value != NULL && *value != '\0' ? value : _("(none)");
}

/**
 * fg_history_diff:
 * @before: (nullable): a record before a change, a flat JSON object
 * @after: (nullable): the record after it
 *
 * Returns: (transfer full) (nullable): the changed fields, each as
 *   "field: old → new", or %NULL when either side is missing or cannot be
 *   read
 */
GPtrArray *
fg_history_diff (const char *before,
                 const char *after)
{
  g_autoptr(GPtrArray) old_pairs = parse_object (before);
  g_autoptr(GPtrArray) new_pairs = parse_object (after);
  g_autoptr(GPtrArray) lines = NULL;

  if (old_pairs == NULL || new_pairs == NULL)
    return NULL;

  lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i + 1 < new_pairs->len; i += 2)
    {
      const char *key = g_ptr_array_index (new_pairs, i);
      const char *value = g_ptr_array_index (new_pairs, i + 1);
      gboolean found;
      const char *old = lookup (old_pairs, key, &found);

      /* bookkeeping, not a change the person made */
      if (g_str_equal (key, "updated_at"))
        continue;
      if (found && g_strcmp0 (old, value) == 0)
        continue;

      /* Translators: a changed field in a change history: the field, its
       * old value and its new one */
      g_ptr_array_add (lines, g_strdup_printf (_("%s: %s → %s"), key,
                                               shown_value (old), shown_value (value)));
    }

  /* fields the change removed */
  for (guint i = 0; i + 1 < old_pairs->len; i += 2)
    {
      const char *key = g_ptr_array_index (old_pairs, i);
      gboolean found;

      lookup (new_pairs, key, &found);
      if (!found)
        g_ptr_array_add (lines, g_strdup_printf (_("%s: %s → %s"), key,
                                                 shown_value (g_ptr_array_index (old_pairs, i + 1)),
                                                 shown_value (NULL)));
    }

  return g_steal_pointer (&lines);
}

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
create_entry_row (const FgAuditEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *when = format_time (entry->at);

  /* Translators: in a change history: when, and who (their login) */
  g_string_append_printf (subtitle, _("%s · %s"), when,
                          entry->actor_login != NULL ? entry->actor_login : "");

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
      g_autoptr(GPtrArray) lines = fg_history_diff (entry->before, entry->after);

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
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fg_history_action_get_label (entry->action));
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
    gtk_list_box_append (self->list_box, create_entry_row (g_ptr_array_index (entries, i)));
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
