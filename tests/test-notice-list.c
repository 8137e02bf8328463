/* test-notice-list.c — the documents counted and read a page at a time
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Notices page lists an FgNoticeQuery through a paged list; what it
 * shows must be what fg_notice_list(), which reads every document at once,
 * gives for the same filter and the same person.
 */
#include "config.h"

#include "fg-test-util.h"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgActor *admin;
  FgActor *village;  /* the demo's village committee */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgActor) installer = fg_actor_new_local ();

  fg_test_dir_init (&f->dir);
  f->store = fg_office_open (f->dir.db_path, &error);
  g_assert_no_error (error);
  fg_demo_populate (f->store, installer, FG_DEMO_DEFAULT_VENUES, NULL, NULL, &error);
  g_assert_no_error (error);
  f->admin = fg_account_login (f->store, "admin", "demo-admin", &error);
  g_assert_no_error (error);
  f->village = fg_account_login (f->store, "village", "demo-village", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->admin, fg_actor_unref);
  g_clear_pointer (&f->village, fg_actor_unref);
  g_clear_object (&f->store);
  fg_test_dir_clear (&f->dir);
}

/* The query counts and pages (of a few rows, to cross many page
 * boundaries) exactly what fg_notice_list() lists; returns how many. */
static guint
assert_agrees (Fixture             *f,
               FgActor             *actor,
               const FgNoticeQuery *query)
{
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  guint n = G_MAXUINT;
  guint offset = 0;

  listed = fg_notice_list (f->store, actor, query->region_id, query->venue_id, query->day,
                           query->open_only, &error);
  g_assert_no_error (error);
  g_assert_true (fg_notice_query_count (f->store, actor, query, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, listed->len);

  for (;;)
    {
      g_autoptr(GPtrArray) page = fg_notice_query_fetch (f->store, actor, query, offset, 7, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->len, <=, 7);
      for (guint i = 0; i < page->len; i++)
        {
          FgNotice *mine = g_ptr_array_index (page, i);
          FgNotice *theirs = g_ptr_array_index (listed, offset + i);
          const char * const *hazards = fg_notice_get_hazard_ids (theirs);
          guint position = G_MAXUINT;

          g_assert_cmpstr (fg_notice_get_id (mine), ==, fg_notice_get_id (theirs));
          g_assert_cmpuint (g_strv_length ((GStrv) fg_notice_get_hazard_ids (mine)), ==,
                            hazards != NULL ? g_strv_length ((GStrv) hazards) : 0);
          g_assert_true (fg_notice_query_find (f->store, actor, query, fg_notice_get_id (mine), &position, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (position, ==, offset + i);
        }
      offset += page->len;
      if (page->len < 7)
        break;
    }
  g_assert_cmpuint (offset, ==, listed->len);

  return listed->len;
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(FgNoticeQuery) query = fg_notice_query_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  FgNotice *latest;
  guint n_all, n;

  n_all = assert_agrees (f, f->admin, query);
  g_assert_cmpuint (n_all, >, 20);

  /* open notices: some, not all */
  query->open_only = TRUE;
  n = assert_agrees (f, f->admin, query);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, n_all);
  query->open_only = FALSE;

  /* the documents of a day: the day the latest was issued */
  all = fg_notice_list (f->store, f->admin, NULL, NULL, NULL, FALSE, &error);
  g_assert_no_error (error);
  latest = g_ptr_array_index (all, 0);
  query->day = g_strdup (fg_notice_get_issued_on (latest));
  g_assert_cmpuint (assert_agrees (f, f->admin, query), >, 0);
  g_clear_pointer (&query->day, g_free);
  query->day = g_strdup ("2000-01-01");
  g_assert_cmpuint (assert_agrees (f, f->admin, query), ==, 0);
  g_clear_pointer (&query->day, g_free);

  /* one venue's */
  query->venue_id = g_strdup (fg_notice_get_venue_id (latest));
  g_assert_cmpuint (assert_agrees (f, f->admin, query), >, 0);
  g_clear_pointer (&query->venue_id, g_free);

  /* a village's, and the whole township's */
  query->region_id = g_strdup (fg_actor_get_scope_region_id (f->village));
  n = assert_agrees (f, f->admin, query);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, n_all);
  g_clear_pointer (&query->region_id, g_free);
  query->region_id = g_strdup (fg_store_get_home_region_id (f->store));
  g_assert_cmpuint (assert_agrees (f, f->admin, query), ==, n_all);

  /* a region removed meanwhile matches nothing */
  g_clear_pointer (&query->region_id, g_free);
  query->region_id = g_strdup ("no-such-region");
  g_assert_true (fg_notice_query_count (f->store, f->admin, query, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
}

/* A village committee sees its village's documents, also when it chooses
 * the township above it. */
static void
test_scope (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(FgNoticeQuery) query = fg_notice_query_new ();
  g_autoptr(FgNoticeQuery) village = fg_notice_query_new ();
  g_autoptr(GError) error = NULL;
  guint n_admin = 0, n_own, n_above = 0, n_village = 0;

  g_assert_nonnull (fg_actor_get_scope_region_id (f->village));
  g_assert_true (fg_notice_query_count (f->store, f->admin, query, &n_admin, &error));
  g_assert_no_error (error);

  n_own = assert_agrees (f, f->village, query);
  g_assert_cmpuint (n_own, >, 0);
  g_assert_cmpuint (n_own, <, n_admin);

  query->region_id = g_strdup (fg_store_get_home_region_id (f->store));
  g_assert_true (fg_notice_query_count (f->store, f->village, query, &n_above, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_above, ==, n_own);

  village->region_id = g_strdup (fg_actor_get_scope_region_id (f->village));
  g_assert_true (fg_notice_query_count (f->store, f->admin, village, &n_village, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_village, ==, n_own);
}

/* The list is counted when it is made and its rows are read when a view
 * asks for them: a document voided after the list was made shows void. */
static void
test_paged_list (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(FgNoticeQuery) query = fg_notice_query_new ();
  g_autoptr(FgPagedList) list = fg_notice_query_list_new (f->store, f->admin, NULL);
  g_autoptr(GPtrArray) all = fg_notice_list (f->store, f->admin, NULL, NULL, NULL, FALSE, NULL);
  g_autoptr(FgNotice) first = NULL;
  g_autoptr(FgNotice) last = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;
  guint open = 0;

  g_assert_true (fg_notice_query_count (f->store, f->admin, query, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  g_assert_cmpuint (n, ==, all->len);
  g_assert_false (fg_notice_get_voided (g_ptr_array_index (all, 0)));

  fg_notice_void (f->store, f->admin, g_ptr_array_index (all, 0), "typed on the wrong form", &error);
  g_assert_no_error (error);

  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (fg_notice_get_id (first), ==, fg_notice_get_id (g_ptr_array_index (all, 0)));
  g_assert_true (fg_notice_get_voided (first));
  last = g_list_model_get_item (G_LIST_MODEL (list), n - 1);
  g_assert_cmpstr (fg_notice_get_id (last), ==, fg_notice_get_id (g_ptr_array_index (all, n - 1)));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));

  /* another filter counts again */
  query->open_only = TRUE;
  fg_paged_list_set_query (list, query);
  g_assert_true (fg_notice_query_count (f->store, f->admin, query, &open, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, open);
  g_assert_cmpuint (open, <, n);
}

static void
on_batch_ready (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* A batch prints every document the query lists but the void ones. */
static void
test_batch (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(FgNoticeQuery) query = fg_notice_query_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) open = NULL;

  query->open_only = TRUE;
  fg_notice_render_batch_async (f->store, f->admin, query, NULL, on_batch_ready, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  pdf = fg_notice_render_batch_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, 1000);
  g_assert_true (memcmp (g_bytes_get_data (pdf, NULL), "%PDF", 4) == 0);

  /* every one void: nothing to print */
  open = fg_notice_list (f->store, f->admin, NULL, NULL, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  query->open_only = FALSE;
  query->venue_id = g_strdup (fg_notice_get_venue_id (g_ptr_array_index (open, 0)));
  {
    g_autoptr(GPtrArray) theirs = fg_notice_list (f->store, f->admin, NULL, query->venue_id, NULL, FALSE, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < theirs->len; i++)
      if (!fg_notice_get_voided (g_ptr_array_index (theirs, i)))
        {
          fg_notice_void (f->store, f->admin, g_ptr_array_index (theirs, i), "issued twice", &error);
          g_assert_no_error (error);
        }
  }
  fg_notice_render_batch_async (f->store, f->admin, query, NULL, on_batch_ready, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (fg_notice_render_batch_finish (f->store, result, &error));
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_VOID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/notice-list/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/notice-list/scope", Fixture, NULL, fixture_set_up, test_scope, fixture_tear_down);
  g_test_add ("/notice-list/paged-list", Fixture, NULL, fixture_set_up, test_paged_list, fixture_tear_down);
  g_test_add ("/notice-list/batch", Fixture, NULL, fixture_set_up, test_batch, fixture_tear_down);

  return g_test_run ();
}
