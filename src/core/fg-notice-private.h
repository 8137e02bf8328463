/* fg-notice-private.h
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fg-notice.h"
#include "fg-pdf-private.h"

G_BEGIN_DECLS

char       *fg_notice_format_date             (const char             *iso);
char       *fg_notice_settings_to_json        (const FgNoticeSettings *settings);
const char *fg_notice_private_get_region_code (FgNotice               *self);

G_END_DECLS
