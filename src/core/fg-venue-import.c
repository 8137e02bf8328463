/* fg-venue-import.c — venues from an office's spreadsheet (场所批量导入)
 *
 * An import goes in three steps, so that a window can show each: the
 * sheet's columns are mapped to venue fields (guessed from the header,
 * which need not be the first row: a merged title often sits above it);
 * every row is checked by the rules of a venue typed in, against the
 * office's villages and grids, and compared with the registry and the
 * rows above it for likely duplicates; then the rows are stored in one
 * transaction, recorded in the audit log as one import with the file's
 * SHA-256 digest.
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fg-audit-private.h"
#include "fg-category.h"
#include "fg-permission-private.h"
#include "fg-region.h"
#include "fg-store-private.h"
#include "fg-venue-import.h"
#include "fg-venue-private.h"

/* The header is looked for among the first rows. */
#define HEADER_SEARCH_ROWS 20
/* Progress and cancellation are looked at every so many rows. */
#define ROWS_PER_STEP 256

typedef struct
{
  guint sheet_row;
  guint line;
  FgImportRowState state;
  FgImportDuplicateChoice choice;
  char *message;
  char *duplicate_id;     /* a registered venue */
  guint duplicate_line;   /* a row above, 0 when none */
  guint filled;           /* bit per FgImportField the row gives a value for */
  FgVenue *venue;         /* in its stored form, unless refused */
  const char *region_id;  /* interned in the import's region table */
} ImportRow;

typedef struct
{
  char *id;
  char *parent_id;
  FgRegionLevel level;
  char *name;
  char *code;
  gboolean retired;
  /* what the permission check said for venues here; NULL when allowed */
  GError *refusal;
  gboolean checked;
} RegionEntry;

struct _FgVenueImport
{
  GObject parent_instance;

  FgWorkbook *workbook;
  FgSheet *sheet;
  guint header_row;
  GArray *fields;        /* FgImportField per column */

  GHashTable *words[2];  /* word → target, per FgImportWordKind */
  GHashTable *set_words[2];  /* the ones said during this import: remembered */
  GHashTable *unknown[2];    /* words met and not understood */

  GArray *rows;          /* ImportRow */
  gboolean checked;

  /* the office's regions, while checking */
  GHashTable *regions;         /* id → RegionEntry */
  GHashTable *village_names;   /* short name → GPtrArray of RegionEntry */
  GHashTable *grid_names;      /* short name → GPtrArray of RegionEntry */
};

G_DEFINE_FINAL_TYPE (FgVenueImport, fg_venue_import, G_TYPE_OBJECT)

G_DEFINE_QUARK (fg-venue-import-error-quark, fg_venue_import_error)

static const char * const word_kinds[] = { "category", "region" };

/* --- fields -------------------------------------------------------------- */

static const char * const field_ids[FG_IMPORT_N_FIELDS] = {
  "none", "name", "address", "operator", "phone", "credit-code", "village", "grid",
  "category", "floor-area", "floors", "sleeping", "key-unit", "smoke-alarm",
};

const char *
fg_import_field_to_string (FgImportField field)
{
  g_return_val_if_fail (field < FG_IMPORT_N_FIELDS, NULL);
  return field_ids[field];
}

gboolean
fg_import_field_from_string (const char    *text,
                             FgImportField *field)
{
  for (guint i = 0; i < FG_IMPORT_N_FIELDS; i++)
    {
      if (g_strcmp0 (text, field_ids[i]) == 0)
        {
          *field = i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * fg_import_field_get_label:
 *
 * Returns: the field's name in the user's language
 */
const char *
fg_import_field_get_label (FgImportField field)
{
  switch (field)
    {
    case FG_IMPORT_FIELD_NONE:
      return C_("import field", "Not imported");
    case FG_IMPORT_FIELD_NAME:
      return C_("import field", "Venue name");
    case FG_IMPORT_FIELD_ADDRESS:
      return C_("import field", "Address");
    case FG_IMPORT_FIELD_OPERATOR:
      return C_("import field", "Person in charge");
    case FG_IMPORT_FIELD_PHONE:
      return C_("import field", "Phone");
    case FG_IMPORT_FIELD_CREDIT_CODE:
      return C_("import field", "Unified social credit code");
    case FG_IMPORT_FIELD_VILLAGE:
      return C_("import field", "Village or community");
    case FG_IMPORT_FIELD_GRID:
      return C_("import field", "Grid");
    case FG_IMPORT_FIELD_CATEGORY:
      return C_("import field", "Category");
    case FG_IMPORT_FIELD_FLOOR_AREA:
      return C_("import field", "Floor area");
    case FG_IMPORT_FIELD_FLOORS:
      return C_("import field", "Floors");
    case FG_IMPORT_FIELD_SLEEPING:
      return C_("import field", "People sleeping on site");
    case FG_IMPORT_FIELD_KEY_UNIT:
      return C_("import field", "Key unit");
    case FG_IMPORT_FIELD_SMOKE_ALARM:
      return C_("import field", "Smoke alarm");
    case FG_IMPORT_N_FIELDS:
    default:
      return "";
    }
}

/* Header words, tried in this order: the first that the header contains
 * wins (联系电话 before 联系人, 负责人电话 is a phone). */
static const struct
{
  const char *word;
  FgImportField field;
} header_words[] = {
  { "序号", FG_IMPORT_FIELD_NONE },
  { "网格员", FG_IMPORT_FIELD_NONE },
  { "信用代码", FG_IMPORT_FIELD_CREDIT_CODE },
  { "统一代码", FG_IMPORT_FIELD_CREDIT_CODE },
  { "执照号", FG_IMPORT_FIELD_CREDIT_CODE },
  { "电话", FG_IMPORT_FIELD_PHONE },
  { "手机", FG_IMPORT_FIELD_PHONE },
  { "联系方式", FG_IMPORT_FIELD_PHONE },
  { "重点单位", FG_IMPORT_FIELD_KEY_UNIT },
  { "烟感", FG_IMPORT_FIELD_SMOKE_ALARM },
  { "火灾报警", FG_IMPORT_FIELD_SMOKE_ALARM },
  { "住人", FG_IMPORT_FIELD_SLEEPING },
  { "住宿", FG_IMPORT_FIELD_SLEEPING },
  { "面积", FG_IMPORT_FIELD_FLOOR_AREA },
  { "层数", FG_IMPORT_FIELD_FLOORS },
  { "楼层", FG_IMPORT_FIELD_FLOORS },
  { "网格", FG_IMPORT_FIELD_GRID },
  { "村", FG_IMPORT_FIELD_VILLAGE },
  { "社区", FG_IMPORT_FIELD_VILLAGE },
  { "地址", FG_IMPORT_FIELD_ADDRESS },
  { "住址", FG_IMPORT_FIELD_ADDRESS },
  { "位置", FG_IMPORT_FIELD_ADDRESS },
  { "负责人", FG_IMPORT_FIELD_OPERATOR },
  { "法定代表人", FG_IMPORT_FIELD_OPERATOR },
  { "法人", FG_IMPORT_FIELD_OPERATOR },
  { "经营者", FG_IMPORT_FIELD_OPERATOR },
  { "业主", FG_IMPORT_FIELD_OPERATOR },
  { "联系人", FG_IMPORT_FIELD_OPERATOR },
  { "类型", FG_IMPORT_FIELD_CATEGORY },
  { "类别", FG_IMPORT_FIELD_CATEGORY },
  { "行业", FG_IMPORT_FIELD_CATEGORY },
  { "业态", FG_IMPORT_FIELD_CATEGORY },
  { "名称", FG_IMPORT_FIELD_NAME },
  { "店名", FG_IMPORT_FIELD_NAME },
  { "场所", FG_IMPORT_FIELD_NAME },
};

/**
 * fg_import_field_guess:
 * @header: a column's header, as the sheet has it
 *
 * Returns: the field a header such as 场所名称, 单位名称, 联系电话,
 *   所属村/社区 or 建筑面积（㎡） names; %FG_IMPORT_FIELD_NONE when it
 *   names none
 */
FgImportField
fg_import_field_guess (const char *header)
{
  g_autoptr(GString) text = g_string_new (NULL);
  FgImportField field;

  /* without spaces, line breaks and the marks of a required column */
  for (const char *p = header != NULL ? header : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != '*' && c != 0x3000)
        g_string_append_unichar (text, c);
    }
  if (text->len == 0)
    return FG_IMPORT_FIELD_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (header_words); i++)
    if (strstr (text->str, header_words[i].word) != NULL)
      return header_words[i].field;

  /* the file may have been written by Firegrid or by hand in English */
  {
    g_autofree char *english = g_strstrip (g_ascii_strdown (header, -1));

    g_strdelimit (english, " _", '-');
    if (fg_import_field_from_string (english, &field))
      return field;
  }

  return FG_IMPORT_FIELD_NONE;
}

/* --- the object ---------------------------------------------------------- */

static void
import_row_clear (ImportRow *row)
{
  g_free (row->message);
  g_free (row->duplicate_id);
  g_clear_object (&row->venue);
}

static void
region_entry_free (RegionEntry *entry)
{
  g_free (entry->id);
  g_free (entry->parent_id);
  g_free (entry->name);
  g_free (entry->code);
  g_clear_error (&entry->refusal);
  g_free (entry);
}

static void
clear_regions (FgVenueImport *self)
{
  g_clear_pointer (&self->village_names, g_hash_table_unref);
  g_clear_pointer (&self->grid_names, g_hash_table_unref);
  g_clear_pointer (&self->regions, g_hash_table_unref);
}

static void
fg_venue_import_finalize (GObject *object)
{
  FgVenueImport *self = FG_VENUE_IMPORT (object);

  g_clear_object (&self->workbook);
  g_clear_object (&self->sheet);
  g_array_unref (self->fields);
  g_array_unref (self->rows);
  for (guint i = 0; i < 2; i++)
    {
      g_hash_table_unref (self->words[i]);
      g_hash_table_unref (self->set_words[i]);
      g_hash_table_unref (self->unknown[i]);
    }
  clear_regions (self);

  G_OBJECT_CLASS (fg_venue_import_parent_class)->finalize (object);
}

static void
fg_venue_import_class_init (FgVenueImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fg_venue_import_finalize;
}

static void
fg_venue_import_init (FgVenueImport *self)
{
  self->fields = g_array_new (FALSE, TRUE, sizeof (FgImportField));
  self->rows = g_array_new (FALSE, TRUE, sizeof (ImportRow));
  g_array_set_clear_func (self->rows, (GDestroyNotify) import_row_clear);
  for (guint i = 0; i < 2; i++)
    {
      self->words[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      self->set_words[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      self->unknown[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
}

/* Guesses every column's field from the header row; a field goes to the
 * first column that names it. */
static void
guess_fields (FgVenueImport *self)
{
  guint n_columns = fg_sheet_get_n_columns (self->sheet);

  g_array_set_size (self->fields, 0);
  g_array_set_size (self->fields, n_columns);
  for (guint column = 0; column < n_columns; column++)
    {
      FgImportField field = fg_import_field_guess (fg_venue_import_get_header (self, column));
      gboolean taken = FALSE;

      for (guint other = 0; other < column && field != FG_IMPORT_FIELD_NONE; other++)
        taken |= g_array_index (self->fields, FgImportField, other) == field;
      if (!taken)
        g_array_index (self->fields, FgImportField, column) = field;
    }
  self->checked = FALSE;
}

/**
 * fg_venue_import_new:
 * @workbook: the file
 * @sheet: its sheet of venues
 * @error: return location for an error
 *
 * Finds the header row (the first of the first rows that names at least
 * two venue fields, so that title rows above it are passed over) and
 * guesses the column mapping from it.
 *
 * Returns: (transfer full): the import, or %NULL with @error set when
 *   the sheet is empty
 */
FgVenueImport *
fg_venue_import_new (FgWorkbook  *workbook,
                     FgSheet     *sheet,
                     GError     **error)
{
  g_autoptr(FgVenueImport) self = NULL;
  guint best = 0, best_count = 0;

  g_return_val_if_fail (FG_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (FG_IS_SHEET (sheet), NULL);

  if (fg_sheet_get_n_rows (sheet) == 0)
    {
      g_set_error (error, FG_VENUE_IMPORT_ERROR, FG_VENUE_IMPORT_ERROR_NO_HEADER,
                   _("The sheet “%s” is empty."), fg_sheet_get_name (sheet));
      return NULL;
    }

  self = g_object_new (FG_TYPE_VENUE_IMPORT, NULL);
  self->workbook = g_object_ref (workbook);
  self->sheet = g_object_ref (sheet);

  for (guint row = 0; row < MIN (HEADER_SEARCH_ROWS, fg_sheet_get_n_rows (sheet)); row++)
    {
      guint count = 0;

      for (guint column = 0; column < fg_sheet_get_row_length (sheet, row); column++)
        count += fg_import_field_guess (fg_sheet_get_cell (sheet, row, column)) != FG_IMPORT_FIELD_NONE;
      if (count > best_count)
        {
          best = row;
          best_count = count;
        }
      if (count >= 3)
        break;
    }

  self->header_row = best;
  guess_fields (self);
  return g_steal_pointer (&self);
}

FgSheet *
fg_venue_import_get_sheet (FgVenueImport *self)
{
  g_return_val_if_fail (FG_IS_VENUE_IMPORT (self), NULL);
  return self->sheet;
}

/**
 * fg_venue_import_get_header_row:
 *
 * Returns: the row of the sheet (from 0, as fg_sheet_get_cell() counts)
 *   that names the columns; the rows below it are the venues
 */
guint
fg_venue_import_get_header_row (FgVenueImport *self)
{
  g_return_val_if_fail (FG_IS_VENUE_IMPORT (self), 0);
  return self->header_row;
}

/* Says which row names the columns, and guesses their fields again. */
void
fg_venue_import_set_header_row (FgVenueImport *self,
                                guint          row)
{
  g_return_if_fail (FG_IS_VENUE_IMPORT (self));
  g_return_if_fail (row < fg_sheet_get_n_rows (self->sheet));

  self->header_row = row;
  guess_fields (self);
}

guint
fg_venue_import_get_n_columns (FgVenueImport *self)
{
  g_return_val_if_fail (FG_IS_VENUE_IMPORT (self), 0);
  return self->fields->len;
}

const char *
fg_venue_import_get_header (FgVenueImport *self,
                            guint          column)
{
  g_return_val_if_fail (FG_IS_VENUE_IMPORT (self), NULL);
  return fg_sheet_get_cell (self->sheet, self->header_row, column);
}

FgImportField
fg_venue_import_get_field (FgVenueImport *self,
                           guint          column)
{
  g_return_val_if_fail (FG_IS_VENUE_IMPORT (self), FG_IMPORT_FIELD_NONE);
  return column < self->fields->len ? g_array_index (self->fields, FgImportField, column)
                                    : FG_IMPORT_FIELD_NONE;
}

/* Maps @column to @field; a column that held @field before is let go. */
void
fg_venue_import_set_field (FgVenueImport *self,
                           guint          column,
                           FgImportField  field)
{
  g_return_if_fail (FG_IS_VENUE_IMPORT (self));
  g_return_if_fail (field < FG_IMPORT_N_FIELDS);

  if (column >= self->fields->len)
    g_array_set_size (self->fields, column + 1);
  for (guint i = 0; i < self->fields->len && field != FG_IMPORT_FIELD_NONE; i++)
    if (g_array_index (self->fields, FgImportField, i) == field)
      g_array_index (self->fields, FgImportField, i) = FG_IMPORT_FIELD_NONE;
  g_array_index (self->fields, FgImportField, column) = field;
  self->checked = FALSE;
}

static int
column_of_field (FgVenueImport *self,
                 FgImportField  field)
{
  for (guint i = 0; i < self->fields->len; i++)
    if (g_array_index (self->fields, FgImportField, i) == field)
      return i;
  return -1;
}

/* A column letter (A, B … AA), or -1. */
static int
parse_column_letters (const char *text)
{
  int column = 0;

  if (*text == '\0' || strlen (text) > 3)
    return -1;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isalpha (*p))
        return -1;
      column = column * 26 + g_ascii_toupper (*p) - 'A' + 1;
    }
  return column - 1;
}

/**
 * fg_venue_import_apply_map:
 * @spec: COLUMN=FIELD: the column's header as the sheet has it, or its
 *   letter (A, B …); the field's name (fg_import_field_to_string()), or
 *   “none” to leave the column out
 *
 * Returns: %TRUE, or %FALSE with an error that says what was wrong
 */
gboolean
fg_venue_import_apply_map (FgVenueImport  *self,
                           const char     *spec,
                           GError        **error)
{
  g_autofree char *column_text = NULL;
  const char *equals;
  FgImportField field;
  int column = -1;

  g_return_val_if_fail (FG_IS_VENUE_IMPORT (self), FALSE);

  equals = strrchr (spec, '=');
  if (equals == NULL || equals == spec)
    {
      g_set_error (error, FG_VENUE_IMPORT_ERROR, FG_VENUE_IMPORT_ERROR_MAPPING,
                   _("“%s” is not a column mapping: write COLUMN=FIELD, for example 店名=name or C=phone."),
                   spec);
      return FALSE;
    }
  if (!fg_import_field_from_string (equals + 1, &field))
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < FG_IMPORT_N_FIELDS; i++)
        g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", field_ids[i]);

      g_set_error (error, FG_VENUE_IMPORT_ERROR, FG_VENUE_IMPORT_ERROR_MAPPING,
                   _("“%s” is not a field a venue has. The fields are: %s."), equals + 1, names->str);
      return FALSE;
    }

  column_text = g_strstrip (g_strndup (spec, equals - spec));
  for (guint i = 0; i < self->fields->len && column < 0; i++)
    if (g_str_equal (column_text, fg_venue_import_get_header (self, i)))
      column = i;
  if (column < 0)
    column = parse_column_letters (column_text);
  if (column < 0)
    {
      g_set_error (error, FG_VENUE_IMPORT_ERROR, FG_VENUE_IMPORT_ERROR_MAPPING,
                   _("The sheet has no column “%s”: give its header as in row %u, or its letter."),
                   column_text, fg_sheet_get_line (self->sheet, self->header_row));
      return FALSE;
    }

  fg_venue_import_set_field (self, column, field);
  return TRUE;
}

/**
 * fg_venue_import_set_word:
 * @kind: what the word names
 * @word: the word as the sheet has it (饭店, 张庄)
 * @target: a category id, or the id of a village or grid
 *
 * Says what a word of the sheet means. It is remembered for the next
 * file once the import is run.
 */
void
fg_venue_import_set_word (FgVenueImport    *self,
                          FgImportWordKind  kind,
                          const char       *word,
                          const char       *target)
{
  g_autofree char *trimmed = NULL;

  g_return_if_fail (FG_IS_VENUE_IMPORT (self));
  g_return_if_fail (kind <= FG_IMPORT_WORD_REGION);
  g_return_if_fail (word != NULL && target != NULL);

  trimmed = g_strstrip (g_strdup (word));
  g_hash_table_replace (self->words[kind], g_strdup (trimmed), g_strdup (target));
  g_hash_table_replace (self->set_words[kind], g_strdup (trimmed), g_strdup (target));
  self->checked = FALSE;
}

/**
 * fg_venue_import_list_unknown_words:
 *
 * Returns: (transfer full) (element-type utf8): the words of that kind the
 *   last check met and could not map, sorted; fg_venue_import_set_word()
 *   maps them
 */
GPtrArray *
fg_venue_import_list_unknown_words (FgVenueImport    *self,
                                    FgImportWordKind  kind)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer word;

  g_return_val_if_fail (FG_IS_VENUE_IMPORT (self), NULL);

  g_hash_table_iter_init (&iter, self->unknown[kind]);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    g_ptr_array_add (words, g_strdup (word));
  g_ptr_array_sort (words, (GCompareFunc) g_strcmp0);
  return words;
}

/* --- reading a row ------------------------------------------------------- */

static gboolean
is_yes (const char *text)
{
  static const char * const yes[] = { "是", "有", "Y", "y", "yes", "Yes", "YES", "√", "✓", "1",
                                      "TRUE", "true", "已安装", "住人" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_str_equal (text, yes[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_no (const char *text)
{
  static const char * const no[] = { "", "否", "无", "没有", "N", "n", "no", "No", "NO", "×", "0",
                                     "FALSE", "false", "未安装", "不住人", "/" };

  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_str_equal (text, no[i]))
      return TRUE;
  return FALSE;
}

/* A number with the units clerks write after it (120㎡, 3层) taken off. */
static gboolean
parse_number (const char *text,
              double     *value)
{
  static const char * const units[] = { "平方米", "平米", "平方", "㎡", "m²", "m2", "M2", "层", "F", "f", "人" };
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      if (g_str_has_suffix (copy, units[i]))
        {
          copy[strlen (copy) - strlen (units[i])] = '\0';
          g_strstrip (copy);
          break;
        }
    }

  *value = g_ascii_strtod (copy, &end);
  return *copy != '\0' && end != copy && *end == '\0';
}

/* Category words of the sheets, and the category each means when the
 * cell is not one of our names. The first that the cell contains wins. */
static const struct
{
  const char *word;
  const char *category;
} category_words[] = {
  { "三合一", "three-in-one" }, { "多合一", "three-in-one" },
  { "群租", "rental-housing" }, { "出租", "rental-housing" },
  { "充电", "ebike-charging" }, { "电动车", "ebike-charging" }, { "电动自行车", "ebike-charging" },
  { "养老", "elderly-care" }, { "敬老院", "elderly-care" },
  { "液化", "fuel-outlet" }, { "燃气", "fuel-outlet" }, { "加油", "fuel-outlet" },
  { "仓储", "warehouse" }, { "仓库", "warehouse" }, { "快递", "warehouse" }, { "物流", "warehouse" },
  { "作坊", "family-workshop" },
  { "小区", "old-residential" },
  { "网吧", "internet-cafe" }, { "网咖", "internet-cafe" },
  { "歌舞", "entertainment" }, { "KTV", "entertainment" }, { "ktv", "entertainment" },
  { "歌厅", "entertainment" }, { "娱乐", "entertainment" }, { "棋牌", "entertainment" },
  { "美容", "beauty-bath" }, { "美发", "beauty-bath" }, { "理发", "beauty-bath" },
  { "洗浴", "beauty-bath" }, { "足浴", "beauty-bath" }, { "浴池", "beauty-bath" },
  { "旅店", "hotel" }, { "旅馆", "hotel" }, { "宾馆", "hotel" }, { "招待所", "hotel" },
  { "住宿", "hotel" }, { "民宿", "hotel" }, { "酒店", "hotel" },
  { "餐", "restaurant" }, { "饭店", "restaurant" }, { "饭馆", "restaurant" }, { "小吃", "restaurant" },
  { "酒楼", "restaurant" }, { "烧烤", "restaurant" }, { "火锅", "restaurant" },
  { "学校", "school" }, { "幼儿园", "school" }, { "培训", "school" }, { "托管", "school" },
  { "诊所", "clinic" }, { "卫生室", "clinic" }, { "卫生院", "clinic" }, { "医疗", "clinic" },
  { "门诊", "clinic" },
  { "超市", "shop" }, { "商店", "shop" }, { "便利店", "shop" }, { "小卖部", "shop" },
  { "商铺", "shop" }, { "批发", "shop" }, { "零售", "shop" }, { "药店", "shop" },
  { "加工", "small-production" }, { "生产", "small-production" }, { "厂", "small-production" },
  { "门店", "street-shop" }, { "沿街", "street-shop" },
};

/* One category word: as said during an import, our own name or id, or
 * a word of the sheets; NULL when it is none of these. */
static const char *
category_for_word (FgVenueImport *self,
                   const char    *word,
                   gboolean       with_sheet_words)
{
  const char *said = g_hash_table_lookup (self->words[FG_IMPORT_WORD_CATEGORY], word);

  if (said != NULL)
    return fg_category_lookup (said) != NULL ? said : NULL;

  for (guint i = 0; i < fg_category_get_n_categories (); i++)
    {
      const FgCategory *category = fg_category_get_nth (i);

      if (g_str_equal (word, fg_category_get_id (category)) ||
          g_str_equal (word, fg_category_get_name_zh (category)) ||
          g_ascii_strcasecmp (word, fg_category_get_name_en (category)) == 0)
        return fg_category_get_id (category);
    }

  for (guint i = 0; with_sheet_words && i < G_N_ELEMENTS (category_words); i++)
    if (strstr (word, category_words[i].word) != NULL)
      return category_words[i].category;

  return NULL;
}

/* The categories of a cell: one word, or several (餐饮、住宿). */
static GStrv
read_categories (FgVenueImport *self,
                 const char    *cell,
                 GString       *unknown)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  /* the whole cell may be a name with a slash in it (三合一/多合一场所) */
  const char *whole = category_for_word (self, cell, FALSE);

  if (whole != NULL || *cell == '\0')
    {
      if (whole != NULL)
        g_strv_builder_add (builder, whole);
      return g_strv_builder_end (builder);
    }

  {
    g_autofree char *separated = g_strdup (cell);
    static const char * const separators[] = { "、", "，", "；", "/", ",", ";", "+" };

    for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
      {
        g_auto(GStrv) pieces = g_strsplit (separated, separators[i], -1);

        g_free (separated);
        separated = g_strjoinv ("\x1f", pieces);
      }
    parts = g_strsplit (separated, "\x1f", -1);
  }

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *id;

      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      id = category_for_word (self, parts[i], TRUE);
      if (id == NULL)
        {
          g_string_append (unknown, parts[i]);
          g_hash_table_add (self->unknown[FG_IMPORT_WORD_CATEGORY], g_strdup (parts[i]));
          return NULL;
        }
      if (!g_ptr_array_find_with_equal_func (seen, id, g_str_equal, NULL))
        {
          g_ptr_array_add (seen, (gpointer) id);
          g_strv_builder_add (builder, id);
        }
    }

  return g_strv_builder_end (builder);
}

/* --- the office's regions ------------------------------------------------ */

/* A village's name without what sheets add or leave off: 张庄村,
 * 张庄村委会 and 张庄 are the same village. */
static char *
short_village_name (const char *name)
{
  static const char * const suffixes[] = { "村民委员会", "居民委员会", "村委会", "居委会", "村委",
                                           "社区", "村" };
  g_autoptr(GString) text = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x3000)
        g_string_append_unichar (text, c);
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      if (g_str_has_suffix (text->str, suffixes[i]) && text->len > strlen (suffixes[i]))
        {
          g_string_truncate (text, text->len - strlen (suffixes[i]));
          break;
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A grid's name without 第 and 网格: 第一网格, 一网格 and 一 agree. */
static char *
short_grid_name (const char *name)
{
  g_autoptr(GString) text = g_string_new (NULL);
  static const char * const numerals[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };
  g_autofree char *squeezed = short_village_name (name);
  const char *p = squeezed;

  if (g_str_has_prefix (p, "第"))
    p += strlen ("第");
  g_string_append (text, p);
  if (g_str_has_suffix (text->str, "网格") && text->len > strlen ("网格"))
    g_string_truncate (text, text->len - strlen ("网格"));
  for (guint i = 0; i < G_N_ELEMENTS (numerals); i++)
    if (g_str_equal (text->str, numerals[i]))
      {
        g_string_printf (text, "%u", i + 1);
        break;
      }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_to_index (GHashTable  *index,
              char        *key,
              RegionEntry *entry)
{
  GPtrArray *entries = g_hash_table_lookup (index, key);

  if (entries == NULL)
    {
      entries = g_ptr_array_new ();
      g_hash_table_insert (index, key, entries);
    }
  else
    g_free (key);
  g_ptr_array_add (entries, entry);
}

static gboolean
load_regions (FgVenueImport  *self,
              FgStore        *store,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  clear_regions (self);
  self->regions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) region_entry_free);
  self->village_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->grid_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);

  stmt = fg_store_prepare (store,
                           "SELECT id, parent_id, level, name, code, retired FROM region"
                           " WHERE deleted = 0",
                           error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RegionEntry *entry = g_new0 (RegionEntry, 1);

      entry->id = g_strdup (fg_stmt_text (stmt, 0));
      entry->parent_id = g_strdup (fg_stmt_text (stmt, 1));
      entry->level = sqlite3_column_int (stmt, 2);
      entry->name = g_strdup (fg_stmt_text (stmt, 3));
      entry->code = g_strdup (fg_stmt_text (stmt, 4));
      entry->retired = sqlite3_column_int (stmt, 5) != 0;
      g_hash_table_insert (self->regions, entry->id, entry);

      if (entry->retired)
        continue;
      if (entry->level == FG_REGION_LEVEL_VILLAGE)
        add_to_index (self->village_names, short_village_name (entry->name), entry);
      else if (entry->level == FG_REGION_LEVEL_GRID)
        add_to_index (self->grid_names, short_grid_name (entry->name), entry);
    }
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

static RegionEntry *
region_parent (FgVenueImport *self,
               RegionEntry   *entry)
{
  return g_hash_table_lookup (self->regions, entry->parent_id);
}

/* Finds the village or grid a row names; NULL with a reason when there
 * is none, or more than one. */
static RegionEntry *
resolve_region (FgVenueImport *self,
                const char    *village_word,
                const char    *grid_word,
                GString       *reason)
{
  RegionEntry *village = NULL;
  const char *said;

  if (*village_word != '\0')
    {
      said = g_hash_table_lookup (self->words[FG_IMPORT_WORD_REGION], village_word);
      if (said != NULL)
        village = g_hash_table_lookup (self->regions, said);
      else
        {
          g_autofree char *key = short_village_name (village_word);
          GPtrArray *villages = g_hash_table_lookup (self->village_names, key);

          if (villages == NULL)
            {
              g_hash_table_add (self->unknown[FG_IMPORT_WORD_REGION], g_strdup (village_word));
              g_string_printf (reason, _("There is no village or community “%s” in the region tree. "
                                         "Add it under Villages and grids, or say which village the name means."),
                               village_word);
              return NULL;
            }
          if (villages->len > 1)
            {
              g_hash_table_add (self->unknown[FG_IMPORT_WORD_REGION], g_strdup (village_word));
              g_string_printf (reason, _("More than one village is called “%s”. Say which one the "
                                         "name means."),
                               village_word);
              return NULL;
            }
          village = g_ptr_array_index (villages, 0);
        }
      if (village == NULL)
        {
          g_string_printf (reason, _("The village “%s” was mapped to has been removed."), village_word);
          return NULL;
        }
      /* a word said to mean the township or the county: no place for a
       * venue */
      if (village->level != FG_REGION_LEVEL_VILLAGE && village->level != FG_REGION_LEVEL_GRID)
        {
          g_string_printf (reason, _("“%s” was said to mean %s, which is not a village, community or grid. "
                                     "Say which village or grid the name means."),
                           village_word, village->name);
          return NULL;
        }
      /* a word may have been mapped straight to a grid */
      if (village->level == FG_REGION_LEVEL_GRID)
        return village;
    }

  if (*grid_word != '\0')
    {
      g_autofree char *key = short_grid_name (grid_word);
      GPtrArray *grids = g_hash_table_lookup (self->grid_names, key);
      RegionEntry *found = NULL;
      guint n_found = 0;

      for (guint i = 0; grids != NULL && i < grids->len; i++)
        {
          RegionEntry *grid = g_ptr_array_index (grids, i);

          if (village == NULL || g_str_equal (grid->parent_id, village->id))
            {
              found = grid;
              n_found++;
            }
        }
      if (n_found == 1)
        return found;
      if (n_found > 1)
        g_string_printf (reason, _("More than one grid is called “%s”: give the village as well."),
                         grid_word);
      else if (village != NULL)
        g_string_printf (reason, _("%s has no grid “%s”. Add the grid under Villages and grids, or correct the row."),
                         village->name, grid_word);
      else
        g_string_printf (reason, _("There is no grid “%s” in the region tree."), grid_word);
      return NULL;
    }

  if (village == NULL)
    g_string_assign (reason, _("The row names no village or community."));
  return village;
}

/* Whether the actor may place venues in @entry; asked once a region. */
static gboolean
region_allowed (FgVenueImport  *self,
                FgStore        *store,
                FgActor        *actor,
                RegionEntry    *entry,
                GString        *reason)
{
  if (!entry->checked)
    {
      entry->checked = TRUE;
      fg_permission_check (store, actor, FG_ACTION_VENUE_EDIT, entry->code, NULL, &entry->refusal);
    }
  if (entry->refusal != NULL)
    g_string_assign (reason, entry->refusal->message);
  return entry->refusal == NULL;
}

/* --- checking ------------------------------------------------------------ */

static char *
name_address_key (FgVenue *venue)
{
  g_autoptr(GString) key = g_string_new (NULL);
  const char *parts[] = { fg_venue_get_name (venue), fg_venue_get_address (venue) };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      for (const char *p = parts[i]; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (!g_unichar_isspace (c) && c != 0x3000)
            g_string_append_unichar (key, g_unichar_tolower (c));
        }
      g_string_append_c (key, '\x1f');
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

typedef struct
{
  GHashTable *by_code;  /* credit code → venue id / row */
  GHashTable *by_name;  /* name and address → venue id / row */
} DuplicateIndex;

static void
duplicate_index_clear (DuplicateIndex *index)
{
  g_clear_pointer (&index->by_code, g_hash_table_unref);
  g_clear_pointer (&index->by_name, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DuplicateIndex, duplicate_index_clear)

static gboolean
load_registry (FgStore         *store,
               DuplicateIndex  *registry,
               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  registry->by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  registry->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  stmt = fg_store_prepare (store, "SELECT id, name, address, credit_code FROM venue WHERE deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(FgVenue) venue = fg_venue_new ();
      const char *code = fg_stmt_text (stmt, 3);

      fg_venue_set_name (venue, fg_stmt_text (stmt, 1));
      fg_venue_set_address (venue, fg_stmt_text (stmt, 2));
      g_hash_table_insert (registry->by_name, name_address_key (venue), g_strdup (fg_stmt_text (stmt, 0)));
      if (*code != '\0')
        g_hash_table_insert (registry->by_code, g_strdup (code), g_strdup (fg_stmt_text (stmt, 0)));
    }
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

static void
append_reason (GString    *message,
               const char *reason)
{
  if (message->len > 0)
    g_string_append_c (message, ' ');
  g_string_append (message, reason);
}

/* Reads one row into @row: its venue, or why it is refused. */
static void
check_row (FgVenueImport *self,
           FgStore       *store,
           FgActor       *actor,
           ImportRow     *row)
{
  g_autoptr(FgVenue) venue = fg_venue_new ();
  g_autoptr(GString) message = g_string_new (NULL);
  g_autoptr(GString) reason = g_string_new (NULL);
  g_autoptr(GPtrArray) errors = NULL;
  const char *cells[FG_IMPORT_N_FIELDS] = { NULL };
  gboolean region_reason = FALSE, category_reason = FALSE;
  RegionEntry *region;
  double number;

  for (guint field = 1; field < FG_IMPORT_N_FIELDS; field++)
    {
      int column = column_of_field (self, field);

      cells[field] = column >= 0 ? fg_sheet_get_cell (self->sheet, row->sheet_row, column) : "";
      if (*cells[field] != '\0')
        row->filled |= 1u << field;
    }

  fg_venue_set_name (venue, cells[FG_IMPORT_FIELD_NAME]);
  fg_venue_set_address (venue, cells[FG_IMPORT_FIELD_ADDRESS]);
  fg_venue_set_operator_name (venue, cells[FG_IMPORT_FIELD_OPERATOR]);
  fg_venue_set_phone (venue, cells[FG_IMPORT_FIELD_PHONE]);
  fg_venue_set_credit_code (venue, cells[FG_IMPORT_FIELD_CREDIT_CODE]);

  region = resolve_region (self, cells[FG_IMPORT_FIELD_VILLAGE], cells[FG_IMPORT_FIELD_GRID], reason);
  if (region != NULL && region->retired)
    {
      g_string_printf (reason, _("%s has been retired. Choose a current village or grid."), region->name);
      region = NULL;
    }
  if (region != NULL && !region_allowed (self, store, actor, region, reason))
    region = NULL;
  if (region != NULL)
    {
      fg_venue_set_region_id (venue, region->id);
      row->region_id = region->id;
    }
  else
    {
      append_reason (message, reason->str);
      region_reason = TRUE;
    }

  {
    g_autoptr(GString) unknown = g_string_new (NULL);
    g_auto(GStrv) categories = read_categories (self, cells[FG_IMPORT_FIELD_CATEGORY], unknown);

    if (categories != NULL)
      fg_venue_set_categories (venue, (const char * const *) categories);
    else
      {
        g_string_printf (reason, _("“%s” is not one of the venue categories. Say which category "
                                   "the word means."),
                         unknown->str);
        append_reason (message, reason->str);
        category_reason = TRUE;
      }
  }

  if (*cells[FG_IMPORT_FIELD_FLOOR_AREA] != '\0')
    {
      if (parse_number (cells[FG_IMPORT_FIELD_FLOOR_AREA], &number) && number >= 0)
        fg_venue_set_floor_area (venue, number);
      else
        fg_venue_set_floor_area (venue, NAN);
    }
  if (*cells[FG_IMPORT_FIELD_FLOORS] != '\0')
    {
      if (parse_number (cells[FG_IMPORT_FIELD_FLOORS], &number) && number == (int) number)
        fg_venue_set_floors (venue, (int) number);
      else
        fg_venue_set_floors (venue, -1);
    }
  if (is_no (cells[FG_IMPORT_FIELD_SLEEPING]))
    fg_venue_set_sleeping (venue, 0);
  else if (is_yes (cells[FG_IMPORT_FIELD_SLEEPING]))
    fg_venue_set_sleeping (venue, 1);
  else if (parse_number (cells[FG_IMPORT_FIELD_SLEEPING], &number) && number == (int) number)
    fg_venue_set_sleeping (venue, (int) number);
  else
    fg_venue_set_sleeping (venue, -1);

  if (is_yes (cells[FG_IMPORT_FIELD_KEY_UNIT]))
    fg_venue_set_key_unit (venue, TRUE);
  else if (!is_no (cells[FG_IMPORT_FIELD_KEY_UNIT]))
    {
      g_string_printf (reason, _("Write 是 or 否 for whether it is a key unit, not “%s”."),
                       cells[FG_IMPORT_FIELD_KEY_UNIT]);
      append_reason (message, reason->str);
    }
  if (is_yes (cells[FG_IMPORT_FIELD_SMOKE_ALARM]))
    fg_venue_set_smoke_alarm (venue, TRUE);
  else if (!is_no (cells[FG_IMPORT_FIELD_SMOKE_ALARM]))
    {
      g_string_printf (reason, _("Write 是 or 否 for whether a smoke alarm is installed, not “%s”."),
                       cells[FG_IMPORT_FIELD_SMOKE_ALARM]);
      append_reason (message, reason->str);
    }

  /* the rules of a venue typed in, which also put it in its stored form */
  errors = fg_venue_normalize (venue);
  for (guint i = 0; i < errors->len; i++)
    {
      const GError *error = g_ptr_array_index (errors, i);

      if ((error->code == FG_VENUE_ERROR_INVALID_REGION && region_reason) ||
          (error->code == FG_VENUE_ERROR_INVALID_CATEGORY && category_reason))
        continue;
      append_reason (message, error->message);
    }

  if (message->len > 0)
    {
      row->state = FG_IMPORT_ROW_REFUSED;
      row->message = g_string_free (g_steal_pointer (&message), FALSE);
      return;
    }

  row->state = FG_IMPORT_ROW_NEW;
  row->venue = g_steal_pointer (&venue);
}

/* Marks @row a duplicate when its credit code, or its name and address,
 * are those of a registered venue or of a row above it. */
static void
find_duplicate (FgVenueImport  *self,
                ImportRow      *row,
                DuplicateIndex *registry,
                DuplicateIndex *file)
{
  const char *code = fg_venue_get_credit_code (row->venue);
  g_autofree char *key = name_address_key (row->venue);
  const char *id = NULL;
  gpointer line = NULL;
  gboolean by_code = FALSE;

  if (*code != '\0' && (id = g_hash_table_lookup (registry->by_code, code)) != NULL)
    by_code = TRUE;
  else if ((id = g_hash_table_lookup (registry->by_name, key)) == NULL)
    {
      if (*code != '\0' && (line = g_hash_table_lookup (file->by_code, code)) != NULL)
        by_code = TRUE;
      else
        line = g_hash_table_lookup (file->by_name, key);
    }

  if (id == NULL && line == NULL)
    {
      if (*code != '\0')
        g_hash_table_insert (file->by_code, g_strdup (code), GUINT_TO_POINTER (row->line));
      g_hash_table_insert (file->by_name, g_steal_pointer (&key), GUINT_TO_POINTER (row->line));
      return;
    }

  row->state = FG_IMPORT_ROW_DUPLICATE;
  row->choice = FG_IMPORT_DUPLICATE_SKIP;
  if (id != NULL)
    {
      row->duplicate_id = g_strdup (id);
      row->message = g_strdup (by_code ? _("A registered venue has the same credit code.")
                                       : _("A registered venue has the same name and address."));
    }
  else
    {
      row->duplicate_line = GPOINTER_TO_UINT (line);
      row->message = by_code ? g_strdup_printf (_("Line %u has the same credit code."), row->duplicate_line)
                             : g_strdup_printf (_("Line %u has the same name and address."), row->duplicate_line);
    }
}

static gboolean
load_words (FgVenueImport  *self,
            FgStore        *store,
            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (store, "SELECT kind, word, target FROM import_word", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint kind = g_str_equal (fg_stmt_text (stmt, 0), "region") ? FG_IMPORT_WORD_REGION
                                                                   : FG_IMPORT_WORD_CATEGORY;
      const char *word = fg_stmt_text (stmt, 1);

      /* what was said during this import comes before what was remembered */
      if (!g_hash_table_contains (self->set_words[kind], word))
        g_hash_table_replace (self->words[kind], g_strdup (word), g_strdup (fg_stmt_text (stmt, 2)));
    }
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * fg_venue_import_check:
 * @self: the import, its columns mapped
 * @store: the store
 * @actor: who imports
 * @cancellable: (nullable): to stop checking
 * @progress: (nullable) (scope call): told the rows checked so far
 * @progress_data: for @progress
 * @error: return location for an error
 *
 * Reads every row below the header into a venue and checks it by the
 * rules of a venue typed in: its village or grid must be in the region
 * tree and in the actor's part of it, its category known (the office's
 * words for categories and villages, remembered from earlier imports,
 * are used). Rows that break a rule are refused with the reasons, and
 * likely duplicates (same credit code, or same name and address, as a
 * registered venue or a row above) are marked, to be skipped unless
 * said otherwise. Rows with no value in a mapped column are passed over.
 * Changes nothing in the store.
 *
 * Returns: %TRUE, or %FALSE with @error set when the mapping lacks the
 *   name, address, category or village column, or the store failed
 */
gboolean
fg_venue_import_check (FgVenueImport          *self,
                       FgStore                *store,
                       FgActor                *actor,
                       GCancellable           *cancellable,
                       FgVenueImportProgress   progress,
                       gpointer                progress_data,
                       GError                **error)
{
  g_auto(DuplicateIndex) registry = { NULL };
  g_auto(DuplicateIndex) file = { NULL };
  static const FgImportField required[] = {
    FG_IMPORT_FIELD_NAME, FG_IMPORT_FIELD_ADDRESS, FG_IMPORT_FIELD_CATEGORY,
  };
  guint n_rows = fg_sheet_get_n_rows (self->sheet);
  guint total = n_rows - self->header_row - 1;

  g_return_val_if_fail (FG_IS_VENUE_IMPORT (self), FALSE);
  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  self->checked = FALSE;
  g_array_set_size (self->rows, 0);
  for (guint i = 0; i < 2; i++)
    g_hash_table_remove_all (self->unknown[i]);

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      if (column_of_field (self, required[i]) < 0)
        {
          g_set_error (error, FG_VENUE_IMPORT_ERROR, FG_VENUE_IMPORT_ERROR_MAPPING,
                       _("No column of the sheet holds the field “%s”. Say which one does."),
                       fg_import_field_get_label (required[i]));
          return FALSE;
        }
    }
  if (column_of_field (self, FG_IMPORT_FIELD_VILLAGE) < 0 && column_of_field (self, FG_IMPORT_FIELD_GRID) < 0)
    {
      g_set_error (error, FG_VENUE_IMPORT_ERROR, FG_VENUE_IMPORT_ERROR_MAPPING,
                   _("No column of the sheet holds the village or community, or the grid. Say which one does."));
      return FALSE;
    }

  if (!fg_permission_check (store, actor, FG_ACTION_VENUE_EDIT, NULL, NULL, error) ||
      !load_words (self, store, error) ||
      !load_regions (self, store, error) ||
      !load_registry (store, &registry, error))
    return FALSE;

  file.by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  file.by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = self->header_row + 1; i < n_rows; i++)
    {
      ImportRow row = { 0 };
      gboolean any = FALSE;

      if ((i - self->header_row) % ROWS_PER_STEP == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress (i - self->header_row - 1, total, progress_data);
        }

      /* a row with nothing in the mapped columns (a number, a total) is no venue */
      for (guint column = 0; column < self->fields->len && !any; column++)
        any = g_array_index (self->fields, FgImportField, column) != FG_IMPORT_FIELD_NONE &&
              *fg_sheet_get_cell (self->sheet, i, column) != '\0';
      if (!any)
        continue;

      row.sheet_row = i;
      row.line = fg_sheet_get_line (self->sheet, i);
      check_row (self, store, actor, &row);
      if (row.state == FG_IMPORT_ROW_NEW)
        find_duplicate (self, &row, &registry, &file);
      g_array_append_val (self->rows, row);
    }

  if (progress != NULL)
    progress (total, total, progress_data);
  self->checked = TRUE;
  return TRUE;
}

guint
fg_venue_import_get_n_rows (FgVenueImport *self)
{
  g_return_val_if_fail (FG_IS_VENUE_IMPORT (self), 0);
  return self->rows->len;
}

static ImportRow *
get_row (FgVenueImport *self,
         guint          row)
{
  g_assert (row < self->rows->len);
  return &g_array_index (self->rows, ImportRow, row);
}

/**
 * fg_venue_import_get_row_line:
 *
 * Returns: the row's line in the file, as the spreadsheet numbers it
 */
guint
fg_venue_import_get_row_line (FgVenueImport *self,
                              guint          row)
{
  g_return_val_if_fail (FG_IS_VENUE_IMPORT (self) && row < self->rows->len, 0);
  return get_row (self, row)->line;
}

const char *
fg_venue_import_get_row_name (FgVenueImport *self,
                              guint          row)
{
  int column;

  g_return_val_if_fail (FG_IS_VENUE_IMPORT (self) && row < self->rows->len, NULL);

  column = column_of_field (self, FG_IMPORT_FIELD_NAME);
  return column >= 0 ? fg_sheet_get_cell (self->sheet, get_row (self, row)->sheet_row, column) : "";
}

FgImportRowState
fg_venue_import_get_row_state (FgVenueImport *self,
                               guint          row)
{
  g_return_val_if_fail (FG_IS_VENUE_IMPORT (self) && row < self->rows->len, FG_IMPORT_ROW_REFUSED);
  return get_row (self, row)->state;
}

/**
 * fg_venue_import_get_row_message:
 *
 * Returns: (nullable): why the row is refused, or what it is a likely
 *   duplicate of; %NULL for a row that will be added
 */
const char *
fg_venue_import_get_row_message (FgVenueImport *self,
                                 guint          row)
{
  g_return_val_if_fail (FG_IS_VENUE_IMPORT (self) && row < self->rows->len, NULL);
  return get_row (self, row)->message;
}

/**
 * fg_venue_import_get_row_duplicate_id:
 *
 * Returns: (nullable): the registered venue the row is a likely
 *   duplicate of
 */
const char *
fg_venue_import_get_row_duplicate_id (FgVenueImport *self,
                                      guint          row)
{
  g_return_val_if_fail (FG_IS_VENUE_IMPORT (self) && row < self->rows->len, NULL);
  return get_row (self, row)->duplicate_id;
}

/**
 * fg_venue_import_get_row_duplicate_line:
 *
 * Returns: the line above that the row is a likely duplicate of, or 0
 */
guint
fg_venue_import_get_row_duplicate_line (FgVenueImport *self,
                                        guint          row)
{
  g_return_val_if_fail (FG_IS_VENUE_IMPORT (self) && row < self->rows->len, 0);
  return get_row (self, row)->duplicate_line;
}

/* What to do with a likely duplicate: skip it, add it all the same, or
 * write its values over the registered venue, or over the row above it
 * that it is like (the venue is then stored once, as this row has it). */
void
fg_venue_import_set_row_choice (FgVenueImport           *self,
                                guint                    row,
                                FgImportDuplicateChoice  choice)
{
  g_return_if_fail (FG_IS_VENUE_IMPORT (self) && row < self->rows->len);
  get_row (self, row)->choice = choice;
}

/* The same choice for every likely duplicate. */
void
fg_venue_import_set_duplicate_choice (FgVenueImport           *self,
                                      FgImportDuplicateChoice  choice)
{
  g_return_if_fail (FG_IS_VENUE_IMPORT (self));

  for (guint i = 0; i < self->rows->len; i++)
    get_row (self, i)->choice = choice;
}

/* --- running ------------------------------------------------------------- */

static void
append_json_string (GString    *json,
                    const char *text)
{
  g_string_append_c (json, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (json, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (json, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (json, *p);
    }
  g_string_append_c (json, '"');
}

static gboolean
save_words (FgVenueImport  *self,
            FgStore        *store,
            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = fg_store_prepare (store, "INSERT OR REPLACE INTO import_word (kind, word, target) VALUES (?1, ?2, ?3)",
                           error);
  if (stmt == NULL)
    return FALSE;

  for (guint kind = 0; kind < 2; kind++)
    {
      GHashTableIter iter;
      gpointer word, target;

      g_hash_table_iter_init (&iter, self->set_words[kind]);
      while (g_hash_table_iter_next (&iter, &word, &target))
        {
          sqlite3_bind_text (stmt, 1, word_kinds[kind], -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, word, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, target, -1, SQLITE_STATIC);
          if (!fg_store_step_done (store, stmt, error))
            return FALSE;
          sqlite3_reset (stmt);
        }
    }
  return TRUE;
}

/* The path stored with a venue placed in @region_id. */
static gboolean
region_path (FgVenueImport *self,
             const char    *region_id,
             FgVenuePath   *path)
{
  RegionEntry *region = g_hash_table_lookup (self->regions, region_id);
  RegionEntry *village, *township;

  if (region == NULL)
    return FALSE;
  village = region->level == FG_REGION_LEVEL_GRID ? region_parent (self, region) : region;
  township = village != NULL ? region_parent (self, village) : NULL;
  if (township == NULL)
    return FALSE;

  path->region_id = region->id;
  path->county_id = township->parent_id;
  path->township_id = township->id;
  path->village_id = village->id;
  path->grid_id = region->level == FG_REGION_LEVEL_GRID ? region->id : NULL;
  return TRUE;
}

/* Writes the values that @row gives over @venue: the columns the sheet
 * has a value in, and the place. */
static void
copy_filled (FgVenue   *venue,
             ImportRow *row)
{
  FgVenue *from = row->venue;

#define FILLED(field) ((row->filled & (1u << (field))) != 0)
  if (FILLED (FG_IMPORT_FIELD_NAME))
    fg_venue_set_name (venue, fg_venue_get_name (from));
  if (FILLED (FG_IMPORT_FIELD_ADDRESS))
    fg_venue_set_address (venue, fg_venue_get_address (from));
  if (FILLED (FG_IMPORT_FIELD_OPERATOR))
    fg_venue_set_operator_name (venue, fg_venue_get_operator_name (from));
  if (FILLED (FG_IMPORT_FIELD_PHONE))
    fg_venue_set_phone (venue, fg_venue_get_phone (from));
  if (FILLED (FG_IMPORT_FIELD_CREDIT_CODE))
    fg_venue_set_credit_code (venue, fg_venue_get_credit_code (from));
  if (FILLED (FG_IMPORT_FIELD_CATEGORY))
    fg_venue_set_categories (venue, fg_venue_get_categories (from));
  if (FILLED (FG_IMPORT_FIELD_VILLAGE) || FILLED (FG_IMPORT_FIELD_GRID))
    fg_venue_set_region_id (venue, fg_venue_get_region_id (from));
  if (FILLED (FG_IMPORT_FIELD_FLOOR_AREA))
    fg_venue_set_floor_area (venue, fg_venue_get_floor_area (from));
  if (FILLED (FG_IMPORT_FIELD_FLOORS))
    fg_venue_set_floors (venue, fg_venue_get_floors (from));
  if (FILLED (FG_IMPORT_FIELD_SLEEPING))
    fg_venue_set_sleeping (venue, fg_venue_get_sleeping (from));
  if (FILLED (FG_IMPORT_FIELD_KEY_UNIT))
    fg_venue_set_key_unit (venue, fg_venue_get_key_unit (from));
  if (FILLED (FG_IMPORT_FIELD_SMOKE_ALARM))
    fg_venue_set_smoke_alarm (venue, fg_venue_get_smoke_alarm (from));
#undef FILLED
}

/* Writes the row's values over the registered venue: the columns the
 * sheet gives a value in, and the place. */
static gboolean
update_venue (FgVenueImport  *self,
              FgStore        *store,
              FgActor        *actor,
              ImportRow      *row,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(FgVenue) stored = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  FgVenuePath path;
  int rc;

  stmt = fg_store_prepare (store, "SELECT " FG_VENUE_COLUMNS " FROM " FG_VENUE_FROM
                                  " WHERE v.id = ?1 AND v.deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, row->duplicate_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        fg_store_set_error (store, rc, error);
      else
        g_set_error (error, FG_VENUE_ERROR, FG_VENUE_ERROR_NOT_FOUND,
                     _("The venue that line %u was to update is no longer registered. Check the file again."),
                     row->line);
      return FALSE;
    }
  if (!fg_permission_check (store, actor, FG_ACTION_VENUE_EDIT,
                            fg_stmt_text (stmt, FG_VENUE_COLUMN_REGION_CODE), row->duplicate_id, error))
    return FALSE;
  stored = fg_venue_new_from_row (stmt);
  g_clear_pointer (&stmt, fg_stmt_release);

  copy_filled (stored, row);

  errors = fg_venue_normalize (stored);
  if (errors->len > 0)
    {
      g_propagate_error (error, g_ptr_array_steal_index (errors, 0));
      return FALSE;
    }
  if (!region_path (self, fg_venue_get_region_id (stored), &path))
    {
      g_set_error (error, FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_REGION,
                   _("The village or grid of the venue on line %u is not in the region tree."), row->line);
      return FALSE;
    }

  before = fg_audit_dup_row (store, "venue", row->duplicate_id);
  if (!fg_venue_write (store, stored, &path, error))
    return FALSE;
  after = fg_audit_dup_row (store, "venue", row->duplicate_id);
  return fg_audit_record_change (store, actor, "venue-edit", row->duplicate_id, before, after, error);
}

/* A row to be written over a row above it gives that row its values
 * before it is stored: the venue is stored once, as the later row has it. */
static gboolean
merge_file_duplicates (FgVenueImport  *self,
                       GError        **error)
{
  g_autoptr(GHashTable) by_line = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      ImportRow *row = get_row (self, i);
      ImportRow *above;
      g_autoptr(GPtrArray) errors = NULL;

      if (row->state == FG_IMPORT_ROW_NEW)
        {
          g_hash_table_insert (by_line, GUINT_TO_POINTER (row->line), row);
          continue;
        }
      if (row->state != FG_IMPORT_ROW_DUPLICATE || row->choice != FG_IMPORT_DUPLICATE_UPDATE ||
          row->duplicate_id != NULL)
        continue;

      above = g_hash_table_lookup (by_line, GUINT_TO_POINTER (row->duplicate_line));
      g_assert (above != NULL);
      copy_filled (above->venue, row);
      if ((row->filled & ((1u << FG_IMPORT_FIELD_VILLAGE) | (1u << FG_IMPORT_FIELD_GRID))) != 0)
        above->region_id = row->region_id;
      errors = fg_venue_normalize (above->venue);
      if (errors->len > 0)
        {
          g_autoptr(GError) reason = g_ptr_array_steal_index (errors, 0);

          g_set_error (error, reason->domain, reason->code,
                       _("Line %u, written over line %u, leaves a venue that cannot be stored: %s"),
                       row->line, row->duplicate_line, reason->message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_rows (FgVenueImport          *self,
            FgStore                *store,
            FgActor                *actor,
            GCancellable           *cancellable,
            FgVenueImportProgress   progress,
            gpointer                progress_data,
            FgVenueImportResult    *result,
            GError                **error)
{
  if (!merge_file_duplicates (self, error))
    return FALSE;

  for (guint i = 0; i < self->rows->len; i++)
    {
      ImportRow *row = get_row (self, i);
      FgVenuePath path;

      if (i % ROWS_PER_STEP == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress (i, self->rows->len, progress_data);
        }

      if (row->state == FG_IMPORT_ROW_REFUSED)
        {
          result->refused++;
          continue;
        }
      if (row->state == FG_IMPORT_ROW_DUPLICATE && row->choice != FG_IMPORT_DUPLICATE_ADD)
        {
          if (row->choice == FG_IMPORT_DUPLICATE_UPDATE && row->duplicate_id != NULL)
            {
              if (!update_venue (self, store, actor, row, error))
                return FALSE;
              result->updated++;
            }
          else if (row->choice == FG_IMPORT_DUPLICATE_UPDATE)
            {
              /* given to the row above, stored with it */
              result->updated++;
            }
          else
            result->skipped++;
          continue;
        }

      if (!region_path (self, row->region_id, &path))
        {
          g_set_error (error, FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_REGION,
                       _("The village or grid of the venue on line %u is not in the region tree."), row->line);
          return FALSE;
        }
      if (!fg_venue_write (store, row->venue, &path, error))
        return FALSE;
      result->added++;
    }

  if (progress != NULL)
    progress (self->rows->len, self->rows->len, progress_data);
  return TRUE;
}

/**
 * fg_venue_import_run:
 * @self: a checked import (fg_venue_import_check())
 * @store: the store it was checked against
 * @actor: who imports
 * @cancellable: (nullable): to stop; nothing is then stored
 * @progress: (nullable) (scope call): told the rows done so far
 * @progress_data: for @progress
 * @result: (out caller-allocates): what was done
 * @error: return location for an error
 *
 * Stores the rows in one transaction: new rows are added, likely
 * duplicates skipped, updated or added as chosen, refused rows left out.
 * The words said during the import are remembered for the next file. The
 * audit log records one import, with the file's name and SHA-256 digest
 * and the counts (and each update of a registered venue, with its values
 * before and after). On any failure, or when cancelled, nothing is stored.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_venue_import_run (FgVenueImport          *self,
                     FgStore                *store,
                     FgActor                *actor,
                     GCancellable           *cancellable,
                     FgVenueImportProgress   progress,
                     gpointer                progress_data,
                     FgVenueImportResult    *result,
                     GError                **error)
{
  g_autoptr(GString) after = g_string_new ("{\"file\":");
  g_autofree char *base = NULL;
  g_autofree char *import_id = NULL;
  const char * const formats[] = { "csv", "xlsx", "xls" };

  g_return_val_if_fail (FG_IS_VENUE_IMPORT (self), FALSE);
  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  if (!self->checked)
    {
      g_set_error (error, FG_VENUE_IMPORT_ERROR, FG_VENUE_IMPORT_ERROR_NOT_CHECKED,
                   _("The rows have not been checked since the mapping changed. Check them again."));
      return FALSE;
    }
  if (!fg_permission_check (store, actor, FG_ACTION_VENUE_EDIT, NULL, NULL, error))
    return FALSE;

  if (!fg_store_begin (store, error))
    return FALSE;

  if (!save_words (self, store, error) ||
      !write_rows (self, store, actor, cancellable, progress, progress_data, result, error))
    goto failed;

  base = g_path_get_basename (fg_workbook_get_path (self->workbook));
  append_json_string (after, base);
  g_string_append (after, ",\"sha256\":");
  append_json_string (after, fg_workbook_get_digest (self->workbook));
  g_string_append (after, ",\"format\":");
  append_json_string (after, formats[fg_workbook_get_format (self->workbook)]);
  g_string_append (after, ",\"sheet\":");
  append_json_string (after, fg_sheet_get_name (self->sheet));
  g_string_append_printf (after, ",\"rows\":%u,\"added\":%u,\"updated\":%u,\"skipped\":%u,\"refused\":%u}",
                          self->rows->len, result->added, result->updated, result->skipped, result->refused);
  import_id = fg_uuid_new ();
  if (!fg_audit_record_change (store, actor, "venue-import", import_id, NULL, after->str, error))
    goto failed;

  if (!fg_store_commit (store, error))
    goto forget;

  /* stored: running again would add the rows twice; check them again */
  self->checked = FALSE;
  g_hash_table_remove_all (self->set_words[FG_IMPORT_WORD_CATEGORY]);
  g_hash_table_remove_all (self->set_words[FG_IMPORT_WORD_REGION]);
  return TRUE;

failed:
  fg_store_rollback (store);
forget:
  /* the venues of the rows may hold ids that were never stored */
  self->checked = FALSE;
  memset (result, 0, sizeof *result);
  return FALSE;
}

/* --- in a worker --------------------------------------------------------- */

typedef struct
{
  GMainContext *context;
  FgVenueImportProgress func;
  gpointer data;
  guint done;
  guint total;
  int waiting;
} ProgressRelay;

typedef struct
{
  char *db_path;
  FgActor *actor;
  ProgressRelay *relay;
  FgVenueImportResult result;
  gboolean check_only;  /* check the rows; import nothing */
} RunJob;

static void
progress_relay_clear (ProgressRelay *relay)
{
  g_main_context_unref (relay->context);
}

static void
progress_relay_unref (ProgressRelay *relay)
{
  g_atomic_rc_box_release_full (relay, (GDestroyNotify) progress_relay_clear);
}

static void
run_job_free (RunJob *job)
{
  g_free (job->db_path);
  g_clear_pointer (&job->actor, fg_actor_unref);
  g_clear_pointer (&job->relay, progress_relay_unref);
  g_free (job);
}

static gboolean
progress_relay_deliver (gpointer user_data)
{
  ProgressRelay *relay = user_data;

  g_atomic_int_set (&relay->waiting, FALSE);
  relay->func (g_atomic_int_get (&relay->done), g_atomic_int_get (&relay->total), relay->data);
  return G_SOURCE_REMOVE;
}

/* In the worker: the news goes to the caller's context, one at a time. */
static void
progress_relay_report (guint    done,
                       guint    total,
                       gpointer user_data)
{
  ProgressRelay *relay = user_data;
  GSource *source;

  g_atomic_int_set (&relay->done, done);
  g_atomic_int_set (&relay->total, total);
  if (!g_atomic_int_compare_and_exchange (&relay->waiting, FALSE, TRUE))
    return;

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_relay_deliver, g_atomic_rc_box_acquire (relay),
                         (GDestroyNotify) progress_relay_unref);
  g_source_set_static_name (source, "[firegrid] import progress");
  g_source_attach (source, relay->context);
  g_source_unref (source);
}

/* Checks or imports, as @task_data's job says, over a connection of the
 * worker's own. */
static void
work_in_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  FgVenueImport *self = source_object;
  RunJob *job = task_data;
  FgVenueImportProgress progress = job->relay != NULL ? progress_relay_report : NULL;
  g_autoptr(FgStore) store = NULL;
  GError *error = NULL;
  gboolean done;

  store = fg_store_open_in_worker (task, job->db_path);
  if (store == NULL)
    return;

  done = job->check_only ? fg_venue_import_check (self, store, job->actor, cancellable, progress, job->relay, &error)
                         : fg_venue_import_run (self, store, job->actor, cancellable, progress, job->relay,
                                                &job->result, &error);
  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static RunJob *
run_job_new (FgStore               *store,
             FgActor               *actor,
             FgVenueImportProgress  progress,
             gpointer               progress_data)
{
  RunJob *job = g_new0 (RunJob, 1);

  job->db_path = g_strdup (fg_store_get_path (store));
  job->actor = fg_actor_ref (actor);
  if (progress != NULL)
    {
      job->relay = g_atomic_rc_box_new0 (ProgressRelay);
      job->relay->context = g_main_context_ref_thread_default ();
      job->relay->func = progress;
      job->relay->data = progress_data;
    }
  return job;
}

/**
 * fg_venue_import_check_async:
 * @self: the import, its columns mapped; not to be touched until the job
 *   is done
 * @store: the store; the job opens its own connection to its file
 * @progress: (nullable): told the rows checked so far, in the caller's
 *   main context
 *
 * As fg_venue_import_check(), in a worker thread, for a window that stays
 * usable while a large sheet is checked. The rows of an earlier check are
 * forgotten at once: stopped, the import must be checked again before it
 * runs.
 */
void
fg_venue_import_check_async (FgVenueImport          *self,
                             FgStore                *store,
                             FgActor                *actor,
                             GCancellable           *cancellable,
                             FgVenueImportProgress   progress,
                             gpointer                progress_data,
                             GAsyncReadyCallback     callback,
                             gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  RunJob *job;

  g_return_if_fail (FG_IS_VENUE_IMPORT (self));
  g_return_if_fail (FG_IS_STORE (store));
  g_return_if_fail (actor != NULL);

  /* what an earlier check found is gone, whatever becomes of this one */
  self->checked = FALSE;
  g_array_set_size (self->rows, 0);
  for (guint i = 0; i < 2; i++)
    g_hash_table_remove_all (self->unknown[i]);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fg_venue_import_check_async);
  job = run_job_new (store, actor, progress, progress_data);
  job->check_only = TRUE;
  g_task_set_task_data (task, job, (GDestroyNotify) run_job_free);
  g_task_run_in_thread (task, work_in_worker);
}

gboolean
fg_venue_import_check_finish (FgVenueImport  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == fg_venue_import_check_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * fg_venue_import_run_async:
 * @self: a checked import; not to be touched until the job is done
 * @store: the store; the job opens its own connection to its file
 * @progress: (nullable): told the rows done so far, in the caller's
 *   main context
 *
 * As fg_venue_import_run(), in a worker thread.
 */
void
fg_venue_import_run_async (FgVenueImport          *self,
                           FgStore                *store,
                           FgActor                *actor,
                           GCancellable           *cancellable,
                           FgVenueImportProgress   progress,
                           gpointer                progress_data,
                           GAsyncReadyCallback     callback,
                           gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  RunJob *job;

  g_return_if_fail (FG_IS_VENUE_IMPORT (self));
  g_return_if_fail (FG_IS_STORE (store));
  g_return_if_fail (actor != NULL);

  job = run_job_new (store, actor, progress, progress_data);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fg_venue_import_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify) run_job_free);
  /* cancelled just after the commit, the import has still happened */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, work_in_worker);
}

gboolean
fg_venue_import_run_finish (FgVenueImport        *self,
                            GAsyncResult         *result,
                            FgVenueImportResult  *import_result,
                            GError              **error)
{
  RunJob *job;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  job = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (import_result != NULL)
    *import_result = job->result;
  return TRUE;
}
