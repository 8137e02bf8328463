/* fg-divisions.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The divisions an office picks its own from when it is set up: Henan's
 * cities, counties, and townships and streets, with their 12-digit
 * statistical division codes (统计用区划代码), from the National Bureau of
 * Statistics' tables (data/divisions/henan.tsv, compiled into the core's
 * resources). The code set is revised every year: an office may correct
 * a name or add a division the shipped list lacks in divisions.tsv of the
 * program's data folder (same format), which is laid over the shipped one.
 *
 * The format is one division a line, "code<TAB>name"; "year<TAB>2022"
 * names the year of the code set; lines starting with # are comments.
 * The level follows from the code, as the codes are built: a city's ends
 * in eight zeros, a county's in six, a township's in three.
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "fg-divisions.h"

#define SHIPPED_RESOURCE "/io/github/firegrid/core/divisions/henan.tsv"
#define CORRECTIONS_FILE "divisions.tsv"

struct _FgDivisions
{
  GObject parent_instance;

  GPtrArray *divisions;    /* FgDivision, sorted by code */
  GHashTable *by_code;     /* code → FgDivision */
  int year;
};

G_DEFINE_FINAL_TYPE (FgDivisions, fg_divisions, G_TYPE_OBJECT)

G_DEFINE_QUARK (fg-divisions-error-quark, fg_divisions_error)

static void
division_free (FgDivision *division)
{
  if (division == NULL)
    return;
  g_free (division->code);
  g_free (division->name);
  g_free (division);
}

static void
fg_divisions_finalize (GObject *object)
{
  FgDivisions *self = (FgDivisions *)object;

  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->divisions, g_ptr_array_unref);

  G_OBJECT_CLASS (fg_divisions_parent_class)->finalize (object);
}

static void
fg_divisions_class_init (FgDivisionsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fg_divisions_finalize;
}

static void
fg_divisions_init (FgDivisions *self)
{
  self->divisions = g_ptr_array_new_with_free_func ((GDestroyNotify) division_free);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
}

static gboolean
zeros (const char *digits,
       gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (digits[i] != '0')
      return FALSE;
  return TRUE;
}

/* The level a 12-digit code names, or 0 when it names none of the list's
 * (a province, a village, or no code at all). */
static FgDivisionLevel
level_of_code (const char *code)
{
  if (strlen (code) != 12 || strspn (code, "0123456789") != 12 || zeros (code, 2) || zeros (code + 2, 2))
    return 0;
  if (zeros (code + 4, 8))
    return FG_DIVISION_LEVEL_CITY;
  if (zeros (code + 4, 2))
    return 0;
  if (zeros (code + 6, 6))
    return FG_DIVISION_LEVEL_COUNTY;
  if (zeros (code + 9, 3))
    return FG_DIVISION_LEVEL_TOWNSHIP;
  return 0;
}

/* "4110", "411081", "411081103" or 12 digits, as a 12-digit code; NULL
 * when it is not digits of one of those lengths. */
static char *
full_code (const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != ' ')
        return NULL;
    }
  if (digits->len != 4 && digits->len != 6 && digits->len != 9 && digits->len != 12)
    return NULL;
  while (digits->len < 12)
    g_string_append_c (digits, '0');
  return g_string_free (g_steal_pointer (&digits), FALSE);
}

static int
compare_by_code (gconstpointer a,
                 gconstpointer b)
{
  const FgDivision *first = *(const FgDivision **) a;
  const FgDivision *second = *(const FgDivision **) b;

  return strcmp (first->code, second->code);
}

static gboolean
name_is_acceptable (const char *name)
{
  if (*name == '\0' || g_utf8_strlen (name, -1) > 100)
    return FALSE;
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* the name becomes the authority's name on documents: never a code */
      if (g_unichar_isdigit (c) || g_unichar_iscntrl (c))
        return FALSE;
    }
  return TRUE;
}

static gboolean
invalid_line (GError     **error,
              guint        number,
              const char  *line)
{
  g_set_error (error, FG_DIVISIONS_ERROR, FG_DIVISIONS_ERROR_INVALID_LINE,
               _("Line %u of the division list is not a 12-digit code of a city, county or township, "
                 "a tab and a name without digits: “%s”."),
               number, line);
  return FALSE;
}

/* Reads every line first, then adds them: a list with one bad line
 * changes nothing. */
static gboolean
parse_lines (FgDivisions  *self,
             GBytes       *bytes,
             GError      **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *text = g_strndup (data != NULL ? data : "", size);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) parsed = g_ptr_array_new_with_free_func ((GDestroyNotify) division_free);
  int year = self->year;

  if (!g_utf8_validate (text, -1, NULL))
    return invalid_line (error, 1, "");

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *line = g_strdup (lines[i]);
      FgDivision *division;

      g_strchomp (line);
      if (*line == '\0' || *line == '#')
        continue;

      fields = g_strsplit (line, "\t", 3);
      if (g_strv_length (fields) != 2)
        return invalid_line (error, i + 1, line);
      g_strstrip (fields[1]);

      if (g_str_equal (fields[0], "year"))
        {
          guint64 value;

          if (!g_ascii_string_to_unsigned (fields[1], 10, 1980, 2200, &value, NULL))
            return invalid_line (error, i + 1, line);
          year = (int) value;
          continue;
        }

      if (level_of_code (fields[0]) == 0 || !name_is_acceptable (fields[1]))
        return invalid_line (error, i + 1, line);

      division = g_new0 (FgDivision, 1);
      division->code = g_strdup (fields[0]);
      division->name = g_strdup (fields[1]);
      division->level = level_of_code (fields[0]);
      g_ptr_array_add (parsed, division);
    }

  /* a line of the corrections replaces the shipped line of its code */
  for (guint i = 0; i < parsed->len; i++)
    {
      FgDivision *division = g_ptr_array_index (parsed, i);
      FgDivision *existing = g_hash_table_lookup (self->by_code, division->code);

      if (existing != NULL)
        {
          g_free (existing->name);
          existing->name = g_strdup (division->name);
          continue;
        }
      g_ptr_array_index (parsed, i) = NULL;
      g_ptr_array_add (self->divisions, division);
      g_hash_table_insert (self->by_code, division->code, division);
    }

  g_ptr_array_sort (self->divisions, compare_by_code);
  self->year = year;
  return TRUE;
}

/**
 * fg_divisions_new_from_bytes:
 * @bytes: a division list (see the top of this file for its format)
 * @error: return location for an error
 *
 * Returns: (transfer full): the list, or %NULL with @error set when a
 *   line is not a division
 */
FgDivisions *
fg_divisions_new_from_bytes (GBytes  *bytes,
                             GError **error)
{
  g_autoptr(FgDivisions) self = g_object_new (FG_TYPE_DIVISIONS, NULL);

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!parse_lines (self, bytes, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * fg_divisions_merge_bytes:
 * @self: a division list
 * @bytes: corrections in the same format
 * @error: return location for an error
 *
 * Lays @bytes over the list: a code already there takes the new name, a
 * new code is added, a year line replaces the year.
 *
 * Returns: %TRUE on success; on failure the list is unchanged
 */
gboolean
fg_divisions_merge_bytes (FgDivisions  *self,
                          GBytes       *bytes,
                          GError      **error)
{
  g_return_val_if_fail (FG_IS_DIVISIONS (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  return parse_lines (self, bytes, error);
}

/**
 * fg_divisions_load:
 * @error: return location for an error
 *
 * The list that ships with the program, with the office's corrections
 * (divisions.tsv in the "firegrid" folder of the user's data directory,
 * beside the database) laid over it when there are any.
 *
 * Returns: (transfer full): the list, or %NULL with @error set when the
 *   corrections cannot be read
 */
FgDivisions *
fg_divisions_load (GError **error)
{
  g_autoptr(GBytes) shipped = g_resources_lookup_data (SHIPPED_RESOURCE, 0, NULL);
  g_autoptr(FgDivisions) self = NULL;
  g_autofree char *corrections_path = g_build_filename (g_get_user_data_dir (), "firegrid", CORRECTIONS_FILE, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  /* the shipped list is part of the program: a build without it is broken */
  g_assert (shipped != NULL);
  self = fg_divisions_new_from_bytes (shipped, NULL);
  g_assert (self != NULL);

  if (g_file_test (corrections_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GBytes) corrections = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!g_file_get_contents (corrections_path, &contents, &length, error))
        return NULL;
      corrections = g_bytes_new_take (g_steal_pointer (&contents), length);
      if (!fg_divisions_merge_bytes (self, corrections, &local_error))
        {
          g_set_error (error, FG_DIVISIONS_ERROR, FG_DIVISIONS_ERROR_INVALID_LINE,
                       /* TRANSLATORS: a file's path, then what is wrong in it */
                       _("The corrections to the division list in %s cannot be read: %s"),
                       corrections_path, local_error->message);
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

/**
 * fg_divisions_get_year:
 *
 * Returns: the year of the code set, or 0 when the list does not say it
 */
int
fg_divisions_get_year (FgDivisions *self)
{
  g_return_val_if_fail (FG_IS_DIVISIONS (self), 0);
  return self->year;
}

/**
 * fg_divisions_count:
 *
 * Returns: how many divisions of @level the list holds
 */
guint
fg_divisions_count (FgDivisions     *self,
                    FgDivisionLevel  level)
{
  guint n = 0;

  g_return_val_if_fail (FG_IS_DIVISIONS (self), 0);

  for (guint i = 0; i < self->divisions->len; i++)
    if (((FgDivision *) g_ptr_array_index (self->divisions, i))->level == level)
      n++;
  return n;
}

/**
 * fg_divisions_list_cities:
 *
 * Returns: (transfer container) (element-type FgDivision): the cities,
 *   by code; the divisions stay owned by @self
 */
GPtrArray *
fg_divisions_list_cities (FgDivisions *self)
{
  GPtrArray *cities = g_ptr_array_new ();

  g_return_val_if_fail (FG_IS_DIVISIONS (self), cities);

  for (guint i = 0; i < self->divisions->len; i++)
    {
      FgDivision *division = g_ptr_array_index (self->divisions, i);

      if (division->level == FG_DIVISION_LEVEL_CITY)
        g_ptr_array_add (cities, division);
    }
  return cities;
}

/* How many leading digits of a code belong to a division of @level. */
static gsize
significant_digits (FgDivisionLevel level)
{
  switch (level)
    {
    case FG_DIVISION_LEVEL_CITY:
      return 4;
    case FG_DIVISION_LEVEL_COUNTY:
      return 6;
    case FG_DIVISION_LEVEL_TOWNSHIP:
    default:
      return 9;
    }
}

/**
 * fg_divisions_list_children:
 * @parent_code: a city's code (its counties) or a county's (its
 *   townships), in 4, 6, 9 or 12 digits
 *
 * Returns: (transfer container) (element-type FgDivision): the divisions
 *   one level below @parent_code, by code; empty when the list does not
 *   hold @parent_code
 */
GPtrArray *
fg_divisions_list_children (FgDivisions *self,
                            const char  *parent_code)
{
  GPtrArray *children = g_ptr_array_new ();
  const FgDivision *parent;
  gsize prefix;

  g_return_val_if_fail (FG_IS_DIVISIONS (self), children);
  g_return_val_if_fail (parent_code != NULL, children);

  parent = fg_divisions_lookup (self, parent_code);
  if (parent == NULL || parent->level == FG_DIVISION_LEVEL_TOWNSHIP)
    return children;

  prefix = significant_digits (parent->level);
  for (guint i = 0; i < self->divisions->len; i++)
    {
      FgDivision *division = g_ptr_array_index (self->divisions, i);

      if (division->level == parent->level + 1 && strncmp (division->code, parent->code, prefix) == 0)
        g_ptr_array_add (children, division);
    }
  return children;
}

/**
 * fg_divisions_lookup:
 * @code: a division code, in 4 (city), 6 (county), 9 (township) or 12
 *   digits
 *
 * Returns: (transfer none) (nullable): the division, or %NULL when the
 *   list does not hold it
 */
const FgDivision *
fg_divisions_lookup (FgDivisions *self,
                     const char  *code)
{
  g_autofree char *full = NULL;

  g_return_val_if_fail (FG_IS_DIVISIONS (self), NULL);

  full = code != NULL ? full_code (code) : NULL;
  if (full == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_code, full);
}

/**
 * fg_divisions_get_parent:
 * @division: a division of @self
 *
 * Returns: (transfer none) (nullable): the county of a township, the city
 *   of a county; %NULL for a city, or when the list lacks the parent
 */
const FgDivision *
fg_divisions_get_parent (FgDivisions      *self,
                         const FgDivision *division)
{
  char parent[13];
  gsize prefix;

  g_return_val_if_fail (FG_IS_DIVISIONS (self), NULL);
  g_return_val_if_fail (division != NULL, NULL);

  if (division->level == FG_DIVISION_LEVEL_CITY)
    return NULL;

  prefix = significant_digits (division->level - 1);
  memcpy (parent, division->code, prefix);
  memset (parent + prefix, '0', 12 - prefix);
  parent[12] = '\0';
  return g_hash_table_lookup (self->by_code, parent);
}

static int
compare_by_level_and_code (gconstpointer a,
                           gconstpointer b)
{
  const FgDivision *first = *(const FgDivision **) a;
  const FgDivision *second = *(const FgDivision **) b;

  if (first->level != second->level)
    return (int) first->level - (int) second->level;
  return strcmp (first->code, second->code);
}

/**
 * fg_divisions_search:
 * @text: digits (the start of a code, e.g. "411081") or a part of a
 *   name (e.g. "神垕")
 * @max_results: at most this many; 0 for all
 *
 * Finds the divisions whose code starts with @text, when it is digits, or
 * whose name contains it: cities first, then counties, then townships,
 * each by code.
 *
 * Returns: (transfer container) (element-type FgDivision): the divisions
 *   found; empty for an empty @text
 */
GPtrArray *
fg_divisions_search (FgDivisions *self,
                     const char  *text,
                     guint        max_results)
{
  GPtrArray *found = g_ptr_array_new ();
  g_autofree char *needle = NULL;
  gboolean digits;

  g_return_val_if_fail (FG_IS_DIVISIONS (self), found);

  needle = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*needle == '\0' || !g_utf8_validate (needle, -1, NULL))
    return found;
  digits = strspn (needle, "0123456789") == strlen (needle);

  for (guint i = 0; i < self->divisions->len; i++)
    {
      FgDivision *division = g_ptr_array_index (self->divisions, i);

      if (digits ? g_str_has_prefix (division->code, needle) : strstr (division->name, needle) != NULL)
        g_ptr_array_add (found, division);
    }

  g_ptr_array_sort (found, compare_by_level_and_code);
  if (max_results > 0 && found->len > max_results)
    g_ptr_array_set_size (found, max_results);
  return found;
}
