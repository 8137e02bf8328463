/* fg-cli-setup.c — init and demo: making a database a township's, a county
 * office's or a grid station's
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#ifdef G_OS_UNIX
#include <unistd.h>
#endif

#include "fg-cli.h"

/* fg_demo_populate() commits and reports its work in batches of this size */
#define DEMO_PROGRESS_BATCH 20000

/* A township or county of the division list needs only its code; @note
 * says, once it is set up, where the names left out came from. */
static gboolean
names_from_list (const char  *code,
                 gboolean     county_office,
                 char       **name,
                 char       **county_name,
                 char       **note,
                 GError     **error)
{
  g_autoptr(FgDivisions) divisions = NULL;
  g_autofree char *county_code = g_strndup (code, 6);
  const FgDivision *division;
  const FgDivision *county;
  g_autofree char *names = NULL;

  if (*name != NULL && (county_office || *county_name != NULL))
    return TRUE;

  divisions = fg_divisions_load (error);
  if (divisions == NULL)
    return FALSE;
  division = fg_divisions_lookup (divisions, code);
  county = fg_divisions_lookup (divisions, county_code);

  if (*name == NULL && division == NULL)
    {
      /* TRANSLATORS: the code, then the year of the division list */
      fg_cli_set_usage_error (error, county_office
                                ? _("The division list of %2$d does not hold %1$s: give the county’s name with --name.")
                                : _("The division list of %2$d does not hold %1$s: give the township’s name with "
                                    "--name and the county’s with --county-name."),
                              code, fg_divisions_get_year (divisions));
      return FALSE;
    }
  if (!county_office && *county_name == NULL && county == NULL)
    {
      /* TRANSLATORS: the county's six digits, then the year of the division list */
      fg_cli_set_usage_error (error, _("The division list of %2$d does not hold the county %1$s: give its name "
                                       "with --county-name."),
                              county_code, fg_divisions_get_year (divisions));
      return FALSE;
    }

  if (*name == NULL)
    *name = g_strdup (division->name);
  if (!county_office && *county_name == NULL)
    *county_name = g_strdup (county->name);
  if (county_office)
    names = g_strdup (*name);
  else
    names = g_strdup_printf ("%s %s", *county_name, *name);
  /* TRANSLATORS: the year of the division list, then the names of the
   * county and the township (or of the county alone) */
  *note = g_strdup_printf (_("From the division list of %d: %s\n"), fg_divisions_get_year (divisions), names);
  return TRUE;
}

/* What was set up, and what to do next. */
static void
print_set_up (FgStore    *store,
              FgRegion   *township,
              FgAccount  *admin,
              FgNodeKind  kind)
{
  const char *login = fg_account_get_login (admin);

  /* TRANSLATORS: township name, its division code, the database file */
  printf (_("%s (%s) is set up in %s.\n"),
           fg_region_get_name (township), fg_region_get_code (township),
           fg_store_get_path (store));
  /* TRANSLATORS: the administrator's name and login, then the login again */
  if (kind == FG_NODE_KIND_GRID)
    printf (_("The grid station’s administrator is %s (login %s): give --user %s to the other commands.\n"),
            fg_account_get_display_name (admin), login, login);
  else if (kind == FG_NODE_KIND_COUNTY)
    printf (_("The county administrator is %s (login %s): give --user %s to the other commands.\n"),
            fg_account_get_display_name (admin), login, login);
  else
    printf (_("The township administrator is %s (login %s): give --user %s to the other commands.\n"),
            fg_account_get_display_name (admin), login, login);
  if (kind == FG_NODE_KIND_GRID)
    printf (_("Next: exchange peer files with the township office (“firegrid-cli node peer-file”, "
              "“firegrid-cli peer add”) and import its first bundle, which brings the grid’s names and venues.\n"));
}

gboolean
fg_cli_command_init (FgCli   *cli,
                     int      argc,
                     char   **argv,
                     GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *township_code = NULL;
  g_autofree char *county_code = NULL;
  g_autofree char *grid_code = NULL;
  g_autofree char *township_name = NULL;
  g_autofree char *county_name = NULL;
  g_autofree char *admin_login = NULL;
  g_autofree char *admin_name = NULL;
  g_autofree char *code = NULL;
  g_autofree char *note = NULL;
  g_autoptr(FgCliPassword) password = NULL;
  g_autoptr(FgActor) actor = NULL;
  g_autoptr(FgRegion) township = NULL;
  g_autoptr(FgAccount) admin = NULL;
  FgStore *store;
  gboolean created = FALSE;
  const GOptionEntry entries[] = {
    { "township", 0, 0, G_OPTION_ARG_FILENAME, &township_code,
      N_("The township’s 9- or 12-digit division code"), N_("CODE") },
    { "county", 0, 0, G_OPTION_ARG_FILENAME, &county_code,
      N_("For a county office instead: the county’s 6- or 12-digit division code"), N_("CODE") },
    { "grid", 0, 0, G_OPTION_ARG_FILENAME, &grid_code,
      N_("For a grid station instead: the grid’s code as the township numbered it, e.g. 410425101201-003"),
      N_("CODE") },
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &township_name,
      N_("The township’s name, e.g. 冢头镇 (for a code of the division list, the list’s when left out; "
         "for a grid station, the grid’s, optional)"), N_("NAME") },
    { "county-name", 0, 0, G_OPTION_ARG_FILENAME, &county_name,
      N_("The county’s name, e.g. 郏县 (the division list’s when left out)"), N_("NAME") },
    { "admin", 0, 0, G_OPTION_ARG_STRING, &admin_login,
      N_("The login of the township administrator, the first account (required)"), N_("LOGIN") },
    { "admin-name", 0, 0, G_OPTION_ARG_FILENAME, &admin_name,
      N_("The administrator’s real name, e.g. 张伟, as documents print it (required)"), N_("NAME") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "init", "",
                                       _("Sets up a new database for a township office: "
                                         "the county and the township, the root of every record, "
                                         "and the account of the township administrator."),
                                       _("Add villages and grids afterwards with “firegrid-cli region add”, "
                                         "and accounts with “firegrid-cli account add”; both need "
                                         "--user and the administrator’s login.\n"
                                         "The division code is the township’s statistical division code "
                                         "(统计用区划代码), e.g. 410425101. For a township or county of the "
                                         "division list that ships with Firegrid (Henan, 2022), the code is "
                                         "enough: the names come from the list.\n"
                                         "A grid station (--grid) gets the names of its grid, village and "
                                         "township, and the grid’s venues, from the township office’s first "
                                         "bundle: add the township as a peer and import it.\n"
                                         "The administrator’s password is read from FIREGRID_PASSWORD, "
                                         "or asked for twice."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error) ||
      !fg_cli_check_text ("--name", township_name, error) ||
      !fg_cli_check_text ("--county-name", county_name, error) ||
      !fg_cli_check_text ("--admin-name", admin_name, error))
    return FALSE;

  if (cli->user != NULL)
    {
      fg_cli_set_usage_error (error, _("A new database has no accounts to log in to: "
                                       "leave out --user, and name the administrator with --admin."));
      return FALSE;
    }

  if ((township_code != NULL) + (county_code != NULL) + (grid_code != NULL) != 1)
    {
      fg_cli_set_usage_error (error, _("Give the township’s division code with --township; or for a county "
                                       "office the county’s with --county, or for a grid station the grid’s "
                                       "with --grid."));
      return FALSE;
    }
  if (admin_login == NULL)
    {
      fg_cli_set_usage_error (error, _("Give the login of the township administrator with --admin, "
                                       "e.g. --admin wang.li."));
      return FALSE;
    }
  if (admin_name == NULL)
    {
      fg_cli_set_usage_error (error, _("Give the administrator’s real name with --admin-name, e.g. "
                                       "--admin-name 张伟: documents and the records of changes print it."));
      return FALSE;
    }

  /* A wrong code is refused before a database file is created, and the
   * password asked for before too: an interrupted prompt leaves nothing. */
  if (grid_code != NULL)
    code = fg_grid_code_normalize (grid_code, error);
  else
    code = fg_division_code_normalize (county_code != NULL ? county_code : township_code,
                                       county_code != NULL ? FG_REGION_LEVEL_COUNTY : FG_REGION_LEVEL_TOWNSHIP,
                                       NULL, error);
  if (code == NULL)
    return FALSE;
  if (grid_code == NULL && !names_from_list (code, county_code != NULL, &township_name, &county_name, &note, error))
    return FALSE;

  password = fg_cli_password_read_new (FG_CLI_PASSWORD_VARIABLE, admin_login, error);
  if (password == NULL)
    return FALSE;

  store = fg_cli_open_store (cli, FG_CLI_OPEN_OR_CREATE, &created, error);
  if (store == NULL)
    goto failed;

  /* the township and its administrator, both or neither */
  if (grid_code != NULL)
    admin = fg_office_set_up_grid_with_admin (store, code, township_name, admin_login, admin_name, password, error);
  else if (county_code != NULL)
    admin = fg_office_set_up_county_with_admin (store, code, township_name, admin_login, admin_name, password, error);
  else
    admin = fg_office_set_up_township_with_admin (store, code, township_name, county_name,
                                                  admin_login, admin_name, password, error);
  if (admin == NULL)
    goto failed;

  /* the administrator reads what it now covers */
  actor = fg_account_login (store, admin_login, password, error);
  if (actor == NULL)
    goto failed;
  township = fg_region_lookup (store, actor, fg_store_get_home_region_id (store), error);
  if (township == NULL)
    goto failed;

  if (note != NULL)
    fputs (note, stdout);
  print_set_up (store, township, admin, grid_code != NULL ? FG_NODE_KIND_GRID
                                      : county_code != NULL ? FG_NODE_KIND_COUNTY
                                                            : FG_NODE_KIND_TOWNSHIP);
  return TRUE;

failed:
  if (created)
    fg_cli_discard_database (cli);
  return FALSE;
}

/* The demo's published password of an account, or NULL. */
static const char *
demo_password (const char *login)
{
  guint n_accounts;
  const FgDemoAccount *accounts = fg_demo_get_accounts (&n_accounts);

  for (guint i = 0; i < n_accounts; i++)
    if (g_str_equal (login, accounts[i].login))
      return accounts[i].password;
  return NULL;
}

/* So that a newcomer can log in: one line per account, with its password. */
static gboolean
print_demo_accounts (FgStore  *store,
                     FgActor  *admin,
                     GError  **error)
{
  g_autoptr(GPtrArray) accounts = fg_account_list (store, admin, error);
  g_autoptr(FgCliTable) table = NULL;

  if (accounts == NULL)
    return FALSE;

  table = fg_cli_table_new ();
  fg_cli_table_add_column (table, _("Login"), FG_CLI_ALIGN_LEFT, FALSE);
  fg_cli_table_add_column (table, _("Role"), FG_CLI_ALIGN_LEFT, TRUE);
  fg_cli_table_add_column (table, _("Area"), FG_CLI_ALIGN_LEFT, TRUE);
  fg_cli_table_add_column (table, _("Password"), FG_CLI_ALIGN_LEFT, FALSE);

  for (guint i = 0; i < accounts->len; i++)
    {
      FgAccount *account = g_ptr_array_index (accounts, i);
      const char *password = demo_password (fg_account_get_login (account));
      g_autoptr(FgRegion) area = NULL;
      g_autofree char *area_text = NULL;

      if (password == NULL)
        continue;

      /* a grid with its village, and the code: every village has a 第一网格 */
      area = fg_region_lookup (store, admin, fg_account_get_scope_region_id (account), error);
      if (area == NULL)
        return FALSE;
      /* TRANSLATORS: a region's name and, in brackets, its code */
      area_text = g_strdup_printf (_("%s (%s)"), fg_account_get_scope_label (account), fg_region_get_code (area));

      fg_cli_table_add_row (table,
                            fg_account_get_login (account),
                            fg_role_get_label (fg_account_get_role (account)),
                            area_text,
                            password);
    }

  printf ("\n%s\n",
          _("Log in to the demo with one of these accounts: "
            "give --user LOGIN, and the password in FIREGRID_PASSWORD or when asked."));
  fg_cli_table_print (table);
  return TRUE;
}

typedef struct
{
  GTimer *timer;
  gboolean to_terminal;
  gboolean shown;
} DemoProgress;

static void
demo_progress (guint    done,
               guint    total,
               gpointer user_data)
{
  DemoProgress *progress = user_data;

  /* TRANSLATORS: venues done, venues in all, seconds so far */
  fprintf (stderr, _("Registered %u of %u venues (%.0f s)…"),
           done, total, g_timer_elapsed (progress->timer, NULL));
  fputs (progress->to_terminal && done < total ? "\r" : "\n", stderr);
  fflush (stderr);
  progress->shown = TRUE;
}

gboolean
fg_cli_command_demo (FgCli   *cli,
                     int      argc,
                     char   **argv,
                     GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *venues_text = NULL;
  g_autofree char *description = NULL;
  g_autoptr(FgActor) installer = fg_actor_new_local ();
  g_autoptr(FgActor) admin = NULL;
  g_autoptr(FgRegion) township = NULL;
  g_autoptr(GTimer) timer = NULL;
  guint n_venues = FG_DEMO_DEFAULT_VENUES;
  DemoProgress progress = { 0 };
  FgStore *store;
  gboolean created = FALSE;
  const GOptionEntry entries[] = {
    { "venues", 0, 0, G_OPTION_ARG_STRING, &venues_text,
      N_("How many venues to register"), N_("N") },
    { NULL }
  };

  description = g_strdup_printf (_("Only a new database can take the demo: name one with --db.\n"
                                   "The default is %u venues; a million take a few minutes, "
                                   "with progress shown every %u."),
                                 FG_DEMO_DEFAULT_VENUES, DEMO_PROGRESS_BATCH);
  context = fg_cli_option_context_new (cli, "demo", "",
                                       _("Creates the demo township 冢头镇 of 郏县 with villages, "
                                         "grids and made-up venues, the same venues every time for the same number, "
                                         "and one account for each role, whose logins and passwords it prints."),
                                       description, entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error))
    return FALSE;

  if (venues_text != NULL &&
      !fg_cli_parse_uint ("--venues", venues_text, G_MAXINT32, &n_venues, error))
    return FALSE;

  store = fg_cli_open_store (cli, FG_CLI_OPEN_OR_CREATE, &created, error);
  if (store == NULL)
    goto failed;

  timer = g_timer_new ();
  progress.timer = timer;
#ifdef G_OS_UNIX
  progress.to_terminal = isatty (STDERR_FILENO);
#endif

  if (!fg_demo_populate (store, installer, n_venues,
                         n_venues > DEMO_PROGRESS_BATCH ? demo_progress : NULL, &progress,
                         error))
    {
      if (progress.shown)
        fputc ('\n', stderr);
      goto failed;
    }

  /* the demo has accounts now: what follows is read as its administrator */
  admin = fg_account_login (store, "admin", demo_password ("admin"), error);
  if (admin == NULL)
    goto failed;
  township = fg_region_lookup (store, admin, fg_store_get_home_region_id (store), error);
  if (township == NULL)
    goto failed;

  /* TRANSLATORS: township name, number of venues, the database file */
  printf (g_dngettext (GETTEXT_PACKAGE, "Created the demo township %s with %u venue in %s.\n",
                        "Created the demo township %s with %u venues in %s.\n", n_venues),
           fg_region_get_name (township), n_venues, fg_store_get_path (store));
  printf ("%s\n", _("It holds six weeks of work up to today: inspections, hazards, notices and their service, "
                      "fixes, escalations."));
  return print_demo_accounts (store, admin, error);

failed:
  /* a half-made demo is of no use; a file that was there stays */
  if (created)
    fg_cli_discard_database (cli);
  return FALSE;
}
