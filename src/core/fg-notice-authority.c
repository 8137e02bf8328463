/* fg-notice-authority.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On what authority a township orders: the articles of the Fire Protection
 * Law and of the province's fire regulations, and the province's decision
 * that gave townships the power, by name and document number. Which
 * articles, and which decision, differ by province and city and change
 * with each revision, so the office enters them (a document setting) and
 * the documents print exactly that, after "根据" and before "，". Until it
 * is set, an order cites nothing rather than something nobody checked.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fg-notice-private.h"
#include "fg-store-private.h"

#define SETTING_AUTHORITY_BASIS "notice.authority-basis"

/* How long the citation may be: several laws, articles and a decision
 * with its number fit in it. */
#define MAX_AUTHORITY_LENGTH 300

/* The township's own duty in the province's regulation (《河南省消防条例》,
 * as amended 2014-03-26, 第十五条): "乡镇人民政府、街道办事处应当……组织消防
 * 安全检查，督促整改火灾隐患". The decision that empowers townships to
 * enforce is the province's, with its name and number, and is not known
 * here: the office adds it. */
#define AUTHORITY_SUGGESTION "《河南省消防条例》第十五条"

/**
 * fg_notice_authority_suggestion:
 *
 * What an office may set as the legal basis of its orders, offered beside
 * the setting and never printed until the office sets it: the article of
 * the province's regulation that gives townships and street offices the
 * duty to inspect and to press for hazards to be corrected. The office
 * adds the province's decision that empowers it, by name and number.
 *
 * Returns: (transfer none): the suggested citation, without 根据
 */
const char *
fg_notice_authority_suggestion (void)
{
  return AUTHORITY_SUGGESTION;
}

/* The citation as stored; "" when the office set none. */
char *
fg_notice_authority_load (FgStore *store)
{
  char *basis = fg_store_dup_setting (store, SETTING_AUTHORITY_BASIS);

  return basis != NULL ? basis : g_strdup ("");
}

gboolean
fg_notice_authority_store (FgStore     *store,
                           const char  *basis,
                           GError     **error)
{
  return fg_store_set_setting (store, SETTING_AUTHORITY_BASIS, basis != NULL ? basis : "", error);
}

/* A citation printed as "根据<basis>，": one line of text naming at least
 * one law or document in 《》, without the words the document adds. */
gboolean
fg_notice_authority_check (const char  *basis,
                           GError     **error)
{
  if (basis == NULL || *basis == '\0')
    return TRUE;

  if (!g_utf8_validate (basis, -1, NULL) || g_utf8_strlen (basis, -1) > MAX_AUTHORITY_LENGTH)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("The legal basis of orders can have up to %d characters."), MAX_AUTHORITY_LENGTH);
      return FALSE;
    }
  for (const char *p = basis; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || (p == basis && g_unichar_isspace (c)))
        {
          g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                       _("Write the legal basis of orders on one line, without spaces around it."));
          return FALSE;
        }
    }
  if (g_str_has_prefix (basis, "根据") || g_str_has_prefix (basis, "依据") ||
      g_str_has_suffix (basis, "，") || g_str_has_suffix (basis, "。") || g_str_has_suffix (basis, ",") ||
      g_str_has_suffix (basis, " "))
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("Write the legal basis of orders without “根据” before it or a comma after it: "
                     "documents print “根据” and the comma around it."));
      return FALSE;
    }
  if (strstr (basis, "《") == NULL || strstr (basis, "》") == NULL)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("The legal basis of orders names the laws and the decision it cites in 《》, "
                     "e.g. 《中华人民共和国消防法》第…条."));
      return FALSE;
    }
  return TRUE;
}
