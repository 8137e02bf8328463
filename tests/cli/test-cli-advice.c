/* test-cli-advice.c — the command firegrid-cli adds to a refusal
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core's messages are read in the window and name no command; the
 * command line adds the command that does what they ask, on a line of
 * its own, for the refusals it knows by their codes. Those the tests of
 * cli-notice cannot bring about with a demo township (two townships'
 * documents under one number, a computer without a Chinese font, a
 * county without a name) are made here as the core makes them.
 */
#include <string.h>

#include "fg-cli.h"

typedef struct
{
  GQuark domain;
  int code;
  const char *option;   /* what the added line must hold */
  const char *value;
} Case;

static void
test_advice_added (void)
{
  const Case cases[] = {
    { FG_HAZARD_ERROR, FG_HAZARD_ERROR_NO_LEVEL, "--level", "county-government" },
    { FG_HAZARD_ERROR, FG_HAZARD_ERROR_NO_TARGET, "--to", "police-station" },
    { FG_NOTICE_ERROR, FG_NOTICE_ERROR_NO_RECIPIENT, "--to", "--recipient" },
    { FG_NOTICE_ERROR, FG_NOTICE_ERROR_AMBIGUOUS, "firegrid-cli notice list --format tsv", "id" },
    { FG_NOTICE_ERROR, FG_NOTICE_ERROR_NO_REVIEW_BODY, "firegrid-cli notice settings --review-body", "--court" },
    { FG_NOTICE_ERROR, FG_NOTICE_ERROR_NO_BRIGADE, "firegrid-cli notice settings --brigade", "NAME" },
    { FG_NOTICE_ERROR, FG_NOTICE_ERROR_NO_FONT, "apt install " FG_NOTICE_FONT_PACKAGE, "administrator" },
    { FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_NO_CERTIFICATE, "firegrid-cli account certificate LOGIN", "NUMBER" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (cases[i].domain, cases[i].code, "Words of the core.");
      g_auto(GStrv) lines = NULL;

      fg_cli_add_advice (error);
      g_test_message ("%s", error->message);
      lines = g_strsplit (error->message, "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), ==, 2);
      /* the core's words stay first, whole */
      g_assert_cmpstr (lines[0], ==, "Words of the core.");
      /* then the command, on a line of its own */
      g_assert_nonnull (strstr (lines[1], cases[i].option));
      g_assert_nonnull (strstr (lines[1], cases[i].value));
    }
}

static void
test_advice_not_added (void)
{
  const Case cases[] = {
    { FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT, NULL, NULL },
    { FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_ALLOWED, NULL, NULL },
    { FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID, NULL, NULL },
    { FG_NOTICE_ERROR, FG_NOTICE_ERROR_FONT, NULL, NULL },
    { FG_NOTICE_ERROR, FG_NOTICE_ERROR_RENDER, NULL, NULL },
    { FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_INSPECTOR, NULL, NULL },
    { FG_STORE_ERROR, FG_STORE_ERROR_FAILED, NULL, NULL },
    { FG_CLI_ERROR, FG_CLI_ERROR_FAILED, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (cases[i].domain, cases[i].code, "Words of the core.");

      fg_cli_add_advice (error);
      g_assert_cmpstr (error->message, ==, "Words of the core.");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/advice/added", test_advice_added);
  g_test_add_func ("/cli/advice/not-added", test_advice_not_added);

  return g_test_run ();
}
