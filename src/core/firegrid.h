/* firegrid.h — the public interface of libfiregrid
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fg-account.h"
#include "fg-actor.h"
#include "fg-audit.h"
#include "fg-bundle.h"
#include "fg-calendar.h"
#include "fg-campaign.h"
#include "fg-category.h"
#include "fg-checklist.h"
#include "fg-credit-code.h"
#include "fg-deadline.h"
#include "fg-demo.h"
#include "fg-divisions.h"
#include "fg-escalation.h"
#include "fg-hazard.h"
#include "fg-hazard-query.h"
#include "fg-inspection.h"
#include "fg-ledger.h"
#include "fg-node.h"
#include "fg-paged-list.h"
#include "fg-notice.h"
#include "fg-notice-query.h"
#include "fg-office.h"
#include "fg-permission.h"
#include "fg-region.h"
#include "fg-report.h"
#include "fg-store.h"
#include "fg-store-watch.h"
#include "fg-sync.h"
#include "fg-venue.h"
#include "fg-venue-query.h"
