/* caiji-operator-pin.h: the operator PIN that guards operator mode
 *
 * A PIN is 4 to 8 digits.  Only its memory-hard hash (libsodium
 * crypto_pwhash_str, Argon2id) is kept, in the GSettings key
 * "operator-pin-hash"; hashing and verifying run on a worker thread because
 * each takes a noticeable fraction of a second on purpose.  Five wrong PINs
 * in a row lock operator mode for five minutes; the count and the lock are
 * kept in GSettings too, so a restart gives no fresh tries.  With no PIN set yet
 * (first run) the only thing allowed is to set one.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CAIJI_OPERATOR_PIN_ERROR (caiji_operator_pin_error_quark ())

typedef enum {
  CAIJI_OPERATOR_PIN_ERROR_RULES,        /* not 4–8 digits */
  CAIJI_OPERATOR_PIN_ERROR_NOT_SET,      /* first run: set a PIN first */
  CAIJI_OPERATOR_PIN_ERROR_ALREADY_SET,  /* setting again needs the old PIN: change it */
  CAIJI_OPERATOR_PIN_ERROR_WRONG,
  CAIJI_OPERATOR_PIN_ERROR_LOCKED,
  CAIJI_OPERATOR_PIN_ERROR_BUSY,         /* a check is still running */
  CAIJI_OPERATOR_PIN_ERROR_FAILED,       /* libsodium could not hash */
} CaijiOperatorPinError;

#define CAIJI_OPERATOR_PIN_MIN_LENGTH      4
#define CAIJI_OPERATOR_PIN_MAX_LENGTH      8
#define CAIJI_OPERATOR_PIN_MAX_FAILURES    5
#define CAIJI_OPERATOR_PIN_LOCKOUT_SECONDS 300
#define CAIJI_OPERATOR_PIN_SETTINGS_KEY    "operator-pin-hash"
#define CAIJI_OPERATOR_PIN_FAILURES_KEY    "operator-pin-failures"
#define CAIJI_OPERATOR_PIN_LOCKED_KEY      "operator-pin-locked-until"

#define CAIJI_TYPE_OPERATOR_PIN (caiji_operator_pin_get_type ())
G_DECLARE_FINAL_TYPE (CaijiOperatorPin, caiji_operator_pin, CAIJI, OPERATOR_PIN, GObject)

GQuark            caiji_operator_pin_error_quark  (void);

gboolean          caiji_operator_pin_check_rules  (const char           *pin,
                                                   GError              **error);
char             *caiji_operator_pin_hash         (const char           *pin,
                                                   GError              **error);
gboolean          caiji_operator_pin_matches      (const char           *hash,
                                                   const char           *pin);

/* @settings must have the "operator-pin-hash" key (org.caiji.Kiosk). */
CaijiOperatorPin *caiji_operator_pin_new          (GSettings            *settings);
gboolean          caiji_operator_pin_is_set       (CaijiOperatorPin     *self);
gboolean          caiji_operator_pin_is_busy      (CaijiOperatorPin     *self);

void              caiji_operator_pin_set_async    (CaijiOperatorPin     *self,
                                                   const char           *pin,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean          caiji_operator_pin_set_finish   (CaijiOperatorPin     *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
/* Replaces the PIN; the current one must be given, and a wrong one counts
 * towards the lockout like any wrong PIN. */
void              caiji_operator_pin_change_async (CaijiOperatorPin     *self,
                                                   const char           *current_pin,
                                                   const char           *new_pin,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean          caiji_operator_pin_change_finish (CaijiOperatorPin    *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
void              caiji_operator_pin_verify_async (CaijiOperatorPin     *self,
                                                   const char           *pin,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean          caiji_operator_pin_verify_finish (CaijiOperatorPin    *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* Tests replace the wall clock that times the lockout (microseconds since
 * 1970; wall time because the lock outlives a restart). */
void              caiji_operator_pin_set_clock    (CaijiOperatorPin     *self,
                                                   gint64              (*now) (void));

G_END_DECLS
