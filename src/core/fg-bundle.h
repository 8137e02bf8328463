/* fg-bundle.h — signed XML bundles: what one office sends another
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "fg-actor.h"
#include "fg-store.h"

G_BEGIN_DECLS

#define FG_BUNDLE_ERROR (fg_bundle_error_quark ())

typedef enum
{
  FG_BUNDLE_ERROR_MALFORMED,         /* not a bundle, damaged, or hostile */
  FG_BUNDLE_ERROR_BAD_SIGNATURE,     /* a byte changed, or signed by another key */
  FG_BUNDLE_ERROR_UNKNOWN_SIGNER,    /* not a peer of this installation */
  FG_BUNDLE_ERROR_NOT_FOR_US,        /* addressed to another installation */
  FG_BUNDLE_ERROR_OUT_OF_SCOPE,      /* a row outside what the sender may write */
  FG_BUNDLE_ERROR_ALREADY_IMPORTED,  /* this very bundle was imported before */
  FG_BUNDLE_ERROR_NOTHING_TO_SEND,
  FG_BUNDLE_ERROR_NUMBER_TAKEN,      /* a document under a number another one has here */
  FG_BUNDLE_ERROR_AUDIT_TAMPERED,    /* an audit record that breaks its office's chain as kept here */
  FG_BUNDLE_ERROR_INVALID_ROW,       /* a row the checks of this installation would refuse if typed here */
  FG_BUNDLE_ERROR_REPLACED_SIGNER,   /* from an installation the county replaced */
} FgBundleError;

/* What an import did, or would do (a dry run); an export's counts. */
typedef struct
{
  guint added;
  guint changed;
  guint unchanged;
  guint conflicts;
  guint refused;
  guint photos;
  guint audit;      /* audit records: sent, or new here */

  /* an import's rows of each kind, new here or not, as a person counts
   * what came: venues, inspections, hazards (with their history),
   * documents */
  guint venues;
  guint inspections;
  guint hazards;
  guint notices;
} FgBundleReport;

/* What a bundle says of itself, once its signature is checked. */
typedef struct
{
  char   *sender;
  char   *sender_name;
  char   *receiver;
  guint   sequence;
  char   *previous;
  char   *created_at;
  char   *since;        /* when the previous one was written; NULL: everything */
  char   *digest;       /* SHA-256 of the whole file */
  char   *takes_over;   /* a county's to a township's new office: the office it replaced; or NULL */
} FgBundleInfo;

/**
 * FgBundleProgressFunc:
 * @fraction: how far the work is, from 0 to 1
 * @user_data: the data given with the function
 *
 * Told how far an export or an import is: in the thread that does it,
 * or for the _async functions in the caller's main context.
 */
typedef void (*FgBundleProgressFunc) (double   fraction,
                                      gpointer user_data);

GQuark         fg_bundle_error_quark  (void);
void           fg_bundle_info_free    (FgBundleInfo    *info);

gboolean       fg_bundle_export       (FgStore         *store,
                                       FgActor         *actor,
                                       const char      *peer,
                                       const char      *path,
                                       FgBundleReport  *report,
                                       GCancellable    *cancellable,
                                       GError         **error);
gboolean       fg_bundle_export_full  (FgStore               *store,
                                       FgActor               *actor,
                                       const char            *peer,
                                       const char            *path,
                                       FgBundleReport        *report,
                                       FgBundleProgressFunc   progress,
                                       gpointer               progress_data,
                                       GCancellable          *cancellable,
                                       GError               **error);
FgBundleInfo  *fg_bundle_verify       (FgStore         *store,
                                       const char      *path,
                                       GError         **error);
gboolean       fg_bundle_import       (FgStore         *store,
                                       FgActor         *actor,
                                       const char      *path,
                                       gboolean         dry_run,
                                       FgBundleReport  *report,
                                       GCancellable    *cancellable,
                                       GError         **error);

gboolean       fg_bundle_import_full  (FgStore               *store,
                                       FgActor               *actor,
                                       const char            *path,
                                       gboolean               dry_run,
                                       FgBundleReport        *report,
                                       FgBundleProgressFunc   progress,
                                       gpointer               progress_data,
                                       GCancellable          *cancellable,
                                       GError               **error);

/* fg-bundle-async.c: the same in a worker thread */
void           fg_bundle_export_async  (FgStore               *store,
                                        FgActor               *actor,
                                        const char            *peer,
                                        const char            *path,
                                        FgBundleProgressFunc   progress,
                                        gpointer               progress_data,
                                        GCancellable          *cancellable,
                                        GAsyncReadyCallback    callback,
                                        gpointer               user_data);
gboolean       fg_bundle_export_finish (GAsyncResult          *result,
                                        FgBundleReport        *report,
                                        GError               **error);
void           fg_bundle_import_async  (FgStore               *store,
                                        FgActor               *actor,
                                        const char            *path,
                                        gboolean               dry_run,
                                        FgBundleProgressFunc   progress,
                                        gpointer               progress_data,
                                        GCancellable          *cancellable,
                                        GAsyncReadyCallback    callback,
                                        gpointer               user_data);
gboolean       fg_bundle_import_finish (GAsyncResult          *result,
                                        FgBundleReport        *report,
                                        GError               **error);
FgBundleInfo  *fg_bundle_import_dup_info (GAsyncResult        *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgBundleInfo, fg_bundle_info_free)

G_END_DECLS
