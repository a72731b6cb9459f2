/* caiji-candidate.h: one roster entry (a candidate eligible for the exam) */
#pragma once

#include <glib.h>

#include "caiji-id-number.h"

G_BEGIN_DECLS

typedef struct {
  char    *student_no;    /* 学号 */
  char    *name;          /* 姓名 */
  CaijiSex sex;           /* 性别 */
  char    *id_number;     /* 证件号, normalised */
  char    *phone;         /* 手机号 */
  char    *university;    /* 所属高校 */
  char    *major;         /* 专业 */
  char    *grade;         /* 年级 */
} CaijiCandidate;

CaijiCandidate *caiji_candidate_new   (void);
CaijiCandidate *caiji_candidate_copy  (const CaijiCandidate *candidate);
void            caiji_candidate_free  (CaijiCandidate       *candidate);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaijiCandidate, caiji_candidate_free)

G_END_DECLS
