/* fg-cli.h — what the commands of firegrid-cli share
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "firegrid.h"

#include "fg-cli-output.h"

G_BEGIN_DECLS

/* The name errors are prefixed with, whatever the binary is called. */
#define FG_CLI_PROGRAM_NAME "firegrid-cli"

#define FG_CLI_ERROR (fg_cli_error_quark ())

typedef enum
{
  FG_CLI_ERROR_USAGE,   /* the command line cannot be understood: exit status 2 */
  FG_CLI_ERROR_FAILED,  /* understood, but refused or impossible: exit status 1 */
} FgCliError;

typedef enum
{
  FG_CLI_EXIT_OK = 0,
  FG_CLI_EXIT_REFUSED = 1,
  FG_CLI_EXIT_USAGE = 2,
} FgCliExit;

/* The state of one run: the database named on the command line, opened
 * on first use, and who is logged in to it (the person setting up, while
 * the database has no account). */
typedef struct
{
  char *db_path;       /* NULL for the default */
  char *user;          /* --user: the login; NULL when not given */
  char *password;      /* the login's password once read; wiped when freed */
  FgStore *store;
  FgActor *actor;

  /* for option parsing */
  char *db_option;     /* --db as the latest context parsed it */
  char *user_option;   /* --user likewise */
  char *db_help;
  char *command_path;  /* e.g. "venue add", named in usage hints; NULL at the top */
} FgCli;

void fg_cli_clear (FgCli *cli);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FgCli, fg_cli_clear)

/* A command receives its own name as argv[0] and what follows it. */
typedef gboolean (*FgCliCommandFunc) (FgCli       *cli,
                                      int          argc,
                                      char       **argv,
                                      GError     **error);

typedef struct
{
  const char *name;
  const char *summary;  /* N_() */
  FgCliCommandFunc run;
} FgCliCommand;

typedef enum
{
  FG_CLI_OPEN_SET_UP,     /* an existing database, set up for a township */
  FG_CLI_OPEN_OR_CREATE,  /* created when missing, as for set-up */
} FgCliOpenMode;

GQuark          fg_cli_error_quark        (void);
FgCliExit       fg_cli_error_get_exit     (const GError       *error);
void            fg_cli_add_advice         (GError             *error);

const char     *fg_cli_get_db_path        (FgCli              *cli);
FgStore        *fg_cli_open_store         (FgCli              *cli,
                                           FgCliOpenMode       mode,
                                           gboolean           *created,
                                           GError            **error);
void            fg_cli_discard_database   (FgCli              *cli);
FgActor        *fg_cli_get_actor          (FgCli              *cli,
                                           GError            **error);
FgVenue        *fg_cli_load_venue         (FgStore            *store,
                                           FgActor            *actor,
                                           const char         *id,
                                           GError            **error);

GOptionContext *fg_cli_option_context_new (FgCli              *cli,
                                           const char         *command_path,
                                           const char         *parameter_string,
                                           const char         *summary,
                                           const char         *description,
                                           const GOptionEntry *entries);
gboolean        fg_cli_option_context_parse (FgCli            *cli,
                                             GOptionContext   *context,
                                             int              *argc,
                                             char           ***argv,
                                             GError          **error);
char           *fg_cli_describe_commands  (const FgCliCommand *commands,
                                           guint               n_commands);
gboolean        fg_cli_dispatch           (FgCli              *cli,
                                           const FgCliCommand *commands,
                                           guint               n_commands,
                                           int                 argc,
                                           char              **argv,
                                           GError            **error);
gboolean        fg_cli_run_group          (FgCli              *cli,
                                           const char         *command_path,
                                           const char         *summary,
                                           const FgCliCommand *commands,
                                           guint               n_commands,
                                           int                 argc,
                                           char              **argv,
                                           GError            **error);

void            fg_cli_set_usage_error    (GError            **error,
                                           const char         *format,
                                           ...) G_GNUC_PRINTF (2, 3);
gboolean        fg_cli_check_text         (const char         *option,
                                           const char         *text,
                                           GError            **error);
gboolean        fg_cli_confirm_deadline   (FgStore            *store,
                                           FgActor            *actor,
                                           const char * const *hazard_ids,
                                           FgHazardEventKind   kind,
                                           const GDate        *today,
                                           const char         *deadline,
                                           gboolean            confirmed,
                                           GError            **error);
gboolean        fg_cli_check_extra_args   (int                 argc,
                                           char              **argv,
                                           int                 n_wanted,
                                           GError            **error);
gboolean        fg_cli_open_logged_in     (FgCli              *cli,
                                           FgStore           **store,
                                           FgActor           **actor,
                                           GError            **error);
gboolean        fg_cli_check_campaign     (FgStore            *store,
                                           FgActor            *actor,
                                           const char         *campaign_id,
                                           GError            **error);
gboolean        fg_cli_parse_uint         (const char         *option,
                                           const char         *text,
                                           guint               max,
                                           guint              *value,
                                           GError            **error);
gboolean        fg_cli_parse_int          (const char         *option,
                                           const char         *text,
                                           int                *value,
                                           GError            **error);
gboolean        fg_cli_parse_area         (const char         *option,
                                           const char         *text,
                                           double             *value,
                                           GError            **error);
gboolean        fg_cli_parse_format       (const char         *text,
                                           FgCliFormat        *format,
                                           GError            **error);

/* Passwords: from the environment (for scripts) or typed on the terminal
 * without echo; never printed. A password is freed with
 * fg_cli_password_free(), which wipes it first. */
#define FG_CLI_PASSWORD_VARIABLE "FIREGRID_PASSWORD"
#define FG_CLI_NEW_PASSWORD_VARIABLE "FIREGRID_NEW_PASSWORD"

typedef char FgCliPassword;

void            fg_cli_password_free      (FgCliPassword      *password);
FgCliPassword  *fg_cli_password_read      (const char         *variable,
                                           const char         *login,
                                           GError            **error);
FgCliPassword  *fg_cli_password_read_new  (const char         *variable,
                                           const char         *login,
                                           GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgCliPassword, fg_cli_password_free)

/* The commands */
gboolean fg_cli_command_init     (FgCli *cli, int argc, char **argv, GError **error);
gboolean fg_cli_command_demo     (FgCli *cli, int argc, char **argv, GError **error);
gboolean fg_cli_command_region   (FgCli *cli, int argc, char **argv, GError **error);
gboolean fg_cli_command_venue    (FgCli *cli, int argc, char **argv, GError **error);
gboolean fg_cli_command_category (FgCli *cli, int argc, char **argv, GError **error);
gboolean fg_cli_command_account  (FgCli *cli, int argc, char **argv, GError **error);
gboolean fg_cli_command_audit    (FgCli *cli, int argc, char **argv, GError **error);
gboolean fg_cli_command_check    (FgCli *cli, int argc, char **argv, GError **error);
gboolean fg_cli_command_checklist (FgCli *cli, int argc, char **argv, GError **error);
gboolean fg_cli_command_inspection (FgCli *cli, int argc, char **argv, GError **error);
gboolean fg_cli_command_campaign (FgCli *cli, int argc, char **argv, GError **error);
gboolean fg_cli_command_hazard (FgCli *cli, int argc, char **argv, GError **error);
gboolean fg_cli_hazard_decision (FgCli *cli, int argc, char **argv, GError **error);
void     fg_cli_print_decision (FgHazard *hazard);
gboolean fg_cli_command_escalate (FgCli *cli, int argc, char **argv, GError **error);
gboolean fg_cli_command_escalation (FgCli *cli, int argc, char **argv, GError **error);
gboolean fg_cli_command_calendar (FgCli *cli, int argc, char **argv, GError **error);
gboolean fg_cli_command_notice (FgCli *cli, int argc, char **argv, GError **error);
gboolean fg_cli_command_node (FgCli *cli, int argc, char **argv, GError **error);
gboolean fg_cli_command_peer (FgCli *cli, int argc, char **argv, GError **error);
gboolean fg_cli_command_export (FgCli *cli, int argc, char **argv, GError **error);
gboolean fg_cli_command_import (FgCli *cli, int argc, char **argv, GError **error);
gboolean fg_cli_command_verify (FgCli *cli, int argc, char **argv, GError **error);
gboolean fg_cli_command_sync (FgCli *cli, int argc, char **argv, GError **error);
gboolean fg_cli_command_report (FgCli *cli, int argc, char **argv, GError **error);
gboolean fg_cli_command_ledger (FgCli *cli, int argc, char **argv, GError **error);
gboolean fg_cli_command_stats (FgCli *cli, int argc, char **argv, GError **error);

G_END_DECLS
