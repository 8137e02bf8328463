/* fg-cli-advice.c — the command that answers a refusal
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core says what is missing in words a clerk at the window follows
 * ("an administrator enters it in Document Settings"). At the command
 * line the useful part is the command that does it: this file adds it,
 * on a line of its own, to the refusals it knows by their error codes.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fg-cli.h"

/* The command for @error, or NULL when the message says all there is. */
static char *
advice_for (const GError *error)
{
  if (error->domain == FG_HAZARD_ERROR)
    {
      switch (error->code)
        {
        case FG_HAZARD_ERROR_NO_LEVEL:
          return g_strdup (_("Give --level as township-enforcement, police-station, county-brigade or "
                             "county-government."));
        case FG_HAZARD_ERROR_NO_TARGET:
          return g_strdup (_("Give --to as police-station or regulator."));
        default:
          return NULL;
        }
    }

  if (error->domain == FG_NOTICE_ERROR)
    {
      switch (error->code)
        {
        case FG_NOTICE_ERROR_NO_RECIPIENT:
          return g_strdup (_("Give --to as police-station or regulator, and --recipient with its name."));
        case FG_NOTICE_ERROR_AMBIGUOUS:
          return g_strdup (_("Or name the document by its id: “firegrid-cli notice list --format tsv” "
                             "shows the ids."));
        case FG_NOTICE_ERROR_NO_REVIEW_BODY:
          return g_strdup (_("An administrator enters them with “firegrid-cli notice settings "
                             "--review-body NAME --court NAME”."));
        case FG_NOTICE_ERROR_NO_BRIGADE:
          return g_strdup (_("An administrator enters it with “firegrid-cli notice settings --brigade NAME”."));
        case FG_NOTICE_ERROR_NO_FONT:
          /* TRANSLATORS: %s is a Debian package, e.g. fonts-arphic-uming */
          return g_strdup_printf (_("As the computer’s administrator: apt install %s"), FG_NOTICE_FONT_PACKAGE);
        default:
          return NULL;
        }
    }

  if (g_error_matches (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_NO_CERTIFICATE))
    return g_strdup (_("An administrator enters it with “firegrid-cli account certificate LOGIN NUMBER”."));

  return NULL;
}

/**
 * fg_cli_add_advice:
 * @error: a refusal about to be printed
 *
 * Adds to @error's message, on a line of its own, the command that does
 * what the message asks for, when it is one of the refusals whose
 * remedy is a command.
 */
void
fg_cli_add_advice (GError *error)
{
  g_autofree char *advice = NULL;
  char *message;

  g_return_if_fail (error != NULL);

  advice = advice_for (error);
  if (advice == NULL)
    return;
  message = g_strconcat (error->message, "\n", advice, NULL);
  g_free (error->message);
  error->message = message;
}
