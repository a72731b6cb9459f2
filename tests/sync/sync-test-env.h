/* sync-test-env.h: real parts for the sync tests and benchmark
 *
 * A throwaway PostgreSQL cluster (pg-cluster.sh), the real caiji-hub
 * binary serving it, and kiosk stores with approved records made through
 * the store's public API.  Nothing here imitates our own code.
 */
#pragma once

#include <gio/gio.h>
#include <libpq-fe.h>

#include "caiji-store.h"
#include "caiji-sync-worker.h"

G_BEGIN_DECLS

typedef struct {
  char        *hub_binary;
  char        *cluster_script;
  char        *cluster_dir;
  char        *db_uri;
  PGconn      *pg;           /* the tests' own look at the hub's tables */
  GSubprocess *hub;
  guint        hub_port;     /* kept across restarts */
  char        *hub_url;
  int          max_body_mb;
  const char  *tls_cert;     /* set both before sync_env_hub_start for HTTPS */
  const char  *tls_key;
} SyncEnv;

typedef struct {
  char       *dir;
  CaijiStore *store;
  char       *token;
} Kiosk;

void        sync_env_start          (SyncEnv    *env,
                                     const char *hub_binary,
                                     const char *cluster_script,
                                     int         max_body_mb);
void        sync_env_stop           (SyncEnv    *env);
void        sync_env_hub_start      (SyncEnv    *env);
void        sync_env_hub_kill       (SyncEnv    *env);
char       *sync_env_device_add     (SyncEnv    *env,
                                     const char *name);
char       *sync_env_device_id      (SyncEnv    *env,
                                     const char *token);
gint64      sync_env_hub_count      (SyncEnv    *env,
                                     const char *sql,
                                     const char *param);

Kiosk      *kiosk_new               (SyncEnv    *env,
                                     const char *name,
                                     guint       roster_size);
Kiosk      *kiosk_open              (const char *dir,
                                     const char *token);
void        kiosk_restart           (Kiosk      *kiosk);
Kiosk      *kiosk_clone             (Kiosk      *kiosk,
                                     const char *token);
void        kiosk_free              (Kiosk      *kiosk);
gint64      kiosk_captured_record   (Kiosk      *kiosk,
                                     guint       who,
                                     gsize       image_size,
                                     guint32     seed);
gint64      kiosk_review_record     (Kiosk      *kiosk,
                                     guint       who,
                                     gsize       image_size,
                                     guint32     seed);
void        kiosk_approve           (Kiosk      *kiosk,
                                     gint64      record_id);
void        kiosk_set_image         (Kiosk      *kiosk,
                                     gint64      record_id,
                                     CaijiImageKind kind,
                                     gsize       image_size,
                                     guint32     seed);
CaijiSyncWorker *kiosk_worker       (Kiosk      *kiosk,
                                     const char *hub_url,
                                     guint       timeout_seconds);
CaijiSyncPass kiosk_sync            (Kiosk      *kiosk,
                                     const char *hub_url,
                                     guint       timeout_seconds,
                                     gboolean    ignore_schedule);
CaijiRecordStatus kiosk_status      (Kiosk      *kiosk,
                                     gint64      record_id);
char       *kiosk_uuid              (Kiosk      *kiosk,
                                     gint64      record_id);

G_END_DECLS
