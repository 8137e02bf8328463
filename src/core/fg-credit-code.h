/* fg-credit-code.h — 统一社会信用代码 (GB 32100-2015)
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     fg_credit_code_check_char (const char  *first17);
char    *fg_credit_code_normalize  (const char  *text,
                                    GError     **error);

G_END_DECLS
