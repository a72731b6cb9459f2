/* caiji-id-number.h: resident ID number rules (GB 11643-1999) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CAIJI_ID_NUMBER_LENGTH 18
#define CAIJI_ID_PASSWORD_LENGTH 6

#define CAIJI_ID_ERROR (caiji_id_error_quark ())

typedef enum {
  CAIJI_ID_ERROR_EMPTY,
  CAIJI_ID_ERROR_LENGTH,
  CAIJI_ID_ERROR_CHARACTERS,
  CAIJI_ID_ERROR_AREA,
  CAIJI_ID_ERROR_BIRTH_DATE,
  CAIJI_ID_ERROR_FUTURE_BIRTH,
  CAIJI_ID_ERROR_CHECKSUM,
} CaijiIdError;

typedef enum {
  CAIJI_SEX_UNKNOWN,
  CAIJI_SEX_MALE,
  CAIJI_SEX_FEMALE,
} CaijiSex;

typedef struct {
  char        normalized[CAIJI_ID_NUMBER_LENGTH + 1];
  char        area_code[7];
  const char *province;        /* zh_CN name, static */
  int         birth_year;
  int         birth_month;
  int         birth_day;
  CaijiSex    sex;
} CaijiIdInfo;

GQuark      caiji_id_error_quark          (void);

gboolean    caiji_id_number_parse         (const char  *text,
                                           const GDate *today,
                                           CaijiIdInfo *info,
                                           GError     **error);
char        caiji_id_number_check_char    (const char  *first17);
const char *caiji_id_province_name        (int          code);
gboolean    caiji_id_password_matches     (const char  *normalized_id,
                                           const char  *password);
char       *caiji_id_number_mask          (const char  *id_number);
char       *caiji_phone_mask              (const char  *phone);

const char *caiji_sex_to_string           (CaijiSex     sex);
CaijiSex    caiji_sex_from_string         (const char  *text);
const char *caiji_sex_display_name        (CaijiSex     sex);

G_END_DECLS
