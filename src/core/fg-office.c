/* fg-office.c — an installation as a whole: opening it
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

#include "fg-audit-private.h"
#include "fg-calendar-private.h"
#include "fg-checklist-private.h"
#include "fg-office.h"
#include "fg-store-private.h"

/**
 * fg_office_open:
 * @path: the database file; created when it does not exist
 * @error: return location for an error
 *
 * Opens (or creates) the database with fg_store_open(), then brings in what
 * ships with this version of the program: its checklists and its holiday
 * calendar (each installed once per version, in a transaction of its own),
 * and the chain over audit records written before the log was chained.
 * Those steps report their failures as warnings and do not keep the
 * database from opening.
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

  return g_steal_pointer (&store);
}
