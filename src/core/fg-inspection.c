/* fg-inspection.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An inspection is a draft while its inspector records outcomes (each one
 * stored at once, so nothing is lost when the window closes or the power
 * goes), then finished, after which it never changes: its failed items
 * become hazards, and a correction is a new inspection. It keeps the
 * checklist versions it started with.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fg-calendar-private.h"
#include "fg-category.h"
#include "fg-checklist-private.h"
#include "fg-hazard-private.h"
#include "fg-inspection-private.h"
#include "fg-account-private.h"
#include "fg-audit-private.h"
#include "fg-permission-private.h"
#include "fg-photo.h"
#include "fg-photo-private.h"
#include "fg-region-private.h"
#include "fg-store-private.h"
#include "fg-venue.h"

G_DEFINE_QUARK (fg-inspection-error-quark, fg_inspection_error)

typedef struct
{
  FgOutcome outcome;
  char *note;
  GPtrArray *photos;  /* SHA-256 strings, NULL-terminated */
} Result;

static void
result_free (Result *result)
{
  g_free (result->note);
  g_clear_pointer (&result->photos, g_ptr_array_unref);
  g_free (result);
}

static Result *
result_new (void)
{
  Result *result = g_new0 (Result, 1);

  result->note = g_strdup ("");
  result->photos = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (result->photos, NULL);
  return result;
}

struct _FgInspection
{
  GObject parent_instance;

  char *id;
  char *venue_id;
  FgInspectionKind kind;
  char *campaign_id;
  char *inspector;
  char *inspector_name;
  char *started_at;
  char *finished_at;
  char *region_code;  /* the venue's grid or village when inspected */
  /* the officers and their certificate numbers (执法证号), the numbers
   * kept when the inspection was finished */
  char *inspector_certificate;
  char *second_inspector;
  char *second_inspector_name;
  char *second_inspector_certificate;

  GPtrArray *templates;  /* FgChecklist */
  GListModel *items;
  GHashTable *results;   /* item code → Result */
};

G_DEFINE_FINAL_TYPE (FgInspection, fg_inspection, G_TYPE_OBJECT)

static const char * const kind_ids[] = { "routine", "campaign", "reinspection", "report" };
static const char * const outcome_ids[] = { NULL, "pass", "fail", "na" };

static void
fg_inspection_finalize (GObject *object)
{
  FgInspection *self = (FgInspection *)object;

  g_free (self->id);
  g_free (self->venue_id);
  g_free (self->campaign_id);
  g_free (self->inspector);
  g_free (self->inspector_name);
  g_free (self->started_at);
  g_free (self->finished_at);
  g_free (self->region_code);
  g_free (self->inspector_certificate);
  g_free (self->second_inspector);
  g_free (self->second_inspector_name);
  g_free (self->second_inspector_certificate);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_object (&self->items);
  g_clear_pointer (&self->results, g_hash_table_unref);

  G_OBJECT_CLASS (fg_inspection_parent_class)->finalize (object);
}

static void
fg_inspection_class_init (FgInspectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fg_inspection_finalize;
}

static void
fg_inspection_init (FgInspection *self)
{
  self->templates = g_ptr_array_new_with_free_func (g_object_unref);
  self->results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) result_free);
}

const char *
fg_inspection_kind_to_string (FgInspectionKind kind)
{
  g_return_val_if_fail (kind <= FG_INSPECTION_KIND_REPORT, NULL);
  return kind_ids[kind];
}

gboolean
fg_inspection_kind_from_string (const char       *text,
                                FgInspectionKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_ids); i++)
    {
      if (g_strcmp0 (text, kind_ids[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
fg_inspection_kind_get_label (FgInspectionKind kind)
{
  switch (kind)
    {
    case FG_INSPECTION_KIND_ROUTINE:
      return _("Routine inspection");
    case FG_INSPECTION_KIND_CAMPAIGN:
      return _("Campaign inspection");
    case FG_INSPECTION_KIND_REINSPECTION:
      return _("Re-inspection");
    case FG_INSPECTION_KIND_REPORT:
      return _("Inspection after a public report");
    default:
      return "";
    }
}

const char *
fg_outcome_get_label (FgOutcome outcome)
{
  switch (outcome)
    {
    case FG_OUTCOME_PASS:
      return C_("outcome", "Pass");
    case FG_OUTCOME_FAIL:
      return C_("outcome", "Fail");
    case FG_OUTCOME_NA:
      return C_("outcome", "Not applicable");
    case FG_OUTCOME_NONE:
    default:
      return C_("outcome", "Not checked");
    }
}

const char *
fg_inspection_get_id (FgInspection *self)
{
  g_return_val_if_fail (FG_IS_INSPECTION (self), NULL);
  return self->id;
}

const char *
fg_inspection_get_venue_id (FgInspection *self)
{
  g_return_val_if_fail (FG_IS_INSPECTION (self), NULL);
  return self->venue_id;
}

FgInspectionKind
fg_inspection_get_kind (FgInspection *self)
{
  g_return_val_if_fail (FG_IS_INSPECTION (self), FG_INSPECTION_KIND_ROUTINE);
  return self->kind;
}

/**
 * fg_inspection_get_campaign_id:
 *
 * Returns: (nullable): the campaign the inspection belongs to
 */
const char *
fg_inspection_get_campaign_id (FgInspection *self)
{
  g_return_val_if_fail (FG_IS_INSPECTION (self), NULL);
  return self->campaign_id;
}

/**
 * fg_inspection_get_inspector:
 *
 * Returns: the login of the person who inspects
 */
const char *
fg_inspection_get_inspector (FgInspection *self)
{
  g_return_val_if_fail (FG_IS_INSPECTION (self), NULL);
  return self->inspector;
}

const char *
fg_inspection_get_inspector_name (FgInspection *self)
{
  g_return_val_if_fail (FG_IS_INSPECTION (self), NULL);
  return self->inspector_name;
}

const char *
fg_inspection_get_started_at (FgInspection *self)
{
  g_return_val_if_fail (FG_IS_INSPECTION (self), NULL);
  return self->started_at;
}

/**
 * fg_inspection_get_finished_at:
 *
 * Returns: (nullable): when it was finished, or %NULL for a draft
 */
const char *
fg_inspection_get_finished_at (FgInspection *self)
{
  g_return_val_if_fail (FG_IS_INSPECTION (self), NULL);
  return self->finished_at;
}

/**
 * fg_inspection_get_inspector_certificate:
 *
 * Returns: the number of the inspector's enforcement certificate kept
 *   when the inspection was finished; "" when none was entered, or while
 *   a draft
 */
const char *
fg_inspection_get_inspector_certificate (FgInspection *self)
{
  g_return_val_if_fail (FG_IS_INSPECTION (self), NULL);
  return self->inspector_certificate;
}

/**
 * fg_inspection_get_second_inspector:
 *
 * Returns: (nullable): the login of the officer who inspected with the
 *   inspector, %NULL when the inspector was alone (or none was recorded:
 *   inspections from before Firegrid kept one)
 */
const char *
fg_inspection_get_second_inspector (FgInspection *self)
{
  g_return_val_if_fail (FG_IS_INSPECTION (self), NULL);
  return self->second_inspector;
}

/**
 * fg_inspection_get_second_inspector_name:
 *
 * Returns: (nullable): the second inspector's name
 */
const char *
fg_inspection_get_second_inspector_name (FgInspection *self)
{
  g_return_val_if_fail (FG_IS_INSPECTION (self), NULL);
  return self->second_inspector_name;
}

/**
 * fg_inspection_get_second_inspector_certificate:
 *
 * Returns: (nullable): the second inspector's certificate number, kept
 *   when the inspection was finished
 */
const char *
fg_inspection_get_second_inspector_certificate (FgInspection *self)
{
  g_return_val_if_fail (FG_IS_INSPECTION (self), NULL);
  return self->second_inspector_certificate;
}

gboolean
fg_inspection_is_finished (FgInspection *self)
{
  g_return_val_if_fail (FG_IS_INSPECTION (self), FALSE);
  return self->finished_at != NULL;
}

/**
 * fg_inspection_get_items:
 *
 * Returns: (transfer none): the items to check (#FgChecklistItem): the
 *   union of the venue's categories' checklists, grouped by section, in the
 *   versions the inspection started with
 */
GListModel *
fg_inspection_get_items (FgInspection *self)
{
  g_return_val_if_fail (FG_IS_INSPECTION (self), NULL);
  return self->items;
}

/**
 * fg_inspection_find_item:
 *
 * Returns: (transfer none) (nullable): the item with @code
 */
FgChecklistItem *
fg_inspection_find_item (FgInspection *self,
                         const char   *code)
{
  guint n;

  g_return_val_if_fail (FG_IS_INSPECTION (self), NULL);

  n = g_list_model_get_n_items (self->items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (self->items, i);

      if (g_strcmp0 (fg_checklist_item_get_code (item), code) == 0)
        return item;  /* the list keeps its reference */
    }

  return NULL;
}

/**
 * fg_inspection_dup_templates:
 *
 * Returns: (transfer full): the checklists used, as "restaurant v1, hotel v2"
 */
char *
fg_inspection_dup_templates (FgInspection *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (FG_IS_INSPECTION (self), NULL);

  for (guint i = 0; i < self->templates->len; i++)
    {
      FgChecklist *checklist = g_ptr_array_index (self->templates, i);

      g_string_append_printf (text, "%s%s v%u", i > 0 ? ", " : "",
                              fg_checklist_get_id (checklist), fg_checklist_get_version (checklist));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * fg_inspection_get_checklists:
 *
 * Returns: (transfer none) (element-type FgChecklist): the template
 *   versions the inspection follows
 */
GPtrArray *
fg_inspection_get_checklists (FgInspection *self)
{
  g_return_val_if_fail (FG_IS_INSPECTION (self), NULL);
  return self->templates;
}

FgOutcome
fg_inspection_get_outcome (FgInspection *self,
                           const char   *code)
{
  Result *result;

  g_return_val_if_fail (FG_IS_INSPECTION (self), FG_OUTCOME_NONE);

  result = g_hash_table_lookup (self->results, code);
  return result != NULL ? result->outcome : FG_OUTCOME_NONE;
}

const char *
fg_inspection_get_note (FgInspection *self,
                        const char   *code)
{
  Result *result;

  g_return_val_if_fail (FG_IS_INSPECTION (self), NULL);

  result = g_hash_table_lookup (self->results, code);
  return result != NULL ? result->note : "";
}

/**
 * fg_inspection_get_photos:
 *
 * Returns: (transfer none) (array zero-terminated=1): the SHA-256 of each
 *   photo attached to the item
 */
const char * const *
fg_inspection_get_photos (FgInspection *self,
                          const char   *code)
{
  static const char * const none[] = { NULL };
  Result *result;

  g_return_val_if_fail (FG_IS_INSPECTION (self), NULL);

  result = g_hash_table_lookup (self->results, code);
  return result != NULL ? (const char * const *) result->photos->pdata : none;
}

guint
fg_inspection_get_n_answered (FgInspection *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (FG_IS_INSPECTION (self), 0);

  g_hash_table_iter_init (&iter, self->results);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += ((Result *) value)->outcome != FG_OUTCOME_NONE;

  return n;
}

static GPtrArray *
failed_of_kind (FgInspection        *self,
                FgChecklistItemKind  kind)
{
  GPtrArray *failed = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (self->items);

  for (guint i = 0; i < n; i++)
    {
      FgChecklistItem *item = g_list_model_get_item (self->items, i);

      if (fg_checklist_item_get_kind (item) == kind &&
          fg_inspection_get_outcome (self, fg_checklist_item_get_code (item)) == FG_OUTCOME_FAIL)
        g_ptr_array_add (failed, item);
      else
        g_object_unref (item);
    }

  return failed;
}

/**
 * fg_inspection_get_failed_items:
 *
 * What finishing will turn into hazards (see fg_hazard_grade_propose()):
 * the failed items that are orders to the venue. A failed task of the
 * township is not among them (see fg_inspection_get_township_tasks()).
 *
 * Returns: (transfer full) (element-type FgChecklistItem): the failed
 *   items, in checklist order
 */
GPtrArray *
fg_inspection_get_failed_items (FgInspection *self)
{
  g_return_val_if_fail (FG_IS_INSPECTION (self), NULL);
  return failed_of_kind (self, FG_CHECKLIST_ITEM_KIND_ORDER);
}

/**
 * fg_inspection_get_township_tasks:
 *
 * The failed items that are duties of the government, not of the venue
 * (a public water supply, shared charging places for e-bikes). They stay
 * in the inspection's results and its record, as work for the township;
 * they never become hazards, orders or notices to the venue.
 *
 * Returns: (transfer full) (element-type FgChecklistItem): the failed
 *   township tasks, in checklist order
 */
GPtrArray *
fg_inspection_get_township_tasks (FgInspection *self)
{
  g_return_val_if_fail (FG_IS_INSPECTION (self), NULL);
  return failed_of_kind (self, FG_CHECKLIST_ITEM_KIND_TOWNSHIP_TASK);
}

static Result *
ensure_result (FgInspection *self,
               const char   *code)
{
  Result *result = g_hash_table_lookup (self->results, code);

  if (result == NULL)
    {
      result = result_new ();
      g_hash_table_insert (self->results, g_strdup (code), result);
    }

  return result;
}

/* Reading */

#define INSPECTION_COLUMNS \
  "i.id, i.venue_id, i.kind, i.campaign_id, i.inspector, i.inspector_name, i.started_at," \
  " i.finished_at, coalesce (g.code, v.code), i.inspector_certificate, i.second_inspector," \
  " i.second_inspector_name, i.second_inspector_certificate"
#define INSPECTION_FROM \
  "inspection i JOIN region v ON v.id = i.village_id LEFT JOIN region g ON g.id = i.grid_id"

static FgInspection *
inspection_from_row (FgStore       *store,
                     sqlite3_stmt  *stmt,
                     GHashTable    *checklists,
                     GError       **error)
{
  g_autoptr(FgInspection) self = g_object_new (FG_TYPE_INSPECTION, NULL);
  g_autoptr(sqlite3_stmt) templates = NULL;
  g_autoptr(sqlite3_stmt) results = NULL;
  g_autoptr(sqlite3_stmt) photos = NULL;
  g_autoptr(GString) union_key = checklists != NULL ? g_string_new ("union") : NULL;
  int rc;

  self->id = g_strdup (fg_stmt_text (stmt, 0));
  self->venue_id = g_strdup (fg_stmt_text (stmt, 1));
  fg_inspection_kind_from_string (fg_stmt_text (stmt, 2), &self->kind);
  if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
    self->campaign_id = g_strdup (fg_stmt_text (stmt, 3));
  self->inspector = g_strdup (fg_stmt_text (stmt, 4));
  self->inspector_name = g_strdup (fg_stmt_text (stmt, 5));
  self->started_at = g_strdup (fg_stmt_text (stmt, 6));
  if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    self->finished_at = g_strdup (fg_stmt_text (stmt, 7));
  self->region_code = g_strdup (fg_stmt_text (stmt, 8));
  self->inspector_certificate = g_strdup (fg_stmt_text (stmt, 9));
  if (sqlite3_column_type (stmt, 10) != SQLITE_NULL)
    {
      self->second_inspector = g_strdup (fg_stmt_text (stmt, 10));
      self->second_inspector_name = g_strdup (fg_stmt_text (stmt, 11));
      self->second_inspector_certificate = g_strdup (fg_stmt_text (stmt, 12));
    }

  templates = fg_store_prepare (store,
                                "SELECT template_id, version FROM inspection_template"
                                " WHERE inspection_id = ?1 ORDER BY position",
                                error);
  if (templates == NULL)
    return NULL;
  sqlite3_bind_text (templates, 1, self->id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (templates)) == SQLITE_ROW)
    {
      g_autofree char *template_id = g_strdup (fg_stmt_text (templates, 0));
      guint version = (guint) sqlite3_column_int (templates, 1);
      FgChecklist *checklist;

      g_autofree char *key = checklists != NULL ? g_strdup_printf ("%s\x1f%u", template_id, version) : NULL;

      /* an installed version of a checklist never changes: one load of it
       * serves every inspection read with @checklists */
      if (union_key != NULL)
        g_string_append_printf (union_key, "\x1e%s", key);
      checklist = key != NULL ? g_hash_table_lookup (checklists, key) : NULL;
      if (checklist != NULL)
        {
          g_ptr_array_add (self->templates, g_object_ref (checklist));
          continue;
        }
      /* the statement is cached: loading a checklist must not reuse it */
      checklist = fg_checklist_load (store, template_id, version, error);
      if (checklist == NULL)
        return NULL;
      g_ptr_array_add (self->templates, checklist);
      if (key != NULL)
        g_hash_table_insert (checklists, g_steal_pointer (&key), g_object_ref (checklist));
    }
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }
  /* and so does one union of the same versions: no one changes it */
  self->items = union_key != NULL ? g_hash_table_lookup (checklists, union_key->str) : NULL;
  if (self->items != NULL)
    g_object_ref (self->items);
  else
    {
      self->items = fg_checklist_union (self->templates);
      if (union_key != NULL)
        g_hash_table_insert (checklists, g_strdup (union_key->str), g_object_ref (self->items));
    }

  results = fg_store_prepare (store,
                              "SELECT item_code, outcome, note FROM inspection_result"
                              " WHERE inspection_id = ?1",
                              error);
  if (results == NULL)
    return NULL;
  sqlite3_bind_text (results, 1, self->id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (results)) == SQLITE_ROW)
    {
      Result *result = ensure_result (self, fg_stmt_text (results, 0));

      for (guint i = 1; i < G_N_ELEMENTS (outcome_ids); i++)
        if (g_str_equal (fg_stmt_text (results, 1), outcome_ids[i]))
          result->outcome = i;
      g_free (result->note);
      result->note = g_strdup (fg_stmt_text (results, 2));
    }

  photos = fg_store_prepare (store,
                             "SELECT item_code, sha256 FROM inspection_photo"
                             " WHERE inspection_id = ?1 ORDER BY added_at, sha256",
                             error);
  if (photos == NULL)
    return NULL;
  sqlite3_bind_text (photos, 1, self->id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (photos)) == SQLITE_ROW)
    {
      Result *result = ensure_result (self, fg_stmt_text (photos, 0));

      g_ptr_array_insert (result->photos, (int) result->photos->len - 1,
                          g_strdup (fg_stmt_text (photos, 1)));
    }

  return g_steal_pointer (&self);
}

static FgInspection *
load_where_with (FgStore     *store,
                 const char  *where,
                 const char  *first,
                 const char  *second,
                 GHashTable  *checklists,
                 GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT " INSPECTION_COLUMNS " FROM " INSPECTION_FROM
                                          " WHERE i.deleted = 0 AND %s LIMIT 1", where);
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  if (second != NULL)
    sqlite3_bind_text (stmt, 2, second, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        fg_store_set_error (store, rc, error);
      return NULL;
    }

  /* inspection_from_row() copies the row before it runs other statements */
  return inspection_from_row (store, stmt, checklists, error);
}

static FgInspection *
load_where (FgStore     *store,
            const char  *where,
            const char  *first,
            const char  *second,
            GError     **error)
{
  return load_where_with (store, where, first, second, NULL, error);
}

/* The inspection @id, or NULL with @error set: not found, or unreadable. */
static FgInspection *
load_by_id_with (FgStore     *store,
                 const char  *id,
                 GHashTable  *checklists,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  FgInspection *self = load_where_with (store, "i.id = ?1", id, NULL, checklists, &local_error);

  if (self != NULL)
    return self;
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_NOT_FOUND, _("The inspection was not found."));
  return NULL;
}

static FgInspection *
load_by_id (FgStore     *store,
            const char  *id,
            GError     **error)
{
  return load_by_id_with (store, id, NULL, error);
}

/**
 * fg_inspection_load:
 * @store: the store
 * @actor: who reads it
 * @id: the inspection's id
 * @error: return location for an error
 *
 * Returns: (transfer full): the inspection, or %NULL with @error set
 */
FgInspection *
fg_inspection_load (FgStore     *store,
                    FgActor     *actor,
                    const char  *id,
                    GError     **error)
{
  g_autoptr(FgInspection) self = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  self = load_by_id (store, id, error);
  if (self == NULL)
    return NULL;

  if (!fg_permission_check (store, actor, FG_ACTION_VENUE_READ, self->region_code, self->id, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * fg_inspection_find_draft:
 * @store: the store
 * @actor: the inspector
 * @venue_id: the venue
 * @error: return location for an error
 *
 * A draft the actor left unfinished for the venue, to continue.
 *
 * Returns: (transfer full) (nullable): the draft, or %NULL (with @error set
 *   only if something went wrong)
 */
FgInspection *
fg_inspection_find_draft (FgStore     *store,
                          FgActor     *actor,
                          const char  *venue_id,
                          GError     **error)
{
  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (venue_id != NULL, NULL);

  return load_where (store, "i.venue_id = ?1 AND i.inspector = ?2 AND i.finished_at IS NULL",
                     venue_id, fg_actor_get_login (actor), error);
}

/**
 * fg_inspection_list_for_venue:
 * @store: the store
 * @actor: who reads
 * @venue_id: the venue
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type FgInspection): the venue's
 *   inspections, the newest first (drafts included)
 */
GPtrArray *
fg_inspection_list_for_venue (FgStore     *store,
                              FgActor     *actor,
                              const char  *venue_id,
                              GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  /* reading the venue checks the actor may see it */
  venue = fg_venue_load (store, actor, venue_id, error);
  if (venue == NULL)
    return NULL;

  stmt = fg_store_prepare (store,
                           "SELECT id FROM inspection WHERE venue_id = ?1 AND deleted = 0"
                           " ORDER BY started_at DESC, seq DESC",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, venue_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup (fg_stmt_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }
  g_clear_pointer (&stmt, fg_stmt_release);

  for (guint i = 0; i < ids->len; i++)
    {
      FgInspection *inspection = load_where (store, "i.id = ?1", g_ptr_array_index (ids, i), NULL, error);

      if (inspection == NULL)
        return NULL;
      g_ptr_array_add (list, inspection);
    }

  return g_steal_pointer (&list);
}

/* Writing */

static gboolean
check_draft (FgStore       *store,
             FgActor       *actor,
             FgInspection  *self,
             GError       **error)
{
  if (!fg_permission_check (store, actor, FG_ACTION_INSPECTION_RECORD, self->region_code, self->id, error))
    return FALSE;

  if (self->finished_at != NULL)
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_FINISHED,
                   _("This inspection was finished on %.10s and cannot change. "
                     "To correct it, make a new inspection."),
                   self->finished_at);
      return FALSE;
    }

  if (g_strcmp0 (self->inspector, fg_actor_get_login (actor)) != 0)
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_NOT_INSPECTOR,
                   _("This draft belongs to %s, who started the inspection."),
                   self->inspector_name);
      return FALSE;
    }

  return TRUE;
}

/**
 * fg_inspection_start:
 * @store: the store
 * @actor: the inspector
 * @venue_id: the venue
 * @kind: routine, campaign, re-inspection or after a public report
 * @campaign_id: (nullable): the campaign, for a campaign inspection
 * @error: return location for an error
 *
 * Starts a draft against the newest checklist of each of the venue's
 * categories. If the actor has an unfinished draft for the venue, it is
 * refused with %FG_INSPECTION_ERROR_DRAFT_EXISTS: continue that one
 * (fg_inspection_find_draft()) or discard it.
 *
 * Returns: (transfer full): the draft, or %NULL with @error set
 */
FgInspection *
fg_inspection_start (FgStore           *store,
                     FgActor           *actor,
                     const char        *venue_id,
                     FgInspectionKind   kind,
                     const char        *campaign_id,
                     GError           **error)
{
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgRegion) region = NULL;
  g_autoptr(FgRegion) village = NULL;
  g_autoptr(FgInspection) draft = NULL;
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *id = NULL;
  g_autofree char *now = NULL;
  g_autofree char *stamp = NULL;
  const char * const *categories;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (venue_id != NULL, NULL);
  g_return_val_if_fail (kind <= FG_INSPECTION_KIND_REPORT, NULL);

  venue = fg_venue_load (store, actor, venue_id, error);
  if (venue == NULL)
    return NULL;
  region = fg_region_find (store, fg_venue_get_region_id (venue), error);
  if (region == NULL)
    return NULL;
  if (!fg_permission_check (store, actor, FG_ACTION_INSPECTION_RECORD,
                            fg_region_get_code (region), venue_id, error))
    return NULL;

  if ((kind == FG_INSPECTION_KIND_CAMPAIGN) != (campaign_id != NULL))
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_CAMPAIGN,
                   kind == FG_INSPECTION_KIND_CAMPAIGN
                   ? _("Choose the campaign this inspection belongs to.")
                   : _("Only a campaign inspection belongs to a campaign."));
      return NULL;
    }
  if (campaign_id != NULL)
    {
      g_autoptr(sqlite3_stmt) campaign = fg_store_prepare (store,
                                                           "SELECT 1 FROM campaign WHERE id = ?1 AND deleted = 0",
                                                           error);
      if (campaign == NULL)
        return NULL;
      sqlite3_bind_text (campaign, 1, campaign_id, -1, SQLITE_STATIC);
      if (sqlite3_step (campaign) != SQLITE_ROW)
        {
          g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_CAMPAIGN,
                       _("That campaign does not exist."));
          return NULL;
        }
    }

  draft = fg_inspection_find_draft (store, actor, venue_id, error);
  if (draft != NULL)
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_DRAFT_EXISTS,
                   _("You have an unfinished inspection of %s from %.10s. Continue it, or discard it first."),
                   fg_venue_get_name (venue), draft->started_at);
      return NULL;
    }

  categories = fg_venue_get_categories (venue);
  for (guint i = 0; categories[i] != NULL; i++)
    {
      FgChecklist *checklist = fg_checklist_load_for_category (store, categories[i], error);

      if (checklist == NULL)
        return NULL;
      g_ptr_array_add (templates, checklist);
    }

  if (fg_region_get_level (region) == FG_REGION_LEVEL_GRID)
    village = fg_region_find (store, fg_region_get_parent_id (region), error);
  else
    village = g_object_ref (region);
  if (village == NULL)
    return NULL;

  id = fg_uuid_new ();
  now = fg_store_now_iso8601 (store);

  if (!fg_store_begin (store, error))
    return NULL;

  stamp = fg_store_next_stamp (store);
  stmt = fg_store_prepare (store,
                           "INSERT INTO inspection (id, venue_id, kind, campaign_id, inspector,"
                           "  inspector_name, started_at, township_id, village_id, grid_id,"
                           "  origin_node, stamp)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, venue_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, kind_ids[kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, campaign_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, fg_actor_get_login (actor), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, fg_actor_get_display_name (actor), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, fg_region_get_parent_id (village), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, fg_region_get_id (village), -1, SQLITE_STATIC);
  if (fg_region_get_level (region) == FG_REGION_LEVEL_GRID)
    sqlite3_bind_text (stmt, 10, fg_region_get_id (region), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, fg_store_get_node_id (store), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, stamp, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    goto failed;

  for (guint i = 0; i < templates->len; i++)
    {
      FgChecklist *checklist = g_ptr_array_index (templates, i);
      g_autoptr(sqlite3_stmt) link = NULL;

      link = fg_store_prepare (store,
                               "INSERT INTO inspection_template (inspection_id, position, template_id, version)"
                               " VALUES (?1, ?2, ?3, ?4)",
                               error);
      if (link == NULL)
        goto failed;
      sqlite3_bind_text (link, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_int (link, 2, (int) i);
      sqlite3_bind_text (link, 3, fg_checklist_get_id (checklist), -1, SQLITE_STATIC);
      sqlite3_bind_int (link, 4, (int) fg_checklist_get_version (checklist));
      if (!fg_store_step_done (store, link, error))
        goto failed;
    }

  {
    g_autofree char *after = fg_audit_dup_row (store, "inspection", id);
    if (!fg_audit_record_change (store, actor, "inspection-start", id, NULL, after, error))
      goto failed;
  }

  if (!fg_store_commit (store, error))
    return NULL;

  return fg_inspection_load (store, actor, id, error);

failed:
  fg_store_rollback (store);
  return NULL;
}

/* One item's outcome, for the audit log. */
static char *
outcome_json (const char *code,
              FgOutcome   outcome,
              const char *note)
{
  g_autoptr(GString) json = g_string_new ("{\"item\":\"");

  g_string_append (json, code);
  g_string_append_printf (json, "\",\"outcome\":\"%s\",\"note\":\"",
                          outcome != FG_OUTCOME_NONE ? outcome_ids[outcome] : "none");
  for (const char *p = note != NULL ? note : ""; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (json, '\\');
      g_string_append_c (json, *p);
    }
  g_string_append (json, "\"}");

  return g_string_free (g_steal_pointer (&json), FALSE);
}

/* An outcome of an item: one of the inspection's checklists (the versions
 * it started with), and "not applicable" only where the item allows it.
 * An outcome recorded here and one that came by bundle
 * (fg_inspection_check_results()) are held to the same. */
static gboolean
check_result (FgInspection  *self,
              const char    *code,
              FgOutcome      outcome,
              GError       **error)
{
  FgChecklistItem *item = code != NULL ? fg_inspection_find_item (self, code) : NULL;

  if (item == NULL)
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_UNKNOWN_ITEM,
                   _("“%s” is not an item of this inspection’s checklist."), code != NULL ? code : "");
      return FALSE;
    }

  if (outcome == FG_OUTCOME_NA && !fg_checklist_item_get_na_allowed (item))
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_NOT_APPLICABLE_REFUSED,
                   _("“%s” (%s) is a legal duty of every venue and cannot be marked not applicable. "
                     "Mark it as pass or fail."),
                   fg_checklist_item_get_text (item), code);
      return FALSE;
    }
  return TRUE;
}

/* Each hazard of a finished inspection is one of its failed orders, of
 * the item's checklist, as finishing it here makes them
 * (insert_hazards()). Not every failed item need have its hazard here: a
 * bundle carries the hazards a document of it names, and the inspection
 * they lean on, and the others may come in a bundle still on its way. */
static gboolean
check_hazards (FgStore       *store,
               FgInspection  *self,
               GError       **error)
{
  g_autoptr(GPtrArray) failed = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!fg_inspection_is_finished (self))
    return TRUE;
  failed = fg_inspection_get_failed_items (self);
  for (guint i = 0; i < failed->len; i++)
    {
      FgChecklistItem *item = g_ptr_array_index (failed, i);

      g_hash_table_insert (expected, (gpointer) fg_checklist_item_get_code (item), item);
    }

  stmt = fg_store_prepare (store, "SELECT item_code, template_id, template_version FROM hazard WHERE inspection_id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);
      FgChecklistItem *item = g_hash_table_lookup (expected, code);

      if (item == NULL || g_strcmp0 (fg_checklist_item_get_template_id (item), fg_stmt_text (stmt, 1)) != 0 ||
          fg_checklist_item_get_template_version (item) != (guint) sqlite3_column_int (stmt, 2))
        {
          g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_UNKNOWN_ITEM,
                       _("It names “%s” as a hazard it found, but that item of its checklist did not fail."), code);
          return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * fg_inspection_check_results:
 * @store: the store, the inspection written with its checklists and results
 * @id: an inspection that came by bundle
 * @checklists: (nullable): the checklists loaded so far, by template id and
 *   version (and their unions): a cache for checking many inspections, which the caller
 *   frees (g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
 *   g_object_unref)); or %NULL
 * @error: return location for an error
 *
 * Holds the results of an inspection that came by bundle to what
 * fg_inspection_record() holds an outcome typed here to: an item of the
 * checklists (kind and version) the inspection names, a known outcome,
 * "not applicable" only where allowed, a note no longer than one typed
 * here, and the moment it was recorded, come; a photo shows an item of
 * them too. Each hazard of a finished inspection is one of its failed
 * items.
 *
 * Returns: %TRUE if every result may stand
 */
gboolean
fg_inspection_check_results (FgStore     *store,
                             const char  *id,
                             GHashTable  *checklists,
                             GError     **error)
{
  g_autoptr(FgInspection) self = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  int rc;

  self = load_by_id_with (store, id, checklists, error);
  if (self == NULL)
    return FALSE;

  stmt = fg_store_prepare (store,
                           "SELECT item_code, outcome, note, recorded_at FROM inspection_result WHERE inspection_id = ?1"
                           " UNION ALL SELECT item_code, NULL, NULL, added_at FROM inspection_photo"
                           "   WHERE inspection_id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);
      const char *outcome_text = (const char *) sqlite3_column_text (stmt, 1);
      const char *note = (const char *) sqlite3_column_text (stmt, 2);
      const char *recorded_at = (const char *) sqlite3_column_text (stmt, 3);
      g_autoptr(GDateTime) moment = NULL;
      FgOutcome outcome = FG_OUTCOME_NONE;

      for (guint i = 1; outcome_text != NULL && i < G_N_ELEMENTS (outcome_ids); i++)
        if (g_str_equal (outcome_text, outcome_ids[i]))
          outcome = i;
      if (outcome_text != NULL && outcome == FG_OUTCOME_NONE)
        {
          g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_UNKNOWN_ITEM,
                       _("“%s” is not an outcome of a checklist item: an item passes, fails or does not apply."),
                       outcome_text);
          return FALSE;
        }
      if (!check_result (self, code, outcome, error))
        return FALSE;
      if (note != NULL && (!g_utf8_validate (note, -1, NULL) ||
                           g_utf8_strlen (note, -1) > FG_INSPECTION_MAX_NOTE_LENGTH))
        {
          g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_NOTE,
                       _("A note can have at most %d characters."), FG_INSPECTION_MAX_NOTE_LENGTH);
          return FALSE;
        }
      moment = recorded_at != NULL ? fg_calendar_parse_moment (recorded_at, &local_error) : NULL;
      if (recorded_at != NULL &&
          (moment == NULL || !fg_calendar_check_not_ahead (moment, recorded_at, &local_error)))
        {
          g_set_error_literal (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_TIME, local_error->message);
          return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return FALSE;
    }
  return check_hazards (store, self, error);
}

/**
 * fg_inspection_record:
 * @store: the store
 * @actor: the inspector
 * @self: a draft
 * @code: the item's code
 * @outcome: pass, fail, not applicable, or %FG_OUTCOME_NONE to clear it
 * @note: (nullable): what the inspector saw (for a failed item, printed
 *   on the notice)
 * @error: return location for an error
 *
 * Stores one item's outcome at once: a draft survives a closed window or a
 * power cut.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_inspection_record (FgStore       *store,
                      FgActor       *actor,
                      FgInspection  *self,
                      const char    *code,
                      FgOutcome      outcome,
                      const char    *note,
                      GError       **error)
{
  g_autofree char *clean_note = g_strstrip (g_strdup (note != NULL ? note : ""));
  g_autofree char *now = fg_store_now_iso8601 (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  Result *result;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (FG_IS_INSPECTION (self), FALSE);
  g_return_val_if_fail (outcome <= FG_OUTCOME_NA, FALSE);

  if (!check_draft (store, actor, self, error))
    return FALSE;

  if (!check_result (self, code, outcome, error))
    return FALSE;

  if (!g_utf8_validate (clean_note, -1, NULL) ||
      g_utf8_strlen (clean_note, -1) > FG_INSPECTION_MAX_NOTE_LENGTH)
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_NOTE,
                   _("A note can have at most %d characters."), FG_INSPECTION_MAX_NOTE_LENGTH);
      return FALSE;
    }

  if (!fg_store_begin (store, error))
    return FALSE;

  if (outcome == FG_OUTCOME_NONE)
    stmt = fg_store_prepare (store,
                             "DELETE FROM inspection_result WHERE inspection_id = ?1 AND item_code = ?2",
                             error);
  else
    stmt = fg_store_prepare (store,
                             "INSERT INTO inspection_result (inspection_id, item_code, outcome, note, recorded_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5)"
                             " ON CONFLICT (inspection_id, item_code) DO UPDATE SET"
                             "   outcome = excluded.outcome, note = excluded.note,"
                             "   recorded_at = excluded.recorded_at",
                             error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, self->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  if (outcome != FG_OUTCOME_NONE)
    {
      sqlite3_bind_text (stmt, 3, outcome_ids[outcome], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, clean_note, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
    }
  if (!fg_store_step_done (store, stmt, error))
    goto failed;

  {
    g_autofree char *after = outcome_json (code, outcome, clean_note);
    g_autofree char *before = outcome_json (code, fg_inspection_get_outcome (self, code),
                                            fg_inspection_get_note (self, code));
    if (!fg_audit_record_change (store, actor, "inspection-record", self->id, before, after, error))
      goto failed;
  }

  if (!fg_store_commit (store, error))
    return FALSE;

  result = ensure_result (self, code);
  result->outcome = outcome;
  g_free (result->note);
  result->note = outcome != FG_OUTCOME_NONE ? g_steal_pointer (&clean_note) : g_strdup ("");
  return TRUE;

failed:
  fg_store_rollback (store);
  return FALSE;
}

/**
 * fg_inspection_attach_photo:
 * @store: the store
 * @actor: the inspector
 * @self: a draft
 * @code: the item the photo shows
 * @image: a JPEG or PNG image, at most %FG_INSPECTION_MAX_PHOTO_SIZE bytes
 * @error: return location for an error
 *
 * Stores the photo once, by the SHA-256 of its bytes, however many items
 * or inspections show it.
 *
 * Returns: (transfer full): the photo's SHA-256, or %NULL with @error set
 */
char *
fg_inspection_attach_photo (FgStore       *store,
                            FgActor       *actor,
                            FgInspection  *self,
                            const char    *code,
                            GBytes        *image,
                            GError       **error)
{
  g_autofree char *sha256 = NULL;
  g_autofree char *now = fg_store_now_iso8601 (store);
  g_autoptr(sqlite3_stmt) link = NULL;
  const char *mime_type;
  Result *result;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (FG_IS_INSPECTION (self), NULL);
  g_return_val_if_fail (image != NULL, NULL);

  if (!check_draft (store, actor, self, error))
    return NULL;
  if (code == NULL || fg_inspection_find_item (self, code) == NULL)
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_UNKNOWN_ITEM,
                   _("“%s” is not an item of this inspection’s checklist."), code != NULL ? code : "");
      return NULL;
    }

  mime_type = fg_photo_check (image, error);
  if (mime_type == NULL)
    return NULL;

  if (!fg_store_begin (store, error))
    return NULL;

  sha256 = fg_photo_store (store, image, mime_type, error);
  if (sha256 == NULL)
    goto failed;

  link = fg_store_prepare (store,
                           "INSERT INTO inspection_photo (inspection_id, item_code, sha256, added_at)"
                           " VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
                           error);
  if (link == NULL)
    goto failed;
  sqlite3_bind_text (link, 1, self->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (link, 2, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (link, 3, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (link, 4, now, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, link, error))
    goto failed;

  {
    g_autofree char *after = g_strdup_printf ("{\"item\":\"%s\",\"photo\":\"%s\",\"type\":\"%s\"}",
                                              code, sha256, mime_type);
    if (!fg_audit_record_change (store, actor, "inspection-photo", self->id, NULL, after, error))
      goto failed;
  }

  if (!fg_store_commit (store, error))
    return NULL;

  result = ensure_result (self, code);
  if (!g_strv_contains ((const char * const *) result->photos->pdata, sha256))
    g_ptr_array_insert (result->photos, (int) result->photos->len - 1, g_strdup (sha256));

  return g_steal_pointer (&sha256);

failed:
  fg_store_rollback (store);
  return NULL;
}

/**
 * fg_inspection_load_photo:
 * @store: the store
 * @sha256: the photo's SHA-256
 * @mime_type: (out) (optional): "image/jpeg" or "image/png"
 * @error: return location for an error
 *
 * Returns: (transfer full): the photo's bytes, or %NULL with @error set
 */
GBytes *
fg_inspection_load_photo (FgStore     *store,
                          const char  *sha256,
                          char       **mime_type,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  stmt = fg_store_prepare (store, "SELECT mime_type, data FROM photo WHERE sha256 = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_NOT_FOUND,
                   _("The photo was not found."));
      return NULL;
    }

  if (mime_type != NULL)
    *mime_type = g_strdup (fg_stmt_text (stmt, 0));
  return g_bytes_new (sqlite3_column_blob (stmt, 1), (gsize) sqlite3_column_bytes (stmt, 1));
}

/* The account of one of the two inspectors of a law-enforcement
 * inspection: an active officer with the number of their certificate. */
static FgAccount *
load_officer (FgStore     *store,
              const char  *login,
              GError     **error)
{
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(GError) local_error = NULL;

  account = fg_account_private_load (store, login, &local_error);
  if (account == NULL)
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_INSPECTOR, "%s", local_error->message);
      return NULL;
    }
  if (!fg_account_get_active (account))
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_INSPECTOR,
                   _("The account of %s is switched off."), fg_account_get_display_name (account));
      return NULL;
    }
  if (!fg_account_is_officer (account))
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_INSPECTOR,
                   _("%s is a %s: both inspectors must be officers (township staff or administrators, "
                     "or county officers)."),
                   fg_account_get_display_name (account), fg_role_get_label (fg_account_get_role (account)));
      return NULL;
    }
  if (*fg_account_get_certificate (account) == '\0')
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_NO_CERTIFICATE,
                   _("%s has no enforcement certificate number. An administrator enters it in Accounts."),
                   fg_account_get_display_name (account));
      return NULL;
    }

  return g_steal_pointer (&account);
}

/**
 * fg_inspection_set_second_inspector:
 * @store: the store
 * @actor: the inspector
 * @self: a draft
 * @login: (nullable): the officer who inspects with the actor, or %NULL
 *   when the actor is alone
 * @error: return location for an error
 *
 * A law-enforcement inspection is made by at least two officers, each
 * showing their enforcement certificate: the inspection record names both
 * with their certificate numbers, and cannot be issued for an inspection
 * made alone. Both must be officers (fg_account_is_officer()) whose
 * accounts hold a certificate number. It can be chosen when the draft is
 * started or when it is finished; the numbers are kept at the finish.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_inspection_set_second_inspector (FgStore       *store,
                                    FgActor       *actor,
                                    FgInspection  *self,
                                    const char    *login,
                                    GError       **error)
{
  g_autoptr(FgAccount) second = NULL;
  g_autoptr(FgAccount) first = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (FG_IS_INSPECTION (self), FALSE);

  if (!check_draft (store, actor, self, error))
    return FALSE;
  if (login != NULL && *login == '\0')
    login = NULL;
  if (g_strcmp0 (login, self->second_inspector) == 0)
    return TRUE;

  if (login != NULL)
    {
      if (g_str_equal (login, self->inspector))
        {
          g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_INSPECTOR,
                       _("The second inspector is another officer than the one who inspects."));
          return FALSE;
        }
      first = load_officer (store, self->inspector, error);
      if (first == NULL)
        return FALSE;
      second = load_officer (store, login, error);
      if (second == NULL)
        return FALSE;
    }

  if (!fg_store_begin (store, error))
    return FALSE;

  before = fg_audit_dup_row (store, "inspection", self->id);
  stamp = fg_store_next_stamp (store);
  stmt = fg_store_prepare (store,
                           "UPDATE inspection SET second_inspector = ?1, second_inspector_name = ?2, stamp = ?3"
                           " WHERE id = ?4 AND finished_at IS NULL",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, second != NULL ? fg_account_get_display_name (second) : NULL, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, stamp, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, self->id, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    goto failed;
  after = fg_audit_dup_row (store, "inspection", self->id);
  if (!fg_audit_record_change (store, actor, "inspection-second-inspector", self->id, before, after, error) ||
      !fg_store_commit (store, error))
    goto failed;

  g_free (self->second_inspector);
  self->second_inspector = g_strdup (login);
  g_free (self->second_inspector_name);
  self->second_inspector_name = second != NULL ? g_strdup (fg_account_get_display_name (second)) : NULL;
  return TRUE;

failed:
  fg_store_rollback (store);
  return FALSE;
}

/* The certificate numbers the inspectors hold as the inspection is
 * finished, which it keeps: the inspector's, "" when none is entered; the
 * second inspector's, who must still be an officer with one. */
static gboolean
gather_certificates (FgStore        *store,
                     FgInspection   *self,
                     char          **first,
                     char          **second,
                     GError        **error)
{
  g_autoptr(FgAccount) inspector = NULL;
  g_autoptr(FgAccount) colleague = NULL;

  if (self->second_inspector == NULL)
    {
      inspector = fg_account_private_load (store, self->inspector, NULL);
      *first = g_strdup (inspector != NULL ? fg_account_get_certificate (inspector) : "");
      return TRUE;
    }

  inspector = load_officer (store, self->inspector, error);
  if (inspector == NULL)
    return FALSE;
  colleague = load_officer (store, self->second_inspector, error);
  if (colleague == NULL)
    return FALSE;
  *first = g_strdup (fg_account_get_certificate (inspector));
  *second = g_strdup (fg_account_get_certificate (colleague));
  return TRUE;
}

/* The hazards the failed items become, found at @found_at; inside the
 * transaction that finishes the inspection. */
static gboolean
insert_hazards (FgStore       *store,
                FgActor       *actor,
                FgInspection  *self,
                GPtrArray     *failed_items,
                const char    *found_at,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) path = NULL;
  g_autofree char *township_id = NULL;
  g_autofree char *village_id = NULL;
  g_autofree char *grid_id = NULL;

  path = fg_store_prepare (store,
                           "SELECT township_id, village_id, grid_id FROM inspection WHERE id = ?1",
                           error);
  if (path == NULL)
    return FALSE;
  sqlite3_bind_text (path, 1, self->id, -1, SQLITE_STATIC);
  if (sqlite3_step (path) != SQLITE_ROW)
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_NOT_FOUND,
                   _("The inspection is not in the database."));
      return FALSE;
    }
  township_id = g_strdup (fg_stmt_text (path, 0));
  village_id = g_strdup (fg_stmt_text (path, 1));
  if (sqlite3_column_type (path, 2) != SQLITE_NULL)
    grid_id = g_strdup (fg_stmt_text (path, 2));
  g_clear_pointer (&path, fg_stmt_release);

  for (guint i = 0; i < failed_items->len; i++)
    {
      FgChecklistItem *item = g_ptr_array_index (failed_items, i);
      const char *code = fg_checklist_item_get_code (item);
      g_autofree char *hazard_id = fg_uuid_new ();
      g_autofree char *hazard_stamp = fg_store_next_stamp (store);
      g_autoptr(sqlite3_stmt) hazard = NULL;

      hazard = fg_store_prepare (store,
                                 "INSERT INTO hazard (id, venue_id, inspection_id, item_code, template_id,"
                                 "  template_version, grade, deadline_days, note, found_at, township_id,"
                                 "  village_id, grid_id, origin_node, stamp)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                                 error);
      if (hazard == NULL)
        return FALSE;
      sqlite3_bind_text (hazard, 1, hazard_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (hazard, 2, self->venue_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (hazard, 3, self->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (hazard, 4, code, -1, SQLITE_STATIC);
      sqlite3_bind_text (hazard, 5, fg_checklist_item_get_template_id (item), -1, SQLITE_STATIC);
      sqlite3_bind_int (hazard, 6, (int) fg_checklist_item_get_template_version (item));
      sqlite3_bind_text (hazard, 7, fg_hazard_grade_to_string (fg_hazard_grade_propose (item)), -1, SQLITE_STATIC);
      sqlite3_bind_int (hazard, 8, (int) fg_checklist_item_get_deadline_days (item));
      sqlite3_bind_text (hazard, 9, fg_inspection_get_note (self, code), -1, SQLITE_STATIC);
      sqlite3_bind_text (hazard, 10, found_at, -1, SQLITE_STATIC);
      sqlite3_bind_text (hazard, 11, township_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (hazard, 12, village_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (hazard, 13, grid_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (hazard, 14, fg_store_get_node_id (store), -1, SQLITE_STATIC);
      sqlite3_bind_text (hazard, 15, hazard_stamp, -1, SQLITE_STATIC);
      if (!fg_store_step_done (store, hazard, error))
        return FALSE;

      {
        g_autofree char *hazard_row = fg_audit_dup_row (store, "hazard", hazard_id);
        const FgHazardEventDetails found = { .note = fg_inspection_get_note (self, code) };

        if (!fg_audit_record_change (store, actor, "hazard-found", hazard_id, NULL, hazard_row, error) ||
            !fg_hazard_append_event (store, actor, hazard_id, FG_HAZARD_EVENT_FOUND, &found, error))
          return FALSE;
      }
    }
  return TRUE;
}

/* An inspection typed in later: the audit log keeps the times the
 * officer gave beside the time they were typed. */
static gboolean
record_entered_times (FgStore       *store,
                      FgActor       *actor,
                      FgInspection  *self,
                      const char    *started_at,
                      const char    *ended_at,
                      const char    *now,
                      GError       **error)
{
  g_autofree char *before = g_strdup_printf ("{\"started_at\":\"%s\",\"finished_at\":\"%s\"}",
                                             self->started_at, now);
  g_autofree char *after = g_strdup_printf ("{\"started_at\":\"%s\",\"finished_at\":\"%s\","
                                            "\"entered_at\":\"%s\"}",
                                            started_at, ended_at, now);

  return fg_audit_record_change (store, actor, "inspection-times", self->id, before, after, error);
}

/* What an answer to one of the 2026 target's items says of the venue:
 * 1 present, 0 absent, -1 nothing (not applicable, or not asked). */
static int
equipment_answer (FgInspection *self,
                  const char   *code)
{
  if (fg_inspection_find_item (self, code) == NULL)
    return -1;
  switch (fg_inspection_get_outcome (self, code))
    {
    case FG_OUTCOME_PASS:
      return 1;
    case FG_OUTCOME_FAIL:
      return 0;
    case FG_OUTCOME_NONE:
    case FG_OUTCOME_NA:
    default:
      return -1;
    }
}

/* The venue's smoke alarm and simple extinguishing equipment follow the
 * inspection's answers to FG_ITEM_SMOKE_ALARM and FG_ITEM_SIMPLE_EXTINGUISHING
 * (0047-venue-equipment.sql): passed, present; failed, absent (no alarm
 * counted); either checked on the inspection's day. A count of alarms
 * already known stays when the item passes. A check the venue has from a
 * later day than this inspection's (one typed in from paper afterwards)
 * stays as it is. Written as the inspector, in the caller's transaction,
 * and audited as a change of the venue. */
static gboolean
update_venue_equipment (FgStore       *store,
                        FgActor       *actor,
                        FgInspection  *self,
                        const char    *ended_at,
                        GError       **error)
{
  int alarm = equipment_answer (self, FG_ITEM_SMOKE_ALARM);
  int simple = equipment_answer (self, FG_ITEM_SIMPLE_EXTINGUISHING);
  g_autoptr(GDateTime) ended = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (alarm < 0 && simple < 0)
    return TRUE;

  ended = g_date_time_new_from_iso8601 (ended_at, NULL);
  if (ended == NULL)
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_DATE,
                   _("The inspection’s end, %s, is not a time."), ended_at);
      return FALSE;
    }
  local = g_date_time_to_local (ended);
  day = g_date_time_format (local, "%Y-%m-%d");

  before = fg_audit_dup_row (store, "venue", self->venue_id);
  if (before == NULL)
    return TRUE;  /* the venue is gone: nothing to keep up */
  stamp = fg_store_next_stamp (store);
  stmt = fg_store_prepare (store,
                           "UPDATE venue SET"
                           "  smoke_alarm = CASE WHEN ?2 >= 0 AND coalesce (smoke_alarm_checked_on <= ?4, 1)"
                           "    THEN ?2 ELSE smoke_alarm END,"
                           "  smoke_alarm_count = CASE WHEN ?2 >= 0 AND coalesce (smoke_alarm_checked_on <= ?4, 1)"
                           "    THEN (CASE WHEN ?2 = 0 THEN 0 WHEN smoke_alarm_count > 0 THEN smoke_alarm_count END)"
                           "    ELSE smoke_alarm_count END,"
                           "  smoke_alarm_checked_on = CASE WHEN ?2 >= 0 AND coalesce (smoke_alarm_checked_on <= ?4, 1)"
                           "    THEN ?4 ELSE smoke_alarm_checked_on END,"
                           "  simple_extinguishing = CASE WHEN ?3 >= 0"
                           "    AND coalesce (simple_extinguishing_checked_on <= ?4, 1)"
                           "    THEN ?3 ELSE simple_extinguishing END,"
                           "  simple_extinguishing_checked_on = CASE WHEN ?3 >= 0"
                           "    AND coalesce (simple_extinguishing_checked_on <= ?4, 1)"
                           "    THEN ?4 ELSE simple_extinguishing_checked_on END,"
                           "  base_stamp = stamp, stamp = ?5"
                           " WHERE id = ?1 AND deleted = 0"
                           "  AND ((?2 >= 0 AND coalesce (smoke_alarm_checked_on <= ?4, 1))"
                           "    OR (?3 >= 0 AND coalesce (simple_extinguishing_checked_on <= ?4, 1)))",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->venue_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, alarm);
  sqlite3_bind_int (stmt, 3, simple);
  sqlite3_bind_text (stmt, 4, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, stamp, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (fg_store_get_db (store)) == 0)
    return TRUE;

  after = fg_audit_dup_row (store, "venue", self->venue_id);
  return fg_audit_record_change (store, actor, "venue-edit", self->venue_id, before, after, error);
}

/**
 * fg_inspection_finish:
 * @store: the store
 * @actor: the inspector
 * @self: a draft with an outcome for every item
 * @error: return location for an error
 *
 * Finishes the inspection now, in one transaction with the hazards its
 * failed items become (see fg_inspection_get_failed_items() for what they
 * will be) and with what its answers to %FG_ITEM_SMOKE_ALARM and
 * %FG_ITEM_SIMPLE_EXTINGUISHING say of the venue's equipment (passed:
 * present, failed: absent, checked on the inspection's day). From then on
 * the inspection never changes.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_inspection_finish (FgStore       *store,
                      FgActor       *actor,
                      FgInspection  *self,
                      GError       **error)
{
  return fg_inspection_finish_at (store, actor, self, NULL, NULL, error);
}

/**
 * fg_inspection_finish_at:
 * @store: the store
 * @actor: the inspector
 * @self: a draft with an outcome for every item
 * @started: (nullable): when the inspection started, "YYYY-MM-DD HH:MM",
 *   for one made on a paper form and typed in later
 * @ended: (nullable): when it ended, the same form; both or neither
 * @error: return location for an error
 *
 * Finishes the inspection as fg_inspection_finish() does; with @started
 * and @ended, the record carries those times (checked: the end after the
 * start, the same day, not to come, at most %FG_INSPECTION_MAX_DAYS_BACK
 * days ago), its hazards are found at its end, and the audit log notes
 * the times given. Times refused change nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_inspection_finish_at (FgStore       *store,
                         FgActor       *actor,
                         FgInspection  *self,
                         const char    *started,
                         const char    *ended,
                         GError       **error)
{
  g_autoptr(GPtrArray) failed_items = NULL;
  g_autoptr(sqlite3_stmt) finish = NULL;
  g_autofree char *now = fg_store_now_iso8601 (store);
  g_autofree char *stamp = NULL;
  g_autofree char *before = NULL;
  g_autofree char *first_certificate = NULL;
  g_autofree char *second_certificate = NULL;
  g_autofree char *started_at = NULL;
  g_autofree char *ended_at = NULL;
  gboolean entered = started != NULL || ended != NULL;
  guint n_items;
  guint n_answered;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (FG_IS_INSPECTION (self), FALSE);

  if (!check_draft (store, actor, self, error))
    return FALSE;

  n_items = g_list_model_get_n_items (self->items);
  n_answered = fg_inspection_get_n_answered (self);
  if (n_answered < n_items)
    {
      g_set_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INCOMPLETE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u item has no outcome yet. Mark it as pass, fail or not applicable.",
                                "%u items have no outcome yet. Mark each as pass, fail or not applicable.",
                                n_items - n_answered),
                   n_items - n_answered);
      return FALSE;
    }
  if (entered && !fg_inspection_check_times (store, started, ended, &started_at, &ended_at, error))
    return FALSE;
  if (!entered)
    {
      started_at = g_strdup (self->started_at);
      ended_at = g_strdup (now);
    }

  failed_items = fg_inspection_get_failed_items (self);
  if (!gather_certificates (store, self, &first_certificate, &second_certificate, error))
    return FALSE;

  if (!fg_store_begin (store, error))
    return FALSE;

  before = fg_audit_dup_row (store, "inspection", self->id);
  stamp = fg_store_next_stamp (store);
  finish = fg_store_prepare (store,
                             "UPDATE inspection SET finished_at = ?1, stamp = ?2, inspector_certificate = ?4,"
                             "  second_inspector_certificate = ?5, started_at = ?6"
                             " WHERE id = ?3 AND finished_at IS NULL",
                             error);
  if (finish == NULL)
    goto failed;
  sqlite3_bind_text (finish, 1, ended_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (finish, 2, stamp, -1, SQLITE_STATIC);
  sqlite3_bind_text (finish, 3, self->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (finish, 4, first_certificate, -1, SQLITE_STATIC);
  sqlite3_bind_text (finish, 5, second_certificate, -1, SQLITE_STATIC);
  sqlite3_bind_text (finish, 6, started_at, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, finish, error) ||
      !insert_hazards (store, actor, self, failed_items, ended_at, error) ||
      !update_venue_equipment (store, actor, self, ended_at, error) ||
      (entered && !record_entered_times (store, actor, self, started_at, ended_at, now, error)))
    goto failed;

  {
    g_autofree char *after = fg_audit_dup_row (store, "inspection", self->id);
    if (!fg_audit_record_change (store, actor, "inspection-finish", self->id, before, after, error))
      goto failed;
  }

  if (!fg_store_commit (store, error))
    return FALSE;

  g_free (self->started_at);
  self->started_at = g_steal_pointer (&started_at);
  self->finished_at = g_steal_pointer (&ended_at);
  g_free (self->inspector_certificate);
  self->inspector_certificate = g_steal_pointer (&first_certificate);
  g_free (self->second_inspector_certificate);
  self->second_inspector_certificate = g_steal_pointer (&second_certificate);
  return TRUE;

failed:
  fg_store_rollback (store);
  return FALSE;
}

/**
 * fg_inspection_discard:
 * @store: the store
 * @actor: the inspector
 * @self: a draft
 * @error: return location for an error
 *
 * Throws a draft away (its photos stay, as other inspections may show
 * them). A finished inspection cannot be discarded.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_inspection_discard (FgStore       *store,
                       FgActor       *actor,
                       FgInspection  *self,
                       GError       **error)
{
  static const char * const statements[] = {
    "DELETE FROM inspection_photo WHERE inspection_id = ?1",
    "DELETE FROM inspection_result WHERE inspection_id = ?1",
    "DELETE FROM inspection_template WHERE inspection_id = ?1",
    "DELETE FROM inspection WHERE id = ?1 AND finished_at IS NULL",
  };

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (FG_IS_INSPECTION (self), FALSE);

  if (!check_draft (store, actor, self, error))
    return FALSE;

  if (!fg_store_begin (store, error))
    return FALSE;

  {
    g_autofree char *before = fg_audit_dup_row (store, "inspection", self->id);
    if (!fg_audit_record_change (store, actor, "inspection-discard", self->id, before, NULL, error))
      goto failed;
  }

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (store, statements[i], error);

      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, self->id, -1, SQLITE_STATIC);
      if (!fg_store_step_done (store, stmt, error))
        goto failed;
    }

  return fg_store_commit (store, error);

failed:
  fg_store_rollback (store);
  return FALSE;
}
