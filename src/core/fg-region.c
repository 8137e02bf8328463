/* fg-region.c — the division tree: county → township → village → grid
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fg-audit-private.h"
#include "fg-permission-private.h"
#include "fg-region-private.h"
#include "fg-text-private.h"
#include "fg-store-private.h"

struct _FgRegion
{
  GObject parent_instance;

  char *id;
  char *parent_id;
  char *code;
  char *name;
  FgRegionLevel level;
  int code_year;
  guint venue_count;
  gboolean retired;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_LEVEL,
  PROP_VENUE_COUNT,
  PROP_RETIRED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FgRegion, fg_region, G_TYPE_OBJECT)

G_DEFINE_QUARK (fg-region-error-quark, fg_region_error)

#define REGION_COLUMNS "id, parent_id, level, code, name, code_year, retired, venue_count"

static void
fg_region_finalize (GObject *object)
{
  FgRegion *self = (FgRegion *)object;

  g_free (self->id);
  g_free (self->parent_id);
  g_free (self->code);
  g_free (self->name);

  G_OBJECT_CLASS (fg_region_parent_class)->finalize (object);
}

static void
fg_region_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FgRegion *self = FG_REGION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_LEVEL:
      g_value_set_int (value, self->level);
      break;

    case PROP_VENUE_COUNT:
      g_value_set_uint (value, self->venue_count);
      break;

    case PROP_RETIRED:
      g_value_set_boolean (value, self->retired);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_region_class_init (FgRegionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fg_region_finalize;
  object_class->get_property = fg_region_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVEL] =
    g_param_spec_int ("level", NULL, NULL,
                      FG_REGION_LEVEL_COUNTY, FG_REGION_LEVEL_GRID, FG_REGION_LEVEL_COUNTY,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VENUE_COUNT] =
    g_param_spec_uint ("venue-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RETIRED] =
    g_param_spec_boolean ("retired", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fg_region_init (FgRegion *self)
{
}

static FgRegion *
region_from_row (sqlite3_stmt *stmt)
{
  FgRegion *self = g_object_new (FG_TYPE_REGION, NULL);

  self->id = g_strdup (fg_stmt_text (stmt, 0));
  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    self->parent_id = g_strdup (fg_stmt_text (stmt, 1));
  self->level = sqlite3_column_int (stmt, 2);
  self->code = g_strdup (fg_stmt_text (stmt, 3));
  self->name = g_strdup (fg_stmt_text (stmt, 4));
  self->code_year = sqlite3_column_int (stmt, 5);
  self->retired = sqlite3_column_int (stmt, 6) != 0;
  self->venue_count = (guint) MAX (0, sqlite3_column_int (stmt, 7));

  return self;
}

const char *
fg_region_get_id (FgRegion *self)
{
  g_return_val_if_fail (FG_IS_REGION (self), NULL);
  return self->id;
}

/**
 * fg_region_get_parent_id:
 *
 * Returns: (nullable): the parent region's id; %NULL for a county
 */
const char *
fg_region_get_parent_id (FgRegion *self)
{
  g_return_val_if_fail (FG_IS_REGION (self), NULL);
  return self->parent_id;
}

FgRegionLevel
fg_region_get_level (FgRegion *self)
{
  g_return_val_if_fail (FG_IS_REGION (self), FG_REGION_LEVEL_COUNTY);
  return self->level;
}

/**
 * fg_region_get_code:
 *
 * Returns: the 12-digit division code of a county, township or village;
 *   for a grid, its village's code, a dash and its number ("410105001201-003")
 */
const char *
fg_region_get_code (FgRegion *self)
{
  g_return_val_if_fail (FG_IS_REGION (self), NULL);
  return self->code;
}

const char *
fg_region_get_name (FgRegion *self)
{
  g_return_val_if_fail (FG_IS_REGION (self), NULL);
  return self->name;
}

/**
 * fg_region_get_code_year:
 *
 * The division codes are revised every year; this is the year of the code
 * set the code was taken from.
 */
int
fg_region_get_code_year (FgRegion *self)
{
  g_return_val_if_fail (FG_IS_REGION (self), 0);
  return self->code_year;
}

/**
 * fg_region_get_venue_count:
 *
 * Returns: the venues registered in this region and below it, as of when
 *   the region was read
 */
guint
fg_region_get_venue_count (FgRegion *self)
{
  g_return_val_if_fail (FG_IS_REGION (self), 0);
  return self->venue_count;
}

gboolean
fg_region_get_retired (FgRegion *self)
{
  g_return_val_if_fail (FG_IS_REGION (self), FALSE);
  return self->retired;
}

const char *
fg_region_level_to_string (FgRegionLevel level)
{
  switch (level)
    {
    case FG_REGION_LEVEL_COUNTY:
      return _("County");
    case FG_REGION_LEVEL_TOWNSHIP:
      return _("Township");
    case FG_REGION_LEVEL_VILLAGE:
      return _("Village");
    case FG_REGION_LEVEL_GRID:
      return _("Grid");
    default:
      return "";
    }
}

static gboolean
all_zero (const char *digits,
          gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (digits[i] != '0')
      return FALSE;
  return TRUE;
}

/**
 * fg_division_code_normalize:
 * @text: a statistical division code as typed (6, 9 or 12 digits)
 * @level: the level the code must name: county, township or village
 * @parent_code: (nullable): the 12-digit code of the parent, whose prefix
 *   the code must share
 * @error: return location for an error
 *
 * Checks a division code (统计用区划代码: province 2 + city 2 + county 2 +
 * township 3 + village 3 digits) and returns it as 12 digits.
 *
 * Returns: (transfer full): the 12-digit code, or %NULL with @error set
 */
char *
fg_division_code_normalize (const char     *text,
                            FgRegionLevel   level,
                            const char     *parent_code,
                            GError        **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  int province;

  g_return_val_if_fail (level >= FG_REGION_LEVEL_COUNTY && level <= FG_REGION_LEVEL_VILLAGE, NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != ' ')
        {
          g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_CODE,
                       _("A division code has digits only. Check “%s”."), text);
          return NULL;
        }
    }

  if (digits->len != 6 && digits->len != 9 && digits->len != 12)
    {
      g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_CODE,
                   _("A division code has 12 digits (or 9 for a township, 6 for a county); “%s” has %u."),
                   text != NULL ? text : "", (guint) digits->len);
      return NULL;
    }

  while (digits->len < 12)
    g_string_append_c (digits, '0');

  province = (digits->str[0] - '0') * 10 + (digits->str[1] - '0');
  if (province < 11 || province > 82 || all_zero (digits->str + 2, 2) || all_zero (digits->str + 4, 2))
    {
      g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_CODE,
                   _("“%s” does not start with a province, city and county code. Check the first six digits."),
                   digits->str);
      return NULL;
    }

  switch (level)
    {
    case FG_REGION_LEVEL_COUNTY:
      if (!all_zero (digits->str + 6, 6))
        {
          g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_CODE,
                       _("“%s” is the code of a township or village, not of a county."),
                       digits->str);
          return NULL;
        }
      break;

    case FG_REGION_LEVEL_TOWNSHIP:
      if (all_zero (digits->str + 6, 3) || !all_zero (digits->str + 9, 3))
        {
          g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_CODE,
                       _("“%s” is not a township code: a township code ends in three digits that are not all zero, followed by 000."),
                       digits->str);
          return NULL;
        }
      break;

    case FG_REGION_LEVEL_VILLAGE:
      if (all_zero (digits->str + 6, 3) || all_zero (digits->str + 9, 3))
        {
          g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_CODE,
                       _("“%s” is not a village or community code: its last three digits must not be 000."),
                       digits->str);
          return NULL;
        }
      break;

    case FG_REGION_LEVEL_GRID:
    default:
      g_assert_not_reached ();
    }

  if (parent_code != NULL)
    {
      /* county: 6 significant digits, township: 9 */
      gsize prefix = level == FG_REGION_LEVEL_VILLAGE ? 9 : 6;

      if (level != FG_REGION_LEVEL_COUNTY && strncmp (digits->str, parent_code, prefix) != 0)
        {
          g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_CODE,
                       _("“%s” does not belong to “%s”: its first %u digits must be %.*s."),
                       digits->str, parent_code, (guint) prefix, (int) prefix, parent_code);
          return NULL;
        }
    }

  return g_string_free (g_steal_pointer (&digits), FALSE);
}

static char *
check_name (const char  *name,
            GError     **error)
{
  g_autofree char *trimmed = NULL;
  glong length;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_NAME,
                   _("Enter a name."));
      return NULL;
    }

  trimmed = g_strstrip (g_strdup (name));
  if (fg_text_check_visible (trimmed) != NULL)
    {
      g_set_error_literal (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_NAME, fg_text_check_visible (trimmed));
      return NULL;
    }
  length = g_utf8_strlen (trimmed, -1);
  if (length == 0 || length > 100)
    {
      g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_NAME,
                   length == 0 ? _("Enter a name.")
                               : _("A name can have at most 100 characters."));
      return NULL;
    }

  for (const char *p = trimmed; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        {
          g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_NAME,
                       _("A name cannot contain line breaks or control characters."));
          return NULL;
        }
    }

  return g_steal_pointer (&trimmed);
}

/**
 * fg_region_check_name:
 * @name: (nullable): the name of a village, community or grid as typed
 * @error: return location for an error
 *
 * The check every new name of a village, community or grid passes, for a
 * form to mark a wrong name beside other wrong fields at once. Whether
 * the name is free among its siblings is known only as it is saved.
 *
 * Returns: (transfer full): the name without surrounding spaces, or
 *   %NULL with @error set
 */
char *
fg_region_check_name (const char  *name,
                      GError     **error)
{
  return check_name (name, error);
}

/**
 * fg_region_name_has_digits:
 * @name: (nullable): a name as typed
 *
 * Returns: whether @name holds digits: a division code standing where a
 *   name belongs (a county set up without its name is named by its code).
 *   The names of counties, townships and the authorities printed on
 *   documents never do; set-up and the document settings refuse them.
 */
gboolean
fg_region_name_has_digits (const char *name)
{
  for (const char *p = name; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isdigit (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* The name of a county or township, as its authority's name on documents
 * is made of it (郏县 + 冢头镇 + 人民政府): a name, never the division's
 * code typed where the name belongs. */
static char *
check_division_name (const char  *name,
                     GError     **error)
{
  g_autofree char *clean = check_name (name, error);

  if (clean == NULL)
    return NULL;
  if (fg_region_name_has_digits (clean))
    {
      g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_NAME,
                   _("“%s” contains digits: the name of a county or township is printed in the issuing "
                     "authority’s name on documents and cannot be a division code. Enter its name, "
                     "e.g. 郏县 or 冢头镇."), clean);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

/**
 * fg_region_check_division_name: (skip)
 * @name: (nullable): the name of a county or township as typed
 * @level: %FG_REGION_LEVEL_COUNTY or %FG_REGION_LEVEL_TOWNSHIP
 * @error: return location for an error
 *
 * The check set-up makes of a county's or township's name: there, and
 * not a code, as documents print it in the issuing authority's name
 * (郏县 + 冢头镇 + 人民政府).
 *
 * Returns: (transfer full): the name, trimmed, or %NULL with @error set
 */
char *
fg_region_check_division_name (const char     *name,
                               FgRegionLevel   level,
                               GError        **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  g_return_val_if_fail (level == FG_REGION_LEVEL_COUNTY || level == FG_REGION_LEVEL_TOWNSHIP, NULL);

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_NAME,
                           level == FG_REGION_LEVEL_COUNTY
                             ? _("Enter the county’s name, e.g. 郏县: documents print it in the issuing authority’s name.")
                             : _("Enter the township’s name, e.g. 冢头镇: documents print it in the issuing authority’s name."));
      return NULL;
    }
  return check_division_name (trimmed, error);
}

/* Two villages of a township, or two grids of a village, with one name
 * could not be told apart on a list or a document; the same name in
 * another village (each has its 第一网格) is fine. Retired regions keep
 * their names in the records of the past and free them for the living. */
static gboolean
refuse_duplicate_name (FgStore        *store,
                       FgRegion       *parent,
                       FgRegionLevel   level,
                       const char     *name,
                       const char     *except_id,
                       gboolean        moving,
                       GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = fg_store_prepare (store,
                           "SELECT 1 FROM region"
                           " WHERE parent_id = ?1 AND name = ?2 AND id IS NOT ?3"
                           "   AND retired = 0 AND deleted = 0"
                           " LIMIT 1",
                           error);
  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_text (stmt, 1, parent->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, except_id, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      fg_store_set_error (store, rc, error);
      return TRUE;
    }

  if (moving)
    g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_DUPLICATE_NAME,
                 _("%s already has a grid named “%s”. Rename one of them before the move."),
                 parent->name, name);
  else if (level == FG_REGION_LEVEL_GRID)
    g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_DUPLICATE_NAME,
                 _("%s already has a grid named “%s”. Choose another name."),
                 parent->name, name);
  else
    g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_DUPLICATE_NAME,
                 _("%s already has a village or community named “%s”. Choose another name."),
                 parent->name, name);
  return TRUE;
}

/**
 * fg_region_format_label:
 * @level: the region's level
 * @name: its name
 * @village_name: (nullable): for a grid, the name of its village
 *
 * How a region is named where it stands alone, as an account's area: a
 * grid with its village ("神垕村 › 第一网格"), as each village has its
 * 第一网格; any other region by its name.
 *
 * Returns: (transfer full): the label
 */
char *
fg_region_format_label (FgRegionLevel  level,
                        const char    *name,
                        const char    *village_name)
{
  g_return_val_if_fail (name != NULL, NULL);

  if (level != FG_REGION_LEVEL_GRID || village_name == NULL || *village_name == '\0')
    return g_strdup (name);

  /* Translators: a grid named with its village, e.g. "神垕村 › 第一网格" */
  return g_strdup_printf (_("%s › %s"), village_name, name);
}

static FgRegion *
load_region (FgStore     *store,
             const char  *sql,
             const char  *key,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return region_from_row (stmt);

  if (rc != SQLITE_DONE)
    fg_store_set_error (store, rc, error);
  else
    g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_NOT_FOUND,
                 _("There is no region “%s”. Check its code."),
                 key);
  return NULL;
}

/* Finds a region by id or code, without asking who wants it: for the
 * core's own use. */
FgRegion *
fg_region_find (FgStore     *store,
                const char  *id_or_code,
                GError     **error)
{
  g_autofree char *padded = NULL;
  gsize len;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (id_or_code != NULL, NULL);

  len = strlen (id_or_code);
  if ((len == 6 || len == 9) && strspn (id_or_code, "0123456789") == len)
    {
      padded = g_strnfill (12, '0');
      memcpy (padded, id_or_code, len);
      id_or_code = padded;
    }

  if (strlen (id_or_code) == 36 && id_or_code[8] == '-')
    return load_region (store,
                        "SELECT " REGION_COLUMNS " FROM region WHERE id = ?1 AND deleted = 0",
                        id_or_code, error);

  return load_region (store,
                      "SELECT " REGION_COLUMNS " FROM region WHERE code = ?1 AND deleted = 0",
                      id_or_code, error);
}

/**
 * fg_region_lookup:
 * @store: the store
 * @actor: who asks
 * @id_or_code: a region's id, its division code (6, 9 or 12 digits) or a
 *   grid's code
 * @error: return location for an error
 *
 * A region is visible to an actor when it lies in the actor's scope or
 * above it (a grid worker sees its village and township, to find its grid).
 *
 * Returns: (transfer full): the region, or %NULL with @error set
 */
FgRegion *
fg_region_lookup (FgStore     *store,
                  FgActor     *actor,
                  const char  *id_or_code,
                  GError     **error)
{
  g_autoptr(FgRegion) region = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (id_or_code != NULL, NULL);

  region = fg_region_find (store, id_or_code, error);
  if (region == NULL ||
      !fg_permission_check_visible (store, actor, FG_ACTION_REGION_READ,
                                    region->code, region->id, error))
    return NULL;

  return g_steal_pointer (&region);
}

/**
 * fg_region_list_children:
 * @store: the store
 * @actor: who asks
 * @parent_id: (nullable): the parent's id, or %NULL for the top regions
 * @include_retired: whether retired regions are listed too
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type FgRegion): the children that the
 *   actor may see, by code
 */
GPtrArray *
fg_region_list_children (FgStore     *store,
                         FgActor     *actor,
                         const char  *parent_id,
                         gboolean     include_retired,
                         GError     **error)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  if (!fg_permission_check (store, actor, FG_ACTION_REGION_READ, NULL, parent_id, error))
    return NULL;

  stmt = fg_store_prepare (store,
                           "SELECT " REGION_COLUMNS " FROM region"
                           " WHERE parent_id IS ?1 AND deleted = 0 AND (?2 OR retired = 0)"
                           " ORDER BY code",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, parent_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, include_retired);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (fg_actor_sees_code (actor, fg_stmt_text (stmt, 3)))
        g_ptr_array_add (children, region_from_row (stmt));
    }

  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&children);
}

static gboolean
insert_region (FgStore        *store,
               FgActor        *actor,
               const char     *id,
               const char     *parent_id,
               FgRegionLevel   level,
               const char     *code,
               const char     *name,
               GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = fg_store_next_stamp (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) exists = NULL;

  exists = fg_store_prepare (store, "SELECT name FROM region WHERE code = ?1 AND deleted = 0", error);
  if (exists == NULL)
    return FALSE;
  sqlite3_bind_text (exists, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (exists) == SQLITE_ROW)
    {
      g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_DUPLICATE_CODE,
                   _("The code %s is already used by “%s”."),
                   code, fg_stmt_text (exists, 0));
      return FALSE;
    }

  stmt = fg_store_prepare (store,
                           "INSERT INTO region (id, parent_id, level, code, name, code_year,"
                           "                    origin_node, stamp, name_key)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, fg_collate_key (?5))",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, parent_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, level);
  sqlite3_bind_text (stmt, 4, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, name, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, g_date_time_get_year (now));
  sqlite3_bind_text (stmt, 7, fg_store_get_node_id (store), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, stamp, -1, SQLITE_STATIC);

  if (!fg_store_step_done (store, stmt, error))
    return FALSE;

  {
    g_autofree char *after = fg_audit_dup_row (store, "region", id);
    return fg_audit_record_change (store, actor, "region-add", id, NULL, after, error);
  }
}

/* This installation's node, made in the set-up transaction: its kind now,
 * its division (scope_region_id) once that region exists. */
static gboolean
insert_node (FgStore     *store,
             const char  *kind,
             GError     **error)
{
  g_autofree char *node_id = fg_uuid_new ();
  g_autofree char *created_at = fg_store_now_iso8601 (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = fg_store_prepare (store, "INSERT INTO node (id, kind, created_at) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, node_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, created_at, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    return FALSE;
  fg_store_reload_node (store);
  return TRUE;
}

/* The node's division. Its key pair comes with the office's set-up
 * (fg-office.c), in the same transaction. */
static gboolean
finish_node (FgStore     *store,
             const char  *scope_region_id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = fg_store_prepare (store, "UPDATE node SET scope_region_id = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, scope_region_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, fg_store_get_node_id (store), -1, SQLITE_STATIC);
  return fg_store_step_done (store, stmt, error);
}

static gboolean
refuse_second_set_up (FgStore  *store,
                      GError  **error)
{
  if (!fg_store_is_set_up (store))
    return FALSE;
  g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_ALREADY_SET_UP,
               _("This database has already been set up."));
  return TRUE;
}

/**
 * fg_region_set_up_township: (skip)
 * @store: a store that has not been set up
 * @actor: who sets it up
 * @township_code: the township's division code (9 or 12 digits)
 * @township_name: the township's name, e.g. "柳林镇"
 * @county_name: the county's name, e.g. "郏县"
 * @error: return location for an error
 *
 * Makes this installation a township office: creates the node, its county
 * and its township, the root of everything it records. The program sets
 * up through fg_office_set_up_township(), which makes the node's keys too.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_region_set_up_township (FgStore     *store,
                           FgActor     *actor,
                           const char  *township_code,
                           const char  *township_name,
                           const char  *county_name,
                           GError     **error)
{
  g_autofree char *code = NULL;
  g_autofree char *county_code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *county = NULL;
  g_autofree char *county_id = fg_uuid_new ();
  g_autofree char *township_id = fg_uuid_new ();

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  if (refuse_second_set_up (store, error))
    return FALSE;

  code = fg_division_code_normalize (township_code, FG_REGION_LEVEL_TOWNSHIP, NULL, error);
  if (code == NULL)
    return FALSE;
  name = fg_region_check_division_name (township_name, FG_REGION_LEVEL_TOWNSHIP, error);
  if (name == NULL)
    return FALSE;

  county_code = g_strdup_printf ("%.6s000000", code);
  county = fg_region_check_division_name (county_name, FG_REGION_LEVEL_COUNTY, error);
  if (county == NULL)
    return FALSE;

  if (!fg_store_begin (store, error))
    return FALSE;
  if (!insert_node (store, "township", error) ||
      !insert_region (store, actor, county_id, NULL, FG_REGION_LEVEL_COUNTY, county_code, county, error) ||
      !insert_region (store, actor, township_id, county_id, FG_REGION_LEVEL_TOWNSHIP, code, name, error) ||
      !finish_node (store, township_id, error))
    goto failed;
  if (!fg_store_commit (store, error))
    return FALSE;

  fg_store_reload_node (store);
  return TRUE;

failed:
  fg_store_rollback (store);
  fg_store_reload_node (store);
  return FALSE;
}

/**
 * fg_region_set_up_county: (skip)
 * @store: a store that has not been set up
 * @actor: who sets it up
 * @county_code: the county's division code (6 or 12 digits)
 * @county_name: the county's name, e.g. "郏县"
 * @error: return location for an error
 *
 * Makes this installation a county office: the node and the county, under
 * which the townships' bundles bring their records (see
 * fg_office_set_up_county()).
 *
 * Returns: %TRUE on success
 */
gboolean
fg_region_set_up_county (FgStore     *store,
                         FgActor     *actor,
                         const char  *county_code,
                         const char  *county_name,
                         GError     **error)
{
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *county_id = fg_uuid_new ();

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  if (refuse_second_set_up (store, error))
    return FALSE;
  code = fg_division_code_normalize (county_code, FG_REGION_LEVEL_COUNTY, NULL, error);
  if (code == NULL)
    return FALSE;
  name = fg_region_check_division_name (county_name, FG_REGION_LEVEL_COUNTY, error);
  if (name == NULL)
    return FALSE;

  if (!fg_store_begin (store, error))
    return FALSE;
  if (!insert_node (store, "county", error) ||
      !insert_region (store, actor, county_id, NULL, FG_REGION_LEVEL_COUNTY, code, name, error) ||
      !finish_node (store, county_id, error))
    goto failed;
  if (!fg_store_commit (store, error))
    return FALSE;

  fg_store_reload_node (store);
  return TRUE;

failed:
  fg_store_rollback (store);
  fg_store_reload_node (store);
  return FALSE;
}

/* A grid's code is its village's twelve digits, a hyphen and the grid's
 * number inside the village in three digits; numbers run from 1 to
 * GRID_NUMBER_MAX. */
#define GRID_NUMBER_MAX 999

static char *
format_grid_code (const char *village_code,
                  guint       number)
{
  return g_strdup_printf ("%s-%03u", village_code, number);
}

/**
 * fg_grid_code_normalize:
 * @text: a grid's code as typed, "410425101201-003" or "410425101201-3"
 * @error: return location for an error
 *
 * Returns: (transfer full): the code as its village's 12 digits, a hyphen
 *   and three digits, or %NULL with @error set
 */
char *
fg_grid_code_normalize (const char  *text,
                        GError     **error)
{
  g_autofree char *typed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_auto(GStrv) parts = g_strsplit (typed, "-", -1);
  g_autofree char *village = NULL;
  guint64 number = 0;

  if (g_strv_length (parts) != 2 || strlen (parts[1]) == 0 || strlen (parts[1]) > 3 ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, GRID_NUMBER_MAX, &number, NULL))
    {
      g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_CODE,
                   _("“%s” is not a grid’s code. A grid’s code is its village’s 12-digit code, a hyphen and the "
                     "grid’s number, e.g. 410425101201-003; the township office can tell you."),
                   text != NULL ? text : "");
      return NULL;
    }
  village = fg_division_code_normalize (parts[0], FG_REGION_LEVEL_VILLAGE, NULL, error);
  if (village == NULL)
    return NULL;
  return format_grid_code (village, (guint) number);
}

/**
 * fg_region_set_up_grid: (skip)
 * @store: a store that has not been set up
 * @actor: who sets it up
 * @grid_code: the grid's code as its township numbered it
 * @grid_name: (nullable): the grid's name, when known
 * @error: return location for an error
 *
 * Makes this installation a grid station: the node, its grid and the
 * divisions above it. Those are named by their codes until the
 * township's first bundle brings their names (see the bundle import and
 * fg_office_set_up_grid()).
 *
 * Returns: %TRUE on success
 */
gboolean
fg_region_set_up_grid (FgStore     *store,
                       FgActor     *actor,
                       const char  *grid_code,
                       const char  *grid_name,
                       GError     **error)
{
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *county_code = NULL;
  g_autofree char *township_code = NULL;
  g_autofree char *village_code = NULL;
  g_autofree char *county_id = fg_uuid_new ();
  g_autofree char *township_id = fg_uuid_new ();
  g_autofree char *village_id = fg_uuid_new ();
  g_autofree char *grid_id = fg_uuid_new ();
  g_autofree char *county_name = NULL;
  g_autofree char *township_name = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  if (refuse_second_set_up (store, error))
    return FALSE;
  code = fg_grid_code_normalize (grid_code, error);
  if (code == NULL)
    return FALSE;
  if (grid_name != NULL && *grid_name != '\0')
    {
      name = check_name (grid_name, error);
      if (name == NULL)
        return FALSE;
    }
  else
    name = g_strdup (code);

  county_code = g_strdup_printf ("%.6s000000", code);
  township_code = g_strdup_printf ("%.9s000", code);
  village_code = g_strndup (code, 12);
  county_name = g_strndup (code, 6);
  township_name = g_strndup (code, 9);

  if (!fg_store_begin (store, error))
    return FALSE;
  if (!insert_node (store, "grid", error) ||
      !insert_region (store, actor, county_id, NULL, FG_REGION_LEVEL_COUNTY, county_code, county_name, error) ||
      !insert_region (store, actor, township_id, county_id, FG_REGION_LEVEL_TOWNSHIP,
                      township_code, township_name, error) ||
      !insert_region (store, actor, village_id, township_id, FG_REGION_LEVEL_VILLAGE,
                      village_code, village_code, error) ||
      !insert_region (store, actor, grid_id, village_id, FG_REGION_LEVEL_GRID, code, name, error) ||
      !finish_node (store, grid_id, error))
    goto failed;
  if (!fg_store_commit (store, error))
    return FALSE;

  fg_store_reload_node (store);
  return TRUE;

failed:
  fg_store_rollback (store);
  fg_store_reload_node (store);
  return FALSE;
}

static void
set_wrong_level_error (GError        **error,
                       FgRegion       *region,
                       FgRegionLevel   expected)
{
  switch (expected)
    {
    case FG_REGION_LEVEL_COUNTY:
      g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_WRONG_LEVEL,
                   _("“%s” is not a county."), region->name);
      break;
    case FG_REGION_LEVEL_TOWNSHIP:
      g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_WRONG_LEVEL,
                   _("“%s” is not a township or street."), region->name);
      break;
    case FG_REGION_LEVEL_VILLAGE:
      g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_WRONG_LEVEL,
                   _("“%s” is not a village or community."), region->name);
      break;
    case FG_REGION_LEVEL_GRID:
    default:
      g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_WRONG_LEVEL,
                   _("“%s” is not a grid."), region->name);
      break;
    }
}

/* Loads a region that a change may touch: it must exist, be of the
 * expected level, lie inside this node's township, and the actor must be
 * allowed @action there. */
FgRegion *
fg_region_load_for_change (FgStore        *store,
                           FgActor        *actor,
                           FgAction        action,
                           const char     *id,
                           FgRegionLevel   level,
                           GError        **error)
{
  g_autoptr(FgRegion) region = NULL;
  g_autoptr(FgRegion) home = NULL;
  const char *home_id = fg_store_get_home_region_id (store);

  if (home_id == NULL)
    {
      g_set_error (error, FG_STORE_ERROR, FG_STORE_ERROR_NOT_SET_UP,
                   _("Set up the township first."));
      return NULL;
    }

  region = fg_region_find (store, id, error);
  if (region == NULL)
    return NULL;

  if (level != 0 && region->level != level)
    {
      set_wrong_level_error (error, region, level);
      return NULL;
    }

  home = fg_region_find (store, home_id, error);
  if (home == NULL)
    return NULL;

  /* Every region below the township shares its first nine digits. */
  if (region->level < home->level || strncmp (region->code, home->code, 9) != 0)
    {
      g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_OUT_OF_SCOPE,
                   _("“%s” is outside %s, so it cannot be changed here."),
                   region->name, home->name);
      return NULL;
    }

  if (!fg_permission_check (store, actor, action, region->code, region->id, error))
    return NULL;

  return g_steal_pointer (&region);
}

/**
 * fg_region_add_village:
 * @store: the store
 * @actor: who adds it
 * @township_id: the township (id or code)
 * @code: the village's or community's 12-digit division code
 * @name: its name, e.g. "柳林村" or "幸福路社区"
 * @error: return location for an error
 *
 * Returns: (transfer full): the new village, or %NULL with @error set
 */
FgRegion *
fg_region_add_village (FgStore     *store,
                       FgActor     *actor,
                       const char  *township_id,
                       const char  *code,
                       const char  *name,
                       GError     **error)
{
  g_autoptr(FgRegion) township = NULL;
  g_autofree char *clean_code = NULL;
  g_autofree char *clean_name = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  township = fg_region_load_for_change (store, actor, FG_ACTION_REGION_EDIT,
                                        township_id, FG_REGION_LEVEL_TOWNSHIP, error);
  if (township == NULL)
    return NULL;

  clean_code = fg_division_code_normalize (code, FG_REGION_LEVEL_VILLAGE, township->code, error);
  if (clean_code == NULL)
    return NULL;
  clean_name = check_name (name, error);
  if (clean_name == NULL)
    return NULL;

  id = fg_uuid_new ();

  if (!fg_store_begin (store, error))
    return NULL;
  if (refuse_duplicate_name (store, township, FG_REGION_LEVEL_VILLAGE, clean_name, NULL, FALSE, error) ||
      !insert_region (store, actor, id, township->id, FG_REGION_LEVEL_VILLAGE,
                      clean_code, clean_name, error))
    {
      fg_store_rollback (store);
      return NULL;
    }
  if (!fg_store_commit (store, error))
    return NULL;

  return fg_region_find (store, id, error);
}

static char *
next_grid_code (FgStore     *store,
                FgRegion    *village,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int number = 1;

  /* Numbers are never reused inside a village, retired grids included, so
   * that a paper record naming "网格 3" never points to another grid. */
  stmt = fg_store_prepare (store,
                           "SELECT max (CAST (substr (code, 14) AS INTEGER)) FROM region"
                           " WHERE level = 4 AND substr (code, 1, 12) = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, village->code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    number = sqlite3_column_int (stmt, 0) + 1;

  if (number > GRID_NUMBER_MAX)
    {
      g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_INVALID_CODE,
                   _("%s already has 999 grids."), village->name);
      return NULL;
    }

  return format_grid_code (village->code, (guint) number);
}

/**
 * fg_region_add_grid:
 * @store: the store
 * @actor: who adds it
 * @village_id: the village (id or code)
 * @name: the grid's name, e.g. "第一网格"
 * @error: return location for an error
 *
 * Grids have no national code: they are numbered inside their village.
 *
 * Returns: (transfer full): the new grid, or %NULL with @error set
 */
FgRegion *
fg_region_add_grid (FgStore     *store,
                    FgActor     *actor,
                    const char  *village_id,
                    const char  *name,
                    GError     **error)
{
  g_autoptr(FgRegion) village = NULL;
  g_autofree char *clean_name = NULL;
  g_autofree char *code = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  village = fg_region_load_for_change (store, actor, FG_ACTION_REGION_EDIT,
                                       village_id, FG_REGION_LEVEL_VILLAGE, error);
  if (village == NULL)
    return NULL;
  if (village->retired)
    {
      g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_RETIRED,
                   _("%s has been retired; grids cannot be added to it."), village->name);
      return NULL;
    }

  clean_name = check_name (name, error);
  if (clean_name == NULL)
    return NULL;

  id = fg_uuid_new ();

  if (!fg_store_begin (store, error))
    return NULL;

  if (refuse_duplicate_name (store, village, FG_REGION_LEVEL_GRID, clean_name, NULL, FALSE, error))
    {
      fg_store_rollback (store);
      return NULL;
    }

  code = next_grid_code (store, village, error);
  if (code == NULL ||
      !insert_region (store, actor, id, village->id, FG_REGION_LEVEL_GRID, code, clean_name, error))
    {
      fg_store_rollback (store);
      return NULL;
    }

  if (!fg_store_commit (store, error))
    return NULL;

  return fg_region_find (store, id, error);
}

/**
 * fg_region_rename:
 * @store: the store
 * @actor: who renames it
 * @region_id: the region (id or code)
 * @name: the new name
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
fg_region_rename (FgStore     *store,
                  FgActor     *actor,
                  const char  *region_id,
                  const char  *name,
                  GError     **error)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(FgRegion) region = NULL;
  g_autofree char *clean_name = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  region = fg_region_find (store, region_id, error);
  if (region == NULL)
    return FALSE;

  /* The county above the township is named here too (set-up may not have
   * known its name); everything else must lie inside the township. */
  if (region->level == FG_REGION_LEVEL_COUNTY)
    {
      if (!fg_permission_check_visible (store, actor, FG_ACTION_REGION_EDIT,
                                        region->code, region->id, error))
        return FALSE;
    }
  else
    {
      g_clear_object (&region);
      region = fg_region_load_for_change (store, actor, FG_ACTION_REGION_EDIT, region_id, 0, error);
      if (region == NULL)
        return FALSE;
    }

  if (region->level == FG_REGION_LEVEL_COUNTY || region->level == FG_REGION_LEVEL_TOWNSHIP)
    clean_name = check_division_name (name, error);
  else
    clean_name = check_name (name, error);
  if (clean_name == NULL)
    return FALSE;
  if (g_strcmp0 (clean_name, region->name) == 0)
    return TRUE;

  if (!fg_store_begin (store, error))
    return FALSE;

  if (region->level >= FG_REGION_LEVEL_VILLAGE)
    {
      g_autoptr(FgRegion) parent = fg_region_find (store, region->parent_id, error);

      if (parent == NULL ||
          refuse_duplicate_name (store, parent, region->level, clean_name, region->id, FALSE, error))
        goto failed;
    }

  before = fg_audit_dup_row (store, "region", region->id);

  stamp = fg_store_next_stamp (store);
  stmt = fg_store_prepare (store, "UPDATE region SET name = ?1, name_key = fg_collate_key (?1),"
                                " base_stamp = stamp, stamp = ?2 WHERE id = ?3", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, clean_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, stamp, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, region->id, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    goto failed;

  after = fg_audit_dup_row (store, "region", region->id);
  if (!fg_audit_record_change (store, actor, "region-rename", region->id, before, after, error))
    goto failed;

  return fg_store_commit (store, error);

failed:
  fg_store_rollback (store);
  return FALSE;
}

/**
 * fg_region_move_grid:
 * @store: the store
 * @actor: who moves it
 * @grid_id: the grid (id or code)
 * @village_id: the village it moves to (id or code)
 * @error: return location for an error
 *
 * Moves a grid, with its venues, to another village of the township. The
 * grid takes the next free number in its new village.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_region_move_grid (FgStore     *store,
                     FgActor     *actor,
                     const char  *grid_id,
                     const char  *village_id,
                     GError     **error)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgRegion) village = NULL;
  g_autofree char *code = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) venues = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  grid = fg_region_load_for_change (store, actor, FG_ACTION_REGION_EDIT,
                                    grid_id, FG_REGION_LEVEL_GRID, error);
  if (grid == NULL)
    return FALSE;
  village = fg_region_load_for_change (store, actor, FG_ACTION_REGION_EDIT,
                                       village_id, FG_REGION_LEVEL_VILLAGE, error);
  if (village == NULL)
    return FALSE;
  if (g_strcmp0 (grid->parent_id, village->id) == 0)
    return TRUE;
  if (village->retired)
    {
      g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_RETIRED,
                   _("%s has been retired; grids cannot be moved to it."), village->name);
      return FALSE;
    }

  if (!fg_store_begin (store, error))
    return FALSE;

  /* the grid keeps its name as it moves */
  if (refuse_duplicate_name (store, village, FG_REGION_LEVEL_GRID, grid->name, grid->id, TRUE, error))
    goto failed;

  before = fg_audit_dup_row (store, "region", grid->id);

  code = next_grid_code (store, village, error);
  if (code == NULL)
    goto failed;

  stamp = fg_store_next_stamp (store);
  stmt = fg_store_prepare (store,
                           "UPDATE region SET parent_id = ?1, code = ?2, base_stamp = stamp, stamp = ?3 WHERE id = ?4",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, village->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, stamp, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, grid->id, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    goto failed;

  /* The venues keep their grid; only the path kept for filtering changes,
   * so their update stamps stay as they are. */
  venues = fg_store_prepare (store, "UPDATE venue SET village_id = ?1 WHERE grid_id = ?2", error);
  if (venues == NULL)
    goto failed;
  sqlite3_bind_text (venues, 1, village->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (venues, 2, grid->id, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, venues, error))
    goto failed;

  after = fg_audit_dup_row (store, "region", grid->id);
  if (!fg_audit_record_change (store, actor, "region-move", grid->id, before, after, error))
    goto failed;

  return fg_store_commit (store, error);

failed:
  fg_store_rollback (store);
  return FALSE;
}

/* Whether @region may be retired now: a village or grid with no grid in
 * use and no open venue. @n_venues_kept: its venues that are closed or
 * moved away, which stay recorded under it. */
static gboolean
check_retire (FgStore   *store,
              FgRegion  *region,
              guint     *n_venues_kept,
              GError   **error)
{
  g_autoptr(sqlite3_stmt) count = NULL;
  int n_grids = 0;
  int n_venues = 0;
  int n_kept = 0;
  int rc;

  if (region->level < FG_REGION_LEVEL_VILLAGE)
    {
      g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_WRONG_LEVEL,
                   _("Only villages, communities and grids can be retired."));
      return FALSE;
    }

  count = fg_store_prepare (store,
                            "SELECT (SELECT count(*) FROM region"
                            "         WHERE parent_id = ?1 AND retired = 0 AND deleted = 0),"
                            "       (SELECT count(*) FROM venue"
                            "         WHERE (village_id = ?1 OR grid_id = ?1)"
                            "           AND status = 'active' AND deleted = 0),"
                            "       (SELECT count(*) FROM venue"
                            "         WHERE (village_id = ?1 OR grid_id = ?1)"
                            "           AND status <> 'active' AND deleted = 0)",
                            error);
  if (count == NULL)
    return FALSE;
  sqlite3_bind_text (count, 1, region->id, -1, SQLITE_STATIC);
  rc = sqlite3_step (count);
  if (rc != SQLITE_ROW)
    {
      fg_store_set_error (store, rc, error);
      return FALSE;
    }
  n_grids = sqlite3_column_int (count, 0);
  n_venues = sqlite3_column_int (count, 1);
  n_kept = sqlite3_column_int (count, 2);

  if (n_grids > 0)
    {
      g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_NOT_EMPTY,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s still has %d grid in use. Move or retire it first.",
                                "%s still has %d grids in use. Move or retire them first.",
                                n_grids),
                   region->name, n_grids);
      return FALSE;
    }
  if (n_venues > 0)
    {
      g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_NOT_EMPTY,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s still has %d open venue. Move it to another village or grid first.",
                                "%s still has %d open venues. Move them to another village or grid first.",
                                n_venues),
                   region->name, n_venues);
      return FALSE;
    }

  if (n_venues_kept != NULL)
    *n_venues_kept = (guint) n_kept;
  return TRUE;
}

/**
 * fg_region_check_retire:
 * @store: the store
 * @actor: who would retire it
 * @region_id: the village or grid (id or code)
 * @n_venues_kept: (out) (optional): its venues that are closed or moved
 *   away: they stay recorded under it, with their inspections, hazards
 *   and documents
 * @error: return location for an error
 *
 * Says, before anyone confirms, whether fg_region_retire() would retire
 * the region, and if not why (the same refusal). Changes nothing.
 *
 * Returns: %TRUE if it may be retired now
 */
gboolean
fg_region_check_retire (FgStore     *store,
                        FgActor     *actor,
                        const char  *region_id,
                        guint       *n_venues_kept,
                        GError     **error)
{
  g_autoptr(FgRegion) region = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (region_id != NULL, FALSE);

  region = fg_region_load_for_change (store, actor, FG_ACTION_REGION_EDIT, region_id, 0, error);
  if (region == NULL)
    return FALSE;
  if (region->retired)
    {
      g_set_error (error, FG_REGION_ERROR, FG_REGION_ERROR_RETIRED,
                   _("%s has been retired already."), region->name);
      return FALSE;
    }

  return check_retire (store, region, n_venues_kept, error);
}

/**
 * fg_region_retire:
 * @store: the store
 * @actor: who retires it
 * @region_id: the village or grid (id or code)
 * @error: return location for an error
 *
 * Retires a village or grid that no longer exists (merged, renamed by a
 * new code set). It stays in the records of the past but takes no new
 * grids or venues. A region that still has active grids or venues is
 * refused: move them first.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_region_retire (FgStore     *store,
                  FgActor     *actor,
                  const char  *region_id,
                  GError     **error)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(FgRegion) region = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  region = fg_region_load_for_change (store, actor, FG_ACTION_REGION_EDIT, region_id, 0, error);
  if (region == NULL)
    return FALSE;
  if (region->level >= FG_REGION_LEVEL_VILLAGE && region->retired)
    return TRUE;
  if (!check_retire (store, region, NULL, error))
    return FALSE;

  if (!fg_store_begin (store, error))
    return FALSE;

  before = fg_audit_dup_row (store, "region", region->id);

  stamp = fg_store_next_stamp (store);
  stmt = fg_store_prepare (store, "UPDATE region SET retired = 1, base_stamp = stamp, stamp = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, stamp, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, region->id, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    goto failed;

  after = fg_audit_dup_row (store, "region", region->id);
  if (!fg_audit_record_change (store, actor, "region-retire", region->id, before, after, error))
    goto failed;

  return fg_store_commit (store, error);

failed:
  fg_store_rollback (store);
  return FALSE;
}

/**
 * fg_region_can_change:
 * @store: the store
 * @actor: who looks
 * @region: a region the actor sees
 *
 * Whether the actor may add to, rename, move or retire @region: what a
 * window asks before it offers those actions. It writes no refusal down;
 * each change still makes its own checks.
 *
 * Returns: %TRUE if @region lies in this installation's township, inside
 *   the actor's area, and the actor's role may change the division tree
 */
gboolean
fg_region_can_change (FgStore  *store,
                      FgActor  *actor,
                      FgRegion *region)
{
  const char *home_id;
  g_autoptr(FgRegion) home = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (FG_IS_REGION (region), FALSE);

  if (!fg_actor_can (actor, FG_ACTION_REGION_EDIT))
    return FALSE;
  if (fg_actor_get_kind (actor) == FG_ACTOR_KIND_INSTALLER && fg_store_has_accounts (store))
    return FALSE;

  /* a county's or a grid station's tree comes with the townships' bundles */
  home_id = fg_store_get_home_region_id (store);
  if (home_id == NULL)
    return FALSE;
  home = fg_region_find (store, home_id, NULL);
  if (home == NULL || home->level != FG_REGION_LEVEL_TOWNSHIP)
    return FALSE;

  return region->level >= FG_REGION_LEVEL_TOWNSHIP &&
         !region->retired &&
         strncmp (region->code, home->code, 9) == 0 &&
         fg_actor_covers_code (actor, region->code);
}
