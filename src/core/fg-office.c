/* fg-office.c — an installation as a whole: opening it, setting it up
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The steps that touch several modules at once have their owner here, above
 * them: the store only opens and migrates the database, the division tree
 * knows nothing of keys and bundles. The window, firegrid-cli and the tests
 * open a database and set up an installation through these calls.
 */
#include "config.h"

#include "fg-account-private.h"
#include "fg-audit-private.h"
#include "fg-calendar-private.h"
#include "fg-checklist-private.h"
#include "fg-divisions.h"
#include "fg-node-private.h"
#include "fg-office.h"
#include "fg-region-private.h"
#include "fg-store-private.h"
#include "fg-venue-upkeep-private.h"

/* A database made before schema 48 leaves out the indexes its office does
 * not read (fg_venue_fit_list_indexes()); a failure leaves them, which
 * costs room and nothing else. */
static void
fit_list_indexes (FgStore *store)
{
  g_autoptr(GError) error = NULL;

  if (!fg_venue_fit_list_indexes (store, &error))
    g_warning ("The venue list's indexes could not be fitted to the office: %s", error->message);
}

/**
 * fg_office_open:
 * @path: the database file; created when it does not exist
 * @error: return location for an error
 *
 * Opens (or creates) the database with fg_store_open(), then brings in what
 * ships with this version of the program: its checklists and its holiday
 * calendar (each installed once per version, in a transaction of its own),
 * and the chain over audit records written before the log was chained; it
 * leaves out the indexes its office does not read (in a township's, those
 * of a county's venue list). Those steps report their failures as
 * warnings and do not keep the database from opening.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
FgStore *
fg_office_open (const char  *path,
                GError     **error)
{
  g_autoptr(FgStore) store = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = fg_store_open (path, error);
  if (store == NULL)
    return NULL;

  fg_checklist_install_shipped (store);
  fg_calendar_install_shipped (store);
  fg_audit_seal (store);
  fit_list_indexes (store);

  return g_steal_pointer (&store);
}

static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  FgStore *store;

  store = fg_office_open (task_data, &error);
  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

/**
 * fg_office_open_async:
 * @path: the database file; created when it does not exist
 * @cancellable: (nullable): not used once the open has begun
 * @callback: called in the caller's main context when it is open
 * @user_data: for @callback
 *
 * fg_office_open() in a thread of its own, for a window that keeps
 * drawing while a large database is brought up to date. The store
 * returned is used from the caller's thread afterwards.
 */
void
fg_office_open_async (const char          *path,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fg_office_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_in_thread);
}

/**
 * fg_office_open_finish:
 * @result: what fg_office_open_async() gave its callback
 * @error: return location for an error
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
FgStore *
fg_office_open_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* The names a set-up stores: the ones typed, or for one left empty the
 * shipped list's name of the code's township or county. A code the list
 * lacks keeps the empty name, which the region tree refuses. */
static gboolean
names_from_list (FgNodeKind    kind,
                 const char   *code,
                 const char   *name,
                 const char   *county_name,
                 char        **out_name,
                 char        **out_county_name,
                 GError      **error)
{
  g_autoptr(FgDivisions) divisions = NULL;
  g_autofree char *clean = NULL;
  const FgDivision *division;
  gboolean name_blank = is_blank (name);
  gboolean county_blank = is_blank (county_name);

  *out_name = g_strdup (name);
  *out_county_name = g_strdup (county_name);
  if (kind == FG_NODE_KIND_GRID || (!name_blank && (kind == FG_NODE_KIND_COUNTY || !county_blank)))
    return TRUE;

  clean = fg_division_code_normalize (code, kind == FG_NODE_KIND_COUNTY ? FG_REGION_LEVEL_COUNTY
                                                                        : FG_REGION_LEVEL_TOWNSHIP,
                                      NULL, NULL);
  if (clean == NULL)
    return TRUE;

  divisions = fg_divisions_load (error);
  if (divisions == NULL)
    return FALSE;

  division = fg_divisions_lookup (divisions, clean);
  if (name_blank && division != NULL)
    {
      g_free (*out_name);
      *out_name = g_strdup (division->name);
    }
  if (kind == FG_NODE_KIND_TOWNSHIP && county_blank)
    {
      g_autofree char *county_code = g_strndup (clean, 6);

      division = fg_divisions_lookup (divisions, county_code);
      if (division != NULL)
        {
          g_free (*out_county_name);
          *out_county_name = g_strdup (division->name);
        }
    }
  return TRUE;
}

/* The node, its divisions and the key pair it signs its bundles with, in
 * one transaction (the caller's, when there is one): all or nothing. */
static gboolean
set_up_node (FgStore     *store,
             FgActor     *installer,
             FgNodeKind   kind,
             const char  *code,
             const char  *name,
             const char  *county_name,
             GError     **error)
{
  g_autofree char *full_name = NULL;
  g_autofree char *full_county_name = NULL;
  gboolean set_up = FALSE;

  if (!names_from_list (kind, code, name, county_name, &full_name, &full_county_name, error))
    return FALSE;

  if (!fg_store_begin (store, error))
    return FALSE;

  switch (kind)
    {
    case FG_NODE_KIND_TOWNSHIP:
      set_up = fg_region_set_up_township (store, installer, code, full_name, full_county_name, error);
      break;
    case FG_NODE_KIND_COUNTY:
      set_up = fg_region_set_up_county (store, installer, code, full_name, error);
      break;
    case FG_NODE_KIND_GRID:
      set_up = fg_region_set_up_grid (store, installer, code, full_name, error);
      break;
    default:
      g_assert_not_reached ();
    }

  /* a township's or a grid station's database keeps no county list indexes */
  if (!set_up || !fg_node_ensure_keys (store, error) || !fg_venue_fit_list_indexes (store, error))
    {
      fg_store_rollback (store);
      fg_store_reload_node (store);
      return FALSE;
    }

  return fg_store_commit (store, error);
}

/**
 * fg_office_set_up_township:
 * @store: a store that has not been set up
 * @installer: who sets it up
 * @township_code: the township's division code (9 or 12 digits)
 * @township_name: (nullable): the township's name, e.g. "柳林镇"; when
 *   empty, the shipped division list's name of @township_code
 * @county_name: (nullable): the county's name; when empty, the division
 *   list's name of the county of @township_code. A code the list lacks
 *   needs both names: they are printed in the issuing authority's name
 * @error: return location for an error
 *
 * Makes this installation a township office: the node, its county and its
 * township (the root of everything it records), and the node's key pair,
 * in one transaction — the caller's, when there is one (the demo's).
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
fg_office_set_up_township (FgStore     *store,
                           FgActor     *installer,
                           const char  *township_code,
                           const char  *township_name,
                           const char  *county_name,
                           GError     **error)
{
  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (installer != NULL, FALSE);

  return set_up_node (store, installer, FG_NODE_KIND_TOWNSHIP,
                      township_code, township_name, county_name, error);
}

/**
 * fg_office_set_up_county:
 * @store: a store that has not been set up
 * @installer: who sets it up
 * @county_code: the county's division code (6 or 12 digits)
 * @county_name: (nullable): the county's name, e.g. "郏县"; when empty,
 *   the shipped division list's name of @county_code
 * @error: return location for an error
 *
 * Makes this installation a county office: the node, the county (under
 * which the townships' bundles bring their records) and the node's key
 * pair, in one transaction.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
fg_office_set_up_county (FgStore     *store,
                         FgActor     *installer,
                         const char  *county_code,
                         const char  *county_name,
                         GError     **error)
{
  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (installer != NULL, FALSE);

  return set_up_node (store, installer, FG_NODE_KIND_COUNTY, county_code, county_name, NULL, error);
}

/**
 * fg_office_set_up_grid:
 * @store: a store that has not been set up
 * @installer: who sets it up
 * @grid_code: the grid's code as its township numbered it
 * @grid_name: (nullable): the grid's name, when known
 * @error: return location for an error
 *
 * Makes this installation a grid station: the node, its grid and the
 * divisions above it (named by their codes until the township's first
 * bundle brings their names), and the node's key pair, in one transaction.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
fg_office_set_up_grid (FgStore     *store,
                       FgActor     *installer,
                       const char  *grid_code,
                       const char  *grid_name,
                       GError     **error)
{
  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (installer != NULL, FALSE);

  return set_up_node (store, installer, FG_NODE_KIND_GRID, grid_code, grid_name, NULL, error);
}

/* An installation and its first administrator, both or neither. */
static FgAccount *
set_up_with_admin (FgStore     *store,
                   FgNodeKind   kind,
                   const char  *code,
                   const char  *name,
                   const char  *county_name,
                   const char  *admin_login,
                   const char  *admin_name,
                   const char  *admin_password,
                   GError     **error)
{
  g_autoptr(FgActor) installer = fg_actor_new_local ();
  g_autoptr(FgAccount) admin = NULL;
  FgRole role;

  g_assert (FG_IS_STORE (store));

  switch (kind)
    {
    case FG_NODE_KIND_COUNTY:
      role = FG_ROLE_COUNTY_ADMIN;
      break;
    case FG_NODE_KIND_GRID:
      role = FG_ROLE_GRID_ADMIN;
      break;
    case FG_NODE_KIND_TOWNSHIP:
    default:
      role = FG_ROLE_TOWNSHIP_ADMIN;
      break;
    }

  /* the login and the password first, so that a weak password leaves
   * nothing behind */
  if (!fg_account_check_login_and_password (admin_login, admin_password, error))
    return NULL;

  if (!fg_store_begin (store, error))
    return NULL;
  if (!set_up_node (store, installer, kind, code, name, county_name, error))
    goto failed;
  /* the real name: documents and the audit log print it */
  admin = fg_account_create (store, installer, admin_login, admin_name,
                             role, fg_store_get_home_region_id (store), admin_password, error);
  if (admin == NULL)
    goto failed;
  if (!fg_store_commit (store, error))
    return NULL;

  return g_steal_pointer (&admin);

failed:
  fg_store_rollback (store);
  fg_store_reload_node (store);
  return NULL;
}

/**
 * fg_office_set_up_township_with_admin:
 * @store: a store that has not been set up
 * @township_code: the township's division code (9 or 12 digits)
 * @township_name: (nullable): its name; the division list's when empty
 * @county_name: (nullable): the county's name; the list's when empty
 * @admin_login: the first administrator's login name
 * @admin_name: the administrator's real name, e.g. "张伟"
 * @admin_password: the administrator's password
 * @error: return location for an error
 *
 * Sets up the township (see fg_office_set_up_township()) and its first
 * administrator in one transaction: either both are there afterwards, or
 * neither.
 *
 * Returns: (transfer full): the administrator's account, or %NULL with
 *   @error set
 */
FgAccount *
fg_office_set_up_township_with_admin (FgStore     *store,
                                      const char  *township_code,
                                      const char  *township_name,
                                      const char  *county_name,
                                      const char  *admin_login,
                                      const char  *admin_name,
                                      const char  *admin_password,
                                      GError     **error)
{
  g_return_val_if_fail (FG_IS_STORE (store), NULL);

  return set_up_with_admin (store, FG_NODE_KIND_TOWNSHIP, township_code, township_name, county_name,
                            admin_login, admin_name, admin_password, error);
}

/**
 * fg_office_set_up_county_with_admin:
 *
 * Sets up a county office's installation (see fg_office_set_up_county())
 * and its administrator, both or neither.
 *
 * Returns: (transfer full): the administrator's account, or %NULL with
 *   @error set
 */
FgAccount *
fg_office_set_up_county_with_admin (FgStore     *store,
                                    const char  *county_code,
                                    const char  *county_name,
                                    const char  *admin_login,
                                    const char  *admin_name,
                                    const char  *admin_password,
                                    GError     **error)
{
  g_return_val_if_fail (FG_IS_STORE (store), NULL);

  return set_up_with_admin (store, FG_NODE_KIND_COUNTY, county_code, county_name, NULL,
                            admin_login, admin_name, admin_password, error);
}

/**
 * fg_office_set_up_grid_with_admin:
 * @grid_code: the grid's code as its township numbered it, e.g.
 *   410425101201-003
 * @grid_name: (nullable): the grid's name, when known; the township's
 *   first bundle brings the names of the grid and the divisions above it
 *
 * Sets up a grid station's installation (see fg_office_set_up_grid()) and
 * its administrator, both or neither.
 *
 * Returns: (transfer full): the administrator's account, or %NULL with
 *   @error set
 */
FgAccount *
fg_office_set_up_grid_with_admin (FgStore     *store,
                                  const char  *grid_code,
                                  const char  *grid_name,
                                  const char  *admin_login,
                                  const char  *admin_name,
                                  const char  *admin_password,
                                  GError     **error)
{
  g_return_val_if_fail (FG_IS_STORE (store), NULL);

  return set_up_with_admin (store, FG_NODE_KIND_GRID, grid_code, grid_name, NULL,
                            admin_login, admin_name, admin_password, error);
}

/* Checks the divisions' fields of a set-up, each on its own. */
static void
check_division_fields (FgNodeKind   kind,
                       const char  *code,
                       const char  *name,
                       const char  *county_name,
                       GError     **errors)
{
  g_autofree char *clean = NULL;
  g_autofree char *full_name = NULL;
  g_autofree char *full_county_name = NULL;
  g_autofree char *checked = NULL;
  GError **code_error = &errors[FG_OFFICE_FIELD_CODE];
  g_autoptr(GError) list_error = NULL;

  if (kind == FG_NODE_KIND_GRID)
    {
      clean = fg_grid_code_normalize (code, code_error);
      return;
    }

  clean = fg_division_code_normalize (code, kind == FG_NODE_KIND_COUNTY ? FG_REGION_LEVEL_COUNTY
                                                                        : FG_REGION_LEVEL_TOWNSHIP,
                                      NULL, code_error);
  /* a broken corrections file of the list: said under the code */
  if (!names_from_list (kind, code, name, county_name, &full_name, &full_county_name, &list_error))
    {
      if (*code_error == NULL)
        g_propagate_error (code_error, g_steal_pointer (&list_error));
      return;
    }

  checked = fg_region_check_division_name (full_name,
                                           kind == FG_NODE_KIND_COUNTY ? FG_REGION_LEVEL_COUNTY
                                                                       : FG_REGION_LEVEL_TOWNSHIP,
                                           &errors[FG_OFFICE_FIELD_NAME]);
  if (kind == FG_NODE_KIND_TOWNSHIP)
    {
      g_clear_pointer (&checked, g_free);
      checked = fg_region_check_division_name (full_county_name, FG_REGION_LEVEL_COUNTY,
                                               &errors[FG_OFFICE_FIELD_COUNTY_NAME]);
    }
}

/**
 * fg_office_check_set_up:
 * @kind: the kind of installation
 * @code: (nullable): the township's, county's or grid's code; %NULL when
 *   the divisions are there already and only the administrator is checked
 * @name: (nullable): the name of the township, county or grid; taken from
 *   the shipped division list when empty (see fg_divisions_load())
 * @county_name: (nullable): a township's county; from the list when empty
 * @admin_login: the first administrator's login name
 * @admin_name: the administrator's real name
 * @admin_password: the administrator's password
 * @errors: (array fixed-size=6) (out caller-allocates): %FG_OFFICE_N_FIELDS
 *   return locations, cleared to %NULL, one per #FgOfficeField
 *
 * Makes every check a set-up would make of what was typed, without the
 * store, so that a form can mark each field that is wrong at once: the
 * fields whose entry in @errors is set after the call.
 *
 * Returns: how many fields are wrong
 */
guint
fg_office_check_set_up (FgNodeKind   kind,
                        const char  *code,
                        const char  *name,
                        const char  *county_name,
                        const char  *admin_login,
                        const char  *admin_name,
                        const char  *admin_password,
                        GError     **errors)
{
  g_autofree char *clean_name = NULL;
  guint n_wrong = 0;

  g_return_val_if_fail (errors != NULL, 0);
  for (guint i = 0; i < FG_OFFICE_N_FIELDS; i++)
    g_return_val_if_fail (errors[i] == NULL, 0);

  if (code != NULL)
    check_division_fields (kind, code, name, county_name, errors);

  clean_name = fg_account_check_display_name (admin_name, &errors[FG_OFFICE_FIELD_ADMIN_NAME]);
  fg_account_check_login (admin_login, &errors[FG_OFFICE_FIELD_ADMIN_LOGIN]);
  fg_account_check_password (admin_password, admin_login, &errors[FG_OFFICE_FIELD_ADMIN_PASSWORD]);

  for (guint i = 0; i < FG_OFFICE_N_FIELDS; i++)
    n_wrong += errors[i] != NULL;
  return n_wrong;
}
