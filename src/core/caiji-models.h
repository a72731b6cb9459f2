/* caiji-models.h: find a model file and prove it is the one the manifest pins */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CAIJI_MODEL_ERROR (caiji_model_error_quark ())

typedef enum {
  CAIJI_MODEL_ERROR_MISSING,   /* not installed */
  CAIJI_MODEL_ERROR_CORRUPT,   /* installed, but empty or wrong sha256 */
  CAIJI_MODEL_ERROR_UNKNOWN,   /* not listed in the manifest */
  CAIJI_MODEL_ERROR_MANIFEST,  /* the manifest itself is unreadable or malformed */
} CaijiModelError;

/* One line of data/models/manifest.tsv.  source_sha256 pins the upstream
 * download when transform is not "-"; both are "-" otherwise. */
typedef struct {
  char *file;
  char *url;
  char *sha256;
  char *licence;
  char *transform;
  char *source_sha256;
} CaijiModelEntry;

GQuark     caiji_model_error_quark    (void);

void       caiji_model_entry_free     (CaijiModelEntry *entry);
GPtrArray *caiji_model_manifest_load  (const char      *path,
                                       GError         **error);
char      *caiji_model_manifest_path  (void);

char      *caiji_model_path           (const char      *file_name,
                                       GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiModelEntry, caiji_model_entry_free)

G_END_DECLS
