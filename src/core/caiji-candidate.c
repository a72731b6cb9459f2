/* caiji-candidate.c: one roster entry */
#include "caiji-candidate.h"

CaijiCandidate *
caiji_candidate_new (void)
{
  return g_new0 (CaijiCandidate, 1);
}

CaijiCandidate *
caiji_candidate_copy (const CaijiCandidate *candidate)
{
  CaijiCandidate *copy = caiji_candidate_new ();

  copy->student_no = g_strdup (candidate->student_no);
  copy->name = g_strdup (candidate->name);
  copy->sex = candidate->sex;
  copy->id_number = g_strdup (candidate->id_number);
  copy->phone = g_strdup (candidate->phone);
  copy->university = g_strdup (candidate->university);
  copy->major = g_strdup (candidate->major);
  copy->grade = g_strdup (candidate->grade);
  return copy;
}

void
caiji_candidate_free (CaijiCandidate *candidate)
{
  if (candidate == NULL)
    return;
  g_free (candidate->student_no);
  g_free (candidate->name);
  g_free (candidate->id_number);
  g_free (candidate->phone);
  g_free (candidate->university);
  g_free (candidate->major);
  g_free (candidate->grade);
  g_free (candidate);
}
