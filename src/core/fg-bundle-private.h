/* fg-bundle-private.h — what the files of the bundle share
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bundle is written in fg-bundle-write.c, read and checked in
 * fg-bundle-read.c and merged row by row in fg-bundle-merge.c; documents
 * travel by fg-notice-bundle.c and audit records by fg-audit-bundle.c.
 * fg-bundle.c holds the tables a bundle carries and their columns.
 */
#pragma once

#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>

#include "fg-bundle.h"
#include "fg-node-private.h"
#include "fg-store-private.h"
#include "fg-venue-upkeep-private.h"

G_BEGIN_DECLS

#define FG_BUNDLE_NS "urn:firegrid:bundle:1"
#define FG_BUNDLE_SIGNATURE_OPEN "<signature>"
#define FG_BUNDLE_SIGNATURE_CLOSE "</signature>"
/* A bundle ends with exactly these bytes after its signature's base64:
 * what the signature does not cover has one form only. */
#define FG_BUNDLE_TRAILER FG_BUNDLE_SIGNATURE_CLOSE "\n</bundle>\n"
#define FG_BUNDLE_MAX_DEPTH 3

/* A photo travels as the base64 text of its <photo> element while that
 * stays well under libxml2's limit of 10,000,000 bytes on one text node
 * (base64 with its line breaks is 1.35 to 1.37 times the bytes); a larger
 * one goes in <part> children of FG_BUNDLE_PHOTO_PART bytes each, a
 * multiple of 3 so that no part but the last is padded. A part is text
 * only in the schema (data/schema/bundle-1.xsd): libxml2's validator
 * gathers a typed element's value in the square of its length, which a
 * part's text no longer pays. The reader keeps at most
 * FG_BUNDLE_MAX_PHOTO_BASE64 characters of base64 for one photo, what the
 * largest photo takes, and reads at most FG_BUNDLE_MAX_PHOTO_TEXT
 * characters with the line breaks, whichever form it came in. */
#define FG_BUNDLE_PHOTO_WHOLE (7 * 1000 * 1000)
#define FG_BUNDLE_PHOTO_PART (3 * 87 * 1024)
#define FG_BUNDLE_MAX_PHOTO_BASE64 ((FG_INSPECTION_MAX_PHOTO_SIZE + 2) / 3 * 4)
#define FG_BUNDLE_MAX_PHOTO_TEXT (16 * 1024 * 1024)

/* Who wrote a document as it stands: the office of its latest stamp, of
 * its issuing, its voiding or its last service. */
#define FG_BUNDLE_NOTICE_WRITER(t) \
  "substr (max (" t ".stamp, coalesce (" t ".void_stamp, ''), coalesce (" t ".service_stamp, '')), 23)"

/* A synced table, and the columns a bundle carries of it: every column
 * but the local ones (row numbers, caches). tests/test-bundle-columns.c
 * holds them against the tables as the migrations leave them. */
typedef struct
{
  const char *table;
  const char *element;
  const char * const *columns;        /* the element's attributes, in this order */
  const char * const *other_columns;  /* set otherwise: the element's text, its parent's id, where a venue
                                       * lies; or NULL */
  const char *writer;                 /* who wrote a row as it stands, when not its creator nor its stamp's node */
} FgBundleTableSpec;

extern const FgBundleTableSpec fg_bundle_photos;
extern const FgBundleTableSpec fg_bundle_regions;
extern const FgBundleTableSpec fg_bundle_campaigns;
extern const FgBundleTableSpec fg_bundle_campaign_venues;
extern const FgBundleTableSpec fg_bundle_venues;
extern const FgBundleTableSpec fg_bundle_inspections;
extern const FgBundleTableSpec fg_bundle_inspection_templates;
extern const FgBundleTableSpec fg_bundle_inspection_results;
extern const FgBundleTableSpec fg_bundle_inspection_photos;
extern const FgBundleTableSpec fg_bundle_hazards;
extern const FgBundleTableSpec fg_bundle_events;
extern const FgBundleTableSpec fg_bundle_event_photos;
extern const FgBundleTableSpec fg_bundle_notices;
extern const FgBundleTableSpec fg_bundle_notice_hazards;
extern const FgBundleTableSpec fg_bundle_audit;
extern const FgBundleTableSpec fg_bundle_audit_in;

const FgBundleTableSpec * const *fg_bundle_table_specs (void);
char                            *fg_bundle_column_list (const char         *prefix,
                                                        const char * const *columns);

/* Writing (fg-bundle-write.c) */

/* The file a bundle is written to, and the signature and digest made as
 * it goes. */
typedef struct _FgBundleSink FgBundleSink;

/* One export, as the writers of rows see it. */
typedef struct
{
  FgStore *store;
  xmlTextWriter *writer;
  const char *receiver;      /* the receiver's node id */
  const char *prefix;        /* what the codes of rows to send begin with */
  gint64 since;              /* change_log entries after this one */
  FgBundleReport *report;
  guint changed;             /* rows changed since the last bundle */
  GCancellable *cancellable;
  FgBundleSink *sink;
  const char *path;
  FgBundleProgressFunc progress;
  gpointer progress_data;
  guint64 expected;          /* about how many rows the bundle will hold */
  guint64 written;
  int reported;              /* the last fraction reported, in thousandths */
} FgBundleExport;

void     fg_bundle_set_write_error       (FgBundleExport     *export,
                                          GError            **error);
gboolean fg_bundle_write_children        (FgBundleExport     *export,
                                          const char         *element,
                                          const char         *sql,
                                          const char * const *columns,
                                          const char         *parent_id,
                                          GError            **error);

/* fg-notice-bundle.c */
gboolean fg_notice_bundle_write_children (FgBundleExport     *export,
                                          const char         *notice_id,
                                          GError            **error);

/* fg-audit-bundle.c */
gboolean fg_audit_bundle_write           (FgBundleExport     *export,
                                          const FgNodeInfo   *self,
                                          const FgNodeInfo   *receiver,
                                          gint64             *own_last,
                                          gint64             *passed_on_last,
                                          GError            **error);
gboolean fg_audit_bundle_record_sent     (FgStore            *store,
                                          const char         *peer_id,
                                          gint64              own_last,
                                          gint64              passed_on_last,
                                          GError            **error);

/* Reading and merging */

/* Rows of one table that wait to be written a batch to a statement (see
 * write_rows in fg-bundle-merge.c): the extra columns are the import's,
 * set in the row too. */
typedef struct
{
  const char *table;
  const char * const *columns;        /* the bundle's */
  const char * const *extra_columns;  /* where a venue lies, whose result; or NULL */
  GPtrArray *rows;                    /* GHashTable rows */
  GHashTable *ids;                    /* their ids, for the tables with one */
} FgBundleRowBatch;

typedef struct
{
  FgStore *store;
  FgActor *actor;
  FgNodeInfo *sender;
  const FgBundleInfo *info;  /* what the bundle says of itself */
  char *prefix;              /* what the codes of the sender's rows begin with */
  FgBundleReport *report;
  GHashTable *region_map;    /* a region id of the sender's → ours (the same code) */
  GHashTable *touched;       /* hazards whose events changed */
  GHashTable *decided;       /* a new decision of the brigade → its hazard */
  GHashTable *replied;       /* a new reply to the county's supervision → its hazard */
  char *inspection_id;       /* the inspection whose children are read */
  char *campaign_id;         /* the campaign whose venues are read */
  GPtrArray *campaign_targets; /* campaign id, venue id, …: the venues aimed at, to check at the end */
  char *finished_at;         /* set once its children are in */
  char *event_id;            /* the event whose photos are read */
  gboolean inspection_new;
  gboolean event_new;
  char *latest_stamp;        /* the latest stamp seen, without its node */
  GHashTable *photos;        /* the SHA-256 of each photo the bundle brought */
  char *notice_id;           /* the document whose content and hazards are read */
  GHashTable *notice_row;    /* its attributes */
  gboolean notice_new;       /* not here before: written once its content is read */
  gboolean notice_written;
  int temp_store;            /* the connection's own setting, or -1 */
  int cache_size;            /* the connection's own page cache (PRAGMA cache_size), or 0 */
  gboolean dry_run;          /* rolled back at the end: what no check reads is not kept up */
  FgVenueUpkeep venue_upkeep;  /* the venue trigger set aside while venues are written in bulk */
  gint64 venues_here;        /* about how many venues were here before (a dry run's), or -1 not yet read */
  guint64 venues_written;    /* new venues written so far */
  gboolean venue_lists_dropped;  /* a dry run set the venue list's indexes aside */
  GHashTable *column_names;  /* an attribute's name → its column's ("parent-id" → "parent_id"), the keys of
                              * every row read: a row's keys are never copied nor freed */
  GHashTable *insert_sql;    /* a table and a number of rows → the text of their INSERT */
  GHashTable *paths;         /* a region id of ours → RegionPath */
  FgBundleRowBatch venues;   /* new venues */
  FgBundleRowBatch results;  /* the results of new inspections */
  FgBundleRowBatch events;   /* new hazard events */
  GPtrArray *unfinished;     /* id, finishing time, …: new inspections whose results wait */
  GHashTable *bundle_events; /* the ids of every event the bundle holds */
  GHashTable *arrived_events;  /* a new event → its hazard: checked in its history once all is in */
  GPtrArray *arrived_inspections;  /* new inspections, and those held here that gained a hazard:
                                    * their results checked once they are in */
  GHashTable *inspections_to_check;  /* the same, as a set */
  GCancellable *cancellable;
  FgBundleProgressFunc progress;
  gpointer progress_data;
  gint64 file_size;
  guint n_read;              /* nodes read so far */
  int reported;              /* the last fraction reported, in thousandths */
  gint64 audit_first;        /* the sender's own audit records it brings, first and last; 0 for none */
  gint64 audit_last;
  gint64 audit_head;         /* the newest of them received here before it */
} FgBundleImport;

/* A value of a row read from a bundle, by column name; NULL when the
 * bundle left it out. */
static inline const char *
attr (GHashTable *row,
      const char *column)
{
  return g_hash_table_lookup (row, column);
}

/* fg-bundle-read.c */
gboolean      fg_bundle_import_checked         (FgStore              *store,
                                                FgActor              *actor,
                                                const char           *path,
                                                gboolean              dry_run,
                                                FgBundleReport       *report,
                                                FgBundleInfo        **info,
                                                FgBundleProgressFunc  progress,
                                                gpointer              progress_data,
                                                GCancellable         *cancellable,
                                                GError              **error);
#ifdef FG_FUZZING
/* only in a build for fuzzing (-Dfuzzing=true), never in one that ships */
gboolean      fg_bundle_import_unsigned        (FgStore              *store,
                                                FgActor              *actor,
                                                const char           *path,
                                                FgBundleReport       *report,
                                                GError              **error);
#endif
void          fg_bundle_set_malformed          (GError             **error,
                                                const char          *detail);
void          fg_bundle_set_invalid            (GError             **error);
char         *fg_bundle_dup_attribute          (xmlTextReader       *reader,
                                                const char          *name);
void          fg_bundle_observe_stamp          (FgBundleImport      *import,
                                                const char          *stamp);
const char   *fg_bundle_column_name            (FgBundleImport      *import,
                                                const char          *attribute);
GHashTable   *fg_bundle_row_new                (void);

/* fg-bundle-merge.c */
void          fg_bundle_merge_init             (FgBundleImport      *import);
void          fg_bundle_merge_clear            (FgBundleImport      *import);
gboolean      fg_bundle_merge_before_row       (FgBundleImport      *import,
                                                const char          *element,
                                                GError             **error);
gboolean      fg_bundle_merge_finish           (FgBundleImport      *import,
                                                GError             **error);
const char   *fg_bundle_stamp_node             (const char          *stamp);
void          fg_bundle_set_out_of_scope       (FgBundleImport      *import,
                                                const char          *what,
                                                GError             **error);
void          fg_bundle_set_refused_row        (FgBundleImport      *import,
                                                const char          *what,
                                                const char          *id,
                                                const char          *reason,
                                                GError             **error);
gboolean      fg_bundle_in_sender_scope        (FgBundleImport      *import,
                                                const char          *code);
gboolean      fg_bundle_above_sender_scope     (FgBundleImport      *import,
                                                const char          *code);
const char   *fg_bundle_map_region             (FgBundleImport      *import,
                                                const char          *id);
char         *fg_bundle_region_code            (FgBundleImport      *import,
                                                const char          *region_id);
char         *fg_bundle_venue_code             (FgBundleImport      *import,
                                                const char          *venue_id);
gboolean      fg_bundle_hazard_code            (FgBundleImport      *import,
                                                const char          *hazard_id,
                                                char               **code,
                                                GError             **error);
gboolean      fg_bundle_row_exists             (FgBundleImport      *import,
                                                const char          *table,
                                                const char          *id);
sqlite3_stmt *fg_bundle_prepare_insert         (FgBundleImport      *import,
                                                const char          *table,
                                                const char * const  *columns,
                                                const char * const  *extra_columns,
                                                GError             **error);
void          fg_bundle_bind_row               (sqlite3_stmt        *stmt,
                                                const char * const  *columns,
                                                GHashTable          *row);
gboolean      fg_bundle_apply_photo            (FgBundleImport      *import,
                                                GHashTable          *row,
                                                const char          *base64,
                                                GError             **error);
gboolean      fg_bundle_apply_region           (FgBundleImport      *import,
                                                GHashTable          *row,
                                                GError             **error);
gboolean      fg_bundle_check_campaign_venues  (FgBundleImport      *import,
                                                GError             **error);
gboolean      fg_bundle_apply_campaign_venue   (FgBundleImport      *import,
                                                GHashTable          *row,
                                                GError             **error);
gboolean      fg_bundle_apply_campaign         (FgBundleImport      *import,
                                                GHashTable          *row,
                                                GError             **error);
gboolean      fg_bundle_apply_venue            (FgBundleImport      *import,
                                                GHashTable          *row,
                                                GError             **error);
gboolean      fg_bundle_apply_inspection       (FgBundleImport      *import,
                                                GHashTable          *row,
                                                GError             **error);
gboolean      fg_bundle_apply_inspection_child (FgBundleImport      *import,
                                                const char          *element,
                                                GHashTable          *row,
                                                GError             **error);
gboolean      fg_bundle_apply_hazard           (FgBundleImport      *import,
                                                GHashTable          *row,
                                                GError             **error);
gboolean      fg_bundle_apply_event            (FgBundleImport      *import,
                                                GHashTable          *row,
                                                GError             **error);
gboolean      fg_bundle_apply_event_photo      (FgBundleImport      *import,
                                                GHashTable          *row,
                                                GError             **error);

/* fg-notice-bundle.c */
gboolean      fg_notice_bundle_apply           (FgBundleImport      *import,
                                                GHashTable          *row,
                                                GError             **error);
gboolean      fg_notice_bundle_apply_content   (FgBundleImport      *import,
                                                const char          *base64,
                                                GError             **error);
gboolean      fg_notice_bundle_apply_hazard    (FgBundleImport      *import,
                                                GHashTable          *row,
                                                GError             **error);
gboolean      fg_notice_bundle_finish          (FgBundleImport      *import,
                                                GError             **error);

/* fg-audit-bundle.c */
gboolean      fg_audit_bundle_apply_node       (FgBundleImport      *import,
                                                GHashTable          *row,
                                                GError             **error);
gboolean      fg_audit_bundle_apply            (FgBundleImport      *import,
                                                xmlTextReader       *reader,
                                                GHashTable          *row,
                                                GError             **error);
gboolean      fg_audit_bundle_finish           (FgBundleImport      *import,
                                                guint                sequence,
                                                GError             **error);
void          fg_audit_bundle_record_refused   (FgStore             *store,
                                                FgActor             *actor,
                                                const char          *path,
                                                const char          *sender_id,
                                                const GError        *refusal);

G_END_DECLS
