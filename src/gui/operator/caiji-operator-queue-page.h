/* caiji-operator-queue-page.h: the review queue, approve or reject */
#pragma once

#include <adwaita.h>

#include "caiji-store.h"

G_BEGIN_DECLS

#define CAIJI_TYPE_OPERATOR_QUEUE_PAGE (caiji_operator_queue_page_get_type ())
G_DECLARE_FINAL_TYPE (CaijiOperatorQueuePage, caiji_operator_queue_page, CAIJI, OPERATOR_QUEUE_PAGE, AdwBin)

/* Signal "decided" (a message for the operator) after a decision is saved. */
void caiji_operator_queue_page_set_store (CaijiOperatorQueuePage *self,
                                          CaijiStore             *store);
void caiji_operator_queue_page_refresh   (CaijiOperatorQueuePage *self);

G_END_DECLS
