/* caiji-id-reader-card.h: the card data in a reader's "read" reply
 *
 * The reply to 30 01 carries: text length (2 bytes, big-endian), photo
 * length (2 bytes, big-endian), a 256-byte UCS-2LE text block with fixed
 * fields (name 30 bytes, sex code 2, nation code 4, birth YYYYMMDD 16,
 * address 70, ID number 36, issuing authority 30, valid from 16, valid to
 * 16 or 长期, 36 reserved; space padded), and a 1024-byte photo in the
 * proprietary WLT format.  The photo is kept as bytes, never decoded: only
 * licensed libraries can, so the kiosk does not show the chip photo.
 */
#pragma once

#include <glib.h>

#include "caiji-card-reading.h"

G_BEGIN_DECLS

#define CAIJI_READER_TEXT_LENGTH  256
#define CAIJI_READER_PHOTO_LENGTH 1024

CaijiCardReading *caiji_reader_card_parse  (GBytes                 *payload,
                                            GBytes                **photo,
                                            GError                **error);
GBytes           *caiji_reader_card_encode (const CaijiCardReading *card,
                                            GBytes                 *photo);

G_END_DECLS
