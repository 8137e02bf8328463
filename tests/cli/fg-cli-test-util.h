/* fg-cli-test-util.h — running firegrid-cli in the tests, as a user does
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The built program (FIREGRID_CLI, set by meson) runs as a subprocess, in
 * a session of its own; what it stored is read with sqlite3.
 */
#pragma once

#include <string.h>

#include <gio/gio.h>
#include <sqlite3.h>

#ifdef G_OS_UNIX
#include <unistd.h>
#endif

#include "../fg-test-files.h"
#include "../fg-test-sql.h"

/* The day @days from today, YYYY-MM-DD, the same all through a run: a
 * deadline is at most a year after the day it is set. */
static inline const char *
cli_test_day_ahead (guint days)
{
  static GHashTable *texts;  /* days + 1 → the day */
  char *text;

  if (texts == NULL)
    texts = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  text = g_hash_table_lookup (texts, GUINT_TO_POINTER (days + 1));
  if (text == NULL)
    {
      g_autoptr(GDate) day = g_date_new ();

      g_date_set_time_t (day, time (NULL));
      g_date_add_days (day, days);
      text = g_malloc (16);
      g_date_strftime (text, 16, "%Y-%m-%d", day);
      g_hash_table_insert (texts, GUINT_TO_POINTER (days + 1), text);
    }
  return text;
}

/* What one run of firegrid-cli did. */
typedef struct
{
  int status;
  char *out;
  char *err;
} Result;

static inline void
result_free (Result *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

/* The child gets a session of its own, without a controlling terminal, so
 * that no password prompt can wait for someone running the tests. */
static inline void
detach_from_terminal (gpointer user_data)
{
#ifdef G_OS_UNIX
  setsid ();
#endif
}

/* Runs firegrid-cli with the arguments (NULL-terminated) and waits for it.
 *
 * @db: given as --db, or NULL for the program's default database
 * @user: given as --user, or NULL
 * @password: set as FIREGRID_PASSWORD, or NULL to leave it unset
 * @xdg_data_home: set as XDG_DATA_HOME, so that the default database lies
 *   there, never in the home of whoever runs the tests
 * @cwd: the folder it runs in, or NULL for the test's own
 * @env: more of the environment, as "NAME=value" (NULL-terminated), or NULL
 *
 * It runs in LC_ALL=C.UTF-8, without LANGUAGE or FIREGRID_NEW_PASSWORD
 * unless @env sets it. */
static inline Result *
run_cli_valist (const char         *db,
                const char         *user,
                const char         *password,
                const char         *xdg_data_home,
                const char         *cwd,
                const char * const *env,
                const char         *first_arg,
                va_list             args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *program = g_getenv ("FIREGRID_CLI");
  Result *result = g_new0 (Result, 1);

  g_assert_nonnull (program);

  g_ptr_array_add (argv, (char *) program);
  if (db != NULL)
    {
      g_ptr_array_add (argv, (char *) "--db");
      g_ptr_array_add (argv, (char *) db);
    }
  if (user != NULL)
    {
      g_ptr_array_add (argv, (char *) "--user");
      g_ptr_array_add (argv, (char *) user);
    }
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", xdg_data_home, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "FIREGRID_PASSWORD");
  g_subprocess_launcher_unsetenv (launcher, "FIREGRID_NEW_PASSWORD");
  if (password != NULL)
    g_subprocess_launcher_setenv (launcher, "FIREGRID_PASSWORD", password, TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      const char *equals = strchr (env[i], '=');
      g_autofree char *name = NULL;

      g_assert_nonnull (equals);
      name = g_strndup (env[i], equals - env[i]);
      g_subprocess_launcher_setenv (launcher, name, equals + 1, TRUE);
    }
  g_subprocess_launcher_set_child_setup (launcher, detach_from_terminal, NULL, NULL);
  if (cwd != NULL)
    g_subprocess_launcher_set_cwd (launcher, cwd);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);

  /* killed: by a sanitizer's abort, say, whose report is on stderr */
  if (!g_subprocess_get_if_exited (process))
    g_error ("firegrid-cli was killed by signal %d: %s", g_subprocess_get_term_sig (process), result->err);
  result->status = g_subprocess_get_exit_status (process);

  return result;
}

static inline Result *
run_cli (const char         *db,
         const char         *user,
         const char         *password,
         const char         *xdg_data_home,
         const char         *cwd,
         const char * const *env,
         const char         *first_arg,
         ...)
{
  va_list args;
  Result *result;

  va_start (args, first_arg);
  result = run_cli_valist (db, user, password, xdg_data_home, cwd, env, first_arg, args);
  va_end (args);

  return result;
}

#define assert_success(result) \
  G_STMT_START { \
    if ((result)->status != 0) \
      g_error ("firegrid-cli failed with %d: %s", (result)->status, (result)->err); \
    g_assert_cmpstr ((result)->err, ==, ""); \
  } G_STMT_END

/* A refusal (1) or a wrong command line (2): the status, a message naming
 * the program, nothing on stdout. */
#define assert_refused(result, expected_status) \
  G_STMT_START { \
    g_test_message ("refused (%d): %s", (result)->status, (result)->err); \
    g_assert_cmpint ((result)->status, ==, (expected_status)); \
    g_assert_true (g_str_has_prefix ((result)->err, "firegrid-cli: ")); \
    g_assert_cmpstr ((result)->out, ==, ""); \
  } G_STMT_END

/* The same, and the message says @fragment. */
#define assert_refused_saying(result, expected_status, fragment) \
  G_STMT_START { \
    assert_refused ((result), (expected_status)); \
    g_assert_nonnull (strstr ((result)->err, (fragment))); \
  } G_STMT_END

static inline guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

/* The field @column of the first TSV line whose field @key_column is @key. */
static inline char *
tsv_lookup (const char *text,
            guint       key_column,
            const char *key,
            guint       column)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (fields) > MAX (key_column, column) &&
          g_str_equal (fields[key_column], key))
        return g_strdup (fields[column]);
    }

  return NULL;
}

