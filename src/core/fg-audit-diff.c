/* fg-audit-diff.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An audit record keeps a row before and after a change as a flat JSON
 * object of the row's columns (fg_audit_dup_row()). A change history
 * shows what changed in a clerk's words: the field as the forms call it,
 * a village or grid by its name, a category, status or role by its label,
 * a switch as yes or no. The columns the program keeps for itself (ids,
 * stamps, the region path it keeps beside region_id) are not shown; a
 * column this version does not know is shown as it is, so nothing that
 * changed is hidden.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fg-audit.h"
#include "fg-category.h"
#include "fg-permission.h"
#include "fg-region.h"
#include "fg-store-private.h"
#include "fg-venue.h"

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
          if (value == NULL)
            return NULL;
        }
      else
        {
          value = read_other (&p);
          if (value == NULL)
            return NULL;
          /* null is no value: shown as empty */
          if (g_str_equal (value, "null"))
            g_clear_pointer (&value, g_free);
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

/* The fields */

typedef enum
{
  FIELD_TEXT,
  FIELD_NUMBER,
  FIELD_FLAG,          /* 0 or 1 */
  FIELD_REGION,        /* a region's id */
  FIELD_CATEGORIES,    /* a JSON array of category ids */
  FIELD_VENUE_STATUS,
  FIELD_ROLE,
  FIELD_HIDDEN,        /* kept by the program for itself */
} FieldKind;

static const struct
{
  const char *key;
  const char *context;
  const char *label;
  FieldKind   kind;
} fields[] = {
  /* venues, as the venue form names them */
  { "name", NULL, N_("Name"), FIELD_TEXT },
  { "address", NULL, N_("Address"), FIELD_TEXT },
  { "region_id", NULL, N_("Village or grid"), FIELD_REGION },
  { "categories", NULL, N_("Categories"), FIELD_CATEGORIES },
  { "operator_name", NULL, N_("Operator"), FIELD_TEXT },
  { "phone", NULL, N_("Phone"), FIELD_TEXT },
  { "credit_code", NULL, N_("Unified social credit code"), FIELD_TEXT },
  { "floor_area", NULL, N_("Floor area in m²"), FIELD_NUMBER },
  { "floors", NULL, N_("Floors"), FIELD_NUMBER },
  { "sleeping", NULL, N_("People sleeping on site"), FIELD_NUMBER },
  { "key_unit", NULL, N_("Key fire safety unit"), FIELD_FLAG },
  { "smoke_alarm", NULL, N_("Standalone smoke alarms"), FIELD_FLAG },
  { "smoke_alarm_count", NULL, N_("Smoke alarms counted"), FIELD_NUMBER },
  { "smoke_alarm_checked_on", NULL, N_("Smoke alarms checked on"), FIELD_TEXT },
  { "simple_extinguishing", NULL, N_("Simple extinguishing equipment"), FIELD_FLAG },
  { "simple_extinguishing_checked_on", NULL, N_("Simple extinguishing equipment checked on"), FIELD_TEXT },
  { "status", NULL, N_("Status"), FIELD_VENUE_STATUS },
  /* accounts */
  { "display_name", "person", N_("Name"), FIELD_TEXT },
  { "login", NULL, N_("Login"), FIELD_TEXT },
  { "role", NULL, N_("Role"), FIELD_ROLE },
  { "scope_region_id", NULL, N_("Area"), FIELD_REGION },
  { "active", NULL, N_("Switched on"), FIELD_FLAG },
  { "certificate", NULL, N_("Enforcement certificate number"), FIELD_TEXT },
  /* villages and grids */
  { "parent_id", NULL, N_("Belongs to"), FIELD_REGION },
  { "code", NULL, N_("Division code"), FIELD_TEXT },
  { "retired", NULL, N_("Retired"), FIELD_FLAG },
  /* bookkeeping */
  { "id", NULL, NULL, FIELD_HIDDEN },
  { "seq", NULL, NULL, FIELD_HIDDEN },
  { "stamp", NULL, NULL, FIELD_HIDDEN },
  { "base_stamp", NULL, NULL, FIELD_HIDDEN },
  { "origin_node", NULL, NULL, FIELD_HIDDEN },
  { "deleted", NULL, NULL, FIELD_HIDDEN },
  { "created_at", NULL, NULL, FIELD_HIDDEN },
  { "updated_at", NULL, NULL, FIELD_HIDDEN },
  { "level", NULL, NULL, FIELD_HIDDEN },
  { "code_year", NULL, NULL, FIELD_HIDDEN },
  { "venue_count", NULL, NULL, FIELD_HIDDEN },
  /* the path of region_id, which names the place already */
  { "county_id", NULL, NULL, FIELD_HIDDEN },
  { "township_id", NULL, NULL, FIELD_HIDDEN },
  { "village_id", NULL, NULL, FIELD_HIDDEN },
  { "grid_id", NULL, NULL, FIELD_HIDDEN },
};

static int
find_field (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].key, key))
      return (int) i;
  return -1;
}

/* A region by its name, a grid with its village's. */
static char *
dup_region_label (FgStore    *store,
                  const char *id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = fg_store_prepare (store,
                           "SELECT r.level, r.name, p.name FROM region r"
                           " LEFT JOIN region p ON p.id = r.parent_id WHERE r.id = ?1",
                           NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return fg_region_format_label ((FgRegionLevel) sqlite3_column_int (stmt, 0),
                                 (const char *) sqlite3_column_text (stmt, 1),
                                 (const char *) sqlite3_column_text (stmt, 2));
}

static char *
dup_categories_label (const char *json)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *p = json;

  skip_space (&p);
  if (*p != '[')
    return g_strdup (json);
  p++;

  for (;;)
    {
      g_autofree char *id = NULL;
      const FgCategory *category;

      skip_space (&p);
      if (*p == ']')
        break;
      id = read_string (&p);
      if (id == NULL)
        return g_strdup (json);
      category = fg_category_lookup (id);
      if (text->len > 0)
        /* Translators: separates the categories of a mixed-use venue */
        g_string_append (text, _(", "));
      g_string_append (text, category != NULL ? fg_category_get_name (category) : id);
      skip_space (&p);
      if (*p == ',')
        p++;
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* @value as the field's form shows it. */
static char *
dup_shown_value (FgStore    *store,
                 FieldKind   kind,
                 const char *value)
{
  if (value == NULL || *value == '\0')
    /* Translators: in a change history, a field that had no value */
    return g_strdup (_("(none)"));

  switch (kind)
    {
    case FIELD_FLAG:
      if (g_str_equal (value, "0"))
        return g_strdup (_("No"));
      if (g_str_equal (value, "1"))
        return g_strdup (_("Yes"));
      break;

    case FIELD_REGION:
      {
        char *label = dup_region_label (store, value);

        if (label != NULL)
          return label;
        /* Translators: in a change history, a village or grid this
         * office does not hold (of another township) */
        return g_strdup (_("(a village or grid not held here)"));
      }

    case FIELD_CATEGORIES:
      return dup_categories_label (value);

    case FIELD_VENUE_STATUS:
      {
        FgVenueStatus status;

        if (fg_venue_status_from_string (value, &status))
          return g_strdup (fg_venue_status_get_label (status));
      }
      break;

    case FIELD_ROLE:
      {
        FgRole role;

        if (fg_role_from_string (value, &role))
          return g_strdup (fg_role_get_label (role));
      }
      break;

    case FIELD_TEXT:
    case FIELD_NUMBER:
    case FIELD_HIDDEN:
    default:
      break;
    }

  return g_strdup (value);
}

static void
add_line (GPtrArray  *lines,
          FgStore    *store,
          const char *key,
          const char *old,
          const char *value)
{
  int field = find_field (key);
  FieldKind kind = field >= 0 ? fields[field].kind : FIELD_TEXT;
  const char *label = key;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  if (kind == FIELD_HIDDEN)
    return;
  if (field >= 0)
    label = fields[field].context != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, fields[field].context, fields[field].label)
                                          : _(fields[field].label);

  old_text = dup_shown_value (store, kind, old);
  new_text = dup_shown_value (store, kind, value);
  /* Translators: a changed field in a change history: the field, its old
   * value and its new one */
  g_ptr_array_add (lines, g_strdup_printf (_("%s: %s → %s"), label, old_text, new_text));
}

/**
 * fg_audit_describe_change:
 * @store: the office's store, where villages and grids are named
 * @before: (nullable): a record before a change, as the audit log keeps it
 * @after: (nullable): the record after it
 *
 * Returns: (transfer full) (nullable): the changed fields in words, each
 *   as "field: old → new", or %NULL when either side is missing or cannot
 *   be read
 */
GPtrArray *
fg_audit_describe_change (FgStore    *store,
                          const char *before,
                          const char *after)
{
  g_autoptr(GPtrArray) old_pairs = NULL;
  g_autoptr(GPtrArray) new_pairs = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);

  old_pairs = parse_object (before);
  new_pairs = parse_object (after);
  if (old_pairs == NULL || new_pairs == NULL)
    return NULL;

  lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i + 1 < new_pairs->len; i += 2)
    {
      const char *key = g_ptr_array_index (new_pairs, i);
      const char *value = g_ptr_array_index (new_pairs, i + 1);
      gboolean found;
      const char *old = lookup (old_pairs, key, &found);

      if (found && g_strcmp0 (old, value) == 0)
        continue;
      add_line (lines, store, key, old, value);
    }

  /* fields the change removed */
  for (guint i = 0; i + 1 < old_pairs->len; i += 2)
    {
      const char *key = g_ptr_array_index (old_pairs, i);
      gboolean found;

      lookup (new_pairs, key, &found);
      if (!found)
        add_line (lines, store, key, g_ptr_array_index (old_pairs, i + 1), NULL);
    }

  return g_steal_pointer (&lines);
}
